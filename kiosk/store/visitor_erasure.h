#pragma once
// Erasing a person on a data-protection request: their visitor row and every record
// about them (visits, registrations, attendance) with the outbox rows of those records,
// delivered or not, since a payload holds the name. Counts made without a name are no
// one's and stay.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::store {

// A visitor whose name matches, and how much is kept about them.
struct VisitorFootprint {
    std::int64_t visitor_id = 0;
    std::string key;
    std::string name;
    std::string group_id;
    std::string marker_id;
    UnixSeconds last_seen_at = 0;
    std::int64_t visits = 0;
    std::int64_t registrations = 0;
    std::int64_t attendance = 0;
    std::int64_t outbox_waiting = 0;   // not yet delivered to the server
    std::int64_t outbox_delivered = 0; // the server has a copy (stored, or refused and kept aside)
};

// Visitors whose name folds to `fold` (fold_name of the normalised name, as the
// kiosk stores it), most recently seen first.
Result<std::vector<VisitorFootprint>> visitors_named(sql::Database& database, const std::string& fold);

// Erases the visitor with `visitor_key` and everything above about them, in one
// transaction; what was erased. An unknown key is an error and nothing changes.
Result<VisitorFootprint> erase_visitor(sql::Database& database, const std::string& visitor_key);

} // namespace olohuone::store
