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

Result<ProgrammeUpload> replace_uploaded_programme(ServerStore& store, std::int64_t site_id,
                                                   std::vector<CalendarUpload> uploads, const TimeZone& zone,
                                                   UnixSeconds now)
{
    const auto refused = [](std::string why) { return ProgrammeUpload{std::move(why), 0, 0, {}}; };
    auto exists = store.site_exists(site_id);
    if (!exists)
        return exists.error();
    if (!exists.value())
        return refused("there is no site " + std::to_string(site_id));
    if (uploads.empty() || uploads.size() > max_uploaded_calendars)
        return refused("give 1 to " + std::to_string(max_uploaded_calendars) + " calendar files");

    std::set<std::string> names;
    std::vector<CalendarFile> files;
    for (const CalendarUpload& upload : uploads) {
        if (auto usable = check_calendar_name(upload.name); !usable)
            return refused(upload.shown_as + ": " + usable.error().message);
        if (!names.insert(upload.name).second)
            return refused(upload.shown_as + ": another file given is also named " + upload.name);
        // The importer names the file in its error as the person knows it.
        files.push_back({upload.shown_as, upload.text});
    }
    auto imported = read_calendars(files, zone, now);
    if (!imported)
        return refused(imported.error().message);
    files.clear();

    std::vector<SiteCalendar> calendars;
    for (CalendarUpload& upload : uploads)
        calendars.push_back(make_site_calendar(std::move(upload.name), std::move(upload.text), CalendarSource::Upload));
    auto current = store.site_programme(site_id, CalendarTexts::Include);
    if (!current)
        return current.error();
    std::vector<SiteCalendar> after = calendars;
    for (SiteCalendar& calendar : current->calendars)
        if (calendar.source != CalendarSource::Upload)
            after.push_back(std::move(calendar));
    if (auto fits = check_programme_size(after); !fits)
        return refused(fits.error().message);

    if (auto stored = store.replace_uploaded_calendars(site_id, calendars, now); !stored)
        return stored.error();
    return ProgrammeUpload{{}, calendars.size(), imported->occurrences.size(), std::move(imported->warnings)};
}

Result<std::string> import_programme_files(ServerStore& store, std::int64_t site_id,
                                           const std::vector<std::string>& paths, const TimeZone& zone,
                                           UnixSeconds now)
{
    if (auto site = check_site(store, site_id); !site)
        return site.error();
    if (paths.empty() || paths.size() > max_uploaded_calendars)
        return make_error("give 1 to " + std::to_string(max_uploaded_calendars) + " calendar files");
    std::vector<CalendarUpload> uploads;
    for (const std::string& path : paths) {
        // Checked before the file is read: a name the kiosk cannot use stops at once.
        const std::string name = std::filesystem::path(path).filename().string();
        if (auto usable = check_calendar_name(name); !usable)
            return make_error(path + ": " + usable.error().message);
        auto text = read_calendar_file(path);
        if (!text)
            return text.error();
        uploads.push_back({name, path, std::move(text.value())});
    }
    auto upload = replace_uploaded_programme(store, site_id, std::move(uploads), zone, now);
    if (!upload)
        return upload.error();
    if (!upload->refusal.empty())
        return make_error(upload->refusal);
    for (std::size_t i = 0; i < upload->warnings.size() && i < max_warnings_shown; ++i)
        log::warning(upload->warnings[i]);
    if (upload->warnings.size() > max_warnings_shown)
        log::warning("... and " + std::to_string(upload->warnings.size() - max_warnings_shown) + " more warnings");
    return "imported " + std::to_string(upload->calendars) + " calendars, " + std::to_string(upload->occurrences)
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
