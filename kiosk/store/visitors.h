#pragma once
// The visitor table, shared by every record about a person: sign-ins, registrations,
// attendance. Called inside the caller's transaction.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "core/visits.h"
#include "store/sqlite.h"

namespace olohuone::store {

// The visitor `identity` names: the one picked by id (their last-seen time moved on to
// `at`), the one with the same typed name, group and marker, or a new one.
Result<std::int64_t> find_or_add_visitor(sql::Database& database, const VisitorIdentity& identity, UnixSeconds at);

// The visitor `identity` names (picked by id, or the same typed name, group and marker),
// if there is one; nothing is added or changed.
Result<std::optional<std::int64_t>> find_visitor(sql::Database& database, const VisitorIdentity& identity);

struct StoredVisitor {
    std::string key;
    std::string name;
    std::string group_id;
    std::string marker_id;
};

Result<StoredVisitor> read_visitor(sql::Database& database, std::int64_t visitor_id);

// The visitor as the server receives them in a record.
nlohmann::json visitor_json(const StoredVisitor& visitor);

} // namespace olohuone::store
