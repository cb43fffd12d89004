#pragma once
// The admin commands that change a site's programme (docs/server.md). Each returns the
// line to print, or an error that names what was wrong (the file, the site, the URL);
// on an error nothing was changed.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time_zone.h"
#include "server_store.h"

namespace olohuone::server {

// A calendar to upload: `name` is what it is stored and served as, `shown_as` names it in
// messages (a path on the admin's machine, a file name from a browser).
struct CalendarUpload {
    std::string name;
    std::string shown_as;
    std::string text;
};

// What became of an upload: taken whole, or refused whole with the reason (which file,
// what is wrong with it). An Error instead means the server could not do its part
// (the database); nothing was changed then either.
struct ProgrammeUpload {
    std::string refusal;               // empty: taken
    std::size_t calendars = 0;
    std::size_t occurrences = 0;       // over the days a kiosk shows
    std::vector<std::string> warnings; // events the importer skipped, and why
};

// The site's uploaded calendars become `uploads`, all or nothing: each is read with the
// kiosk's importer, named as a kiosk can use, and together they fit a kiosk's answer.
// The feed's calendar stays. For import-programme and the week page's upload form.
Result<ProgrammeUpload> replace_uploaded_programme(ServerStore& store, std::int64_t site_id,
                                                   std::vector<CalendarUpload> uploads, const TimeZone& zone,
                                                   UnixSeconds now);

// import-programme: the site's uploaded calendars become these files (each named by its
// base name), all or nothing: "imported 2 calendars, 57 occurrences".
Result<std::string> import_programme_files(ServerStore& store, std::int64_t site_id,
                                           const std::vector<std::string>& paths, const TimeZone& zone,
                                           UnixSeconds now);

// set-feed: the site's calendar feed, or none when `url` is empty.
Result<std::string> set_site_feed(ServerStore& store, std::int64_t site_id, const std::string& url, UnixSeconds now);

} // namespace olohuone::server
