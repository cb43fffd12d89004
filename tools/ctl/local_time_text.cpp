#include "local_time_text.h"

#include <cstdio>

namespace olohuone::ctl {

std::string local_date_text(const TimeZone& zone, UnixSeconds at) { return zone.to_local(at).date.iso(); }

std::string local_clock_text(const TimeZone& zone, UnixSeconds at)
{
    const CivilTime time = zone.to_local(at).time;
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", time.hour, time.minute);
    return text;
}

std::string local_date_time_text(const TimeZone& zone, UnixSeconds at)
{
    return local_date_text(zone, at) + " " + local_clock_text(zone, at);
}

std::string local_time_on(const TimeZone& zone, const CivilDate& day, UnixSeconds at)
{
    return zone.to_local(at).date == day ? local_clock_text(zone, at) : local_date_time_text(zone, at);
}

} // namespace olohuone::ctl
