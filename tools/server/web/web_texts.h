#pragma once
// The pages' texts: a catalog per language (web/texts/<language>.toml, compiled in),
// and the wording of times and sizes the pages share.
#include <cstdint>
#include <string>

#include "core/catalog.h"
#include "core/result.h"
#include "core/time_zone.h"

namespace olohuone::server::web {

// Finnish, the coordinators' language; Swedish and English can follow as files beside it.
Result<Catalog> load_web_texts();

// "ti 24.11. klo 10.15" in the zone's local time; the year is added when it is not
// the year of `now`.
std::string local_time_text(const Catalog& texts, const TimeZone& zone, UnixSeconds at, UnixSeconds now);
// "juuri nyt", "12 min sitten", "3 h 5 min sitten", "2 vrk sitten"
std::string ago_text(const Catalog& texts, std::int64_t seconds);
// "45 min", "3 h 5 min", "2 vrk 4 h"
std::string duration_text(const Catalog& texts, std::int64_t seconds);
// "512 B", "2 MiB", "117,7 MiB": sizes with the language's decimal mark.
std::string size_words(const Catalog& texts, std::int64_t bytes);

} // namespace olohuone::server::web
