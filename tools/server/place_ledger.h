#pragma once
// Places at a site's activities as the server decides them, across the site's kiosks
// (docs/api.md, "Places"). Each registration's place follows the order in which its
// record reached the server: the first `capacity` active ones are coming, the rest wait
// in that order. A cancellation moves the first in the queue up; a restored
// cancellation takes its original place again. When a registration's place differs from
// what its kiosk told the visitor (two kiosks that gave the last place while offline),
// or a place changes later, that is a move, kept for the week page.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/civil_time.h"
#include "core/registration.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::server {

// An activity as records name it: the event's UID and which of its occurrences.
using ActivityKey = std::pair<std::string, UnixSeconds>;

// A registration that reaches the server this soon after it was made was shown the
// server's decision: the kiosk's thank-you waits three seconds for it, and kiosks' and
// the server's clocks are a second or two apart at most.
inline constexpr UnixSeconds decision_shown_within_seconds = 5;

// Notes one stored registration.add, registration.cancel or registration.restore record
// (`record_id` is its row) delivered by `kiosk_id` in the ledger; returns the activity it
// changed, if any. Only the kiosk that made a registration cancels or restores it.
Result<std::optional<ActivityKey>> note_registration_record(sql::Database& database, std::int64_t site_id,
                                                            std::int64_t kiosk_id, std::int64_t record_id,
                                                            const std::string& kind, const std::string& payload,
                                                            UnixSeconds received_at);

// Decides the places of `activities` again and keeps the moves that made. Runs in the
// caller's transaction.
Result<void> settle_places(sql::Database& database, std::int64_t site_id, const std::set<ActivityKey>& activities,
                           UnixSeconds now);

// One activity's registrations in the server's order, for the kiosks: cancelled ones
// too, whose place is theirs again if a kiosk restores them.
struct ActivityPlaces {
    std::string uid;
    UnixSeconds instance = 0;
    std::optional<int> capacity; // as the site's kiosks last sent it; none: no limit
    bool capacity_known = false; // false: no kiosk has sent it (an older kiosk)
    std::vector<SitePlace> registrations;
};

inline constexpr std::size_t max_place_activities = 2000;

// Activities whose occurrence began at or after `from` (by instance), with their places.
Result<std::vector<ActivityPlaces>> site_places(sql::Database& database, std::int64_t site_id, UnixSeconds from);

// A move the server made: a waiting registration got a place, or one that had (or was
// told it had) a place waits.
struct PlaceMove {
    std::string uid;
    UnixSeconds instance = 0;
    std::string registration;
    bool promoted = false;  // false: to the queue
    int queue_position = 0; // where it waits, when not promoted
    std::string name;       // the visitor's, empty when erased
    UnixSeconds at = 0;
};

// The site's moves of occurrences with instance in [from, to), in the order made.
Result<std::vector<PlaceMove>> place_moves(sql::Database& database, std::int64_t site_id, UnixSeconds from,
                                           UnixSeconds to);

} // namespace olohuone::server
