#include "web/iso_week.h"

#include <cstdio>

namespace olohuone::server::web {

IsoWeek iso_week_of(const CivilDate& date)
{
    // The week belongs to the year its Thursday is in.
    const CivilDate thursday = date.plus_days(3 - static_cast<int>(date.weekday()));
    const std::int64_t day_of_year = thursday.days_since_epoch() - CivilDate{thursday.year, 1, 1}.days_since_epoch();
    return {thursday.year, static_cast<int>(day_of_year / 7) + 1};
}

CivilDate monday_of(const IsoWeek& week)
{
    // 4 January is always in week 1.
    const CivilDate january_4{week.year, 1, 4};
    return january_4.plus_days(-static_cast<int>(january_4.weekday()) + (week.week - 1) * 7);
}

IsoWeek plus_weeks(const IsoWeek& week, int weeks) { return iso_week_of(monday_of(week).plus_days(weeks * 7)); }

std::optional<IsoWeek> parse_iso_week(std::string_view text)
{
    const auto digit = [&](std::size_t at) { return text[at] >= '0' && text[at] <= '9'; };
    if (text.size() != 8 || text[4] != '-' || text[5] != 'W' || !digit(0) || !digit(1) || !digit(2) || !digit(3)
        || !digit(6) || !digit(7))
        return std::nullopt;
    const int year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    const int week = (text[6] - '0') * 10 + (text[7] - '0');
    if (year < 2000 || year > 2100 || week < 1)
        return std::nullopt;
    // 28 December is always in the year's last week.
    if (week > iso_week_of(CivilDate{year, 12, 28}).week)
        return std::nullopt;
    return IsoWeek{year, week};
}

std::string iso_week_text(const IsoWeek& week)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-W%02d", week.year, week.week);
    return text;
}

} // namespace olohuone::server::web
