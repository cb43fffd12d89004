#pragma once
// How long a wrong staff PIN keeps the pad shut. Two slips are free; after that each
// wrong PIN doubles the wait, up to a ceiling, so guessing a 4-digit PIN would take
// weeks while a member of staff who mistypes twice loses nothing. Wrong PINs an hour
// old are forgotten, so a child's random tries in the morning cannot keep staff from
// the evacuation list in the afternoon.
#include <optional>

#include "core/civil_time.h"

namespace olohuone {

struct PinLockoutRules {
    int free_failures = 2;        // wrong PINs in a row that cost no wait
    int first_wait_seconds = 30;  // after the first wrong PIN beyond the free ones
    int longest_wait_seconds = 15 * 60;
    int forget_after_seconds = 60 * 60; // a run of wrong PINs ends this long after its last
};

// The wrong PINs that still count: `failures`, or none once the last is forgotten.
int pin_failures_in_force(const PinLockoutRules& rules, int failures, std::optional<UnixSeconds> last_failure_at,
                          UnixSeconds now);

// Seconds until the next PIN may be tried, after `failures` wrong PINs in a row, the last
// at `last_failure_at`; 0 when one may be tried now. When the clock has gone back past
// the last failure (a Raspberry Pi before its clock is set) the whole wait is due again:
// the caller then restarts the wait from now, so it never lasts longer than the rule's.
std::int64_t pin_wait_seconds(const PinLockoutRules& rules, int failures, std::optional<UnixSeconds> last_failure_at,
                              UnixSeconds now);

} // namespace olohuone
