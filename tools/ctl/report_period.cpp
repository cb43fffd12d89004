#include "report_period.h"

#include <cctype>

namespace olohuone::ctl {

Result<CivilDate> parse_date(const std::string& option, const std::string& text)
{
    const auto wrong = [&] {
        return make_error(option + " '" + text.substr(0, 40) + "': expected a date as YYYY-MM-DD, e.g. 2026-11-24");
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return wrong();
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return wrong();
    const CivilDate date{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
    if (!date.valid())
        return make_error(option + " '" + text + "': there is no such day");
    if (date.year < 2000 || date.year > 2100)
        return make_error(option + " '" + text + "': give a year from 2000 to 2100");
    return date;
}

Result<ReportPeriod> report_period(const std::string& from, const std::string& to, const TimeZone& zone)
{
    auto first = parse_date("--from", from);
    if (!first)
        return first.error();
    auto last = parse_date("--to", to);
    if (!last)
        return last.error();
    if (last.value() < first.value())
        return make_error("--to " + last->iso() + " is before --from " + first->iso()
                          + "; the period runs from --from to --to, both days included");
    const std::int64_t days = last->days_since_epoch() - first->days_since_epoch() + 1;
    if (days > max_period_days)
        return make_error("the period is " + std::to_string(days) + " days; give at most "
                          + std::to_string(max_period_days) + " days at a time");
    return ReportPeriod{first.value(), last.value(), zone.start_of_day(first.value()),
                        zone.start_of_day(last->plus_days(1))};
}

} // namespace olohuone::ctl
