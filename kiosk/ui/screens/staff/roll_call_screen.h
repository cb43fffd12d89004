#pragma once
// The fire alarm's roll call: everyone in the building when it began, a big button a
// person, ticked "✓ Löytynyt" as each is found, with how many are still missing at the
// top. Nothing is stored but the journal's audit lines (begun, ended, how many found):
// the ticks matter for the minutes of the alarm, not afterwards.
#include <memory>

#include "ui/screens/screen.h"

namespace olohuone::ui {

inline constexpr const char* roll_call_screen_name = "staff_roll_call";

// Left untouched for this long the roll call closes: long enough for an evacuation.
inline constexpr MonotonicMs roll_call_closes_after_ms = 30 * 60'000;

std::unique_ptr<Screen> make_roll_call_screen(std::vector<PresentVisitor> people, std::vector<std::string> where,
                                              std::int64_t anonymous);

} // namespace olohuone::ui
