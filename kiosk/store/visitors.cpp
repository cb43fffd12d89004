#include "store/visitors.h"

#include <nlohmann/json.hpp>

#include "core/visitor_name.h"
#include "store/record_key.h"

namespace olohuone::store {
namespace {

Result<std::int64_t> touch_visitor(sql::Database& database, std::int64_t visitor_id, UnixSeconds at)
{
    // A suggestion picked just as the retention erased that name (store/name_retention.h)
    // is refused: a record must not carry the erased row's placeholder as a name.
    auto touch = database.prepare(
        "UPDATE visitor SET last_seen_at = max(last_seen_at, ?) WHERE id = ? AND name_erased_at IS NULL");
    if (!touch)
        return touch.error();
    touch->bind(1, at).bind(2, visitor_id);
    if (auto ran = touch->run(); !ran)
        return ran.error();
    if (database.changes() != 1)
        return make_error("no visitor " + std::to_string(visitor_id) + " with a name");
    return visitor_id;
}

} // namespace

Result<std::int64_t> find_or_add_visitor(sql::Database& database, const VisitorIdentity& identity, UnixSeconds at)
{
    if (identity.visitor_id)
        return touch_visitor(database, *identity.visitor_id, at);

    const std::string name = normalize_name(identity.typed_name);
    if (validate_name(name))
        return make_error("the name is not one the kiosk can store");
    if (identity.group_id.empty())
        return make_error("a new visitor needs a group");
    const std::string fold = fold_name(name);
    // The same name, group and marker typed again is the same person, so the report's
    // count of unique visitors is not inflated by a regular who did not pick a suggestion.
    auto same = database.prepare(
        "SELECT id FROM visitor WHERE fold_key = ? AND group_id = ? AND marker_id = ? ORDER BY id LIMIT 1");
    if (!same)
        return same.error();
    same->bind(1, fold).bind(2, identity.group_id).bind(3, identity.marker_id);
    auto found = sql::optional_row(*same, [](const sql::Statement& row) { return row.column_int(0); });
    if (!found)
        return found.error();
    if (found.value())
        return touch_visitor(database, *found.value(), at);

    auto insert = database.prepare(
        "INSERT INTO visitor (key, name, fold_key, public_fold, group_id, marker_id, created_at, last_seen_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, new_record_key())
        .bind(2, name)
        .bind(3, fold)
        .bind(4, fold_name(public_name(name)))
        .bind(5, identity.group_id)
        .bind(6, identity.marker_id)
        .bind(7, at)
        .bind(8, at);
    if (auto ran = insert->run(); !ran)
        return ran.error();
    return database.last_insert_id();
}

Result<std::optional<std::int64_t>> find_visitor(sql::Database& database, const VisitorIdentity& identity)
{
    auto same = identity.visitor_id
        ? database.prepare("SELECT id FROM visitor WHERE id = ? AND name_erased_at IS NULL")
        : database.prepare("SELECT id FROM visitor WHERE fold_key = ? AND group_id = ? AND marker_id = ? "
                           "AND name_erased_at IS NULL ORDER BY id LIMIT 1");
    if (!same)
        return same.error();
    if (identity.visitor_id)
        same->bind(1, *identity.visitor_id);
    else
        same->bind(1, fold_name(normalize_name(identity.typed_name))).bind(2, identity.group_id).bind(3, identity.marker_id);
    return sql::optional_row(*same, [](const sql::Statement& row) { return row.column_int(0); });
}

Result<StoredVisitor> read_visitor(sql::Database& database, std::int64_t visitor_id)
{
    auto select = database.prepare("SELECT key, name, group_id, marker_id FROM visitor WHERE id = ?");
    if (!select)
        return select.error();
    select->bind(1, visitor_id);
    auto visitor = sql::optional_row(*select, [](const sql::Statement& row) {
        return StoredVisitor{row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3)};
    });
    if (!visitor)
        return visitor.error();
    if (!visitor.value())
        return make_error("no visitor " + std::to_string(visitor_id));
    return *visitor.value();
}

nlohmann::json visitor_json(const StoredVisitor& visitor)
{
    return {{"key", visitor.key}, {"name", visitor.name}, {"group", visitor.group_id}, {"marker", visitor.marker_id}};
}

} // namespace olohuone::store
