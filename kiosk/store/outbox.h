#pragma once
// The outbox: every record the kiosk makes waits here, by its idempotency key, until the
// server has acknowledged it. Rows are added inside the caller's transaction.
#include <nlohmann/json_fwd.hpp>

#include <string>

#include "core/civil_time.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::store {

// When a record was made, and whether the system clock was known to be right then
// (a Raspberry Pi has no battery clock: until NTP answers, times may be far off).
struct RecordTime {
    UnixSeconds at = 0;
    bool clock_synced = false;
};

// The record's time as every payload carries it.
nlohmann::json record_time_json(const RecordTime& time);

// Adds the record `key` of `kind` with its JSON payload. A key already in the outbox is
// an error: the caller checks for repeats before it writes the record itself.
Result<void> add_to_outbox(sql::Database& database, const std::string& key, const std::string& kind,
                           const nlohmann::json& payload, const RecordTime& time);

// Records not yet delivered (nor set aside as rejected).
Result<std::int64_t> outbox_waiting(sql::Database& database);

} // namespace olohuone::store
