#pragma once
// GET /v1/sites/{site}/places: the places at the site's activities as the server decided
// them, for its kiosks to show what every kiosk of the site has given (docs/api.md).
#include <string>
#include <vector>

#include "place_ledger.h"

namespace olohuone::server {

// How far back the answer goes: an activity that began the day before yesterday is
// over, and its places no longer change anything a kiosk shows.
inline constexpr UnixSeconds places_look_back_seconds = 2 * 24 * 60 * 60;

// {"site": …, "activities": [{"uid", "instance", "capacity",
//                             "registrations": [{"key", "cancelled"}, …]}]}
std::string places_body(std::int64_t site_id, const std::vector<ActivityPlaces>& activities);

} // namespace olohuone::server
