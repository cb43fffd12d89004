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
// The same rule over registrations already in their order (the site's: site_order).
Places allocate_in_order(const std::vector<Registration>& ordered, std::optional<int> capacity);

struct KeyedRegistration {
    Registration registration;
    std::string key; // the record key the kiosk made it under
};

// A registration as the server's last answer about the site's places lists it: every
// kiosk's, in the server's order, cancelled ones too (their place is theirs again if
// staff restore them).
struct SitePlace {
    std::string key;
    bool cancelled = false;
};

// The order of the site's places, when the kiosks of a site share them through the
// server: the server's order (`site`), in which this kiosk's own registrations stand as
// this kiosk has them now (it may have cancelled or restored one since), then this
// kiosk's registrations the server has not heard of yet, in the order they were made.
// Another kiosk's registration stands for a place whose holder only that kiosk knows: it
// gets a visitor id below zero, which no visitor has. `own_cancelled` are this kiosk's
// cancelled registrations' keys. With no answer yet, this is the kiosk's own order.
std::vector<Registration> site_order(std::vector<KeyedRegistration> active, const std::vector<SitePlace>& site,
                                     const std::vector<std::string>& own_cancelled);

// Visitors who were waiting in `before` and are coming in `after`: the moves a
// cancellation (or a larger capacity) made, to be recorded. Another kiosk's places are
// not among them.
std::vector<std::int64_t> promoted(const Places& before, const Places& after);
// Visitors who were coming in `before` and wait in `after`: a restored cancellation took
// its place back, or the server gave the place to a registration that reached it first.
std::vector<std::int64_t> moved_to_queue(const Places& before, const Places& after);

// A registered visitor as the pick-your-name lists show them.
struct Registrant {
    std::int64_t visitor_id = 0;
    std::string public_name; // "Aino K."
    std::string group_id;
    std::string marker_id;
    bool coming = false;
    int queue_position = 0;
    bool here = false; // marked present
    std::string name;  // whole name, for staff
    // The server's last answer about the site's places has it: its place was decided
    // for the whole site, not by this kiosk alone.
    bool known_to_server = false;
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

// A cancellation staff may undo on the same day, with what undoing it would do.
struct Cancellation {
    std::string registration_key;
    std::int64_t visitor_id = 0;
    std::string name; // whole name, for staff
    UnixSeconds cancelled_at = 0;
    bool registered_again = false; // they registered again since: nothing to restore
};

struct RestoreReceipt {
    std::string name;                  // whole name
    bool coming = false;               // their place as it is now
    int queue_position = 0;
    std::vector<std::string> to_queue; // whole names of those who wait again
};

// A registration's move into a place or into the queue, for staff's screens.
struct PlaceChange {
    std::string name; // whole name
    bool promoted = false;
    int queue_position = 0;
    bool by_server = false; // the server's decision of the site's places, not a change here
    UnixSeconds at = 0;
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
