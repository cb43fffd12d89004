#include "store/sync_state.h"

#include "store/programme_edits.h"

namespace olohuone::store {
namespace {

std::optional<UnixSeconds> optional_time(const sql::Statement& row, int column)
{
    if (row.column_is_null(column))
        return std::nullopt;
    return row.column_int(column);
}

Result<void> set_time(sql::Database& database, std::string_view sql, UnixSeconds at)
{
    auto update = database.prepare(sql);
    if (!update)
        return update.error();
    update->bind(1, at);
    return update->run();
}

} // namespace

Result<SyncState> read_sync_state(sql::Database& database)
{
    auto select = database.prepare(
        "SELECT programme_etag, programme_at, last_success_at, last_heartbeat_at FROM sync_state WHERE id = 1");
    if (!select)
        return select.error();
    auto state = sql::optional_row(select.value(), [](const sql::Statement& row) {
        return SyncState{row.column_text(0), optional_time(row, 1), optional_time(row, 2), optional_time(row, 3)};
    });
    if (!state)
        return state.error();
    return state->value_or(SyncState{});
}

Result<void> note_sync_success(sql::Database& database, UnixSeconds at)
{
    return set_time(database, "UPDATE sync_state SET last_success_at = ? WHERE id = 1", at);
}

Result<void> note_heartbeat(sql::Database& database, UnixSeconds at)
{
    return set_time(database, "UPDATE sync_state SET last_heartbeat_at = ? WHERE id = 1", at);
}

Result<void> replace_server_programme(sql::Database& database, const std::vector<CalendarFile>& calendars,
                                      const std::string& etag, UnixSeconds at)
{
    auto transaction = sql::Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    if (auto cleared = database.execute_script("DELETE FROM server_calendar"); !cleared)
        return cleared;
    auto insert = database.prepare("INSERT INTO server_calendar (name, ics) VALUES (?, ?)");
    if (!insert)
        return insert.error();
    for (const CalendarFile& calendar : calendars) {
        insert->reset();
        insert->bind(1, calendar.name).bind(2, calendar.text);
        if (auto inserted = insert->run(); !inserted)
            return inserted;
    }
    auto noted = database.prepare("UPDATE sync_state SET programme_etag = ?, programme_at = ? WHERE id = 1");
    if (!noted)
        return noted.error();
    noted->bind(1, etag).bind(2, at);
    if (auto ran = noted->run(); !ran)
        return ran;
    if (auto settled = settle_delivered_edits(database); !settled)
        return settled;
    return transaction->commit();
}

Result<std::vector<CalendarFile>> server_programme(sql::Database& database)
{
    auto select = database.prepare("SELECT name, ics FROM server_calendar ORDER BY name");
    if (!select)
        return select.error();
    return sql::collect_rows(select.value(), [](const sql::Statement& row) {
        return CalendarFile{row.column_text(0), row.column_text(1)};
    });
}

Result<void> note_programme_current(sql::Database& database) { return settle_delivered_edits(database); }

} // namespace olohuone::store
