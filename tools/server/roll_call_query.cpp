#include "roll_call_query.h"

#include <algorithm>

namespace olohuone::server {
namespace {

// ?1 the site, ?2 and ?3 the span. A sign-out or a withdrawal names its visit.
constexpr const char* open_visits_sql = R"sql(
WITH chosen AS (
    SELECT kind, payload, json_extract(payload, '$.time.at') AS at FROM record WHERE site_id = ?1
),
closed AS (
    SELECT json_extract(payload, '$.visit') AS visit FROM chosen WHERE kind IN ('visit.sign_out', 'visit.withdrawn')
)
SELECT coalesce(json_extract(payload, '$.visitor.name'), ''), json_extract(payload, '$.group'), at,
       json_extract(payload, '$.visitor.key')
FROM chosen
WHERE kind = 'visit.sign_in' AND at >= ?2 AND at < ?3
  AND json_extract(payload, '$.visit') NOT IN (SELECT visit FROM closed WHERE visit IS NOT NULL)
ORDER BY at
)sql";

constexpr const char* marks_sql = R"sql(
WITH chosen AS (
    SELECT kind, payload, json_extract(payload, '$.time.at') AS at FROM record WHERE site_id = ?1
),
withdrawn AS (
    SELECT json_extract(payload, '$.attendance') AS attendance FROM chosen WHERE kind = 'attendance.withdrawn'
)
SELECT json_extract(payload, '$.visitor.key'), json_extract(payload, '$.activity.uid'),
       json_extract(payload, '$.activity.instance'), at
FROM chosen
WHERE kind = 'attendance.here' AND at >= ?2 AND at < ?3
  AND json_extract(payload, '$.attendance') NOT IN (SELECT attendance FROM withdrawn WHERE attendance IS NOT NULL)
)sql";

constexpr const char* anonymous_sql = R"sql(
WITH chosen AS (
    SELECT kind, payload, json_extract(payload, '$.time.at') AS at FROM record WHERE site_id = ?1
)
SELECT count(*) FROM chosen
WHERE kind = 'visit.counted' AND at >= ?2 AND at < ?3
  AND json_extract(payload, '$.visit') NOT IN (
      SELECT json_extract(payload, '$.visit') FROM chosen
      WHERE kind = 'visit.withdrawn' AND json_extract(payload, '$.visit') IS NOT NULL)
)sql";

constexpr const char* deliveries_sql = R"sql(
SELECT kiosk.name, (SELECT max(received_at) FROM record WHERE record.kiosk_id = kiosk.id)
FROM kiosk WHERE kiosk.site_id = ?1 AND kiosk.revoked_at IS NULL ORDER BY kiosk.name
)sql";

} // namespace

Result<SiteRollCall> site_roll_call(sql::Database& database, std::int64_t site_id, UnixSeconds from, UnixSeconds to)
{
    SiteRollCall roll_call;
    std::vector<std::string> visitor_keys;
    {
        auto select = database.prepare(open_visits_sql);
        if (!select)
            return select.error();
        select->bind(1, site_id).bind(2, from).bind(3, to);
        auto rows = sql::collect_rows(*select, [&](const sql::Statement& row) {
            visitor_keys.push_back(row.column_is_null(3) ? std::string() : row.column_text(3));
            RollCallPerson person;
            person.name = row.column_text(0);
            person.group = row.column_is_null(1) ? std::string() : row.column_text(1);
            person.since = row.column_int(2);
            return person;
        });
        if (!rows)
            return rows.error();
        roll_call.people = std::move(rows.value());
    }
    {
        auto select = database.prepare(marks_sql);
        if (!select)
            return select.error();
        select->bind(1, site_id).bind(2, from).bind(3, to);
        struct Mark {
            std::string visitor, uid;
            UnixSeconds instance = 0, at = 0;
        };
        auto marks = sql::collect_rows(*select, [](const sql::Statement& row) {
            return Mark{row.column_is_null(0) ? std::string() : row.column_text(0), row.column_text(1),
                        row.column_int(2), row.column_int(3)};
        });
        if (!marks)
            return marks.error();
        for (std::size_t i = 0; i < roll_call.people.size(); ++i) {
            RollCallPerson& person = roll_call.people[i];
            person.seen_at = person.since;
            for (const Mark& mark : marks.value())
                if (!visitor_keys[i].empty() && mark.visitor == visitor_keys[i] && mark.at >= person.since
                    && mark.at >= person.seen_at) {
                    person.seen_at_uid = mark.uid;
                    person.seen_at_instance = mark.instance;
                    person.seen_at = mark.at;
                }
        }
    }
    std::stable_sort(roll_call.people.begin(), roll_call.people.end(),
                     [](const RollCallPerson& a, const RollCallPerson& b) { return a.name < b.name; });
    {
        auto select = database.prepare(anonymous_sql);
        if (!select)
            return select.error();
        select->bind(1, site_id).bind(2, from).bind(3, to);
        auto row = select->step();
        if (!row)
            return row.error();
        roll_call.anonymous = row.value() ? select->column_int(0) : 0;
    }
    auto select = database.prepare(deliveries_sql);
    if (!select)
        return select.error();
    select->bind(1, site_id);
    auto kiosks = sql::collect_rows(*select, [](const sql::Statement& row) {
        return KioskDelivery{row.column_text(0),
                             row.column_is_null(1) ? std::nullopt : std::optional<UnixSeconds>(row.column_int(1))};
    });
    if (!kiosks)
        return kiosks.error();
    roll_call.kiosks = std::move(kiosks.value());
    return roll_call;
}

} // namespace olohuone::server
