#pragma once
// Which boots staff set the clock in ("Aseta kellonaika"): a kiosk started again in the
// same boot (an upgrade, a crash) still trusts the time staff set; a new boot does not.
#include <string>

#include "core/civil_time.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::store {

Result<void> remember_clock_set_by_staff(sql::Database& database, const std::string& boot_id, UnixSeconds at);
Result<bool> clock_set_by_staff_in(sql::Database& database, const std::string& boot_id);

} // namespace olohuone::store
