#include "kiosk_clock.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "json_checks.h"
#include "payload_rules.h"

namespace olohuone::server {

Result<KioskClock> parse_kiosk_clock(const nlohmann::json& clock)
{
    if (!clock.is_object())
        return make_error("clock must be an object");
    KioskClock parsed;
    const auto at = clock.find("at");
    const auto at_value = at == clock.end() ? std::nullopt : whole_number_in(*at, earliest_record_time, latest_record_time);
    if (!at_value)
        return make_error("clock.at must be a Unix time in seconds between 2020 and 2100");
    parsed.at = *at_value;
    const auto synced = clock.find("synced");
    if (synced == clock.end() || !synced->is_boolean())
        return make_error("clock.synced must be true or false");
    parsed.synced = synced->get<bool>();
    const auto boot = clock.find("boot");
    const auto* boot_text = boot == clock.end() ? nullptr : boot->get_ptr<const std::string*>();
    if (boot_text == nullptr || boot_text->empty() || boot_text->size() > max_boot_id_bytes
        || !std::all_of(boot_text->begin(), boot_text->end(), [](char c) { return c > 0x20 && c < 0x7F; }))
        return make_error("clock.boot must be a text of 1 to " + std::to_string(max_boot_id_bytes)
                          + " printable ASCII characters");
    parsed.boot = *boot_text;
    const auto uptime = clock.find("uptime_ms");
    const auto uptime_value = uptime == clock.end() ? std::nullopt : whole_number_in(*uptime, 0, max_uptime_ms);
    if (!uptime_value)
        return make_error("clock.uptime_ms must be a whole number from 0 to " + std::to_string(max_uptime_ms));
    parsed.uptime_ms = *uptime_value;
    return parsed;
}

Result<void> note_kiosk_clock(sql::Database& database, std::int64_t kiosk_id, const KioskClock& clock,
                              UnixSeconds now)
{
    if (!clock.synced)
        return {};
    // The first synchronised report of a boot decides; later ones of the same boot agree
    // with it to the second, and NTP's later small steps do not move past records.
    auto anchor = database.prepare("INSERT INTO kiosk_boot (kiosk_id, boot, began_ms, noted_at) VALUES (?, ?, ?, ?) "
                                   "ON CONFLICT (kiosk_id, boot) DO NOTHING");
    if (!anchor)
        return anchor.error();
    anchor->bind(1, kiosk_id).bind(2, clock.boot).bind(3, clock.at * 1000 - clock.uptime_ms).bind(4, now);
    if (auto ran = anchor->run(); !ran)
        return ran.error();
    auto corrected = correct_flagged_times(database, kiosk_id, now);
    if (!corrected)
        return corrected.error();
    return {};
}

Result<int> correct_flagged_times(sql::Database& database, std::int64_t kiosk_id, UnixSeconds now)
{
    auto update = database.prepare(R"sql(
UPDATE record
SET payload = json_set(payload,
                       '$.time.kiosk_at', json_extract(payload, '$.time.at'),
                       '$.time.at', (kiosk_boot.began_ms + json_extract(payload, '$.time.uptime_ms')) / 1000),
    time_corrected_at = ?2
FROM kiosk_boot
WHERE record.kiosk_id = ?1 AND record.clock_synced = 0 AND record.time_corrected_at IS NULL
  AND kiosk_boot.kiosk_id = record.kiosk_id AND kiosk_boot.boot = json_extract(record.payload, '$.time.boot')
  AND json_type(record.payload, '$.time.uptime_ms') = 'integer'
)sql");
    if (!update)
        return update.error();
    update->bind(1, kiosk_id).bind(2, now);
    if (auto ran = update->run(); !ran)
        return ran.error();
    return static_cast<int>(database.changes());
}

} // namespace olohuone::server
