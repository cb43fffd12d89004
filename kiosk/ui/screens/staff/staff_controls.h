#pragma once
// What every staff screen shares: the "Poistu" button back to the public screen, and the
// line that says staff mode closes by itself.
#include "ui/screens/screen.h"

namespace olohuone::ui {

inline constexpr const char* leave_staff_id = "staff/leave";

ControlGroup leave_staff_group(const ScreenContext& context);

// "Sulkeutuu itsestään, kun näyttöön ei ole koskettu 2 minuuttiin."
std::string closes_by_itself_line(const ScreenContext& context);

} // namespace olohuone::ui
