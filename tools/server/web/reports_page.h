#pragma once
// The attendance reports page: the form (period, sites, CSV separator) and, for a good
// request, the report's summary, charts and tables, each table with its CSV download.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/time_zone.h"
#include "web/attendance_report.h"
#include "web/page_frame.h"
#include "web/report_request.h"

namespace olohuone::server::web {

struct ReportsView {
    const SignedIn& signed_in;
    ReportRequest request;
    std::optional<AttendanceReport> report; // none when the request had a problem
    std::map<std::int64_t, std::string> site_names; // the account's sites
    std::vector<std::string> unreadable; // "site: why" for programmes that could not be read
    Notice notice;
};

std::string reports_page(const Catalog& texts, const TimeZone& zone, const ReportsView& view);

// /reports/csv?table=days&from=…: a table's download.
std::string report_csv_path(const std::string& table, const ReportRequest& request);

} // namespace olohuone::server::web
