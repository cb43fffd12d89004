#include "admin_commands.h"

#include <filesystem>
#include <fstream>
#include <set>

#include "core/log.h"
#include "feed_url.h"
#include "site_programme.h"

namespace olohuone::server {
namespace {

constexpr std::size_t max_warnings_shown = 20;

Result<void> check_site(ServerStore& store, std::int64_t site_id)
{
    auto exists = store.site_exists(site_id);
    if (!exists)
        return exists.error();
    if (!exists.value())
        return make_error("there is no site " + std::to_string(site_id));
    return {};
}

// The file's text, read no further than a calendar may be long.
Result<std::string> read_calendar_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return make_error(path + ": cannot read the file");
    std::string text(max_calendar_file_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad())
        return make_error(path + ": cannot read the file");
    text.resize(static_cast<std::size_t>(in.gcount()));
    text.shrink_to_fit();
    if (text.size() > max_calendar_file_bytes)
        return make_error(path + ": the file is larger than " + std::to_string(max_calendar_file_bytes / 1024 / 1024)
                          + " MiB; is it really a programme?");
    return text;
}

} // namespace

Result<std::string> import_programme_files(ServerStore& store, std::int64_t site_id,
                                           const std::vector<std::string>& paths, const TimeZone& zone,
                                           UnixSeconds now)
{
    if (auto site = check_site(store, site_id); !site)
        return site.error();
    if (paths.empty() || paths.size() > max_uploaded_calendars)
        return make_error("give 1 to " + std::to_string(max_uploaded_calendars) + " calendar files");

    std::vector<CalendarFile> files;
    std::set<std::string> names;
    for (const std::string& path : paths) {
        const std::string name = std::filesystem::path(path).filename().string();
        if (auto usable = check_calendar_name(name); !usable)
            return make_error(path + ": " + usable.error().message);
        if (!names.insert(name).second)
            return make_error(path + ": another file given is also named " + name);
        auto text = read_calendar_file(path);
        if (!text)
            return text.error();
        files.push_back({path, std::move(text.value())});
    }
    // The importer names the file in its error: files carry their paths until stored.
    auto imported = read_calendars(files, zone, now);
    if (!imported)
        return imported.error();
    for (std::size_t i = 0; i < imported->warnings.size() && i < max_warnings_shown; ++i)
        log::warning(imported->warnings[i]);
    if (imported->warnings.size() > max_warnings_shown)
        log::warning("... and " + std::to_string(imported->warnings.size() - max_warnings_shown) + " more warnings");

    std::vector<SiteCalendar> uploads;
    for (CalendarFile& file : files)
        uploads.push_back(make_site_calendar(std::filesystem::path(file.name).filename().string(),
                                             std::move(file.text), CalendarSource::Upload));
    auto current = store.site_programme(site_id, CalendarTexts::Include);
    if (!current)
        return current.error();
    std::vector<SiteCalendar> after = uploads;
    for (SiteCalendar& calendar : current->calendars)
        if (calendar.source == CalendarSource::Feed)
            after.push_back(std::move(calendar));
    if (auto fits = check_programme_size(after); !fits)
        return fits.error();

    if (auto stored = store.replace_uploaded_calendars(site_id, uploads, now); !stored)
        return stored.error();
    return "imported " + std::to_string(uploads.size()) + " calendars, " + std::to_string(imported->occurrences.size())
        + " occurrences";
}

Result<std::string> set_site_feed(ServerStore& store, std::int64_t site_id, const std::string& url, UnixSeconds now)
{
    if (!url.empty())
        if (auto usable = check_feed_url(url); !usable)
            return usable.error();
    if (auto site = check_site(store, site_id); !site)
        return site.error();
    if (auto stored = store.set_feed(site_id, url, now); !stored)
        return stored.error();
    const std::string site = "site " + std::to_string(site_id);
    return url.empty() ? site + ": no feed" : site + ": feed " + url_for_log(url);
}

} // namespace olohuone::server
