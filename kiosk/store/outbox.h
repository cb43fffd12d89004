#pragma once
// The outbox: every record the kiosk makes waits here, by its idempotency key, until the
// server has acknowledged it. Rows are added inside the caller's transaction.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/clock.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::store {

// When a record was made, and whether the system clock was known to be right then
// (a Raspberry Pi has no battery clock: until NTP answers, times may be far off).
struct RecordTime {
    UnixSeconds at = 0;
    bool clock_synced = false;
    // Only for a time taken on a clock not yet synchronised: lets the server work out the
    // true time once the same boot reaches a synchronised clock.
    std::optional<BootInstant> boot = std::nullopt;
    // Known to be right because staff set the clock on the kiosk, not NTP.
    bool set_by_staff = false;
};

// The clock's time now, for a record.
RecordTime record_time_now(const Clock& clock);

// The record's time as every payload carries it.
nlohmann::json record_time_json(const RecordTime& time);

// Adds the record `key` of `kind` with its JSON payload. A key already in the outbox is
// an error: the caller checks for repeats before it writes the record itself.
Result<void> add_to_outbox(sql::Database& database, const std::string& key, const std::string& kind,
                           const nlohmann::json& payload, const RecordTime& time);

// Records not yet delivered (nor set aside as rejected).
Result<std::int64_t> outbox_waiting(sql::Database& database);

// A record as it waits to be sent.
struct OutboxRecord {
    std::string key;
    std::string kind;
    std::string payload; // JSON text, as written
    RecordTime time;
};

// The oldest records still waiting, at most `limit`, in the order they were made.
Result<std::vector<OutboxRecord>> outbox_next(sql::Database& database, int limit);

// What the server said of one record.
struct OutboxOutcome {
    std::string key;
    std::optional<std::string> refused_reason; // none: delivered (stored, or already there)
};

// Marks each record delivered at `at`, or sets it aside with the server's reason, in one
// transaction. A record set aside is never sent again; staff see it with its reason.
Result<void> settle_outbox(sql::Database& database, const std::vector<OutboxOutcome>& outcomes, UnixSeconds at);

struct SetAsideRecord {
    std::string key;
    std::string kind;
    std::string reason;
    UnixSeconds created_at = 0;
    std::optional<UnixSeconds> rejected_at;
};

// How many records the server refused for good.
Result<std::int64_t> outbox_set_aside_count(sql::Database& database);

// Records the server refused for good, newest first, at most `limit`.
Result<std::vector<SetAsideRecord>> outbox_set_aside(sql::Database& database, int limit);

} // namespace olohuone::store
