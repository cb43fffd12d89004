#include "store/visits_from_attendance.h"

#include <nlohmann/json.hpp>

#include "store/record_key.h"

namespace olohuone::store {
namespace {

// Takes back the visit `key` a mark opened, with its visit.withdrawn record.
Result<void> withdraw_opened_visit(sql::Database& database, const std::string& key, RecordTime time)
{
    const std::string withdraw_key = new_record_key();
    auto update = database.prepare("UPDATE visit SET withdrawn_at = ?, withdraw_key = ? WHERE key = ?");
    if (!update)
        return update.error();
    update->bind(1, time.at).bind(2, withdraw_key).bind(3, key);
    if (auto ran = update->run(); !ran)
        return ran.error();
    const nlohmann::json payload = {{"visit", key}, {"time", record_time_json(time)}};
    return add_to_outbox(database, withdraw_key, "visit.withdrawn", payload, time);
}

} // namespace

Result<void> sign_in_from_attendance(sql::Database& database, std::int64_t visitor_id, const StoredVisitor& visitor,
                                     const std::string& attendance_key, const nlohmann::json& activity,
                                     UnixSeconds since, RecordTime time)
{
    auto open = database.prepare("SELECT 1 FROM visit WHERE visitor_id = ? AND signed_in_at >= ? "
                                 "AND signed_out_at IS NULL AND withdrawn_at IS NULL");
    if (!open)
        return open.error();
    open->bind(1, visitor_id).bind(2, since);
    auto found = sql::optional_row(*open, [](const sql::Statement&) { return true; });
    if (!found)
        return found.error();
    if (found.value())
        return {};

    const std::string key = new_record_key();
    auto insert = database.prepare("INSERT INTO visit (key, visitor_id, group_id, signed_in_at, clock_synced, "
                                   "from_attendance) VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, key)
        .bind(2, visitor_id)
        .bind(3, visitor.group_id)
        .bind(4, time.at)
        .bind(5, time.clock_synced ? 1 : 0)
        .bind(6, attendance_key);
    if (auto ran = insert->run(); !ran)
        return ran.error();
    const nlohmann::json payload = {{"visit", key},
                                    {"group", visitor.group_id},
                                    {"visitor", visitor_json(visitor)},
                                    {"activity", activity},
                                    {"time", record_time_json(time)}};
    return add_to_outbox(database, key, "visit.sign_in", payload, time);
}

Result<void> withdraw_visit_from_attendance(sql::Database& database, const std::string& attendance_key,
                                            RecordTime time)
{
    auto select = database.prepare("SELECT key, visitor_id, signed_in_at FROM visit WHERE from_attendance = ? "
                                   "AND signed_out_at IS NULL AND withdrawn_at IS NULL");
    if (!select)
        return select.error();
    select->bind(1, attendance_key);
    struct Opened {
        std::string key;
        std::int64_t visitor_id;
        UnixSeconds since;
    };
    auto visit = sql::optional_row(*select, [](const sql::Statement& row) {
        return Opened{row.column_text(0), row.column_int(1), row.column_int(2)};
    });
    if (!visit)
        return visit.error();
    if (!visit.value())
        return {};
    // Marked at another activity since (the open visit spared that mark a visit of its
    // own): still in the building, and that mark now holds the visit.
    auto other = database.prepare("SELECT key FROM attendance WHERE visitor_id = ? AND arrived_at >= ? "
                                  "AND withdrawn_at IS NULL AND key != ? ORDER BY arrived_at DESC, id DESC LIMIT 1");
    if (!other)
        return other.error();
    other->bind(1, visit.value()->visitor_id).bind(2, visit.value()->since).bind(3, attendance_key);
    auto still = sql::optional_row(*other, [](const sql::Statement& row) { return row.column_text(0); });
    if (!still)
        return still.error();
    if (still.value()) {
        auto moved = database.prepare("UPDATE visit SET from_attendance = ? WHERE key = ?");
        if (!moved)
            return moved.error();
        moved->bind(1, *still.value()).bind(2, visit.value()->key);
        return moved->run();
    }
    return withdraw_opened_visit(database, visit.value()->key, time);
}

Result<void> withdraw_visits_opened_by_marks(sql::Database& database, std::int64_t visitor_id, RecordTime time)
{
    auto select = database.prepare("SELECT key FROM visit WHERE visitor_id = ? AND from_attendance IS NOT NULL "
                                   "AND signed_out_at IS NULL AND withdrawn_at IS NULL");
    if (!select)
        return select.error();
    select->bind(1, visitor_id);
    auto keys = sql::collect_rows(*select, [](const sql::Statement& row) { return row.column_text(0); });
    if (!keys)
        return keys.error();
    for (const std::string& key : keys.value())
        if (auto withdrawn = withdraw_opened_visit(database, key, time); !withdrawn)
            return withdrawn;
    return {};
}

} // namespace olohuone::store
