#include "store/visit_log.h"

#include <nlohmann/json.hpp>

#include "core/log.h"
#include "core/visitor_name.h"
#include "store/record_key.h"
#include "store/visitors.h"
#include "store/visits_from_attendance.h"

namespace olohuone::store {
namespace {

// Receipt for a visit already stored under `key`, if there is one.
Result<std::optional<SignInReceipt>> stored_receipt(sql::Database& database, const std::string& key)
{
    auto select = database.prepare(
        "SELECT visit.signed_in_at, visitor.name FROM visit LEFT JOIN visitor ON visitor.id = visit.visitor_id "
        "WHERE visit.key = ?");
    if (!select)
        return select.error();
    select->bind(1, key);
    return sql::optional_row(*select, [](const sql::Statement& row) {
        const std::string name = row.column_is_null(1) ? std::string() : row.column_text(1);
        return SignInReceipt{first_name(name), row.column_int(0)};
    });
}

// One way a visit is closed: a named visit's sign-out, or a count without a name taken
// back. `select` reads, by the visit's key, its closing time, closing key and start;
// `update` sets ?1 the closing time, ?2 the closing key and, where it has one, ?3 whether
// that time was clamped, for ?4 the visit's key.
struct VisitClosing {
    const char* select;
    const char* update;
    const char* kind; // of the outbox record that tells the server
    std::string missing; // what is said when there is no such visit
    std::string already; // ... and when it was closed under another key
};

// Closes the visit `visit_key` once, under `closing_key`, with its outbox record (the
// `payload` and the time) in the same transaction; the same key again succeeds without
// a second record. A clock stepped back since the visit began (a restart without the
// network) would close it before it began: it closes at its start instead, flagged.
Result<void> close_visit_once(sql::Database& database, const VisitClosing& closing, const std::string& visit_key,
                              const std::string& closing_key, nlohmann::json payload, RecordTime time)
{
    auto transaction = sql::Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    auto select = database.prepare(closing.select);
    if (!select)
        return select.error();
    select->bind(1, visit_key);
    auto row = select->step();
    if (!row)
        return row.error();
    if (!row.value())
        return make_error(closing.missing);
    if (!select->column_is_null(0)) {
        if (!select->column_is_null(1) && select->column_text(1) == closing_key)
            return {};
        return make_error(closing.already);
    }
    const UnixSeconds began = select->column_int(2);
    const bool clamped = time.at < began;
    if (clamped) {
        log::warning("the clock is " + std::to_string(began - time.at) + " s behind the start of visit " + visit_key
                     + ": closed at its start instead");
        time.at = began;
        payload["clamped"] = true;
    }
    payload["time"] = record_time_json(time);
    auto update = database.prepare(closing.update);
    if (!update)
        return update.error();
    update->bind(1, time.at).bind(2, closing_key).bind(3, clamped ? 1 : 0).bind(4, visit_key);
    if (auto ran = update->run(); !ran)
        return ran.error();
    if (auto queued = add_to_outbox(database, closing_key, closing.kind, payload, time); !queued)
        return queued.error();
    return transaction->commit();
}

} // namespace

Result<SignInReceipt> VisitLog::sign_in(const SignInDraft& draft, RecordTime time)
{
    if (draft.key.empty() || draft.group_id.empty())
        return make_error("a sign-in needs a key and a group");
    auto transaction = sql::Transaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    auto stored = stored_receipt(m_database, draft.key);
    if (!stored)
        return stored.error();
    if (stored.value())
        return *stored.value();

    std::optional<std::int64_t> visitor_id;
    if (!draft.anonymous) {
        auto visitor = find_or_add_visitor(m_database, draft.identity(), time.at);
        if (!visitor)
            return visitor.error();
        visitor_id = visitor.value();
        if (auto taken_over = withdraw_visits_opened_by_marks(m_database, *visitor_id, time); !taken_over)
            return taken_over.error();
    }
    auto insert = m_database.prepare(
        "INSERT INTO visit (key, visitor_id, group_id, whom, signed_in_at, clock_synced) VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, draft.key)
        .bind(2, visitor_id)
        .bind(3, draft.group_id)
        .bind(4, draft.whom)
        .bind(5, time.at)
        .bind(6, time.clock_synced ? 1 : 0);
    if (auto ran = insert->run(); !ran)
        return ran.error();

    nlohmann::json payload = {{"visit", draft.key}, {"group", draft.group_id}, {"time", record_time_json(time)}};
    std::string name;
    if (visitor_id) {
        auto visitor = read_visitor(m_database, *visitor_id);
        if (!visitor)
            return visitor.error();
        name = visitor->name;
        payload["visitor"] = visitor_json(visitor.value());
        if (!draft.whom.empty())
            payload["whom"] = draft.whom;
    }
    const std::string kind = draft.anonymous ? "visit.counted" : "visit.sign_in";
    if (auto queued = add_to_outbox(m_database, draft.key, kind, payload, time); !queued)
        return queued.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return SignInReceipt{first_name(name), time.at};
}

Result<void> VisitLog::sign_out(const std::string& visit_key, const std::string& sign_out_key, RecordTime time)
{
    const VisitClosing sign_out{
        "SELECT signed_out_at, sign_out_key, signed_in_at FROM visit WHERE key = ? AND visitor_id IS NOT NULL",
        "UPDATE visit SET signed_out_at = ?1, sign_out_key = ?2, sign_out_automatic = 0, sign_out_clamped = ?3 "
        "WHERE key = ?4",
        "visit.sign_out", "no named visit " + visit_key, "visit " + visit_key + " is already signed out"};
    return close_visit_once(m_database, sign_out, visit_key, sign_out_key, {{"visit", visit_key}, {"automatic", false}},
                            time);
}

Result<int> VisitLog::sign_out_automatically(CivilTime closing_time, const TimeZone& zone, RecordTime now)
{
    auto transaction = sql::Transaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    auto open = m_database.prepare("SELECT key, signed_in_at FROM visit WHERE signed_out_at IS NULL AND "
                                   "withdrawn_at IS NULL AND visitor_id IS NOT NULL AND signed_in_at <= ? "
                                   "ORDER BY signed_in_at");
    auto update = m_database.prepare(
        "UPDATE visit SET signed_out_at = ?, sign_out_key = ?, sign_out_automatic = 1 WHERE key = ?");
    if (!open)
        return open.error();
    if (!update)
        return update.error();
    open->bind(1, now.at);

    struct Due {
        std::string visit_key;
        UnixSeconds at;
    };
    std::vector<Due> due;
    for (;;) {
        auto row = open->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        const UnixSeconds at = automatic_sign_out_at(open->column_int(1), closing_time, zone);
        if (at <= now.at)
            due.push_back({open->column_text(0), at});
    }
    for (const Due& visit : due) {
        const std::string key = new_record_key();
        update->reset();
        update->bind(1, visit.at).bind(2, key).bind(3, visit.visit_key);
        if (auto ran = update->run(); !ran)
            return ran.error();
        // The sign-out time is the closing time, not the moment the kiosk noticed; its
        // clock state is the one known now. A closing time on an unset clock is no moment
        // of this boot, so it carries none to be corrected by.
        const RecordTime closed{visit.at, now.clock_synced};
        const nlohmann::json payload = {{"visit", visit.visit_key}, {"automatic", true}, {"time", record_time_json(closed)}};
        if (auto queued = add_to_outbox(m_database, key, "visit.sign_out", payload, closed); !queued)
            return queued.error();
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return static_cast<int>(due.size());
}

Result<std::vector<OpenVisit>> VisitLog::open_visits(UnixSeconds from, UnixSeconds to)
{
    auto select = m_database.prepare(
        "SELECT visit.key, visitor.name, visit.group_id, visitor.marker_id, visit.signed_in_at, visit.visitor_id FROM visit "
        "JOIN visitor ON visitor.id = visit.visitor_id WHERE visit.signed_out_at IS NULL AND visit.withdrawn_at IS NULL "
        "AND visit.signed_in_at >= ? AND visit.signed_in_at < ? ORDER BY visit.signed_in_at, visit.id");
    if (!select)
        return select.error();
    select->bind(1, from).bind(2, to);
    return sql::collect_rows(*select, [](const sql::Statement& row) {
        return OpenVisit{row.column_text(0), row.column_int(5), public_name(row.column_text(1)), row.column_text(2),
                         row.column_text(3), row.column_int(4)};
    });
}

Result<std::vector<PresentVisitor>> VisitLog::present(UnixSeconds from, UnixSeconds to)
{
    // Where each was last seen: the latest activity they were marked at since the visit
    // began, or else the sign-in itself.
    auto select = m_database.prepare(R"sql(
SELECT visitor.name, visit.group_id, visit.signed_in_at, seen.event_uid, seen.instance, seen.arrived_at
FROM visit JOIN visitor ON visitor.id = visit.visitor_id
LEFT JOIN attendance AS seen ON seen.id = (
    SELECT id FROM attendance
    WHERE attendance.visitor_id = visit.visitor_id AND attendance.withdrawn_at IS NULL
      AND attendance.arrived_at >= visit.signed_in_at
    ORDER BY attendance.arrived_at DESC, attendance.id DESC LIMIT 1)
WHERE visit.signed_out_at IS NULL AND visit.withdrawn_at IS NULL AND visit.signed_in_at >= ? AND visit.signed_in_at < ?
ORDER BY visit.signed_in_at, visit.id)sql");
    if (!select)
        return select.error();
    select->bind(1, from).bind(2, to);
    return sql::collect_rows(*select, [](const sql::Statement& row) {
        PresentVisitor person{row.column_text(0), row.column_text(1), row.column_int(2)};
        person.seen_at = person.since;
        if (!row.column_is_null(3)) {
            person.seen_at_activity = ActivityRef{row.column_text(3), row.column_int(4)};
            person.seen_at = row.column_int(5);
        }
        return person;
    });
}

Result<void> VisitLog::withdraw_count(const std::string& visit_key, const std::string& withdraw_key,
                                      RecordTime time)
{
    if (visit_key.empty() || withdraw_key.empty())
        return make_error("taking a count back needs its key and a key of its own");
    const VisitClosing taking_back{
        "SELECT withdrawn_at, withdraw_key, signed_in_at FROM visit WHERE key = ? AND visitor_id IS NULL",
        "UPDATE visit SET withdrawn_at = ?1, withdraw_key = ?2 WHERE key = ?4", "visit.withdrawn",
        "no count without a name " + visit_key, "count " + visit_key + " is already taken back"};
    return close_visit_once(m_database, taking_back, visit_key, withdraw_key, {{"visit", visit_key}}, time);
}

Result<std::int64_t> VisitLog::anonymous_visits(UnixSeconds from, UnixSeconds to)
{
    auto count = m_database.prepare("SELECT count(*) FROM visit WHERE visitor_id IS NULL AND withdrawn_at IS NULL "
                                    "AND signed_in_at >= ? AND signed_in_at < ?");
    if (!count)
        return count.error();
    count->bind(1, from).bind(2, to);
    auto row = sql::optional_row(*count, [](const sql::Statement& result) { return result.column_int(0); });
    if (!row)
        return row.error();
    return row->value_or(0);
}

Result<std::vector<VisitorSuggestion>> VisitLog::suggestions(const std::string& typed_fold, int limit)
{
    if (typed_fold.empty() || limit <= 0)
        return std::vector<VisitorSuggestion>();
    // A range on the index: every folded name that starts with the typed letters sorts
    // between them and them followed by the highest code point. The inner query ranks
    // the matches from the index alone; only the few shown are read from the table.
    auto select = m_database.prepare(
        "SELECT id, name, group_id, marker_id FROM visitor WHERE id IN (SELECT id FROM visitor WHERE fold_key >= ?1 "
        "AND fold_key < ?1 || char(1114111) ORDER BY last_seen_at DESC, id DESC LIMIT ?2) "
        "ORDER BY last_seen_at DESC, id DESC");
    if (!select)
        return select.error();
    select->bind(1, typed_fold).bind(2, static_cast<std::int64_t>(limit));
    return sql::collect_rows(*select, [](const sql::Statement& row) {
        return VisitorSuggestion{row.column_int(0), public_name(row.column_text(1)), row.column_text(2),
                                 row.column_text(3)};
    });
}

Result<std::vector<std::string>> VisitLog::markers_in_use(const std::string& public_fold, const std::string& own_fold)
{
    auto select = m_database.prepare(
        "SELECT DISTINCT marker_id FROM visitor WHERE public_fold = ? AND fold_key <> ? ORDER BY 1");
    if (!select)
        return select.error();
    select->bind(1, public_fold).bind(2, own_fold);
    return sql::collect_rows(*select, [](const sql::Statement& row) { return row.column_text(0); });
}

} // namespace olohuone::store
