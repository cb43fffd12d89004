#include "name_erasure.h"

#include <nlohmann/json.hpp>

#include <functional>

namespace olohuone::server {
namespace {

// The payload without the name and marker, flagged as erased (payload_rules.cpp).
constexpr const char* nameless_payload =
    "json_set(json_remove(payload, '$.visitor.name', '$.visitor.marker'), '$.visitor.name_erased', json('true'))";

Result<std::int64_t> run_counted(sql::Database& database, const std::string& sql,
                                 const std::function<void(sql::Statement&)>& bind)
{
    auto statement = database.prepare(sql);
    if (!statement)
        return statement.error();
    bind(statement.value());
    if (auto ran = statement->run(); !ran)
        return ran.error();
    return database.changes();
}

} // namespace

Result<std::int64_t> erase_names_received_before(sql::Database& database, UnixSeconds cutoff, int batch_size)
{
    auto transaction = sql::Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    const auto bind = [&](sql::Statement& statement) { statement.bind(1, cutoff).bind(2, std::int64_t{batch_size}); };
    auto records = run_counted(database,
                               std::string("UPDATE record SET content_hash = '") + erased_content_hash + "', payload = "
                                   + nameless_payload + " WHERE id IN (SELECT id FROM record WHERE received_at < ?1 "
                                     "AND json_extract(payload, '$.visitor.name') IS NOT NULL LIMIT ?2)",
                               bind);
    if (!records)
        return records.error();
    auto conflicts = run_counted(database,
                                 std::string("UPDATE conflict SET payload = ") + nameless_payload
                                     + " WHERE id IN (SELECT id FROM conflict WHERE received_at < ?1 "
                                       "AND json_extract(payload, '$.visitor.name') IS NOT NULL LIMIT ?2)",
                                 bind);
    if (!conflicts)
        return conflicts.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    if (records.value() + conflicts.value() > 0)
        (void)sql::flush_erased_pages(database); // a busy log is emptied next time
    return records.value() + conflicts.value();
}

Result<std::vector<NamedVisitor>> named_visitors(sql::Database& database, std::int64_t site_id)
{
    auto select = database.prepare(R"sql(
SELECT json_extract(payload, '$.visitor.key') AS visitor_key, json_extract(payload, '$.visitor.name'),
       json_extract(payload, '$.visitor.group'), coalesce(json_extract(payload, '$.visitor.marker'), ''),
       count(*), max(created_at)
FROM record
WHERE site_id = ? AND json_extract(payload, '$.visitor.name') IS NOT NULL
GROUP BY visitor_key
ORDER BY max(created_at) DESC
)sql");
    if (!select)
        return select.error();
    select->bind(1, site_id);
    return sql::collect_rows(*select, [](const sql::Statement& row) {
        return NamedVisitor{row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3),
                            row.column_int(4), row.column_int(5)};
    });
}

Result<std::int64_t> erase_visitor_names(sql::Database& database, std::int64_t site_id,
                                         const std::vector<std::string>& visitor_keys)
{
    auto transaction = sql::Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    const std::string keys = nlohmann::json(visitor_keys).dump();
    const auto bind = [&](sql::Statement& statement) { statement.bind(1, site_id).bind(2, keys); };
    auto records = run_counted(database,
                               std::string("UPDATE record SET content_hash = '") + erased_content_hash + "', payload = "
                                   + nameless_payload + " WHERE site_id = ?1 AND json_extract(payload, '$.visitor.name') IS NOT NULL "
                                     "AND json_extract(payload, '$.visitor.key') IN (SELECT value FROM json_each(?2))",
                               bind);
    if (!records)
        return records.error();
    auto conflicts = run_counted(database,
                                 std::string("UPDATE conflict SET payload = ") + nameless_payload
                                     + " WHERE kiosk_id IN (SELECT id FROM kiosk WHERE site_id = ?1) "
                                       "AND json_extract(payload, '$.visitor.name') IS NOT NULL "
                                       "AND json_extract(payload, '$.visitor.key') IN (SELECT value FROM json_each(?2))",
                                 bind);
    if (!conflicts)
        return conflicts.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    (void)sql::flush_erased_pages(database); // a busy log is emptied next time
    return records.value();
}

} // namespace olohuone::server
