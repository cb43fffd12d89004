#pragma once
// The attendance reports' figures counted in SQL on the server's records
// (json_extract on record.payload), for the SQLite store.
#include "attendance_figures.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::server {

// More activities or groups than a page can show: the store refuses instead of
// answering with part of them.
inline constexpr std::size_t max_report_activities = 10000;
inline constexpr std::size_t max_report_groups = 500;

Result<AttendanceFigures> read_attendance_figures(sql::Database& database, const FigureQuery& query);

} // namespace olohuone::server
