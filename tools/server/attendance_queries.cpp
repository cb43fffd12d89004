#include "attendance_queries.h"

#include <nlohmann/json.hpp>

namespace olohuone::server {
namespace {

// The chosen sites' visits in the span, less those taken back (a count the visitor took
// back, a visit gone with the attendance mark that opened it); ?1 the site ids as a JSON
// list, ?2 and ?3 the span.
constexpr const char* visits_in_span = R"sql(
WITH taken_back AS (
    SELECT DISTINCT site_id, json_extract(payload, '$.visit') AS visit
    FROM record
    WHERE site_id IN (SELECT value FROM json_each(?1)) AND kind = 'visit.withdrawn'
),
visit AS (
    SELECT site_id, kind, payload, json_extract(payload, '$.time.at') AS at
    FROM record
    WHERE site_id IN (SELECT value FROM json_each(?1)) AND kind IN ('visit.sign_in', 'visit.counted')
      AND NOT EXISTS (
          SELECT 1 FROM taken_back
          WHERE taken_back.site_id = record.site_id AND taken_back.visit = json_extract(record.payload, '$.visit'))
)
)sql";

constexpr const char* visit_hours_sql = R"sql(
SELECT at / 3600 * 3600 AS hour, sum(kind = 'visit.sign_in'), sum(kind = 'visit.counted')
FROM visit WHERE at >= ?2 AND at < ?3 GROUP BY hour ORDER BY hour
)sql";

constexpr const char* groups_sql = R"sql(
SELECT json_extract(payload, '$.group') AS grp, sum(kind = 'visit.sign_in'), sum(kind = 'visit.counted')
FROM visit WHERE at >= ?2 AND at < ?3 GROUP BY grp ORDER BY grp LIMIT ?4
)sql";

// A person is their visitor key at their site: keys are made by each site's kiosks.
constexpr const char* unique_visitors_sql = R"sql(
SELECT count(DISTINCT site_id || ' ' || json_extract(payload, '$.visitor.key'))
FROM visit WHERE kind = 'visit.sign_in' AND at >= ?2 AND at < ?3
)sql";

// Registrations not cancelled (the place ledger knows which stay cancelled after a
// restore) and attendance not withdrawn, per activity. A withdrawal names its attendance,
// of the same activity, so both are among the activity's records.
constexpr const char* activities_sql = R"sql(
WITH chosen AS (
    SELECT site_id, kind,
           json_extract(payload, '$.activity.uid') AS uid,
           json_extract(payload, '$.activity.instance') AS instance,
           json_extract(payload, '$.activity.start') AS start,
           json_extract(payload, '$.registration') AS registration,
           json_extract(payload, '$.attendance') AS attendance
    FROM record
    WHERE site_id IN (SELECT value FROM json_each(?1))
      AND kind IN ('registration.add', 'registration.cancel', 'attendance.here', 'attendance.counted',
                   'attendance.withdrawn')
      AND json_extract(payload, '$.activity.instance') >= ?2 AND json_extract(payload, '$.activity.instance') < ?3
),
cancelled AS (SELECT site_id, registration FROM place
              WHERE cancelled = 1 AND site_id IN (SELECT value FROM json_each(?1))),
withdrawn AS (SELECT DISTINCT site_id, attendance FROM chosen WHERE kind = 'attendance.withdrawn')
SELECT chosen.site_id, uid, instance, max(start),
       sum(kind = 'registration.add' AND cancelled.registration IS NULL),
       sum(kind = 'attendance.here' AND withdrawn.attendance IS NULL),
       sum(kind = 'attendance.counted' AND withdrawn.attendance IS NULL)
FROM chosen
LEFT JOIN cancelled ON kind = 'registration.add' AND cancelled.site_id = chosen.site_id
                   AND cancelled.registration = chosen.registration
LEFT JOIN withdrawn ON kind IN ('attendance.here', 'attendance.counted') AND withdrawn.site_id = chosen.site_id
                   AND withdrawn.attendance = chosen.attendance
WHERE kind IN ('registration.add', 'attendance.here', 'attendance.counted')
GROUP BY chosen.site_id, uid, instance
ORDER BY chosen.site_id, uid, instance
LIMIT ?4
)sql";

Result<sql::Statement> prepared(sql::Database& database, const std::string& sql, const FigureQuery& query,
                                std::optional<std::int64_t> limit = std::nullopt)
{
    auto statement = database.prepare(sql);
    if (!statement)
        return statement.error();
    statement->bind(1, nlohmann::json(query.site_ids).dump()).bind(2, query.from).bind(3, query.to);
    if (limit)
        statement->bind(4, *limit);
    return statement;
}

} // namespace

Result<AttendanceFigures> read_attendance_figures(sql::Database& database, const FigureQuery& query)
{
    AttendanceFigures figures;
    const std::string visits = visits_in_span;

    auto hours = prepared(database, visits + visit_hours_sql, query);
    if (!hours)
        return hours.error();
    auto hour_rows = sql::collect_rows(*hours, [](const sql::Statement& row) {
        return VisitHour{row.column_int(0), row.column_int(1), row.column_int(2)};
    });
    if (!hour_rows)
        return hour_rows.error();
    figures.visit_hours = std::move(hour_rows.value());

    auto groups = prepared(database, visits + groups_sql, query, max_report_groups + 1);
    if (!groups)
        return groups.error();
    auto group_rows = sql::collect_rows(*groups, [](const sql::Statement& row) {
        return GroupVisits{row.column_text(0), row.column_int(1), row.column_int(2)};
    });
    if (!group_rows)
        return group_rows.error();
    if (group_rows->size() > max_report_groups)
        return make_error("more than " + std::to_string(max_report_groups) + " visitor groups in the period");
    figures.groups = std::move(group_rows.value());

    auto unique = prepared(database, visits + unique_visitors_sql, query);
    if (!unique)
        return unique.error();
    auto unique_count = sql::optional_row(*unique, [](const sql::Statement& row) { return row.column_int(0); });
    if (!unique_count)
        return unique_count.error();
    figures.unique_visitors = unique_count->value_or(0);

    auto activities = prepared(database, activities_sql, query, max_report_activities + 1);
    if (!activities)
        return activities.error();
    auto activity_rows = sql::collect_rows(*activities, [](const sql::Statement& row) {
        return ActivityFigures{row.column_int(0), row.column_text(1), row.column_int(2), row.column_int(3),
                               row.column_int(4), row.column_int(5), row.column_int(6)};
    });
    if (!activity_rows)
        return activity_rows.error();
    if (activity_rows->size() > max_report_activities)
        return make_error("more than " + std::to_string(max_report_activities) + " activities in the period");
    figures.activities = std::move(activity_rows.value());
    return figures;
}

} // namespace olohuone::server
