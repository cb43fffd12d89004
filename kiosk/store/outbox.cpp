#include "store/outbox.h"

#include <nlohmann/json.hpp>

namespace olohuone::store {

nlohmann::json record_time_json(const RecordTime& time)
{
    return {{"at", time.at}, {"clock_synced", time.clock_synced}};
}

Result<void> add_to_outbox(sql::Database& database, const std::string& key, const std::string& kind,
                           const nlohmann::json& payload, const RecordTime& time)
{
    auto insert = database.prepare(
        "INSERT INTO outbox (key, kind, payload, created_at, clock_synced) VALUES (?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, key).bind(2, kind).bind(3, payload.dump()).bind(4, time.at).bind(5, time.clock_synced ? 1 : 0);
    return insert->run();
}

Result<std::int64_t> outbox_waiting(sql::Database& database)
{
    return database.query_int("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND rejected_reason IS NULL");
}

} // namespace olohuone::store
