#pragma once
// Staff changing the programme between tasks: a day's occurrences to pick from (today and
// the days the kiosk shows ahead), then what to change: cancel or restore it, move it,
// another place, another number of places; or a one-off event from a template and a start
// time. Every answer is a record at once, shown on the Today screen straight away, and
// each occurrence says whether the server has taken the change or changed it since.
#include <memory>

#include "ui/screens/screen.h"

namespace olohuone::ui {

std::unique_ptr<Screen> make_staff_programme_screen(const ScreenContext& context, MonotonicMs closes_after_ms);

} // namespace olohuone::ui
