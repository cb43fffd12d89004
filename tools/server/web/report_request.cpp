#include "web/two_digits.h"
#include "web/report_request.h"

#include <algorithm>
#include <charconv>

namespace olohuone::server::web {
namespace {

std::optional<int> number(std::string_view text, std::size_t min_digits, std::size_t max_digits)
{
    if (text.size() < min_digits || text.size() > max_digits)
        return std::nullopt;
    int value = 0;
    const auto [end, failed] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (failed != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// The parts of `text` between `mark`s.
std::vector<std::string_view> parts(std::string_view text, char mark)
{
    std::vector<std::string_view> found;
    std::size_t at = 0;
    for (;;) {
        const std::size_t end = text.find(mark, at);
        found.push_back(text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
        if (end == std::string_view::npos)
            return found;
        at = end + 1;
    }
}


std::string iso_date(const CivilDate& date)
{
    return std::to_string(date.year) + "-" + two_digits(date.month) + "-" + two_digits(date.day);
}

} // namespace

std::optional<CivilDate> parse_report_date(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    std::optional<int> year;
    std::optional<int> month;
    std::optional<int> day;
    if (const auto iso = parts(text, '-'); iso.size() == 3) {
        year = number(iso[0], 4, 4);
        month = number(iso[1], 2, 2);
        day = number(iso[2], 2, 2);
    } else if (const auto finnish = parts(text, '.'); finnish.size() == 3) {
        day = number(finnish[0], 1, 2);
        month = number(finnish[1], 1, 2);
        year = number(finnish[2], 4, 4);
    }
    if (!year || !month || !day || *year < 2020 || *year > 2100)
        return std::nullopt;
    const CivilDate date{*year, *month, *day};
    if (!date.valid())
        return std::nullopt;
    return date;
}

std::string finnish_date(const CivilDate& date)
{
    return std::to_string(date.day) + "." + std::to_string(date.month) + "." + std::to_string(date.year);
}

ReportRequest read_report_request(const std::vector<std::pair<std::string, std::string>>& query,
                                  const std::vector<SiteInfo>& visible, const CivilDate& today)
{
    ReportRequest request;
    bool period_given = false;
    for (const auto& [name, value] : query) {
        const bool too_long = value.size() > max_report_value_bytes;
        if (name == "from" || name == "to") {
            period_given = true;
            (name == "from" ? request.from_text : request.to_text) = too_long ? std::string() : value;
            if (too_long)
                request.problem = ReportProblem::BadDate;
        } else if (name == "site") {
            std::int64_t id = 0;
            const auto [end, failed] = std::from_chars(value.data(), value.data() + value.size(), id);
            const bool seen = std::any_of(visible.begin(), visible.end(), [&](const SiteInfo& site) {
                return site.id == id;
            });
            if (too_long || failed != std::errc() || end != value.data() + value.size() || !seen)
                request.unknown_site = true;
            else if (std::find(request.site_ids.begin(), request.site_ids.end(), id) == request.site_ids.end())
                request.site_ids.push_back(id);
        } else if (name == "sep") {
            if (value == "comma")
                request.separator = csv::Separator::Comma;
            else if (value != "semicolon")
                request.problem = ReportProblem::BadSeparator;
        }
    }
    if (!period_given) {
        // The month so far, on every site: what most reports start from.
        request.from_text = finnish_date({today.year, today.month, 1});
        request.to_text = finnish_date(today);
        if (request.site_ids.empty())
            for (const SiteInfo& site : visible)
                request.site_ids.push_back(site.id);
    }
    std::sort(request.site_ids.begin(), request.site_ids.end());
    if (request.problem != ReportProblem::None)
        return request;
    const auto from = parse_report_date(request.from_text);
    const auto to = parse_report_date(request.to_text);
    if (!from || !to)
        request.problem = ReportProblem::BadDate;
    else if (*to < *from)
        request.problem = ReportProblem::EndBeforeStart;
    else if (to->days_since_epoch() - from->days_since_epoch() + 1 > max_report_days)
        request.problem = ReportProblem::TooLong;
    else if (request.site_ids.empty())
        request.problem = ReportProblem::NoSite;
    if (from && to)
        request.period = {*from, *to};
    return request;
}

std::string report_query(const ReportRequest& request)
{
    std::string query = "from=" + iso_date(request.period.from) + "&to=" + iso_date(request.period.to);
    for (const std::int64_t site : request.site_ids)
        query += "&site=" + std::to_string(site);
    query += request.separator == csv::Separator::Comma ? "&sep=comma" : "&sep=semicolon";
    return query;
}

const char* problem_text_key(ReportProblem problem)
{
    switch (problem) {
    case ReportProblem::BadDate:
        return "report.bad_date";
    case ReportProblem::EndBeforeStart:
        return "report.end_before_start";
    case ReportProblem::TooLong:
        return "report.too_long";
    case ReportProblem::NoSite:
        return "report.no_site";
    case ReportProblem::BadSeparator:
        return "report.bad_separator";
    case ReportProblem::None:
        break;
    }
    return "report.bad_date";
}

} // namespace olohuone::server::web
