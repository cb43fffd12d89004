#include "store/outbox.h"

#include <nlohmann/json.hpp>

namespace olohuone::store {

RecordTime record_time_now(const Clock& clock)
{
    RecordTime time{clock.now(), clock.synchronised()};
    if (!time.clock_synced)
        time.boot = clock.since_boot();
    time.set_by_staff = clock.set_by_staff();
    return time;
}

nlohmann::json record_time_json(const RecordTime& time)
{
    nlohmann::json json = {{"at", time.at}, {"clock_synced", time.clock_synced}};
    if (time.boot && !time.boot->boot_id.empty()) {
        json["boot"] = time.boot->boot_id;
        json["uptime_ms"] = time.boot->uptime_ms;
    }
    if (time.set_by_staff)
        json["clock_set_by_staff"] = true;
    return json;
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

Result<std::vector<OutboxRecord>> outbox_next(sql::Database& database, int limit)
{
    auto select = database.prepare("SELECT key, kind, payload, created_at, clock_synced FROM outbox "
                                   "WHERE sent_at IS NULL AND rejected_reason IS NULL ORDER BY id LIMIT ?");
    if (!select)
        return select.error();
    select->bind(1, std::int64_t{limit});
    return sql::collect_rows(select.value(), [](const sql::Statement& row) {
        return OutboxRecord{row.column_text(0), row.column_text(1), row.column_text(2),
                            RecordTime{row.column_int(3), row.column_int(4) != 0}};
    });
}

Result<void> settle_outbox(sql::Database& database, const std::vector<OutboxOutcome>& outcomes, UnixSeconds at)
{
    auto transaction = sql::Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    auto delivered = database.prepare("UPDATE outbox SET sent_at = ? WHERE key = ? AND sent_at IS NULL");
    auto refused = database.prepare(
        "UPDATE outbox SET rejected_reason = ?, rejected_at = ? WHERE key = ? AND sent_at IS NULL");
    if (!delivered)
        return delivered.error();
    if (!refused)
        return refused.error();
    for (const OutboxOutcome& outcome : outcomes) {
        sql::Statement& update = outcome.refused_reason ? refused.value() : delivered.value();
        update.reset();
        if (outcome.refused_reason)
            update.bind(1, *outcome.refused_reason).bind(2, at).bind(3, outcome.key);
        else
            update.bind(1, at).bind(2, outcome.key);
        if (auto ran = update.run(); !ran)
            return ran;
    }
    return transaction->commit();
}

Result<std::int64_t> outbox_set_aside_count(sql::Database& database)
{
    return database.query_int("SELECT count(*) FROM outbox WHERE rejected_reason IS NOT NULL");
}

Result<std::vector<SetAsideRecord>> outbox_set_aside(sql::Database& database, int limit)
{
    auto select = database.prepare("SELECT key, kind, rejected_reason, created_at, rejected_at FROM outbox "
                                   "WHERE rejected_reason IS NOT NULL ORDER BY id DESC LIMIT ?");
    if (!select)
        return select.error();
    select->bind(1, std::int64_t{limit});
    return sql::collect_rows(select.value(), [](const sql::Statement& row) {
        SetAsideRecord record{row.column_text(0), row.column_text(1), row.column_text(2), row.column_int(3), {}};
        if (!row.column_is_null(4))
            record.rejected_at = row.column_int(4);
        return record;
    });
}

} // namespace olohuone::store
