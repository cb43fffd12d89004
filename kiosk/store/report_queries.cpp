#include "store/report_queries.h"

namespace olohuone::store {

Result<std::vector<VisitReportRow>> visits_between(sql::Database& database, UnixSeconds from, UnixSeconds to)
{
    auto select = database.prepare(
        "SELECT visit.signed_in_at, visit.signed_out_at, visit.sign_out_automatic, visit.visitor_id IS NULL, "
        "coalesce(visitor.name, ''), visit.group_id, visit.whom, coalesce(visitor.marker_id, ''), "
        "visit.sign_out_clamped "
        "FROM visit LEFT JOIN visitor ON visitor.id = visit.visitor_id "
        "WHERE visit.signed_in_at >= ? AND visit.signed_in_at < ? AND visit.withdrawn_at IS NULL "
        "ORDER BY visit.signed_in_at, visit.id");
    if (!select)
        return select.error();
    select->bind(1, from).bind(2, to);
    return sql::collect_rows(select.value(), [](const sql::Statement& row) {
        VisitReportRow visit;
        visit.signed_in_at = row.column_int(0);
        if (!row.column_is_null(1))
            visit.signed_out_at = row.column_int(1);
        visit.signed_out_automatically = row.column_int(2) != 0;
        visit.anonymous = row.column_int(3) != 0;
        visit.name = row.column_text(4);
        visit.group_id = row.column_text(5);
        visit.whom = row.column_text(6);
        visit.marker_id = row.column_text(7);
        visit.sign_out_clamped = row.column_int(8) != 0;
        return visit;
    });
}

Result<std::vector<ActivityReportRow>> activities_between(sql::Database& database, UnixSeconds from, UnixSeconds to)
{
    // The activities come from both tables (a walk-in activity has no registrations);
    // each count is a small lookup on the (event_uid, instance) indexes.
    auto select = database.prepare(R"sql(
WITH activity (uid, instance) AS (
    SELECT event_uid, instance FROM registration WHERE instance >= ?1 AND instance < ?2
    UNION
    SELECT event_uid, instance FROM attendance WHERE instance >= ?1 AND instance < ?2 AND withdrawn_at IS NULL
)
SELECT uid, instance,
    (SELECT count(*) FROM registration r
      WHERE r.event_uid = activity.uid AND r.instance = activity.instance AND r.cancelled_at IS NULL),
    (SELECT count(*) FROM registration r
      WHERE r.event_uid = activity.uid AND r.instance = activity.instance AND r.cancelled_at IS NOT NULL),
    (SELECT count(*) FROM attendance a
      WHERE a.event_uid = activity.uid AND a.instance = activity.instance
        AND a.withdrawn_at IS NULL AND a.visitor_id IS NOT NULL),
    (SELECT count(*) FROM attendance a
      WHERE a.event_uid = activity.uid AND a.instance = activity.instance
        AND a.withdrawn_at IS NULL AND a.visitor_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM registration r WHERE r.event_uid = a.event_uid AND r.instance = a.instance
                    AND r.visitor_id = a.visitor_id AND r.cancelled_at IS NULL)),
    (SELECT count(*) FROM attendance a
      WHERE a.event_uid = activity.uid AND a.instance = activity.instance
        AND a.withdrawn_at IS NULL AND a.visitor_id IS NULL)
FROM activity ORDER BY instance, uid
)sql");
    if (!select)
        return select.error();
    select->bind(1, from).bind(2, to);
    return sql::collect_rows(select.value(), [](const sql::Statement& row) {
        return ActivityReportRow{row.column_text(0),
                                 row.column_int(1),
                                 static_cast<int>(row.column_int(2)),
                                 static_cast<int>(row.column_int(3)),
                                 static_cast<int>(row.column_int(4)),
                                 static_cast<int>(row.column_int(5)),
                                 static_cast<int>(row.column_int(6))};
    });
}

Result<std::vector<OpenVisitRow>> open_named_visits(sql::Database& database)
{
    // The partial index visit_open holds exactly these rows.
    auto select = database.prepare(
        "SELECT visitor.name, visit.group_id, visitor.marker_id, visit.signed_in_at FROM visit "
        "JOIN visitor ON visitor.id = visit.visitor_id WHERE visit.signed_out_at IS NULL "
        "AND visit.withdrawn_at IS NULL AND visit.visitor_id IS NOT NULL ORDER BY visit.signed_in_at, visit.id");
    if (!select)
        return select.error();
    return sql::collect_rows(select.value(), [](const sql::Statement& row) {
        return OpenVisitRow{row.column_text(0), row.column_text(1), row.column_text(2), row.column_int(3)};
    });
}

} // namespace olohuone::store
