#pragma once
// The staff PIN that opens staff mode on the screen, and the wrong tries made against
// it. Only the PIN's hash is stored (app/staff_pin.h makes and checks it); the failures
// are kept on disk so a restart does not reset a lockout.
#include <optional>
#include <string>

#include "core/civil_time.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::store {

struct StaffPin {
    std::string hash; // crypto_pwhash_str's text
    UnixSeconds set_at = 0;
};

// None: no PIN has been set yet.
Result<std::optional<StaffPin>> staff_pin(sql::Database& database);
// Sets or replaces the PIN and clears the failures, in one transaction: a new PIN
// starts without a lockout.
Result<void> set_staff_pin(sql::Database& database, const std::string& hash, UnixSeconds at);

struct StaffPinFailures {
    int count = 0;
    std::optional<UnixSeconds> last_at;
};

Result<StaffPinFailures> staff_pin_failures(sql::Database& database);
// One more wrong PIN, at `at`.
Result<void> note_staff_pin_failure(sql::Database& database, UnixSeconds at);
// The run of wrong PINs as the lockout rule sees it now: a run forgotten after an hour
// starts again at one, and a wait restarts from now when the clock has gone back.
Result<void> set_staff_pin_failures(sql::Database& database, int count, UnixSeconds last_at);
Result<void> clear_staff_pin_failures(sql::Database& database);

} // namespace olohuone::store
