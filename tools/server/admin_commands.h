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

// import-programme: the site's uploaded calendars become these files (each named by its
// base name), all or nothing: "imported 2 calendars, 57 occurrences".
Result<std::string> import_programme_files(ServerStore& store, std::int64_t site_id,
                                           const std::vector<std::string>& paths, const TimeZone& zone,
                                           UnixSeconds now);

// set-feed: the site's calendar feed, or none when `url` is empty.
Result<std::string> set_site_feed(ServerStore& store, std::int64_t site_id, const std::string& url, UnixSeconds now);

} // namespace olohuone::server
