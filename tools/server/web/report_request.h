#pragma once
// What a coordinator asks the reports page for, read from the query: the period
// (?from=2026-10-01&to=2026-11-30, or Finnish 1.10.2026), the sites (?site=1&site=2)
// and the CSV separator (?sep=semicolon or comma). Every value is checked here; the
// sites against those the account may see.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "server_store.h"
#include "web/attendance_report.h"

namespace olohuone::server::web {

// A report covers at most a year (a leap year's 366 days).
inline constexpr int max_report_days = 366;
// No query value is longer than a date's Finnish or ISO writing, with room to spare.
inline constexpr std::size_t max_report_value_bytes = 40;

// "2026-10-01" or "1.10.2026" (also "01.10.2026"), years 2020–2100; else none.
std::optional<CivilDate> parse_report_date(std::string_view text);
// "1.10.2026": how the form shows a date.
std::string finnish_date(const CivilDate& date);

enum class ReportProblem {
    None,
    BadDate,       // a date that is no date, or outside 2020–2100
    EndBeforeStart,
    TooLong,       // more than max_report_days
    NoSite,        // no site ticked
    BadSeparator,
};

struct ReportRequest {
    std::string from_text; // as typed, shown again in the form
    std::string to_text;
    ReportPeriod period;
    std::vector<std::int64_t> site_ids; // the ticked sites, as asked
    csv::Separator separator = csv::Separator::Semicolon;
    ReportProblem problem = ReportProblem::None;
    bool unknown_site = false; // a site not among the account's: answered as no such page
};

// The request from the query's values; `today` fills in a period not given (the month
// so far), and no site given means all of `visible` when no period was given either.
ReportRequest read_report_request(const std::vector<std::pair<std::string, std::string>>& query,
                                  const std::vector<SiteInfo>& visible, const CivilDate& today);

// "from=2026-10-01&to=2026-11-30&site=1&site=2&sep=semicolon": the request again, for
// the CSV links.
std::string report_query(const ReportRequest& request);

// The catalog key of the problem's message.
const char* problem_text_key(ReportProblem problem);

} // namespace olohuone::server::web
