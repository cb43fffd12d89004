#include "heartbeat_api.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "json_checks.h"
#include "kiosk_clock.h"
#include "payload_rules.h"

namespace olohuone::server {
namespace {

constexpr std::size_t max_version_bytes = 40;
constexpr std::int64_t max_uptime_seconds = 100LL * 366 * 24 * 3600;
constexpr std::int64_t max_queue_length = 1'000'000'000;
constexpr std::int64_t max_free_disk_bytes = std::int64_t{1} << 60; // an exbibyte

Result<std::int64_t> whole_number_field(const nlohmann::json& body, const char* name, std::int64_t min,
                                        std::int64_t max)
{
    const auto found = body.find(name);
    const auto number = found == body.end() ? std::nullopt : whole_number_in(*found, min, max);
    if (!number)
        return make_error(std::string(name) + " must be a whole number from " + std::to_string(min) + " to "
                          + std::to_string(max));
    return *number;
}

} // namespace

Result<Heartbeat> parse_heartbeat(const std::string& body)
{
    const nlohmann::json document = nlohmann::json::parse(body, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return make_error("the body is not a JSON object");

    Heartbeat heartbeat;
    const auto version = document.find("version");
    const auto* version_text = version == document.end() ? nullptr : version->get_ptr<const std::string*>();
    if (version_text == nullptr || version_text->empty() || version_text->size() > max_version_bytes
        || !std::all_of(version_text->begin(), version_text->end(), [](char c) { return c >= 0x20 && c <= 0x7E; }))
        return make_error("version must be a text of 1 to 40 printable ASCII characters");
    heartbeat.version = *version_text;

    auto uptime = whole_number_field(document, "uptime_seconds", 0, max_uptime_seconds);
    if (!uptime)
        return uptime.error();
    heartbeat.uptime_seconds = uptime.value();
    auto queue = whole_number_field(document, "queue_length", 0, max_queue_length);
    if (!queue)
        return queue.error();
    heartbeat.queue_length = queue.value();
    auto free_disk = whole_number_field(document, "free_disk_bytes", 0, max_free_disk_bytes);
    if (!free_disk)
        return free_disk.error();
    heartbeat.free_disk_bytes = free_disk.value();

    // Present always, null until the kiosk has once reached the server.
    const auto last_sync = document.find("last_sync_at");
    if (last_sync == document.end())
        return make_error("last_sync_at is missing (null when the kiosk has not synchronised yet)");
    if (!last_sync->is_null()) {
        auto at = whole_number_field(document, "last_sync_at", earliest_record_time, latest_record_time);
        if (!at)
            return make_error("last_sync_at must be null or a Unix time in seconds between 2020 and 2100");
        heartbeat.last_sync_at = at.value();
    }
    if (const auto clock = document.find("clock"); clock != document.end()) {
        auto parsed = parse_kiosk_clock(*clock);
        if (!parsed)
            return parsed.error();
        heartbeat.clock = std::move(parsed.value());
    }
    return heartbeat;
}

} // namespace olohuone::server
