#include "store/visitor_erasure.h"

namespace olohuone::store {
namespace {

// The outbox rows about visitor ?1: the records made under the keys of their visits,
// sign-outs, registrations, cancellations, attendance and its withdrawals, and the
// cancellations, restores and waiting-list moves of their registrations (those name the
// registration, not the person, but are theirs; a restored cancellation's key is gone).
constexpr const char* their_outbox_rows = R"sql(
SELECT id FROM outbox WHERE key IN (
    SELECT key FROM visit WHERE visitor_id = ?1
    UNION ALL SELECT sign_out_key FROM visit WHERE visitor_id = ?1 AND sign_out_key IS NOT NULL
    UNION ALL SELECT key FROM registration WHERE visitor_id = ?1
    UNION ALL SELECT cancel_key FROM registration WHERE visitor_id = ?1 AND cancel_key IS NOT NULL
    UNION ALL SELECT restore_key FROM registration WHERE visitor_id = ?1 AND restore_key IS NOT NULL
    UNION ALL SELECT key FROM attendance WHERE visitor_id = ?1
    UNION ALL SELECT withdraw_key FROM attendance WHERE visitor_id = ?1 AND withdraw_key IS NOT NULL)
UNION
SELECT id FROM outbox WHERE kind IN ('registration.promoted', 'registration.cancel', 'registration.restore')
    AND json_extract(payload, '$.registration') IN (SELECT key FROM registration WHERE visitor_id = ?1)
UNION
SELECT id FROM outbox WHERE json_extract(payload, '$.visitor.key') = (SELECT key FROM visitor WHERE id = ?1)
)sql";

Result<std::int64_t> count_for(sql::Database& database, const std::string& sql, std::int64_t visitor_id)
{
    auto select = database.prepare(sql);
    if (!select)
        return select.error();
    select->bind(1, visitor_id);
    auto count = sql::optional_row(select.value(), [](const sql::Statement& row) { return row.column_int(0); });
    if (!count)
        return count.error();
    return count->value_or(0);
}

Result<void> fill_counts(sql::Database& database, VisitorFootprint& visitor)
{
    const std::string outbox =
        std::string("SELECT count(*), coalesce(sum(sent_at IS NULL AND rejected_reason IS NULL), 0) FROM outbox "
                    "WHERE id IN (")
        + their_outbox_rows + ")";
    auto select = database.prepare(outbox);
    if (!select)
        return select.error();
    select->bind(1, visitor.visitor_id);
    auto row = select->step();
    if (!row)
        return row.error();
    const std::int64_t all = select->column_int(0);
    visitor.outbox_waiting = select->column_int(1);
    visitor.outbox_delivered = all - visitor.outbox_waiting;

    const std::pair<std::int64_t*, const char*> counts[] = {
        {&visitor.visits, "SELECT count(*) FROM visit WHERE visitor_id = ?"},
        {&visitor.registrations, "SELECT count(*) FROM registration WHERE visitor_id = ?"},
        {&visitor.attendance, "SELECT count(*) FROM attendance WHERE visitor_id = ?"},
    };
    for (const auto& [target, sql] : counts) {
        auto count = count_for(database, sql, visitor.visitor_id);
        if (!count)
            return count.error();
        *target = count.value();
    }
    return {};
}

} // namespace

Result<std::vector<VisitorFootprint>> visitors_named(sql::Database& database, const std::string& fold)
{
    auto select = database.prepare("SELECT id, key, name, group_id, marker_id, last_seen_at FROM visitor "
                                   "WHERE fold_key = ? ORDER BY last_seen_at DESC, id DESC");
    if (!select)
        return select.error();
    select->bind(1, fold);
    auto visitors = sql::collect_rows(select.value(), [](const sql::Statement& row) {
        VisitorFootprint visitor;
        visitor.visitor_id = row.column_int(0);
        visitor.key = row.column_text(1);
        visitor.name = row.column_text(2);
        visitor.group_id = row.column_text(3);
        visitor.marker_id = row.column_text(4);
        visitor.last_seen_at = row.column_int(5);
        return visitor;
    });
    if (!visitors)
        return visitors.error();
    for (VisitorFootprint& visitor : visitors.value())
        if (auto counted = fill_counts(database, visitor); !counted)
            return counted.error();
    return visitors;
}

Result<VisitorFootprint> erase_visitor(sql::Database& database, const std::string& visitor_key)
{
    auto transaction = sql::Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    auto select =
        database.prepare("SELECT id, key, name, group_id, marker_id, last_seen_at FROM visitor WHERE key = ?");
    if (!select)
        return select.error();
    select->bind(1, visitor_key);
    auto found = sql::optional_row(select.value(), [](const sql::Statement& row) {
        return VisitorFootprint{row.column_int(0), row.column_text(1), row.column_text(2), row.column_text(3),
                                row.column_text(4), row.column_int(5)};
    });
    if (!found)
        return found.error();
    if (!found.value())
        return make_error("no visitor with the key " + visitor_key);
    VisitorFootprint erased = *found.value();
    if (auto counted = fill_counts(database, erased); !counted)
        return counted.error();

    // The outbox first: its rows are found through the records deleted after it. Then
    // the records, and the visitor they refer to last.
    const std::string deletes[] = {
        std::string("DELETE FROM outbox WHERE id IN (") + their_outbox_rows + ")",
        "DELETE FROM attendance WHERE visitor_id = ?1",
        "DELETE FROM registration_move WHERE registration_id IN (SELECT id FROM registration WHERE visitor_id = ?1)",
        "DELETE FROM registration WHERE visitor_id = ?1",
        "DELETE FROM visit WHERE visitor_id = ?1",
        "DELETE FROM visitor WHERE id = ?1",
    };
    for (const std::string& sql : deletes) {
        auto erase = database.prepare(sql);
        if (!erase)
            return erase.error();
        erase->bind(1, erased.visitor_id);
        if (auto ran = erase->run(); !ran)
            return ran.error();
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    (void)sql::flush_erased_pages(database); // a busy log is emptied next time
    return erased;
}

} // namespace olohuone::store
