#pragma once
// What every staff screen shares: the "Poistu" button back to the public screen, and the
// line that says staff mode closes by itself.
#include <memory>

#include "ui/screens/choice_screen.h"
#include "ui/screens/screen.h"

namespace olohuone::ui {

inline constexpr const char* leave_staff_id = "staff/leave";

ControlGroup leave_staff_group(const ScreenContext& context);

// A question staff answer with big buttons, closing by itself after `closes_after_ms`
// untouched like every staff screen.
std::unique_ptr<Screen> staff_choices(std::string name, ChoiceScreen::Describe describe, ChoiceScreen::Chosen chosen,
                                      MonotonicMs closes_after_ms);

// "Sulkeutuu itsestään, kun näyttöön ei ole koskettu 2 minuuttiin."
std::string closes_by_itself_line(const ScreenContext& context);

} // namespace olohuone::ui
