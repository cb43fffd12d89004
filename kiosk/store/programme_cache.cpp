#include "store/programme_cache.h"

#include <map>

namespace olohuone::store {
namespace {

constexpr std::string_view fields[] = {"title", "description", "location", "host"};

// The occurrence's text stored under `field`, or null for an unknown field.
template <typename OccurrenceType>
auto* text_field(OccurrenceType& occurrence, std::string_view field)
{
    if (field == "title")
        return &occurrence.title;
    if (field == "description")
        return &occurrence.description;
    if (field == "location")
        return &occurrence.location;
    return field == "host" ? &occurrence.host : nullptr;
}

Result<void> insert_texts(sql::Statement& insert, std::int64_t id, std::string_view field, const LocalizedText& text)
{
    const auto insert_one = [&](std::string_view language, const std::string& value) -> Result<void> {
        insert.reset();
        insert.bind(1, id).bind(2, field).bind(3, language).bind(4, value);
        return insert.run();
    };
    if (!text.default_text().empty())
        if (auto inserted = insert_one("", text.default_text()); !inserted)
            return inserted;
    for (const auto& [language, value] : text.translations())
        if (auto inserted = insert_one(language, value); !inserted)
            return inserted;
    return {};
}

} // namespace

Result<void> ProgrammeCache::replace(const std::vector<Occurrence>& occurrences, const ProgrammeSource& source)
{
    auto transaction = sql::Transaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    if (auto cleared = m_database.execute_script("DELETE FROM programme_occurrence"); !cleared)
        return cleared.error();

    auto insert_occurrence = m_database.prepare(
        "INSERT INTO programme_occurrence (uid, instance, start, end, all_day, cancelled, moved_from, capacity, "
        "picture) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto insert_text = m_database.prepare(
        "INSERT INTO programme_text (occurrence_id, field, language, text) VALUES (?, ?, ?, ?)");
    if (!insert_occurrence)
        return insert_occurrence.error();
    if (!insert_text)
        return insert_text.error();

    for (const Occurrence& occurrence : occurrences) {
        sql::Statement& insert = insert_occurrence.value();
        insert.reset();
        insert.bind(1, occurrence.uid)
            .bind(2, occurrence.instance)
            .bind(3, occurrence.start)
            .bind(4, occurrence.end)
            .bind(5, std::int64_t{occurrence.span == EventSpan::AllDay})
            .bind(6, std::int64_t{occurrence.status == EventStatus::Cancelled})
            .bind(7, occurrence.moved_from)
            .bind(8, occurrence.capacity ? std::optional<std::int64_t>(*occurrence.capacity) : std::nullopt)
            .bind(9, occurrence.picture);
        if (auto inserted = insert.run(); !inserted)
            return make_error("storing " + occurrence.key() + ": " + inserted.error().message);
        const std::int64_t id = m_database.last_insert_id();
        for (const std::string_view field : fields)
            if (auto stored = insert_texts(insert_text.value(), id, field, *text_field(occurrence, field)); !stored)
                return stored;
    }

    auto upsert_source = m_database.prepare(
        "INSERT INTO programme_source (id, signature, window_from, window_to, imported_at) VALUES (1, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET signature = excluded.signature, window_from = excluded.window_from, "
        "window_to = excluded.window_to, imported_at = excluded.imported_at");
    if (!upsert_source)
        return upsert_source.error();
    upsert_source->bind(1, source.signature)
        .bind(2, source.window_from)
        .bind(3, source.window_to)
        .bind(4, source.imported_at);
    if (auto stored = upsert_source->run(); !stored)
        return stored;
    return transaction->commit();
}

Result<std::vector<Occurrence>> ProgrammeCache::between(UnixSeconds from, UnixSeconds to)
{
    auto select = m_database.prepare(
        "SELECT o.id, o.uid, o.instance, o.start, o.end, o.all_day, o.cancelled, o.moved_from, o.capacity, "
        "o.picture, t.field, t.language, t.text "
        "FROM programme_occurrence o LEFT JOIN programme_text t ON t.occurrence_id = o.id "
        "WHERE o.start < ? AND o.end > ? ORDER BY o.start, o.uid, o.instance, o.id");
    if (!select)
        return select.error();
    select->bind(1, to).bind(2, from);

    std::vector<Occurrence> occurrences;
    std::int64_t current_id = -1;
    for (;;) {
        auto row = select->step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        const std::int64_t id = select->column_int(0);
        if (id != current_id) {
            current_id = id;
            Occurrence occurrence;
            occurrence.uid = select->column_text(1);
            occurrence.instance = select->column_int(2);
            occurrence.start = select->column_int(3);
            occurrence.end = select->column_int(4);
            occurrence.span = select->column_int(5) ? EventSpan::AllDay : EventSpan::Timed;
            occurrence.status = select->column_int(6) ? EventStatus::Cancelled : EventStatus::Scheduled;
            if (!select->column_is_null(7))
                occurrence.moved_from = select->column_int(7);
            if (!select->column_is_null(8))
                occurrence.capacity = static_cast<int>(select->column_int(8));
            occurrence.picture = select->column_text(9);
            occurrences.push_back(std::move(occurrence));
        }
        if (select->column_is_null(10))
            continue;
        if (LocalizedText* text = text_field(occurrences.back(), select->column_text(10))) {
            const std::string language = select->column_text(11);
            if (language.empty())
                text->set_default(select->column_text(12));
            else
                text->set(language, select->column_text(12));
        }
    }
    return occurrences;
}

Result<std::optional<ProgrammeSource>> ProgrammeCache::source()
{
    auto select = m_database.prepare(
        "SELECT signature, window_from, window_to, imported_at FROM programme_source WHERE id = 1");
    if (!select)
        return select.error();
    auto row = select->step();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<ProgrammeSource>{};
    return std::optional<ProgrammeSource>(ProgrammeSource{select->column_text(0), select->column_int(1),
                                                          select->column_int(2), select->column_int(3)});
}

} // namespace olohuone::store
