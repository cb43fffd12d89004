#include "site_programme.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/legacy_text.h"
#include "event_edit.h"
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

std::vector<CalendarFile> calendar_files(const std::vector<SiteCalendar>& calendars)
{
    std::vector<CalendarFile> files;
    for (const SiteCalendar& calendar : calendars)
        files.push_back({calendar.name, calendar.ics});
    return files;
}

std::optional<Occurrence> find_site_occurrence(const std::vector<SiteCalendar>& calendars, const TimeZone& zone,
                                               const std::string& uid, UnixSeconds instance)
{
    constexpr int search_days = 92;
    const CivilDate day = zone.to_local(instance).date;
    const ImportWindow window{zone.start_of_day(day.plus_days(-search_days)),
                              zone.start_of_day(day.plus_days(search_days))};
    auto imported = import_programme(calendar_files(calendars), zone, window);
    if (!imported)
        return std::nullopt;
    for (Occurrence& occurrence : imported->occurrences)
        if (occurrence.uid == uid && occurrence.instance == instance)
            return std::move(occurrence);
    return std::nullopt;
}

Result<void> check_with_edits_calendar(const std::vector<SiteCalendar>& calendars, const std::string& edits_ics,
                                       const TimeZone& zone, UnixSeconds now)
{
    std::vector<SiteCalendar> after;
    for (const SiteCalendar& calendar : calendars)
        if (calendar.source != CalendarSource::Edits)
            after.push_back(calendar);
    if (!edits_ics.empty())
        after.push_back(make_site_calendar(edits_calendar_name, edits_ics, CalendarSource::Edits));
    if (auto read = read_calendars(calendar_files(after), zone, now); !read)
        return read.error();
    return check_programme_size(after);
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

std::string calendar_text_for_kiosks(const std::string& ics)
{
    // A Windows-1252 file goes out as the importer read it, not with its letters replaced.
    std::optional<std::string> converted = windows_1252_as_utf8(ics);
    return converted ? std::move(*converted) : ics;
}

std::string calendar_text_json(const std::string& ics)
{
    return nlohmann::json(calendar_text_for_kiosks(ics)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace olohuone::server
