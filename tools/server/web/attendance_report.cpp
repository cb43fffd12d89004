#include "web/attendance_report.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace olohuone::server::web {
namespace {

using ActivityKey = std::tuple<std::int64_t, std::string, UnixSeconds>;

void add(VisitCounts& to, const VisitCounts& more)
{
    to.named += more.named;
    to.anonymous += more.anonymous;
}

std::vector<DayVisits> visits_by_day(const ReportPeriod& period, const TimeZone& zone,
                                     const std::vector<VisitHour>& hours)
{
    std::vector<DayVisits> days;
    for (int day = 0; day < period.days(); ++day)
        days.push_back({period.from.plus_days(day), {}});
    for (const VisitHour& hour : hours) {
        const std::int64_t index = zone.to_local(hour.hour_start).date.days_since_epoch()
            - period.from.days_since_epoch();
        if (index >= 0 && index < static_cast<std::int64_t>(days.size()))
            add(days[static_cast<std::size_t>(index)].visits, {hour.named, hour.anonymous});
    }
    return days;
}

std::vector<WeekVisits> visits_by_week(const std::vector<DayVisits>& days)
{
    std::vector<WeekVisits> weeks;
    for (const DayVisits& day : days) {
        const IsoWeek week = iso_week_of(day.date);
        if (weeks.empty() || !(weeks.back().week == week))
            weeks.push_back({week, day.date, day.date, {}});
        weeks.back().last = day.date;
        add(weeks.back().visits, day.visits);
    }
    return weeks;
}

std::vector<MonthVisits> visits_by_month(const std::vector<DayVisits>& days)
{
    std::vector<MonthVisits> months;
    for (const DayVisits& day : days) {
        if (months.empty() || months.back().year != day.date.year || months.back().month != day.date.month)
            months.push_back({day.date.year, day.date.month, day.date, day.date, {}});
        months.back().last = day.date;
        add(months.back().visits, day.visits);
    }
    return months;
}

std::vector<GroupRow> visits_by_group(const std::vector<GroupVisits>& groups)
{
    std::vector<GroupRow> rows;
    for (const GroupVisits& group : groups)
        rows.push_back({group.group, {group.named, group.anonymous}});
    std::stable_sort(rows.begin(), rows.end(), [](const GroupRow& a, const GroupRow& b) {
        return a.visits.total() > b.visits.total();
    });
    return rows;
}

// The programme's occurrences in the span, then the activities only the records know
// (an event since removed from the calendar), with their counts.
std::vector<ActivityRow> activity_rows(const FigureQuery& span, const AttendanceFigures& figures,
                                       const std::vector<SiteOccurrences>& programmes, UnixSeconds now,
                                       const std::string& language)
{
    std::map<ActivityKey, ActivityRow> rows;
    for (const SiteOccurrences& site : programmes)
        for (const Occurrence& occurrence : site.occurrences) {
            if (occurrence.instance < span.from || occurrence.instance >= span.to)
                continue;
            ActivityRow row;
            row.site_id = site.site_id;
            row.uid = occurrence.uid;
            row.instance = occurrence.instance;
            row.start = occurrence.start;
            row.end = occurrence.end;
            row.title = occurrence.title.in(language);
            row.all_day = occurrence.span == EventSpan::AllDay;
            row.cancelled = occurrence.status == EventStatus::Cancelled;
            rows.emplace(ActivityKey{site.site_id, occurrence.uid, occurrence.instance}, std::move(row));
        }
    for (const ActivityFigures& counted : figures.activities) {
        auto [found, added] = rows.try_emplace(ActivityKey{counted.site_id, counted.uid, counted.instance});
        ActivityRow& row = found->second;
        if (added) {
            row.site_id = counted.site_id;
            row.uid = counted.uid;
            row.instance = counted.instance;
            row.start = counted.start;
        }
        row.registered = counted.registered;
        row.present_named = counted.present_named;
        row.present_anonymous = counted.present_anonymous;
    }
    std::vector<ActivityRow> sorted;
    for (auto& [key, row] : rows) {
        // Held: not cancelled, begun, and either in the programme or with someone there.
        row.took_place = !row.cancelled && row.start < now && (!row.title.empty() || row.present() > 0);
        sorted.push_back(std::move(row));
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const ActivityRow& a, const ActivityRow& b) {
        return std::tie(a.start, a.site_id, a.title) < std::tie(b.start, b.site_id, b.title);
    });
    return sorted;
}

void rank(AttendanceReport& report)
{
    std::vector<std::size_t> held;
    for (std::size_t i = 0; i < report.activities.size(); ++i)
        if (report.activities[i].took_place)
            held.push_back(i);
    const auto present = [&](std::size_t i) { return report.activities[i].present(); };
    // Ties go to the earlier activity (the list is by start already).
    std::stable_sort(held.begin(), held.end(), [&](std::size_t a, std::size_t b) { return present(a) > present(b); });
    // Half of them (the odd one out among the most), at most `ranked_activities` each.
    const std::size_t most = std::min(ranked_activities, (held.size() + 1) / 2);
    report.most_attended.assign(held.begin(), held.begin() + static_cast<std::ptrdiff_t>(most));
    std::vector<std::size_t> rest(held.begin() + static_cast<std::ptrdiff_t>(most), held.end());
    std::stable_sort(rest.begin(), rest.end(), [&](std::size_t a, std::size_t b) {
        return present(a) < present(b) || (present(a) == present(b) && a < b);
    });
    rest.resize(std::min(ranked_activities, rest.size()));
    report.least_attended = std::move(rest);
}

} // namespace

FigureQuery figure_query(const ReportPeriod& period, const TimeZone& zone, std::vector<std::int64_t> site_ids)
{
    return {std::move(site_ids), zone.start_of_day(period.from), zone.start_of_day(period.to.plus_days(1))};
}

AttendanceReport build_report(const ReportPeriod& period, const TimeZone& zone, const AttendanceFigures& figures,
                              const std::vector<SiteOccurrences>& programmes, UnixSeconds now,
                              const std::string& language)
{
    AttendanceReport report;
    report.period = period;
    report.days = visits_by_day(period, zone, figures.visit_hours);
    for (const DayVisits& day : report.days)
        add(report.visits, day.visits);
    report.weeks = visits_by_week(report.days);
    report.months = visits_by_month(report.days);
    report.unique_visitors = figures.unique_visitors;
    report.groups = visits_by_group(figures.groups);
    report.activities = activity_rows(figure_query(period, zone, {}), figures, programmes, now, language);
    rank(report);
    return report;
}

} // namespace olohuone::server::web
