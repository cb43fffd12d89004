#include "kiosk_list.h"

#include <algorithm>
#include <cstdio>

namespace olohuone::server {
namespace {

// A name staff typed may hold a tab or a newline; the table must not.
std::string cell(std::string text)
{
    std::replace_if(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; },
                    ' ');
    return text;
}

} // namespace

std::string utc_text(UnixSeconds at)
{
    const std::int64_t days = at >= 0 ? at / 86400 : (at - 86399) / 86400;
    const std::int64_t seconds = at - days * 86400;
    const CivilDate date = CivilDate::from_days_since_epoch(days);
    char text[32];
    std::snprintf(text, sizeof text, "%sT%02d:%02d:%02dZ", date.iso().c_str(), static_cast<int>(seconds / 3600),
                  static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
    return text;
}

ByteSize in_binary_units(std::int64_t bytes)
{
    const char* units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = static_cast<double>(bytes) / 1024;
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < std::size(units)) {
        value /= 1024;
        ++unit;
    }
    return {value, units[unit]};
}

std::string size_text(std::int64_t bytes)
{
    if (bytes < 1024)
        return std::to_string(bytes) + " B";
    const ByteSize size = in_binary_units(bytes);
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", size.value, size.unit);
    return text;
}

std::optional<UnixSeconds> last_heard(const KioskStatus& kiosk)
{
    std::optional<UnixSeconds> heard = kiosk.last_seen_at;
    if (kiosk.heartbeat_at && (!heard || *kiosk.heartbeat_at > *heard))
        heard = kiosk.heartbeat_at;
    return heard;
}

std::string kiosk_table(const std::vector<KioskStatus>& kiosks)
{
    std::string table = "kiosk\tsite\tname\tstatus\tlast_heard\tversion\tqueue\tlast_sync\tfree_disk\n";
    for (const KioskStatus& kiosk : kiosks) {
        const std::optional<UnixSeconds> heard = last_heard(kiosk);
        const Heartbeat* beat = kiosk.heartbeat ? &*kiosk.heartbeat : nullptr;
        table += std::to_string(kiosk.kiosk_id) + '\t' + std::to_string(kiosk.site_id) + '\t' + cell(kiosk.name) + '\t'
            + (kiosk.revoked ? "revoked" : "active") + '\t' + (heard ? utc_text(*heard) : "never") + '\t'
            + (beat ? cell(beat->version) : "-") + '\t' + (beat ? std::to_string(beat->queue_length) : "-") + '\t'
            + (!beat ? "-" : beat->last_sync_at ? utc_text(*beat->last_sync_at) : "never") + '\t'
            + (beat ? size_text(beat->free_disk_bytes) : "-") + '\n';
    }
    return table;
}

} // namespace olohuone::server
