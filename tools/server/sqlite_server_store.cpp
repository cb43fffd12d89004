#include <mutex>

#include "server_store.h"
#include "store/sqlite.h"

namespace olohuone::server {
namespace {

// Never edit a step that has shipped: add the next one.
constexpr const char* schema_steps[] = {
    R"sql(
CREATE TABLE organisation (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    created_at INTEGER NOT NULL
);
CREATE TABLE site (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id),
    name            TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at      INTEGER NOT NULL,
    UNIQUE (organisation_id, name)
);
CREATE TABLE kiosk (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES site (id),
    name         TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    revoked_at   INTEGER,
    last_seen_at INTEGER
);
-- Every record kiosks delivered, once by key, kept for good: a kiosk back from any
-- holiday cannot make a duplicate.
CREATE TABLE record (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,
    site_id      INTEGER NOT NULL REFERENCES site (id),
    kiosk_id     INTEGER NOT NULL REFERENCES kiosk (id),
    kind         TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    content_hash TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    clock_synced INTEGER NOT NULL CHECK (clock_synced IN (0, 1)),
    received_at  INTEGER NOT NULL
);
CREATE INDEX record_by_site ON record (site_id, received_at);
-- A record under a key already used for different content: refused, kept for staff.
CREATE TABLE conflict (
    id          INTEGER PRIMARY KEY,
    key         TEXT    NOT NULL,
    kiosk_id    INTEGER NOT NULL REFERENCES kiosk (id),
    kind        TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    received_at INTEGER NOT NULL
);
)sql",
};

class SqliteServerStore final : public ServerStore {
public:
    explicit SqliteServerStore(sql::Database database) : m_database(std::move(database)) {}

    Result<void> migrate()
    {
        auto version = m_database.query_int("PRAGMA user_version");
        if (!version)
            return version.error();
        const int known = static_cast<int>(std::size(schema_steps));
        if (version.value() > known)
            return make_error(m_database.path() + " has a newer schema (" + std::to_string(version.value())
                              + ") than this server knows (" + std::to_string(known) + ")");
        for (int step = static_cast<int>(version.value()); step < known; ++step) {
            auto transaction = sql::Transaction::begin(m_database);
            if (!transaction)
                return transaction.error();
            if (auto applied = m_database.execute_script(schema_steps[step]); !applied)
                return applied.error();
            if (auto bumped = m_database.execute_script("PRAGMA user_version = " + std::to_string(step + 1)); !bumped)
                return bumped.error();
            if (auto committed = transaction->commit(); !committed)
                return committed.error();
        }
        return {};
    }

    Result<std::int64_t> add_site(const std::string& organisation, const std::string& site) override
    {
        const std::lock_guard lock(m_mutex);
        auto transaction = sql::Transaction::begin(m_database);
        if (!transaction)
            return transaction.error();
        auto organisation_id = id_of("INSERT INTO organisation (name, created_at) VALUES (?1, unixepoch()) "
                                     "ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id",
                                     organisation, std::nullopt);
        if (!organisation_id)
            return organisation_id.error();
        auto site_id = id_of("INSERT INTO site (name, organisation_id, created_at) VALUES (?1, ?2, unixepoch()) "
                             "ON CONFLICT (organisation_id, name) DO UPDATE SET name = excluded.name RETURNING id",
                             site, organisation_id.value());
        if (!site_id)
            return site_id.error();
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
        return site_id.value();
    }

    Result<std::int64_t> add_kiosk(std::int64_t site_id, const std::string& name,
                                   const std::string& token_hash) override
    {
        const std::lock_guard lock(m_mutex);
        auto insert = m_database.prepare(
            "INSERT INTO kiosk (site_id, name, token_hash, created_at) SELECT id, ?2, ?3, unixepoch() FROM site "
            "WHERE id = ?1");
        if (!insert)
            return insert.error();
        insert->bind(1, site_id).bind(2, name).bind(3, token_hash);
        if (auto ran = insert->run(); !ran)
            return ran.error();
        if (m_database.changes() != 1)
            return make_error("there is no site " + std::to_string(site_id));
        return m_database.last_insert_id();
    }

    Result<bool> revoke_kiosk(std::int64_t kiosk_id) override
    {
        const std::lock_guard lock(m_mutex);
        auto update = m_database.prepare("UPDATE kiosk SET revoked_at = unixepoch() WHERE id = ? AND revoked_at IS NULL");
        if (!update)
            return update.error();
        update->bind(1, kiosk_id);
        if (auto ran = update->run(); !ran)
            return ran.error();
        return m_database.changes() == 1;
    }

    Result<std::optional<KioskIdentity>> kiosk_for_token(const std::string& token_hash, UnixSeconds now) override
    {
        const std::lock_guard lock(m_mutex);
        auto select = m_database.prepare(
            "SELECT id, site_id, coalesce(last_seen_at, 0) FROM kiosk WHERE token_hash = ? AND revoked_at IS NULL");
        if (!select)
            return select.error();
        select->bind(1, token_hash);
        struct Found {
            KioskIdentity kiosk;
            UnixSeconds last_seen_at;
        };
        auto found = sql::optional_row(*select, [](const sql::Statement& row) {
            return Found{{row.column_int(0), row.column_int(1)}, row.column_int(2)};
        });
        if (!found)
            return found.error();
        if (!found.value())
            return std::optional<KioskIdentity>();
        const KioskIdentity kiosk = found.value()->kiosk;
        // When it was last heard from, to the minute: a write (and its flush to disk) on
        // every request would cost more than the request itself.
        if (found.value()->last_seen_at <= now - 60) {
            auto touch = m_database.prepare("UPDATE kiosk SET last_seen_at = ? WHERE id = ?");
            if (!touch)
                return touch.error();
            touch->bind(1, now).bind(2, kiosk.kiosk_id);
            if (auto ran = touch->run(); !ran)
                return ran.error();
        }
        return std::optional<KioskIdentity>(kiosk);
    }

    Result<std::vector<Delivery>> deliver(const KioskIdentity& kiosk, const std::vector<IncomingRecord>& records,
                                          UnixSeconds now) override
    {
        const std::lock_guard lock(m_mutex);
        auto transaction = sql::Transaction::begin(m_database);
        if (!transaction)
            return transaction.error();
        auto existing = m_database.prepare("SELECT content_hash FROM record WHERE key = ?");
        auto insert = m_database.prepare(
            "INSERT INTO record (key, site_id, kiosk_id, kind, payload, content_hash, created_at, clock_synced, "
            "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        auto conflict = m_database.prepare(
            "INSERT INTO conflict (key, kiosk_id, kind, payload, received_at) VALUES (?, ?, ?, ?, ?)");
        if (!existing || !insert || !conflict)
            return (!existing ? existing.error() : !insert ? insert.error() : conflict.error());
        std::vector<Delivery> deliveries;
        for (const IncomingRecord& record : records) {
            existing->reset();
            existing->bind(1, record.key);
            auto found = existing->step();
            if (!found)
                return found.error();
            if (found.value()) {
                const bool same = existing->column_text(0) == record.content_hash;
                deliveries.push_back(same ? Delivery::Repeated : Delivery::Conflict);
                if (same)
                    continue;
                conflict->reset();
                conflict->bind(1, record.key).bind(2, kiosk.kiosk_id).bind(3, record.kind).bind(4, record.payload).bind(5, now);
                if (auto ran = conflict->run(); !ran)
                    return ran.error();
                continue;
            }
            insert->reset();
            insert->bind(1, record.key)
                .bind(2, kiosk.site_id)
                .bind(3, kiosk.kiosk_id)
                .bind(4, record.kind)
                .bind(5, record.payload)
                .bind(6, record.content_hash)
                .bind(7, record.created_at)
                .bind(8, record.clock_synced ? 1 : 0)
                .bind(9, now);
            if (auto ran = insert->run(); !ran)
                return ran.error();
            deliveries.push_back(Delivery::Stored);
        }
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
        return deliveries;
    }

private:
    Result<std::int64_t> id_of(std::string_view sql, const std::string& name, std::optional<std::int64_t> parent)
    {
        auto statement = m_database.prepare(sql);
        if (!statement)
            return statement.error();
        statement->bind(1, name);
        if (parent)
            statement->bind(2, *parent);
        auto id = sql::optional_row(*statement, [](const sql::Statement& row) { return row.column_int(0); });
        if (!id)
            return id.error();
        if (!id.value())
            return make_error("no id returned");
        return *id.value();
    }

    sql::Database m_database;
    std::mutex m_mutex; // one connection, used by one request at a time
};

} // namespace

Result<std::unique_ptr<ServerStore>> open_sqlite_server_store(const std::string& path)
{
    auto database = sql::Database::open(path, sql::OpenMode::ReadWriteCreate);
    if (!database)
        return database.error();
    if (auto set = database->execute_script("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                                            "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        !set)
        return make_error(path + ": " + set.error().message);
    auto store = std::make_unique<SqliteServerStore>(std::move(database.value()));
    if (auto migrated = store->migrate(); !migrated)
        return make_error(path + ": " + migrated.error().message);
    return std::unique_ptr<ServerStore>(std::move(store));
}

} // namespace olohuone::server
