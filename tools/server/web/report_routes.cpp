// GET /reports (the attendance reports page) and GET /reports/csv?table=… (one of its
// tables as a CSV download). Both read the period, sites and separator from the query
// (report_request.h); a site the account may not see is answered as no such page.
#include <map>

#include "core/log.h"
#include "core/programme_import.h"
#include "web/report_csv.h"
#include "web/report_request.h"
#include "web/reports_page.h"
#include "web/web_guard.h"
#include "web/web_route_parts.h"

namespace olohuone::server::web {
namespace {

// The form sends two dates, the separator and the ticked sites: a query with many more
// values than an account has sites is no form of ours.
constexpr std::size_t max_query_values_besides_sites = 8;

struct ComputedReport {
    AttendanceReport report;
    std::vector<std::string> unreadable; // "site: why"
};

std::map<std::int64_t, std::string> site_names(const SignedIn& signed_in)
{
    std::map<std::int64_t, std::string> names;
    for (const SiteInfo& site : signed_in.sites)
        names[site.id] = site.name;
    return names;
}

// Reads the report's request, or answers: a page the account may not see as not found
// (404), a query that is not the form's as a bad request. A request with a problem the
// coordinator can fix comes back with it set.
std::optional<ReportRequest> report_request_or_answer(WebContext& web, const SignedIn& signed_in,
                                                      const httplib::Request& request, httplib::Response& response)
{
    if (request.params.size() > signed_in.sites.size() + max_query_values_besides_sites) {
        answer_not_found(web, response, &signed_in);
        return std::nullopt;
    }
    std::vector<std::pair<std::string, std::string>> query(request.params.begin(), request.params.end());
    const CivilDate today = web.zone.to_local(web.clock.now()).date;
    ReportRequest read = read_report_request(query, signed_in.sites, today);
    if (read.unknown_site) {
        answer_not_found(web, response, &signed_in);
        return std::nullopt;
    }
    return read;
}

Result<ComputedReport> compute_report(WebContext& web, const SignedIn& signed_in, const ReportRequest& request)
{
    const FigureQuery query = figure_query(request.period, web.zone, request.site_ids);
    auto figures = web.store.attendance_figures(query);
    if (!figures)
        return figures.error();
    ComputedReport computed;
    std::vector<SiteOccurrences> programmes;
    const auto names = site_names(signed_in);
    for (const std::int64_t site_id : request.site_ids) {
        auto programme = web.store.site_programme(site_id, CalendarTexts::Include);
        if (!programme)
            return programme.error();
        std::vector<CalendarFile> files;
        for (const SiteCalendar& calendar : programme->calendars)
            files.push_back({calendar.name, calendar.ics});
        auto imported = import_programme(files, web.zone, {query.from, query.to});
        if (!imported) {
            computed.unreadable.push_back(names.at(site_id) + ": " + imported.error().message);
            continue;
        }
        programmes.push_back({site_id, std::move(imported->occurrences)});
    }
    computed.report = build_report(request.period, web.zone, figures.value(), programmes, web.clock.now(),
                                   web.texts.language());
    return computed;
}

void get_reports(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    const auto signed_in = signed_in_or_answer(web, request, response);
    if (!signed_in)
        return;
    auto report_request = report_request_or_answer(web, *signed_in, request, response);
    if (!report_request)
        return;
    ReportsView view{*signed_in, std::move(*report_request), std::nullopt, site_names(*signed_in), {}, {}};
    if (view.request.problem != ReportProblem::None) {
        view.notice = {NoticeKind::Problem, web.texts.text(problem_text_key(view.request.problem)), {}};
        send_page(response, 400, reports_page(web.texts, web.zone, view));
        return;
    }
    auto computed = compute_report(web, *signed_in, view.request);
    if (!computed) {
        answer_unavailable(web, response, &*signed_in, "reading a report", computed.error());
        return;
    }
    view.report = std::move(computed->report);
    view.unreadable = std::move(computed->unreadable);
    send_page(response, 200, reports_page(web.texts, web.zone, view));
}

void get_report_csv(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    const auto signed_in = signed_in_or_answer(web, request, response);
    if (!signed_in)
        return;
    const auto table = report_table_named(request.get_param_value("table"));
    if (!table || request.get_param_value_count("table") != 1) {
        answer_not_found(web, response, &*signed_in);
        return;
    }
    auto report_request = report_request_or_answer(web, *signed_in, request, response);
    if (!report_request)
        return;
    if (report_request->problem != ReportProblem::None) {
        ReportsView view{*signed_in, std::move(*report_request), std::nullopt, site_names(*signed_in), {}, {}};
        view.notice = {NoticeKind::Problem, web.texts.text(problem_text_key(view.request.problem)), {}};
        send_page(response, 400, reports_page(web.texts, web.zone, view));
        return;
    }
    auto computed = compute_report(web, *signed_in, *report_request);
    if (!computed) {
        answer_unavailable(web, response, &*signed_in, "reading a report", computed.error());
        return;
    }
    add_page_headers(response, Caching::Never);
    response.set_header("Content-Disposition",
                        "attachment; filename=\"" + report_file_name(web.texts, *table, report_request->period) + "\"");
    response.set_content(report_csv(web.texts, web.zone, computed->report, *table, site_names(*signed_in),
                                    report_request->separator),
                         "text/csv; charset=utf-8");
}

} // namespace

void add_report_routes(httplib::Server& server, WebContext& web)
{
    server.Get("/reports", [&web](const httplib::Request& request, httplib::Response& response) {
        get_reports(web, request, response);
    });
    server.Get("/reports/csv", [&web](const httplib::Request& request, httplib::Response& response) {
        get_report_csv(web, request, response);
    });
}

} // namespace olohuone::server::web
