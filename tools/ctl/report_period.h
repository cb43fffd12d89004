#pragma once
// The --from and --to of an export: two local dates, both days included, turned into the
// instants they begin and end at in the kiosk's time zone.
#include <optional>
#include <string>

#include "core/civil_time.h"
#include "core/result.h"
#include "core/time_zone.h"

namespace olohuone::ctl {

// No report spans more days than this: a year's funder report and a margin.
inline constexpr int max_period_days = 1000;

struct ReportPeriod {
    CivilDate first;
    CivilDate last;         // included
    UnixSeconds from = 0;   // the start of `first`
    UnixSeconds to = 0;     // the end of `last` (the start of the day after)
};

// "2026-11-24" only; an error names the option and what is allowed.
Result<CivilDate> parse_date(const std::string& option, const std::string& text);

// Both dates checked, --to not before --from, at most max_period_days days.
Result<ReportPeriod> report_period(const std::string& from, const std::string& to, const TimeZone& zone);

} // namespace olohuone::ctl
