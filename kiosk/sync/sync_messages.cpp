#include "sync/sync_messages.h"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace olohuone::sync {
namespace {

constexpr std::size_t max_calendar_name_bytes = 200;
constexpr std::size_t max_calendars = 50;
constexpr std::size_t max_reason_bytes = 300;

// A calendar's name as a file name of its own: no paths, nothing hidden.
bool plain_calendar_name(const std::string& name)
{
    if (name.empty() || name.size() > max_calendar_name_bytes || name.front() == '.')
        return false;
    for (const char c : name)
        if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20)
            return false;
    return true;
}

} // namespace

std::string batch_body(const std::vector<store::OutboxRecord>& records)
{
    nlohmann::json list = nlohmann::json::array();
    for (const store::OutboxRecord& record : records) {
        // The payload was written by this kiosk as JSON; one that no longer parses is
        // sent as a string, so the server refuses that record alone and says why.
        nlohmann::json payload = nlohmann::json::parse(record.payload, nullptr, false);
        if (payload.is_discarded())
            payload = record.payload;
        list.push_back({{"key", record.key},
                        {"kind", record.kind},
                        {"payload", std::move(payload)},
                        {"created_at", record.time.at},
                        {"clock_synced", record.time.clock_synced}});
    }
    return nlohmann::json{{"records", std::move(list)}}.dump();
}

Result<std::vector<store::OutboxOutcome>> read_batch_answer(const std::string& body,
                                                            const std::vector<store::OutboxRecord>& sent)
{
    const nlohmann::json answer = nlohmann::json::parse(body, nullptr, false);
    if (answer.is_discarded() || !answer.is_object() || !answer.contains("results") || !answer["results"].is_array())
        return make_error("the server's answer to a batch is not a list of results");
    std::unordered_map<std::string, std::optional<std::string>> by_key;
    for (const nlohmann::json& result : answer["results"]) {
        if (!result.is_object() || !result.contains("key") || !result["key"].is_string() || !result.contains("status")
            || !result["status"].is_string())
            return make_error("the server's answer has a result without a key and a status");
        const std::string status = result["status"].get<std::string>();
        std::optional<std::string> refused;
        if (status == "invalid" || status == "conflict") {
            std::string reason = result.contains("reason") && result["reason"].is_string()
                ? result["reason"].get<std::string>()
                : std::string("no reason given");
            refused = status + ": " + reason.substr(0, max_reason_bytes);
        } else if (status != "stored" && status != "duplicate") {
            return make_error("the server's answer has an unknown status '" + status.substr(0, 40) + "'");
        }
        if (!by_key.emplace(result["key"].get<std::string>(), std::move(refused)).second)
            return make_error("the server's answer speaks of one record twice");
    }
    if (by_key.size() != sent.size())
        return make_error("the server's answer speaks of " + std::to_string(by_key.size()) + " records, "
                          + std::to_string(sent.size()) + " were sent");
    std::vector<store::OutboxOutcome> outcomes;
    outcomes.reserve(sent.size());
    for (const store::OutboxRecord& record : sent) {
        const auto found = by_key.find(record.key);
        if (found == by_key.end())
            return make_error("the server's answer leaves out record " + record.key);
        outcomes.push_back({record.key, found->second});
    }
    return outcomes;
}

std::string error_message(const std::string& body, long status)
{
    const nlohmann::json answer = nlohmann::json::parse(body, nullptr, false);
    const std::string prefix = "HTTP " + std::to_string(status);
    if (answer.is_object() && answer.contains("message") && answer["message"].is_string())
        return prefix + ": " + answer["message"].get<std::string>().substr(0, max_reason_bytes);
    return prefix;
}

Result<std::vector<CalendarFile>> read_programme_answer(const std::string& body)
{
    const nlohmann::json answer = nlohmann::json::parse(body, nullptr, false);
    if (answer.is_discarded() || !answer.is_object() || !answer.contains("calendars")
        || !answer["calendars"].is_array())
        return make_error("the server's programme is not a list of calendars");
    if (answer["calendars"].size() > max_calendars)
        return make_error("the server's programme has more than " + std::to_string(max_calendars) + " calendars");
    std::vector<CalendarFile> calendars;
    for (const nlohmann::json& calendar : answer["calendars"]) {
        if (!calendar.is_object() || !calendar.contains("name") || !calendar["name"].is_string()
            || !calendar.contains("ics") || !calendar["ics"].is_string())
            return make_error("a calendar in the server's programme has no name or no text");
        std::string name = calendar["name"].get<std::string>();
        if (!plain_calendar_name(name))
            return make_error("the server's programme has a calendar with an unusable name");
        std::string text = calendar["ics"].get<std::string>();
        if (text.size() > max_calendar_file_bytes)
            return make_error("the server's calendar " + name + " is larger than a calendar may be");
        calendars.push_back({std::move(name), std::move(text)});
    }
    return calendars;
}

Result<std::vector<store::SiteActivityPlaces>> read_places_answer(const std::string& body)
{
    // What the server sends at most (tools/server/place_ledger.h), with room to grow.
    constexpr std::size_t max_activities = 5000;
    constexpr std::size_t max_registrations = 10000;
    constexpr std::size_t max_key_bytes = 200;
    constexpr std::size_t max_uid_bytes = 1000;
    constexpr UnixSeconds latest_instance = 4102444800; // 2100, as the records allow
    const nlohmann::json answer = nlohmann::json::parse(body, nullptr, false);
    if (answer.is_discarded() || !answer.is_object() || !answer.contains("activities")
        || !answer["activities"].is_array())
        return make_error("the server's places are not a list of activities");
    if (answer["activities"].size() > max_activities)
        return make_error("the server's places name more than " + std::to_string(max_activities) + " activities");
    std::vector<store::SiteActivityPlaces> activities;
    for (const nlohmann::json& activity : answer["activities"]) {
        if (!activity.is_object() || !activity.contains("uid") || !activity["uid"].is_string()
            || activity["uid"].get_ref<const std::string&>().empty()
            || activity["uid"].get_ref<const std::string&>().size() > max_uid_bytes || !activity.contains("instance")
            || !activity["instance"].is_number_integer() || activity["instance"] < 0
            || activity["instance"] > latest_instance || !activity.contains("registrations")
            || !activity["registrations"].is_array() || activity["registrations"].size() > max_registrations)
            return make_error("an activity in the server's places has no uid, instance or list of registrations");
        store::SiteActivityPlaces places{activity["uid"].get<std::string>(), activity["instance"].get<UnixSeconds>(),
                                         std::nullopt, {}};
        if (const auto capacity = activity.find("capacity"); capacity != activity.end()) {
            if (capacity->is_null())
                places.capacity = std::optional<int>();
            else if (capacity->is_number_integer() && *capacity >= 0 && *capacity <= 1'000'000)
                places.capacity = std::optional<int>(capacity->get<int>());
            else
                return make_error("an activity in the server's places has a capacity that is not a number of places");
        }
        for (const nlohmann::json& registration : activity["registrations"]) {
            if (!registration.is_object() || !registration.contains("key") || !registration["key"].is_string()
                || registration["key"].get_ref<const std::string&>().empty()
                || registration["key"].get_ref<const std::string&>().size() > max_key_bytes
                || !registration.contains("cancelled") || !registration["cancelled"].is_boolean())
                return make_error("a registration in the server's places has no key or no cancelled flag");
            places.registrations.push_back(
                {registration["key"].get<std::string>(), registration["cancelled"].get<bool>()});
        }
        activities.push_back(std::move(places));
    }
    return activities;
}

std::string heartbeat_body(const Heartbeat& heartbeat)
{
    nlohmann::json body = {{"version", heartbeat.version},
                           {"uptime_seconds", heartbeat.uptime_seconds},
                           {"queue_length", heartbeat.queue_length},
                           {"last_sync_at", nullptr},
                           {"free_disk_bytes", heartbeat.free_disk_bytes}};
    if (heartbeat.last_sync_at)
        body["last_sync_at"] = *heartbeat.last_sync_at;
    if (!heartbeat.boot.boot_id.empty())
        body["clock"] = {{"at", heartbeat.clock_at},
                         {"synced", heartbeat.clock_synced},
                         {"boot", heartbeat.boot.boot_id},
                         {"uptime_ms", heartbeat.boot.uptime_ms}};
    return body.dump();
}

} // namespace olohuone::sync
