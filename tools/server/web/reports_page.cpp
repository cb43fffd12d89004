#include "web/reports_page.h"

#include <algorithm>

#include "web/report_charts.h"
#include "web/report_csv.h"

namespace olohuone::server::web {
namespace {

// Up to two months a column per day is readable; a longer period gets a column per week.
constexpr int max_daily_columns = 62;

std::string number(std::int64_t value) { return std::to_string(value); }

std::string dated(const Catalog& texts, const CivilDate& date)
{
    return texts.short_date(date) + std::to_string(date.year);
}

std::string span_text(const CivilDate& first, const CivilDate& last)
{
    return finnish_date(first) + "–" + finnish_date(last);
}

std::string month_text(const Catalog& texts, int year, int month)
{
    return texts.text("report.month." + std::to_string(month)) + " " + std::to_string(year);
}

std::string activity_when(const Catalog& texts, const TimeZone& zone, const ActivityRow& activity)
{
    const LocalDateTime start = zone.to_local(activity.start);
    if (activity.all_day)
        return dated(texts, start.date);
    return dated(texts, start.date) + " " + texts.clock_phrase(start.time);
}

std::string activity_title(const Catalog& texts, const ActivityRow& activity)
{
    return activity.title.empty() ? texts.format("report.not_in_programme", {{"uid", activity.uid}}) : activity.title;
}

std::string site_name(const ReportsView& view, std::int64_t site_id)
{
    const auto found = view.site_names.find(site_id);
    return found == view.site_names.end() ? number(site_id) : found->second;
}

void csv_link(Html& html, const Catalog& texts, const ReportsView& view, ReportTable table)
{
    const std::string path = report_csv_path(report_table_name(table), view.request);
    html.open("p", {{"class", "download"}});
    html.element("a", {{"class", "button"}, {"href", path}, {"download", ""}},
                 texts.text(std::string("report.download.") + report_table_name(table)));
    html.close();
}

// On a phone (the stylesheet), a table of visit counts puts each row's label on a line
// of its own above its three numbers, and a table of activities turns each row into a
// small card; either scrolls sideways inside its box rather than widen the page.
enum class TableLayout { Counts, Cards };

void open_table(Html& html, const std::vector<std::string>& headers, TableLayout layout = TableLayout::Counts)
{
    html.open("div", {{"class", "table-wrap"}});
    html.open("table", {{"class", layout == TableLayout::Cards ? "report stacked" : "report counts"}});
    html.open("thead");
    html.open("tr");
    for (const std::string& header : headers)
        html.element("th", {{"scope", "col"}}, header);
    html.close();
    html.close();
    html.open("tbody");
}

void close_table(Html& html)
{
    html.close(); // tbody
    html.close(); // table
    html.close(); // div
}

void cell(Html& html, const std::string& label, const std::string& value, bool numeric)
{
    html.element("td", {{"class", numeric ? "num" : ""}, {"data-label", label}}, value);
}

std::vector<std::string> visit_headers(const Catalog& texts, const std::string& first)
{
    return {first, texts.text("report.col.named"), texts.text("report.col.anonymous"), texts.text("report.col.total")};
}

void visit_row(Html& html, const Catalog& texts, const std::string& label, const VisitCounts& visits)
{
    html.open("tr");
    html.element("th", {{"scope", "row"}}, label);
    cell(html, texts.text("report.col.named"), number(visits.named), true);
    cell(html, texts.text("report.col.anonymous"), number(visits.anonymous), true);
    cell(html, texts.text("report.col.total"), number(visits.total()), true);
    html.close();
}

void report_form(Html& html, const Catalog& texts, const ReportsView& view)
{
    html.open("section", {{"class", "card"}});
    html.open("form", {{"class", "report-form"}, {"method", "get"}, {"action", "/reports"}});
    html.open("div", {{"class", "dates"}});
    for (const auto& [name, value] : {std::pair{"from", &view.request.from_text}, {"to", &view.request.to_text}}) {
        html.open("div");
        html.element("label", {{"for", name}}, texts.text(std::string("report.") + name));
        html.single("input",
                    {{"type", "text"},
                     {"id", name},
                     {"name", name},
                     {"value", *value},
                     {"maxlength", "40"},
                     {"placeholder", "1.10.2026"},
                     {"autocomplete", "off"},
                     {"aria-describedby", "date-help"},
                     {"required", ""}});
        html.close();
    }
    html.close();
    html.element("p", {{"class", "muted"}, {"id", "date-help"}}, texts.text("report.date_help"));
    const auto ticked = [&](std::int64_t id) {
        return std::find(view.request.site_ids.begin(), view.request.site_ids.end(), id) != view.request.site_ids.end();
    };
    if (view.signed_in.sites.size() == 1) {
        html.single("input", {{"type", "hidden"}, {"name", "site"}, {"value", number(view.signed_in.sites.front().id)}});
    } else {
        html.open("fieldset", {{"class", "sites"}});
        html.element("legend", texts.text("report.sites"));
        for (const SiteInfo& site : view.signed_in.sites) {
            const std::string id = "site-" + number(site.id);
            Html::AttributeList box{{"type", "checkbox"}, {"id", id}, {"name", "site"}, {"value", number(site.id)}};
            if (ticked(site.id))
                box.emplace_back("checked", "");
            html.open("div", {{"class", "check"}});
            html.single("input", box);
            html.element("label", {{"for", id}}, site.name);
            html.close();
        }
        html.close();
    }
    html.element("label", {{"for", "sep"}}, texts.text("report.separator"));
    html.open("select", {{"id", "sep"}, {"name", "sep"}});
    for (const auto& [value, separator] :
         {std::pair{"semicolon", csv::Separator::Semicolon}, {"comma", csv::Separator::Comma}}) {
        const std::string label = texts.text(std::string("report.separator.") + value);
        if (view.request.separator == separator)
            html.element("option", {{"value", value}, {"selected", ""}}, label);
        else
            html.element("option", {{"value", value}}, label);
    }
    html.close();
    html.open("div", {{"class", "actions"}});
    html.element("button", {{"type", "submit"}, {"class", "primary"}}, texts.text("report.submit"));
    html.close();
    html.close();
    html.close();
}

void summary(Html& html, const Catalog& texts, const ReportsView& view, const AttendanceReport& report)
{
    std::int64_t held = 0;
    std::int64_t registered = 0;
    std::int64_t present = 0;
    for (const ActivityRow& activity : report.activities) {
        held += activity.took_place ? 1 : 0;
        registered += activity.registered;
        present += activity.present();
    }
    std::string sites;
    for (const std::int64_t id : view.request.site_ids)
        sites += (sites.empty() ? "" : ", ") + site_name(view, id);
    html.open("section", {{"class", "card"}, {"id", "summary"}});
    html.element("h2", texts.text("report.summary"));
    html.element("p", texts.format("report.period", {{"from", finnish_date(report.period.from)},
                                                      {"to", finnish_date(report.period.to)},
                                                      {"days", number(report.period.days())}}));
    html.element("p", texts.format("report.for_sites", {{"sites", sites}}));
    html.open("dl", {{"class", "facts"}});
    const auto fact = [&](const char* key, std::int64_t value) {
        html.element("dt", texts.text(std::string("report.fact.") + key));
        html.element("dd", number(value));
    };
    fact("visits", report.visits.total());
    fact("named", report.visits.named);
    fact("anonymous", report.visits.anonymous);
    fact("unique", report.unique_visitors);
    fact("held", held);
    fact("registered", registered);
    fact("present", present);
    html.close();
    html.element("p", {{"class", "muted"}}, texts.text("report.summary_help"));
    csv_link(html, texts, view, ReportTable::Summary);
    html.close();
}

void legend(Html& html, const Catalog& texts)
{
    html.open("p", {{"class", "legend"}});
    html.element("span", {{"class", "swatch named"}, {"aria-hidden", "true"}}, "");
    html.text(texts.text("report.col.named") + " ");
    html.element("span", {{"class", "swatch anonymous"}, {"aria-hidden", "true"}}, "");
    html.text(texts.text("report.col.anonymous"));
    html.close();
}

void visits_over_time(Html& html, const Catalog& texts, const ReportsView& view, const AttendanceReport& report)
{
    html.open("section", {{"class", "card"}, {"id", "visits"}});
    html.element("h2", texts.text("report.visits"));
    html.element("p", {{"class", "muted"}}, texts.text("report.visits_help"));
    std::vector<ChartColumn> columns;
    const bool daily = report.period.days() <= max_daily_columns;
    if (daily)
        for (const DayVisits& day : report.days)
            columns.push_back({dated(texts, day.date), day.visits.named, day.visits.anonymous});
    else
        for (const WeekVisits& week : report.weeks)
            columns.push_back({texts.format("report.week_label", {{"week", number(week.week.week)}}) + " "
                                   + span_text(week.first, week.last),
                               week.visits.named, week.visits.anonymous});
    std::int64_t tallest = 0;
    for (const ChartColumn& column : columns)
        tallest = std::max(tallest, column.named + column.anonymous);
    html.element("h3", texts.text(daily ? "report.chart.daily" : "report.chart.weekly"));
    column_chart(html, columns, texts.text(daily ? "report.chart.daily" : "report.chart.weekly"),
                 texts.format("report.chart.tallest", {{"count", number(tallest)}}));
    legend(html, texts);

    html.element("h3", texts.text("report.by_month"));
    open_table(html, visit_headers(texts, texts.text("report.col.month")));
    for (const MonthVisits& month : report.months)
        visit_row(html, texts, month_text(texts, month.year, month.month), month.visits);
    close_table(html);
    csv_link(html, texts, view, ReportTable::Months);

    html.element("h3", texts.text("report.by_week"));
    open_table(html, visit_headers(texts, texts.text("report.col.week")));
    for (const WeekVisits& week : report.weeks)
        visit_row(html, texts,
                  texts.format("report.week_label", {{"week", number(week.week.week)}}) + " ("
                      + span_text(week.first, week.last) + ")",
                  week.visits);
    close_table(html);
    csv_link(html, texts, view, ReportTable::Weeks);

    html.open("details");
    html.element("summary", texts.format("report.by_day", {{"days", number(report.period.days())}}));
    open_table(html, visit_headers(texts, texts.text("report.col.day")));
    for (const DayVisits& day : report.days)
        visit_row(html, texts, dated(texts, day.date), day.visits);
    close_table(html);
    html.close();
    csv_link(html, texts, view, ReportTable::Days);
    html.close();
}

void visits_by_group(Html& html, const Catalog& texts, const ReportsView& view, const AttendanceReport& report)
{
    html.open("section", {{"class", "card"}, {"id", "groups"}});
    html.element("h2", texts.text("report.groups"));
    html.element("p", {{"class", "muted"}}, texts.text("report.groups_help"));
    if (report.groups.empty()) {
        html.element("p", texts.text("report.no_visits"));
        html.close();
        return;
    }
    std::vector<ChartBar> bars;
    for (const GroupRow& group : report.groups)
        bars.push_back({group.group, group.visits.total(),
                        texts.format("report.group_bar", {{"total", number(group.visits.total())}})});
    bar_list(html, bars, texts.text("report.groups"));
    open_table(html, visit_headers(texts, texts.text("report.col.group")));
    for (const GroupRow& group : report.groups)
        visit_row(html, texts, group.group, group.visits);
    close_table(html);
    csv_link(html, texts, view, ReportTable::Groups);
    html.close();
}

std::string ranked_label(const Catalog& texts, const TimeZone& zone, const ReportsView& view,
                         const ActivityRow& activity)
{
    std::string label = activity_title(texts, activity) + ", " + activity_when(texts, zone, activity);
    if (view.request.site_ids.size() > 1)
        label += " (" + site_name(view, activity.site_id) + ")";
    return label;
}

void ranking(Html& html, const Catalog& texts, const TimeZone& zone, const ReportsView& view,
             const AttendanceReport& report)
{
    html.open("section", {{"class", "card"}, {"id", "ranking"}});
    html.element("h2", texts.text("report.ranking"));
    html.element("p", {{"class", "muted"}}, texts.text("report.ranking_help"));
    if (report.most_attended.empty()) {
        html.element("p", texts.text("report.no_activities_held"));
        html.close();
        return;
    }
    for (const auto& [key, indexes] :
         {std::pair{"report.most", &report.most_attended}, {"report.least", &report.least_attended}}) {
        if (indexes->empty())
            continue;
        html.element("h3", texts.text(key));
        std::vector<ChartBar> bars;
        for (const std::size_t index : *indexes) {
            const ActivityRow& activity = report.activities[index];
            bars.push_back({ranked_label(texts, zone, view, activity), activity.present(),
                            texts.format("report.activity_bar", {{"present", number(activity.present())},
                                                                 {"registered", number(activity.registered)}})});
        }
        bar_list(html, bars, texts.text(key));
    }
    html.close();
}

void activities(Html& html, const Catalog& texts, const TimeZone& zone, const ReportsView& view,
                const AttendanceReport& report)
{
    html.open("section", {{"class", "card"}, {"id", "activities"}});
    html.element("h2", texts.text("report.activities"));
    html.element("p", {{"class", "muted"}}, texts.text("report.activities_help"));
    if (report.activities.empty()) {
        html.element("p", texts.text("report.no_activities"));
        html.close();
        return;
    }
    const bool several_sites = view.request.site_ids.size() > 1;
    std::vector<std::string> headers{texts.text("report.col.when")};
    if (several_sites)
        headers.push_back(texts.text("report.col.site"));
    for (const char* key : {"report.col.activity", "report.col.registered", "report.col.present_named",
                            "report.col.present_anonymous", "report.col.present", "report.col.state"})
        headers.push_back(texts.text(key));
    open_table(html, headers, TableLayout::Cards);
    for (const ActivityRow& activity : report.activities) {
        html.open("tr", {{"class", activity.cancelled ? "cancelled" : ""}});
        html.element("th", {{"scope", "row"}}, activity_when(texts, zone, activity));
        if (several_sites)
            cell(html, headers[1], site_name(view, activity.site_id), false);
        cell(html, texts.text("report.col.activity"), activity_title(texts, activity), false);
        cell(html, texts.text("report.col.registered"), number(activity.registered), true);
        cell(html, texts.text("report.col.present_named"), number(activity.present_named), true);
        cell(html, texts.text("report.col.present_anonymous"), number(activity.present_anonymous), true);
        cell(html, texts.text("report.col.present"), number(activity.present()), true);
        const char* state = activity.cancelled ? "report.state.cancelled"
            : activity.took_place              ? "report.state.held"
                                               : "report.state.ahead";
        cell(html, texts.text("report.col.state"), texts.text(state), false);
        html.close();
    }
    close_table(html);
    csv_link(html, texts, view, ReportTable::Activities);
    html.close();
}

} // namespace

std::string report_csv_path(const std::string& table, const ReportRequest& request)
{
    return "/reports/csv?table=" + table + "&" + report_query(request);
}

std::string reports_page(const Catalog& texts, const TimeZone& zone, const ReportsView& view)
{
    Html html;
    open_page(html, texts, {texts.text("report.title"), Section::Reports, &view.signed_in, view.notice, {}});
    html.element("p", {{"class", "muted"}}, texts.text("report.intro"));
    report_form(html, texts, view);
    if (!view.report)
        return html.finish();
    for (const std::string& problem : view.unreadable)
        write_notice(html, {NoticeKind::Problem, texts.format("report.unreadable", {{"reason", problem}}), {}});
    summary(html, texts, view, *view.report);
    visits_over_time(html, texts, view, *view.report);
    visits_by_group(html, texts, view, *view.report);
    ranking(html, texts, zone, view, *view.report);
    activities(html, texts, zone, view, *view.report);
    return html.finish();
}

} // namespace olohuone::server::web
