#pragma once
// Staff's attendance of an activity: today's activities to pick from, then one button a
// person (those registered, and those who came without registering) that marks them
// present or, tapped again, takes the mark back; "Lisää nimi" for a walk-in, and the
// count without a name one up or one down. Each change is a record at once: no "save".
#include <memory>

#include "ui/screens/screen.h"

namespace olohuone::ui {

inline constexpr const char* staff_attendance_screen_name = "staff_attendance";

std::unique_ptr<Screen> make_staff_activities_screen(const ScreenContext& context, MonotonicMs closes_after_ms);

} // namespace olohuone::ui
