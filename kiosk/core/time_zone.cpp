#include "core/time_zone.h"

#include <libical/ical.h>

namespace olohuone {

Result<TimeZone> TimeZone::named(const std::string& iana_name)
{
    if (iana_name == "UTC" || iana_name == "Etc/UTC")
        return TimeZone(iana_name, icaltimezone_get_utc_timezone());
    icaltimezone* zone = icaltimezone_get_builtin_timezone(iana_name.c_str());
    if (zone == nullptr)
        return make_error("unknown time zone '" + iana_name + "' (expected an IANA name such as Europe/Helsinki)");
    return TimeZone(iana_name, zone);
}

LocalDateTime TimeZone::to_local(UnixSeconds instant) const
{
    const icaltimetype t = icaltime_from_timet_with_zone(static_cast<time_t>(instant), 0, m_zone);
    return {{t.year, t.month, t.day}, {t.hour, t.minute, t.second}};
}

UnixSeconds TimeZone::to_instant(const LocalDateTime& local) const
{
    icaltimetype t = icaltime_null_time();
    t.year = local.date.year;
    t.month = local.date.month;
    t.day = local.date.day;
    t.hour = local.time.hour;
    t.minute = local.time.minute;
    t.second = local.time.second;
    t.is_date = 0;
    t.zone = m_zone;
    // libical reads t as a wall-clock time in the zone passed here and converts it to UTC.
    const UnixSeconds instant = static_cast<UnixSeconds>(icaltime_as_timet_with_zone(t, m_zone));
    // A time in the spring-forward gap comes back as an hour earlier; move it forward.
    const LocalDateTime back = to_local(instant);
    const std::int64_t wanted = local.date.days_since_epoch() * 86400 + local.time.seconds_since_midnight();
    const std::int64_t got = back.date.days_since_epoch() * 86400 + back.time.seconds_since_midnight();
    return wanted > got ? instant + (wanted - got) : instant;
}

} // namespace olohuone
