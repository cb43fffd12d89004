#pragma once
// The table `olohuonectl server list-kiosks` prints: one line per kiosk, tab-separated, with
// a header line; times in UTC (ISO 8601), sizes in binary units. Stable, so scripts can
// read it too.
#include <string>
#include <vector>

#include "server_store.h"

namespace olohuone::server {

std::string kiosk_table(const std::vector<KioskStatus>& kiosks);

// When the kiosk was last heard from: its last request (noted to the minute) or its last
// heartbeat, whichever is later; none when it never called.
std::optional<UnixSeconds> last_heard(const KioskStatus& kiosk);

// "2026-11-24T08:15:00Z"
std::string utc_text(UnixSeconds at);
// "512 B", "1.5 KiB", "117.7 MiB", "2.0 GiB"
// A size of 1 KiB or more in the largest binary unit that keeps the value at 1 or more.
struct ByteSize {
    double value;
    const char* unit; // "KiB" … "EiB"
};
ByteSize in_binary_units(std::int64_t bytes);
std::string size_text(std::int64_t bytes);

} // namespace olohuone::server
