#pragma once
// "Tulen mukaan": who is coming to an activity, who waits for a place, and when
// registration is open. The places are given in order of registration: the first
// `capacity` active registrations are coming, the rest wait in the same order, so a
// cancellation moves the first in the queue up without anyone deciding it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/occurrence.h"

namespace olohuone {

struct RegistrationRules {
    int closes_minutes_before = 60;   // registration closes this long before the start
    int attendance_opens_minutes_before = 30; // "Olen paikalla" from this long before the start ...
    int attendance_closes_minutes_after = 60; // ... until this long after it
};

enum class RegistrationState {
    Open,
    ClosedSoon,  // past the closing time, the activity has not started
    Started,     // under way or over
    Cancelled,   // the activity itself is cancelled
};

// Whether a visitor can register for `occurrence` at `now`.
RegistrationState registration_state(const Occurrence& occurrence, UnixSeconds now, const RegistrationRules& rules);

// Whether "Olen paikalla" is offered for `occurrence` at `now`.
bool attendance_open(const Occurrence& occurrence, UnixSeconds now, const RegistrationRules& rules);

// One registration as stored, in the order it was made.
struct Registration {
    std::int64_t id = 0; // breaks ties between registrations made in the same second
    std::int64_t visitor_id = 0;
    UnixSeconds registered_at = 0;
    bool cancelled = false;
};

// Where each active registration stands.
struct Standing {
    std::int64_t visitor_id = 0;
    bool coming = false;
    int queue_position = 0; // 1 for the first in the waiting list; 0 when coming
};

struct Places {
    std::vector<Standing> standings; // active registrations, in order
    int coming = 0;
    std::optional<int> capacity;     // none: no limit
    int waiting = 0;

    // Places left; none when there is no limit.
    std::optional<int> left() const;
    const Standing* of(std::int64_t visitor_id) const;
};

Places allocate_places(std::vector<Registration> registrations, std::optional<int> capacity);

// Visitors who were waiting in `before` and are coming in `after`: the moves a
// cancellation (or a larger capacity) made, to be recorded.
std::vector<std::int64_t> promoted(const Places& before, const Places& after);

} // namespace olohuone
