#pragma once
// The attendance report of a period (docs/web.md, "Reports"): the store's counts put
// into Helsinki days, ISO weeks and months, and each activity joined with its occurrence
// in the site's programme (title, time, cancelled), with the most and least attended of
// those that took place. No database and no page here: only the figures.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "attendance_figures.h"
#include "core/occurrence.h"
#include "core/time_zone.h"
#include "web/iso_week.h"

namespace olohuone::server::web {

// Helsinki local days, both included.
struct ReportPeriod {
    CivilDate from;
    CivilDate to;

    int days() const { return static_cast<int>(to.days_since_epoch() - from.days_since_epoch()) + 1; }
};

// [start of `from`, start of the day after `to`) in the zone.
FigureQuery figure_query(const ReportPeriod& period, const TimeZone& zone, std::vector<std::int64_t> site_ids);

struct VisitCounts {
    std::int64_t named = 0;     // sign-ins
    std::int64_t anonymous = 0; // visits counted without a name

    std::int64_t total() const { return named + anonymous; }
};

struct DayVisits {
    CivilDate date;
    VisitCounts visits;
};

struct WeekVisits {
    IsoWeek week;
    CivilDate first; // the week's first and last day within the period
    CivilDate last;
    VisitCounts visits;
};

struct MonthVisits {
    int year = 0;
    int month = 0; // 1..12
    CivilDate first; // within the period
    CivilDate last;
    VisitCounts visits;
};

struct GroupRow {
    std::string group;
    VisitCounts visits;
};

struct ActivityRow {
    std::int64_t site_id = 0;
    std::string uid;
    UnixSeconds instance = 0;
    UnixSeconds start = 0;
    std::optional<UnixSeconds> end;   // from the programme
    std::string title;                // from the programme; "" when it is no longer there
    bool all_day = false;
    bool cancelled = false;
    bool took_place = false; // started before the report was made, not cancelled, and known to have been held
    std::int64_t registered = 0;
    std::int64_t present_named = 0;
    std::int64_t present_anonymous = 0;

    std::int64_t present() const { return present_named + present_anonymous; }
};

// The occurrences of one site's programme within the period.
struct SiteOccurrences {
    std::int64_t site_id = 0;
    std::vector<Occurrence> occurrences;
};

struct AttendanceReport {
    ReportPeriod period;
    VisitCounts visits;
    std::int64_t unique_visitors = 0;
    std::vector<DayVisits> days;     // every day of the period
    std::vector<WeekVisits> weeks;   // every ISO week touching the period
    std::vector<MonthVisits> months; // every month touching the period
    std::vector<GroupRow> groups;    // most visits first
    std::vector<ActivityRow> activities; // by start
    // Indexes into activities of those that took place: the better attended half (at most
    // ranked_activities) by attendance, most first; the rest's least attended (as many at
    // most), least first. Never the same activity in both.
    std::vector<std::size_t> most_attended;
    std::vector<std::size_t> least_attended;
};

// How many activities the most and the least attended lists hold.
inline constexpr std::size_t ranked_activities = 5;

AttendanceReport build_report(const ReportPeriod& period, const TimeZone& zone, const AttendanceFigures& figures,
                              const std::vector<SiteOccurrences>& programmes, UnixSeconds now,
                              const std::string& language);

} // namespace olohuone::server::web
