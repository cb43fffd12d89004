#include "web/two_digits.h"
#include "web/report_csv.h"

#include <array>
#include <utility>

namespace olohuone::server::web {
namespace {

constexpr std::array<std::pair<ReportTable, const char*>, 6> table_names = {{
    {ReportTable::Summary, "summary"},
    {ReportTable::Days, "days"},
    {ReportTable::Weeks, "weeks"},
    {ReportTable::Months, "months"},
    {ReportTable::Groups, "groups"},
    {ReportTable::Activities, "activities"},
}};


std::string iso(const CivilDate& date) { return date.iso(); }

std::string text(const Catalog& texts, const std::string& key) { return texts.text("report.csv." + key); }

void visit_cells(csv::Row& row, const VisitCounts& visits)
{
    row.push_back(csv::number(visits.named));
    row.push_back(csv::number(visits.anonymous));
    row.push_back(csv::number(visits.total()));
}

void summary(csv::Writer& out, const Catalog& texts, const AttendanceReport& report)
{
    std::int64_t held = 0;
    std::int64_t registered = 0;
    std::int64_t present = 0;
    for (const ActivityRow& activity : report.activities) {
        held += activity.took_place ? 1 : 0;
        registered += activity.registered;
        present += activity.present();
    }
    out.add_row({csv::text(text(texts, "figure")), csv::text(text(texts, "value"))});
    out.add_row({csv::text(text(texts, "from")), csv::text(iso(report.period.from))});
    out.add_row({csv::text(text(texts, "to")), csv::text(iso(report.period.to))});
    out.add_row({csv::text(text(texts, "visits")), csv::number(report.visits.total())});
    out.add_row({csv::text(text(texts, "named")), csv::number(report.visits.named)});
    out.add_row({csv::text(text(texts, "anonymous")), csv::number(report.visits.anonymous)});
    out.add_row({csv::text(text(texts, "unique")), csv::number(report.unique_visitors)});
    out.add_row({csv::text(text(texts, "held")), csv::number(held)});
    out.add_row({csv::text(text(texts, "registered")), csv::number(registered)});
    out.add_row({csv::text(text(texts, "present")), csv::number(present)});
}

csv::Row visit_header(const Catalog& texts, std::initializer_list<const char*> first)
{
    csv::Row row;
    for (const char* key : first)
        row.push_back(csv::text(text(texts, key)));
    for (const char* key : {"named", "anonymous", "visits"})
        row.push_back(csv::text(text(texts, key)));
    return row;
}

void activities(csv::Writer& out, const Catalog& texts, const TimeZone& zone, const AttendanceReport& report,
                const std::map<std::int64_t, std::string>& site_names)
{
    csv::Row header;
    for (const char* key : {"site", "date", "time", "activity", "uid", "registered_count", "present_named",
                            "present_anonymous", "present_total", "state"})
        header.push_back(csv::text(text(texts, key)));
    out.add_row(header);
    for (const ActivityRow& activity : report.activities) {
        const LocalDateTime start = zone.to_local(activity.start);
        const auto site = site_names.find(activity.site_id);
        const std::string state = activity.cancelled ? text(texts, "cancelled")
            : activity.title.empty()                 ? text(texts, "not_in_programme")
            : activity.took_place                    ? text(texts, "held_state")
                                                     : text(texts, "ahead");
        out.add_row({csv::text(site == site_names.end() ? std::to_string(activity.site_id) : site->second),
                     csv::text(iso(start.date)),
                     csv::text(activity.all_day ? std::string() : texts.clock(start.time)),
                     csv::text(activity.title),
                     csv::text(activity.uid),
                     csv::number(activity.registered),
                     csv::number(activity.present_named),
                     csv::number(activity.present_anonymous),
                     csv::number(activity.present()),
                     csv::text(state)});
    }
}

} // namespace

std::optional<ReportTable> report_table_named(std::string_view name)
{
    for (const auto& [table, table_name] : table_names)
        if (name == table_name)
            return table;
    return std::nullopt;
}

const char* report_table_name(ReportTable table)
{
    for (const auto& [known, name] : table_names)
        if (known == table)
            return name;
    return "summary";
}

std::string report_file_name(const Catalog& texts, ReportTable table, const ReportPeriod& period)
{
    return texts.text(std::string("report.file.") + report_table_name(table)) + "_" + iso(period.from) + "_"
        + iso(period.to) + ".csv";
}

std::string report_csv(const Catalog& texts, const TimeZone& zone, const AttendanceReport& report, ReportTable table,
                       const std::map<std::int64_t, std::string>& site_names, csv::Separator separator)
{
    csv::Writer out(separator);
    switch (table) {
    case ReportTable::Summary:
        summary(out, texts, report);
        break;
    case ReportTable::Days:
        out.add_row(visit_header(texts, {"date"}));
        for (const DayVisits& day : report.days) {
            csv::Row row{csv::text(iso(day.date))};
            visit_cells(row, day.visits);
            out.add_row(row);
        }
        break;
    case ReportTable::Weeks:
        out.add_row(visit_header(texts, {"week", "first", "last"}));
        for (const WeekVisits& week : report.weeks) {
            csv::Row row{csv::text(iso_week_text(week.week)), csv::text(iso(week.first)), csv::text(iso(week.last))};
            visit_cells(row, week.visits);
            out.add_row(row);
        }
        break;
    case ReportTable::Months:
        out.add_row(visit_header(texts, {"month", "first", "last"}));
        for (const MonthVisits& month : report.months) {
            csv::Row row{csv::text(std::to_string(month.year) + "-" + two_digits(month.month)),
                         csv::text(iso(month.first)), csv::text(iso(month.last))};
            visit_cells(row, month.visits);
            out.add_row(row);
        }
        break;
    case ReportTable::Groups:
        out.add_row(visit_header(texts, {"group"}));
        for (const GroupRow& group : report.groups) {
            csv::Row row{csv::text(group.group)};
            visit_cells(row, group.visits);
            out.add_row(row);
        }
        break;
    case ReportTable::Activities:
        activities(out, texts, zone, report, site_names);
        break;
    }
    return out.text();
}

} // namespace olohuone::server::web
