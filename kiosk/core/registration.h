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

// Whether an occurrence takes registrations at all: a timed one does; an all-day event
// (an exhibition, the library open) is simply there.
bool takes_registrations(const Occurrence& occurrence);

// Whether a visitor can register for `occurrence` at `now`.
RegistrationState registration_state(const Occurrence& occurrence, UnixSeconds now, const RegistrationRules& rules);

// Whether "Olen paikalla" is offered for `occurrence` at `now`.
bool attendance_open(const Occurrence& occurrence, UnixSeconds now, const RegistrationRules& rules);
// Staff mark and correct attendance from the time visitors can mark themselves until
// `day_ends_at`, the end of the activity's local day: a mark missed in the bustle, or
// made by mistake, is put right after the activity.
bool staff_attendance_open(const Occurrence& occurrence, UnixSeconds now, const RegistrationRules& rules,
                           UnixSeconds day_ends_at);

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

// A registered visitor as the pick-your-name lists show them.
struct Registrant {
    std::int64_t visitor_id = 0;
    std::string public_name; // "Aino K."
    std::string group_id;
    std::string marker_id;
    bool coming = false;
    int queue_position = 0;
    bool here = false; // marked present
};

// Where an activity stands, for the Today row and the detail screen.
struct ActivityStatus {
    RegistrationState registration = RegistrationState::Open;
    bool takes_registrations = false;
    bool attendance_open = false;
    Places places;
    int here_named = 0;     // "Olen paikalla" by name (counted while attendance is open)
    int here_anonymous = 0; // the "+1" count
    // The kiosk's clock is not set yet (no network since a power cut): the rules go by
    // the time, so registering, cancelling and "Olen paikalla" wait for it.
    bool waits_for_clock = false;

    bool full() const { return places.left() && *places.left() == 0; }
    bool can_register() const { return registration == RegistrationState::Open && !waits_for_clock; }
    // Cancelling is for the time before the start; a cancelled activity needs none.
    bool can_cancel() const
    {
        return !places.standings.empty() && !waits_for_clock
            && (registration == RegistrationState::Open || registration == RegistrationState::ClosedSoon);
    }
};

struct RegistrationReceipt {
    std::string first_name;
    bool coming = false;
    int queue_position = 0;
    bool already = false; // they had registered before: nothing new was stored
};

struct CancellationReceipt {
    std::string first_name;
    int promoted = 0; // waiting visitors who got the place
};

// Someone marked present at an activity, for staff's attendance list.
struct Attendee {
    std::int64_t visitor_id = 0;
    std::string public_name; // "Aino K."
    std::string group_id;
    std::string marker_id;
};

struct AttendanceReceipt {
    std::string first_name; // "" when counted without a name
    bool already = false;
};

} // namespace olohuone
