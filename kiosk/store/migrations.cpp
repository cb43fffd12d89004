#include "store/migrations.h"

#include <string>

namespace olohuone::store {

const std::vector<Migration>& migrations()
{
    // Never edit a migration that has shipped: add the next one.
    static const std::vector<Migration> all = {
        {1, R"sql(
CREATE TABLE programme_occurrence (
    id         INTEGER PRIMARY KEY,
    uid        TEXT    NOT NULL,
    instance   INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    all_day    INTEGER NOT NULL CHECK (all_day IN (0, 1)),
    cancelled  INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
    moved_from INTEGER,
    capacity   INTEGER CHECK (capacity IS NULL OR capacity > 0),
    picture    TEXT    NOT NULL DEFAULT '',
    UNIQUE (uid, instance)
);
CREATE INDEX programme_occurrence_by_start ON programme_occurrence (start);

-- Texts per field and language; language '' is the default (Finnish) text.
CREATE TABLE programme_text (
    occurrence_id INTEGER NOT NULL REFERENCES programme_occurrence (id) ON DELETE CASCADE,
    field         TEXT    NOT NULL CHECK (field IN ('title', 'description', 'location', 'host')),
    language      TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    PRIMARY KEY (occurrence_id, field, language)
) WITHOUT ROWID;

-- What the cached programme was made from, so an unchanged source is not read again.
CREATE TABLE programme_source (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    signature   TEXT    NOT NULL,
    window_from INTEGER NOT NULL,
    window_to   INTEGER NOT NULL,
    imported_at INTEGER NOT NULL
);
)sql"},
    };
    return all;
}

int latest_schema_version() { return migrations().back().version; }

Result<void> migrate(sql::Database& database)
{
    auto current = database.query_int("PRAGMA user_version");
    if (!current)
        return current.error();
    for (const Migration& migration : migrations()) {
        if (migration.version <= current.value())
            continue;
        auto transaction = sql::Transaction::begin(database);
        if (!transaction)
            return transaction.error();
        if (auto applied = database.execute_script(std::string(migration.sql)); !applied)
            return make_error("schema migration " + std::to_string(migration.version) + " failed: "
                              + applied.error().message);
        if (auto bumped = database.execute_script("PRAGMA user_version = " + std::to_string(migration.version));
            !bumped)
            return bumped.error();
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
    }
    return {};
}

} // namespace olohuone::store
