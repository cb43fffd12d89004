#include "store/programme_edits.h"

#include <nlohmann/json.hpp>

namespace olohuone::store {
namespace {

// {"sv": "Kaffestund", "en": "Coffee break"}: an added event's title in the other
// languages, as its template gave them.
nlohmann::json translations_json(const LocalizedText& text)
{
    nlohmann::json translations = nlohmann::json::object();
    for (const auto& [language, translated] : text.translations())
        translations[language] = translated;
    return translations;
}

// The record as the server reads it: the occurrence (as activities name one) and, for a
// change or an addition, its new times, place and capacity.
nlohmann::json edit_payload(const ProgrammeEdit& edit, const RecordTime& time)
{
    nlohmann::json payload = {{"edit", edit.key},
                              {"action", action_name(edit.action)},
                              {"event", {{"uid", edit.uid}, {"instance", edit.instance}}},
                              {"time", record_time_json(time)}};
    if (edit.action == EditAction::Change || edit.action == EditAction::Add) {
        nlohmann::json values = {{"start", edit.start}, {"end", edit.end}};
        values["capacity"] = edit.capacity ? nlohmann::json(*edit.capacity) : nlohmann::json(nullptr);
        if (edit.location)
            values["location"] = *edit.location;
        if (edit.action == EditAction::Add) {
            values["title"] = edit.title.default_text();
            if (!edit.title.translations().empty())
                values["titles"] = translations_json(edit.title);
        }
        payload["values"] = std::move(values);
    }
    return payload;
}

Result<void> check_edit(const ProgrammeEdit& edit)
{
    if (edit.key.empty() || edit.uid.empty())
        return make_error("a programme edit needs a key and an event");
    const bool timed = edit.action == EditAction::Change || edit.action == EditAction::Add;
    if (timed && edit.end <= edit.start)
        return make_error("a programme edit must end after it starts");
    if (edit.capacity && *edit.capacity <= 0)
        return make_error("a programme edit's capacity must be positive");
    if (edit.action == EditAction::Add && edit.title.default_text().empty())
        return make_error("an added event needs a title");
    return {};
}

// Each edit with where it stands: refused by the server, settled, or still local.
constexpr const char* stored_edits_sql = R"sql(
SELECT e.key, e.action, e.event_uid, e.instance, e.start, e.end, e.location, e.capacity, e.title, e.made_at,
       CASE WHEN o.rejected_at IS NOT NULL OR o.rejected_reason IS NOT NULL THEN 2
            WHEN e.settled = 1 THEN 1
            ELSE 0 END,
       e.title_translations
FROM programme_edit e
LEFT JOIN outbox o ON o.key = e.key
)sql";

StoredEdit read_stored_edit(const sql::Statement& row)
{
    StoredEdit stored;
    ProgrammeEdit& edit = stored.edit;
    edit.key = row.column_text(0);
    edit.action = action_named(row.column_text(1)).value_or(EditAction::Cancel);
    edit.uid = row.column_text(2);
    edit.instance = row.column_int(3);
    edit.start = row.column_int(4);
    edit.end = row.column_int(5);
    if (!row.column_is_null(6))
        edit.location = row.column_text(6);
    if (!row.column_is_null(7))
        edit.capacity = static_cast<int>(row.column_int(7));
    edit.title.set_default(row.column_text(8));
    if (!row.column_is_null(11)) {
        // Written by this program as an object of texts; anything else is left out.
        const auto translations = nlohmann::json::parse(row.column_text(11), nullptr, false);
        if (translations.is_object())
            for (const auto& [language, text] : translations.items())
                if (text.is_string())
                    edit.title.set(language, text.get<std::string>());
    }
    edit.made_at = row.column_int(9);
    const std::int64_t state = row.column_int(10);
    stored.state = state == 2 ? EditState::Refused : state == 1 ? EditState::Settled : EditState::Local;
    return stored;
}

} // namespace

Result<void> record_programme_edit(sql::Database& database, const ProgrammeEdit& edit, RecordTime time)
{
    if (auto checked = check_edit(edit); !checked)
        return checked;
    auto transaction = sql::Transaction::begin(database);
    if (!transaction)
        return transaction.error();
    auto repeated = database.prepare("SELECT 1 FROM programme_edit WHERE key = ?");
    if (!repeated)
        return repeated.error();
    repeated->bind(1, edit.key);
    auto found = sql::optional_row(*repeated, [](const sql::Statement&) { return true; });
    if (!found)
        return found.error();
    if (found.value())
        return {};
    auto insert = database.prepare("INSERT INTO programme_edit (key, action, event_uid, instance, start, end, "
                                   "location, capacity, title, made_at, title_translations) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, edit.key)
        .bind(2, action_name(edit.action))
        .bind(3, edit.uid)
        .bind(4, edit.instance)
        .bind(5, edit.start)
        .bind(6, edit.end)
        .bind(8, edit.capacity ? std::optional<std::int64_t>(*edit.capacity) : std::nullopt)
        .bind(9, edit.title.default_text())
        .bind(10, time.at);
    if (!edit.title.translations().empty())
        insert->bind(11, translations_json(edit.title).dump());
    else
        insert->bind_null(11);
    if (edit.location)
        insert->bind(7, *edit.location);
    else
        insert->bind_null(7);
    if (auto ran = insert->run(); !ran)
        return ran;
    if (auto queued = add_to_outbox(database, edit.key, "programme.edit", edit_payload(edit, time), time); !queued)
        return queued;
    return transaction->commit();
}

Result<void> settle_delivered_edits(sql::Database& database)
{
    return database.execute_script("UPDATE programme_edit SET settled = 1 WHERE settled = 0 AND key IN "
                                   "(SELECT key FROM outbox WHERE sent_at IS NOT NULL)");
}

Result<std::vector<StoredEdit>> programme_edits(sql::Database& database)
{
    // In the order they were made, by the row's id: a clock stepped back between two
    // edits must not reorder them.
    auto select = database.prepare(std::string(stored_edits_sql) + "ORDER BY e.id");
    if (!select)
        return select.error();
    return sql::collect_rows(*select, read_stored_edit);
}

Result<std::optional<StoredEdit>> latest_edit_of(sql::Database& database, const std::string& uid,
                                                 UnixSeconds instance)
{
    auto select = database.prepare(std::string(stored_edits_sql)
                                   + "WHERE e.event_uid = ? AND e.instance = ? ORDER BY e.id DESC LIMIT 1");
    if (!select)
        return select.error();
    select->bind(1, uid).bind(2, instance);
    return sql::optional_row(*select, read_stored_edit);
}

Result<std::vector<ProgrammeEdit>> edits_in_effect(sql::Database& database)
{
    auto all = programme_edits(database);
    if (!all)
        return all.error();
    std::vector<ProgrammeEdit> in_effect;
    for (StoredEdit& stored : all.value())
        if (stored.state == EditState::Local)
            in_effect.push_back(std::move(stored.edit));
    return in_effect;
}

} // namespace olohuone::store
