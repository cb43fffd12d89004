#include "store/staff_access.h"

namespace olohuone::store {

Result<std::optional<StaffPin>> staff_pin(sql::Database& database)
{
    auto select = database.prepare("SELECT hash, set_at FROM staff_pin WHERE id = 1");
    if (!select)
        return select.error();
    return sql::optional_row(select.value(), [](const sql::Statement& row) {
        return StaffPin{row.column_text(0), row.column_int(1)};
    });
}

Result<void> set_staff_pin(sql::Database& database, const std::string& hash, UnixSeconds at)
{
    if (hash.empty())
        return make_error("a staff PIN needs its hash");
    auto transaction = sql::Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    auto upsert = database.prepare("INSERT INTO staff_pin (id, hash, set_at) VALUES (1, ?, ?) "
                                   "ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at");
    if (!upsert)
        return upsert.error();
    upsert->bind(1, hash).bind(2, at);
    if (auto ran = upsert->run(); !ran)
        return ran;
    if (auto cleared = clear_staff_pin_failures(database); !cleared)
        return cleared;
    return transaction->commit();
}

Result<StaffPinFailures> staff_pin_failures(sql::Database& database)
{
    auto select = database.prepare("SELECT count, last_at FROM staff_pin_failures WHERE id = 1");
    if (!select)
        return select.error();
    auto failures = sql::optional_row(select.value(), [](const sql::Statement& row) {
        StaffPinFailures read{static_cast<int>(row.column_int(0)), std::nullopt};
        if (!row.column_is_null(1))
            read.last_at = row.column_int(1);
        return read;
    });
    if (!failures)
        return failures.error();
    return failures->value_or(StaffPinFailures{});
}

Result<void> note_staff_pin_failure(sql::Database& database, UnixSeconds at)
{
    auto update = database.prepare("UPDATE staff_pin_failures SET count = count + 1, last_at = ? WHERE id = 1");
    if (!update)
        return update.error();
    update->bind(1, at);
    return update->run();
}

Result<void> set_staff_pin_failures(sql::Database& database, int count, UnixSeconds last_at)
{
    auto update = database.prepare("UPDATE staff_pin_failures SET count = ?, last_at = ? WHERE id = 1");
    if (!update)
        return update.error();
    update->bind(1, static_cast<std::int64_t>(count)).bind(2, last_at);
    return update->run();
}

Result<void> clear_staff_pin_failures(sql::Database& database)
{
    return database.execute_script("UPDATE staff_pin_failures SET count = 0, last_at = NULL WHERE id = 1");
}

} // namespace olohuone::store
