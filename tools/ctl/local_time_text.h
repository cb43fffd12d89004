#pragma once
// Instants as the people reading a report think of them: the wall clock of the living
// room, in the kiosk's time zone.
#include <string>

#include "core/civil_time.h"
#include "core/time_zone.h"

namespace olohuone::ctl {

std::string local_date_text(const TimeZone& zone, UnixSeconds at); // 2026-11-24
std::string local_clock_text(const TimeZone& zone, UnixSeconds at); // 10:15
std::string local_date_time_text(const TimeZone& zone, UnixSeconds at); // 2026-11-24 10:15
// The clock alone on `day`, the date too on any other day (a sign-out after midnight).
std::string local_time_on(const TimeZone& zone, const CivilDate& day, UnixSeconds at);

} // namespace olohuone::ctl
