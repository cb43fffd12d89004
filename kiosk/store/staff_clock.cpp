#include "store/staff_clock.h"

namespace olohuone::store {

Result<void> remember_clock_set_by_staff(sql::Database& database, const std::string& boot_id, UnixSeconds at)
{
    auto insert = database.prepare("INSERT INTO staff_clock (boot, set_at) VALUES (?, ?) "
                                   "ON CONFLICT (boot) DO UPDATE SET set_at = excluded.set_at");
    if (!insert)
        return insert.error();
    insert->bind(1, boot_id).bind(2, at);
    return insert->run();
}

Result<bool> clock_set_by_staff_in(sql::Database& database, const std::string& boot_id)
{
    auto select = database.prepare("SELECT 1 FROM staff_clock WHERE boot = ?");
    if (!select)
        return select.error();
    select->bind(1, boot_id);
    auto found = sql::optional_row(*select, [](const sql::Statement&) { return true; });
    if (!found)
        return found.error();
    return found.value().has_value();
}

} // namespace olohuone::store
