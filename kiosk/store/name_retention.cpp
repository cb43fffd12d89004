#include "store/name_retention.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace olohuone::store {
namespace {

constexpr std::int64_t seconds_per_day = 24 * 60 * 60;

// Visitors who keep their name whatever the dates: signed in now, or registered for an
// activity that ends after the cutoff ?1 (the occurrence's end as the cache has it, or
// its recurrence instance when it is no longer cached).
constexpr const char* kept_by_presence = R"sql(
kept_signed_in AS (SELECT visitor_id FROM visit WHERE signed_out_at IS NULL AND withdrawn_at IS NULL
                   AND visitor_id IS NOT NULL),
kept_registered AS (
    SELECT registration.visitor_id FROM registration
    WHERE registration.cancelled_at IS NULL
      AND max(registration.instance,
              coalesce((SELECT max(occurrence.end) FROM programme_occurrence AS occurrence
                        WHERE occurrence.uid = registration.event_uid
                          AND occurrence.instance = registration.instance), 0)) >= ?1)
)sql";

// With a server: visitors with a record still waiting, or delivered after the cutoff ?1.
// Records naming the visitor carry their key; sign-outs, cancellations, withdrawals and
// waiting-list moves are found through the row they belong to.
constexpr const char* kept_by_delivery = R"sql(
recent AS (
    SELECT key, kind, payload FROM outbox
    WHERE (sent_at IS NULL AND rejected_reason IS NULL) OR coalesce(sent_at, rejected_at, created_at) >= ?1),
kept_undelivered AS (
    SELECT visitor.id AS visitor_id FROM recent
        JOIN visitor ON visitor.key = json_extract(recent.payload, '$.visitor.key')
    UNION SELECT visit.visitor_id FROM recent JOIN visit ON visit.sign_out_key = recent.key
    UNION SELECT registration.visitor_id FROM recent JOIN registration ON registration.cancel_key = recent.key
    UNION SELECT registration.visitor_id FROM recent
        JOIN registration ON registration.key = json_extract(recent.payload, '$.registration')
        WHERE recent.kind = 'registration.promoted'
    UNION SELECT attendance.visitor_id FROM recent JOIN attendance ON attendance.withdraw_key = recent.key)
)sql";

std::string candidates_sql(RetentionStart start)
{
    const bool by_delivery = start == RetentionStart::FromDelivery;
    std::string sql = std::string("WITH ") + kept_by_presence;
    if (by_delivery)
        sql += std::string(",") + kept_by_delivery;
    sql += R"sql(
SELECT id FROM visitor
WHERE name_erased_at IS NULL AND last_seen_at < ?1
  AND id NOT IN (SELECT visitor_id FROM kept_signed_in)
  AND id NOT IN (SELECT visitor_id FROM kept_registered)
)sql";
    if (by_delivery)
        // Anonymous counts' sign-outs and withdrawals join to no one: NULL would make
        // NOT IN false for every visitor.
        sql += "  AND id NOT IN (SELECT visitor_id FROM kept_undelivered WHERE visitor_id IS NOT NULL)\n";
    sql += "ORDER BY id LIMIT ?2";
    return sql;
}

// The payloads keep the visitor's key and group (what the server's reports count by) and
// say that the name was erased, so a payload without one is not taken for a broken one.
// With a server only delivered rows are touched: a waiting record goes out as it was made.
std::string strip_payloads_sql(RetentionStart start)
{
    std::string sql = R"sql(
UPDATE outbox
SET payload = json_set(json_remove(payload, '$.visitor.name', '$.visitor.marker'), '$.visitor.name_erased', json('true'))
WHERE json_extract(payload, '$.visitor.key') IN (SELECT key FROM visitor WHERE id IN (SELECT value FROM json_each(?1)))
  AND json_extract(payload, '$.visitor.name') IS NOT NULL
)sql";
    if (start == RetentionStart::FromDelivery)
        sql += "  AND (sent_at IS NOT NULL OR rejected_reason IS NOT NULL)";
    return sql;
}

constexpr const char* erase_visitors_sql = R"sql(
UPDATE visitor SET name = ?2, fold_key = '', public_fold = '', marker_id = '', name_erased_at = ?3
WHERE id IN (SELECT value FROM json_each(?1))
)sql";

// One batch in one transaction: chosen and erased under the same write lock, so a visitor
// who signs in meanwhile is not erased.
Result<NamesErased> erase_one_batch(sql::Database& database, const NameRetentionRule& rule, UnixSeconds now,
                                    int batch_size)
{
    const UnixSeconds cutoff = now - std::int64_t{rule.days} * seconds_per_day;
    auto transaction = sql::Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    auto select = database.prepare(candidates_sql(rule.start));
    if (!select)
        return select.error();
    select->bind(1, cutoff).bind(2, std::int64_t{batch_size});
    auto ids = sql::collect_rows(*select, [](const sql::Statement& row) { return row.column_int(0); });
    if (!ids)
        return ids.error();
    NamesErased erased;
    if (ids->empty())
        return erased;
    const std::string id_list = nlohmann::json(ids.value()).dump();

    auto strip = database.prepare(strip_payloads_sql(rule.start));
    if (!strip)
        return strip.error();
    strip->bind(1, id_list);
    if (auto ran = strip->run(); !ran)
        return ran.error();
    erased.outbox_payloads = database.changes();

    auto erase = database.prepare(erase_visitors_sql);
    if (!erase)
        return erase.error();
    erase->bind(1, id_list).bind(2, erased_visitor_name).bind(3, now);
    if (auto ran = erase->run(); !ran)
        return ran.error();
    erased.visitors = database.changes();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return erased;
}

} // namespace

Result<NamesErased> erase_expired_names(sql::Database& database, const NameRetentionRule& rule, UnixSeconds now,
                                        int batch_size)
{
    NamesErased total;
    while (true) {
        auto batch = erase_one_batch(database, rule, now, batch_size);
        if (!batch)
            return batch.error();
        total.visitors += batch->visitors;
        total.outbox_payloads += batch->outbox_payloads;
        if (batch->visitors < batch_size) {
            if (total.visitors > 0)
                (void)sql::flush_erased_pages(database); // a busy log is emptied next time
            return total;
        }
    }
}

} // namespace olohuone::store
