#pragma once
// GET /v1/sites/{site}/programme: the site's calendars for its kiosks, with an ETag so a
// kiosk that has the programme already gets a 304 and nothing else (docs/api.md).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "server_store.h"

namespace olohuone::server {

// The site id in the path: a positive decimal number without sign or leading zeros.
std::optional<std::int64_t> site_id_from_path(std::string_view text);

// Whether an If-None-Match header names `etag` (hex, no quotes): "*", or a list of
// entity tags, weak ones too (W/"…"), as RFC 9110 compares them for GET.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

// {"site": …, "etag": …, "updated_at": …, "calendars": [{"name": …, "ics": …}]}
std::string programme_body(std::int64_t site_id, const SiteProgramme& programme, const std::string& etag);

} // namespace olohuone::server
