#include "site_programme.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "tokens.h"

namespace olohuone::server {
namespace {

constexpr std::size_t max_calendar_name_bytes = 200;
constexpr int days_before = 1;
constexpr int days_ahead = 60;

} // namespace

Result<void> check_calendar_name(const std::string& name)
{
    if (name.empty() || name.size() > max_calendar_name_bytes)
        return make_error("a calendar's name must be 1 to 200 bytes");
    if (name.front() == '.')
        return make_error("a calendar's name must not start with a dot");
    if (std::any_of(name.begin(), name.end(), [](char c) {
            return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
        }))
        return make_error("a calendar's name must not contain a slash, a backslash or control characters");
    if (name == feed_calendar_name)
        return make_error(std::string("the name \"") + feed_calendar_name + "\" is kept for the site's feed");
    if (name == edits_calendar_name)
        return make_error(std::string("the name \"") + edits_calendar_name
                          + "\" is kept for the events edited on the coordinators' pages");
    return {};
}

Result<ImportedProgramme> read_calendars(const std::vector<CalendarFile>& files, const TimeZone& zone, UnixSeconds now)
{
    const CivilDate today = zone.to_local(now).date;
    const ImportWindow window{zone.start_of_day(today.plus_days(-days_before)),
                              zone.start_of_day(today.plus_days(days_ahead + 1))};
    return import_programme(files, zone, window);
}

SiteCalendar make_site_calendar(std::string name, std::string ics, CalendarSource source)
{
    std::string hash = hash_hex(ics);
    return SiteCalendar{std::move(name), std::move(ics), std::move(hash), source};
}

Result<void> check_programme_size(const std::vector<SiteCalendar>& calendars)
{
    std::size_t total = 0;
    for (const SiteCalendar& calendar : calendars)
        total += calendar.name.size() + calendar_text_json(calendar.ics).size() + 32;
    if (total > max_programme_answer_bytes)
        return make_error("the site's calendars together would be larger than "
                          + std::to_string(max_programme_answer_bytes / 1024 / 1024) + " MiB as the kiosk reads them");
    return {};
}

std::string programme_etag(const std::vector<SiteCalendar>& calendars)
{
    std::vector<const SiteCalendar*> by_name;
    for (const SiteCalendar& calendar : calendars)
        by_name.push_back(&calendar);
    std::sort(by_name.begin(), by_name.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
    // Names hold no control characters: a newline cannot be part of one.
    std::string content = "olohuone-programme-1\n";
    for (const SiteCalendar* calendar : by_name)
        content += calendar->name + '\n' + calendar->ics_hash + '\n';
    return hash_hex(content);
}

std::string calendar_text_json(const std::string& ics)
{
    return nlohmann::json(ics).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace olohuone::server
