#pragma once
// A Raspberry Pi has no battery clock: until NTP sets it, its records carry times that
// may be days or years off, flagged clock_synced = false. Each such record also says
// which boot it was made in and how long after it. The first heartbeat of the same boot
// with a synchronised clock tells when that boot began, and with it the true time of
// every flagged record of the boot (docs/api.md, "Times made before the clock was set").
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

#include "core/civil_time.h"
#include "core/result.h"
#include "server_store.h"
#include "store/sqlite.h"

namespace olohuone::server {

// The kernel's boot id is a UUID; a little room for another form.
constexpr std::size_t max_boot_id_bytes = 64;
constexpr std::int64_t max_uptime_ms = 100LL * 366 * 24 * 3600 * 1000;

// The heartbeat's "clock" object, or why it is not one (naming the field).
Result<KioskClock> parse_kiosk_clock(const nlohmann::json& clock);

// Notes when `kiosk_id`'s boot began, from its first report of a synchronised clock in
// that boot, and corrects the records it flagged in that boot. The caller's transaction.
Result<void> note_kiosk_clock(sql::Database& database, std::int64_t kiosk_id, const KioskClock& clock,
                              UnixSeconds now);

// Gives each of `kiosk_id`'s flagged, uncorrected records from a boot whose beginning is
// known its true time: the payload's time.at becomes the corrected one and the kiosk's
// own is kept as time.kiosk_at. How many were corrected.
Result<int> correct_flagged_times(sql::Database& database, std::int64_t kiosk_id, UnixSeconds now);

} // namespace olohuone::server
