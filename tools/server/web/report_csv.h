#pragma once
// The report's tables as CSV files for spreadsheets (kiosk/core/csv.h: UTF-8 with a byte
// order mark, CRLF, ';' or ',', a formula guard on texts): one file per table, with the
// same columns and numbers as the page.
#include <map>
#include <optional>
#include <string>

#include "core/catalog.h"
#include "core/csv.h"
#include "core/time_zone.h"
#include "web/attendance_report.h"

namespace olohuone::server::web {

enum class ReportTable { Summary, Days, Weeks, Months, Groups, Activities };

// "summary", "days", "weeks", "months", "groups", "activities" (the ?table= of the link).
std::optional<ReportTable> report_table_named(std::string_view name);
const char* report_table_name(ReportTable table);

// The file's name: "kaynnit-paivittain_2026-10-01_2026-11-30.csv" (plain letters, for
// every operating system).
std::string report_file_name(const Catalog& texts, ReportTable table, const ReportPeriod& period);

std::string report_csv(const Catalog& texts, const TimeZone& zone, const AttendanceReport& report, ReportTable table,
                       const std::map<std::int64_t, std::string>& site_names, csv::Separator separator);

} // namespace olohuone::server::web
