#include "payload_rules.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "json_checks.h"
#include "kiosk_clock.h"

namespace olohuone::server {
namespace {

// Record keys are UUIDs; groups, markers and "whom" are short codes from visitors.toml.
constexpr std::size_t max_id_bytes = 200;
// The kiosk refuses names over 60 characters; its table allows 240 bytes.
constexpr std::size_t max_name_bytes = 240;
// An iCalendar UID is whatever the calendar program made; Outlook's run past 100 bytes.
constexpr std::size_t max_uid_bytes = 1000;
// The start an activity's occurrence has or had in its calendar.
constexpr std::int64_t earliest_activity_time = 946684800; // 2000-01-01
constexpr int max_queue_position = 1'000'000;
// What the kiosk's importer keeps of an event's title and place (core/programme_import.cpp).
constexpr std::size_t max_title_bytes = 200;
constexpr std::size_t max_location_bytes = 200;
// An edited or added occurrence: places as the week page's form takes them, and no
// longer than a day.
constexpr int max_edit_capacity = 999;
constexpr int max_place_capacity = 1'000'000;
constexpr std::int64_t max_edit_seconds = 24 * 60 * 60;

enum class Presence { Required, Optional };

// The fields of one object of the payload. Only the first problem is kept: it is the
// reason the kiosk gets, naming the field by its path ("payload.visitor.name").
class Fields {
public:
    Fields(const nlohmann::json& object, std::string path, std::optional<std::string>& problem)
        : m_object(object), m_path(std::move(path)), m_problem(problem)
    {
    }

    void text(const char* name, std::size_t min_bytes, std::size_t max_bytes, Presence presence = Presence::Required)
    {
        const nlohmann::json* value = find(name, presence);
        if (value == nullptr)
            return;
        const auto* text = value->get_ptr<const std::string*>();
        const auto control = [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; };
        if (text == nullptr || text->size() < min_bytes || text->size() > max_bytes)
            fail(name, "must be a text of " + std::to_string(min_bytes) + " to " + std::to_string(max_bytes)
                           + " bytes");
        else if (std::any_of(text->begin(), text->end(), control))
            fail(name, "must not contain control characters");
    }

    void id(const char* name, Presence presence = Presence::Required) { text(name, 1, max_id_bytes, presence); }

    void boolean(const char* name)
    {
        const nlohmann::json* value = find(name, Presence::Required);
        if (value != nullptr && !value->is_boolean())
            fail(name, "must be true or false");
    }

    void whole_number(const char* name, std::int64_t min, std::int64_t max)
    {
        const nlohmann::json* value = find(name, Presence::Required);
        if (value == nullptr)
            return;
        const bool in_range = whole_number_in(*value, min, max).has_value();
        if (!in_range)
            fail(name, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    }

    void choice(const char* name, const std::vector<std::string>& allowed)
    {
        const nlohmann::json* value = find(name, Presence::Required);
        if (value == nullptr)
            return;
        const auto* text = value->get_ptr<const std::string*>();
        if (text != nullptr && std::find(allowed.begin(), allowed.end(), *text) != allowed.end())
            return;
        std::string choices;
        for (const std::string& choice : allowed)
            choices += (choices.empty() ? "" : ", ") + choice;
        fail(name, "must be one of " + choices);
    }

    // null, or a whole number in [min, max]; the field must be there.
    void optional_number(const char* name, std::int64_t min, std::int64_t max)
    {
        const nlohmann::json* value = find(name, Presence::Required);
        if (value != nullptr && !value->is_null() && !whole_number_in(*value, min, max))
            fail(name, "must be null or a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    }

    // A rule between fields, checked once each field is right on its own.
    void relation(bool holds, const char* name, const std::string& why)
    {
        if (!holds)
            fail(name, why);
    }

    const nlohmann::json& json() const { return m_object; }
    bool failed() const { return m_problem.has_value(); }

    void object(const char* name, const std::function<void(Fields&)>& check, Presence presence = Presence::Required)
    {
        const nlohmann::json* value = find(name, presence);
        if (value == nullptr)
            return;
        if (!value->is_object()) {
            fail(name, "must be an object");
            return;
        }
        Fields inner(*value, m_path + "." + name, m_problem);
        check(inner);
    }

private:
    const nlohmann::json* find(const char* name, Presence presence)
    {
        if (m_problem)
            return nullptr;
        const auto found = m_object.find(name);
        if (found != m_object.end())
            return &*found;
        if (presence == Presence::Required)
            fail(name, "is missing");
        return nullptr;
    }

    void fail(const char* name, const std::string& why)
    {
        if (!m_problem)
            m_problem = m_path + "." + name + " " + why;
    }

    const nlohmann::json& m_object;
    std::string m_path;
    std::optional<std::string>& m_problem;
};

// {"at": 1795508100, "clock_synced": true} (store/outbox.cpp record_time_json); a time
// taken before the kiosk's clock was set also names its boot and the time since it,
// {"boot": "…", "uptime_ms": 81234}, for the server to correct it (kiosk_clock.h).
void time_of_record(Fields& time)
{
    time.whole_number("at", earliest_record_time, latest_record_time);
    time.boolean("clock_synced");
    const bool boot_given = time.json().contains("boot");
    time.relation(boot_given == time.json().contains("uptime_ms"), "boot", "and uptime_ms come together");
    if (!boot_given)
        return;
    time.text("boot", 1, max_boot_id_bytes);
    time.whole_number("uptime_ms", 0, max_uptime_ms);
}

// {"key", "name", "group", "marker"} (store/visitors.cpp visitor_json); the marker is
// empty for most visitors. A standalone kiosk that erased old names before it was given
// a server sends {"key", "group", "name_erased": true} (store/name_retention.cpp).
void visitor(Fields& visitor)
{
    visitor.id("key");
    const auto erased = visitor.json().find("name_erased");
    const bool name_erased = erased != visitor.json().end() && *erased == true;
    const Presence named = name_erased ? Presence::Optional : Presence::Required;
    visitor.text("name", 1, max_name_bytes, named);
    visitor.id("group");
    visitor.text("marker", 0, max_id_bytes, named);
}

// {"uid", "instance", "start"} (store/activity_log.cpp activity_json)
void activity(Fields& activity)
{
    activity.text("uid", 1, max_uid_bytes);
    activity.whole_number("instance", earliest_activity_time, latest_record_time);
    activity.whole_number("start", earliest_activity_time, latest_record_time);
    // The places the kiosk showed (null: no limit), in a registration's records: the
    // server decides places with it (place_ledger.h). Older kiosks leave it out.
    if (activity.json().contains("capacity"))
        activity.optional_number("capacity", 0, max_place_capacity);
}

void standing(Fields& standing)
{
    standing.boolean("coming");
    standing.whole_number("queue_position", 0, max_queue_position);
}

// {"uid", "instance"}: the occurrence (store/programme_edits.cpp edit_payload).
void edited_event(Fields& event)
{
    event.text("uid", 1, max_uid_bytes);
    event.whole_number("instance", earliest_activity_time, latest_record_time);
}

// {"start", "end", "capacity", "location"?, "title" (add)}: the occurrence as staff left it.
void edit_values(Fields& values, bool added)
{
    values.whole_number("start", earliest_activity_time, latest_record_time);
    values.whole_number("end", earliest_activity_time, latest_record_time);
    values.optional_number("capacity", 1, max_edit_capacity);
    values.text("location", 0, max_location_bytes, Presence::Optional);
    if (added) {
        values.text("title", 1, max_title_bytes);
        // {"sv": "Kaffestund", "en": "Coffee break"}: the template's other languages.
        values.object(
            "titles",
            [](Fields& titles) {
                for (const auto& [language, text] : titles.json().items()) {
                    const bool tag = language.size() >= 2 && language.size() <= 8
                        && std::all_of(language.begin(), language.end(),
                                       [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
                    titles.relation(tag, "(language)", "must be named by a language tag such as sv");
                    titles.text(language.c_str(), 1, max_title_bytes);
                }
            },
            Presence::Optional);
    }
    if (values.failed())
        return;
    const std::int64_t start = values.json().at("start").get<std::int64_t>();
    const std::int64_t end = values.json().at("end").get<std::int64_t>();
    values.relation(end > start, "end", "must be after payload.values.start");
    values.relation(end - start <= max_edit_seconds, "end", "must be at most 24 hours after payload.values.start");
}

void programme_edit(Fields& payload)
{
    payload.id("edit");
    payload.choice("action", {"cancel", "restore", "change", "add"});
    payload.object("event", edited_event);
    if (payload.failed())
        return;
    const std::string action = payload.json().at("action").get<std::string>();
    if (action != "change" && action != "add")
        return;
    const bool added = action == "add";
    payload.object("values", [added](Fields& values) { edit_values(values, added); });
    if (added && !payload.failed())
        payload.relation(payload.json().at("event").at("instance") == payload.json().at("values").at("start"),
                         "event.instance", "must be the added event's start (payload.values.start)");
}

void check_fields(const std::string& kind, Fields& payload)
{
    if (kind == "programme.edit") {
        programme_edit(payload);
    } else if (kind == "visit.sign_in" || kind == "visit.counted") {
        payload.id("visit");
        payload.id("group");
        if (kind == "visit.sign_in") {
            payload.object("visitor", visitor);
            payload.id("whom", Presence::Optional); // only when the group is asked whom
            // A person marked present at an activity without having signed in: the
            // activity put them in the building.
            payload.object("activity", activity, Presence::Optional);
        }
    } else if (kind == "visit.sign_out") {
        payload.id("visit");
        payload.boolean("automatic");
    } else if (kind == "visit.withdrawn") {
        // A count without a name the visitor took back, or the visit an attendance mark
        // opened, gone with the mark staff took back.
        payload.id("visit");
    } else if (kind.starts_with("registration.")) {
        payload.id("registration");
        payload.object("activity", activity);
        if (kind == "registration.add") {
            payload.object("visitor", visitor);
            payload.object("standing", standing);
        } else if (kind == "registration.promoted" || kind == "registration.restore") {
            payload.id("cancellation"); // the cancellation that freed the place, or is undone
        }
    } else if (kind.starts_with("attendance.")) {
        payload.id("attendance");
        payload.object("activity", activity);
        if (kind == "attendance.here") {
            payload.object("visitor", visitor);
            payload.id("registration", Presence::Optional); // only when they had registered
        }
        // attendance.withdrawn: staff marked someone absent or took an anonymous count
        // down; "attendance" names the attendance record it withdraws.
    }
    payload.object("time", time_of_record);
}

} // namespace

Result<void> check_payload(const std::string& kind, const nlohmann::json& payload)
{
    if (!payload.is_object())
        return make_error("payload must be an object");
    std::optional<std::string> problem;
    Fields fields(payload, "payload", problem);
    check_fields(kind, fields);
    if (problem)
        return make_error(*problem);
    return {};
}

} // namespace olohuone::server
