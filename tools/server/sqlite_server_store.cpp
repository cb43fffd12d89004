#include <algorithm>
#include <charconv>
#include <cstdio>
#include <mutex>

#include <nlohmann/json.hpp>

#include "attendance_queries.h"
#include "name_erasure.h"
#include "kiosk_clock.h"
#include "server_store.h"
#include "store/database_access.h"
#include "store/sqlite.h"
#include "tokens.h"

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
    R"sql(
-- A site's programme: named iCalendar texts, each read by the kiosk's own importer
-- before it is stored here. The feed's calendar is the one named 'feed'.
CREATE TABLE site_calendar (
    site_id    INTEGER NOT NULL REFERENCES site (id),
    name       TEXT    NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 200),
    ics        TEXT    NOT NULL,
    ics_hash   TEXT    NOT NULL,
    source     TEXT    NOT NULL CHECK (source IN ('upload', 'feed')),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (site_id, name)
);
-- When the site's set of calendars last changed: a calendar removed is a change too,
-- which no remaining row's updated_at would show.
ALTER TABLE site ADD COLUMN programme_updated_at INTEGER NOT NULL DEFAULT 0;
-- The calendar feed a site's programme is also read from, with the validators its last
-- delivered programme came with.
CREATE TABLE site_feed (
    site_id       INTEGER PRIMARY KEY REFERENCES site (id),
    url           TEXT    NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    set_at        INTEGER NOT NULL
);
-- What each kiosk said of itself last.
CREATE TABLE kiosk_heartbeat (
    kiosk_id        INTEGER PRIMARY KEY REFERENCES kiosk (id),
    received_at     INTEGER NOT NULL,
    version         TEXT    NOT NULL,
    uptime_seconds  INTEGER NOT NULL CHECK (uptime_seconds >= 0),
    queue_length    INTEGER NOT NULL CHECK (queue_length >= 0),
    last_sync_at    INTEGER,
    free_disk_bytes INTEGER NOT NULL CHECK (free_disk_bytes >= 0)
);
)sql",
    R"sql(
-- Coordinators sign in to the web pages (docs/web.md). The password is kept only as an
-- argon2id hash. An account sees every site of its organisation (all_sites, which also
-- covers sites added later) or only those in coordinator_site.
CREATE TABLE coordinator (
    id              INTEGER PRIMARY KEY,
    login           TEXT    NOT NULL UNIQUE CHECK (length(login) BETWEEN 3 AND 64),
    password_hash   TEXT    NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id),
    all_sites       INTEGER NOT NULL CHECK (all_sites IN (0, 1)),
    created_at      INTEGER NOT NULL,
    disabled_at     INTEGER
);
CREATE TABLE coordinator_site (
    coordinator_id INTEGER NOT NULL REFERENCES coordinator (id),
    site_id        INTEGER NOT NULL REFERENCES site (id),
    PRIMARY KEY (coordinator_id, site_id)
);
-- Signed-in sessions, by the hash of the cookie's token (the token itself is never
-- stored), with the CSRF token of the session's forms and a one-time notice for the
-- next page.
CREATE TABLE web_session (
    token_hash     TEXT    PRIMARY KEY,
    coordinator_id INTEGER NOT NULL REFERENCES coordinator (id),
    csrf_token     TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    last_used_at   INTEGER NOT NULL,
    notice_kind    TEXT    NOT NULL DEFAULT '' CHECK (notice_kind IN ('', 'done', 'problem')),
    notice         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX web_session_by_coordinator ON web_session (coordinator_id);
)sql",
    R"sql(
-- The coordinators' edits of a site's programme (tools/server/event_edit.h): new
-- events, whole events changed, single occurrences changed or cancelled. The server
-- writes them out as the site's calendar 'edits', whose source is 'edits'.
CREATE TABLE site_calendar_with_edits (
    site_id    INTEGER NOT NULL REFERENCES site (id),
    name       TEXT    NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 200),
    ics        TEXT    NOT NULL,
    ics_hash   TEXT    NOT NULL,
    source     TEXT    NOT NULL CHECK (source IN ('upload', 'feed', 'edits')),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (site_id, name)
);
INSERT INTO site_calendar_with_edits SELECT site_id, name, ics, ics_hash, source, updated_at FROM site_calendar;
DROP TABLE site_calendar;
ALTER TABLE site_calendar_with_edits RENAME TO site_calendar;
CREATE TABLE site_event_edit (
    site_id     INTEGER NOT NULL REFERENCES site (id),
    uid         TEXT    NOT NULL CHECK (length(CAST(uid AS BLOB)) BETWEEN 1 AND 1000),
    instance    INTEGER NOT NULL, -- an occurrence's original start; 0 for a whole event
    kind        TEXT    NOT NULL CHECK (kind IN ('new', 'series', 'occurrence')),
    title       TEXT    NOT NULL,
    description TEXT    NOT NULL,
    location    TEXT    NOT NULL,
    host        TEXT    NOT NULL,
    capacity    INTEGER CHECK (capacity BETWEEN 1 AND 999),
    cancelled   INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
    first_date  TEXT    NOT NULL DEFAULT '', -- 'new': YYYY-MM-DD
    weekdays    INTEGER NOT NULL DEFAULT 0 CHECK (weekdays BETWEEN 0 AND 127),
    until_date  TEXT    NOT NULL DEFAULT '', -- 'new': YYYY-MM-DD, or '' for open-ended
    start_time  INTEGER, -- minutes after midnight; NULL: the calendar's
    end_time    INTEGER,
    base_event  TEXT    NOT NULL DEFAULT '', -- 'series': the event as its calendar had it
    start_at    INTEGER NOT NULL DEFAULT 0, -- 'occurrence': where it is now
    end_at      INTEGER NOT NULL DEFAULT 0,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (site_id, uid, instance)
);
)sql",
    R"sql(
-- Staff's edits made on a kiosk (programme.edit records): the kiosk an edit in
-- site_event_edit came from (NULL: the week page), and what became of each record:
-- applied, or why not, for the week page to list.
ALTER TABLE site_event_edit ADD COLUMN kiosk_id INTEGER REFERENCES kiosk (id);
CREATE TABLE kiosk_edit_outcome (
    record_id  INTEGER PRIMARY KEY REFERENCES record (id),
    site_id    INTEGER NOT NULL REFERENCES site (id),
    outcome    TEXT    NOT NULL CHECK (outcome IN ('applied', 'later_page_edit', 'later_kiosk_edit',
                                                   'unknown_occurrence', 'unreadable')),
    title      TEXT    NOT NULL,
    decided_at INTEGER NOT NULL
);
CREATE INDEX kiosk_edit_outcome_by_site ON kiosk_edit_outcome (site_id, outcome);
CREATE INDEX record_programme_edit ON record (site_id, id) WHERE kind = 'programme.edit';
)sql",
    R"sql(
-- Times made before a kiosk's clock was set (kiosk_clock.h): when each boot of a kiosk
-- began, from its first heartbeat with a synchronised clock, and when a flagged record's
-- time was corrected from it.
CREATE TABLE kiosk_boot (
    kiosk_id INTEGER NOT NULL REFERENCES kiosk (id),
    boot     TEXT    NOT NULL,
    began_ms INTEGER NOT NULL,
    noted_at INTEGER NOT NULL,
    PRIMARY KEY (kiosk_id, boot)
) WITHOUT ROWID;
ALTER TABLE record ADD COLUMN time_corrected_at INTEGER;
CREATE INDEX record_time_unset ON record (kiosk_id) WHERE clock_synced = 0 AND time_corrected_at IS NULL;
)sql",
    // An event staff added on a kiosk from a template keeps the template's titles in the
    // other languages, for the calendar the kiosks read.
    R"sql(
ALTER TABLE site_event_edit ADD COLUMN title_translations TEXT NOT NULL DEFAULT '{}';
)sql",
    // Places at activities as the server decides them across a site's kiosks
    // (place_ledger.h): a row per registration in the order its record arrived, the
    // capacity the kiosks showed, and the moves the decisions made. Registrations
    // delivered before are entered in their order of arrival, undecided.
    R"sql(
CREATE TABLE place (
    site_id        INTEGER NOT NULL REFERENCES site (id),
    registration   TEXT    NOT NULL,
    uid            TEXT    NOT NULL,
    instance       INTEGER NOT NULL,
    arrival        INTEGER NOT NULL REFERENCES record (id),
    claimed_coming INTEGER CHECK (claimed_coming IN (0, 1)), -- NULL: shown the server's decision
    cancelled      INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
    decided        INTEGER NOT NULL DEFAULT 0 CHECK (decided IN (0, 1)),
    coming         INTEGER NOT NULL DEFAULT 0 CHECK (coming IN (0, 1)),
    queue_position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, registration)
) WITHOUT ROWID;
CREATE INDEX place_by_activity ON place (site_id, uid, instance, arrival);
CREATE TABLE place_capacity (
    site_id  INTEGER NOT NULL REFERENCES site (id),
    uid      TEXT    NOT NULL,
    instance INTEGER NOT NULL,
    capacity INTEGER,
    PRIMARY KEY (site_id, uid, instance)
) WITHOUT ROWID;
CREATE TABLE place_move (
    id             INTEGER PRIMARY KEY,
    site_id        INTEGER NOT NULL REFERENCES site (id),
    uid            TEXT    NOT NULL,
    instance       INTEGER NOT NULL,
    registration   TEXT    NOT NULL,
    promoted       INTEGER NOT NULL CHECK (promoted IN (0, 1)),
    queue_position INTEGER NOT NULL,
    at             INTEGER NOT NULL
);
CREATE INDEX place_move_by_activity ON place_move (site_id, instance);
INSERT OR IGNORE INTO place (site_id, registration, uid, instance, arrival, claimed_coming)
SELECT site_id, json_extract(payload, '$.registration'), json_extract(payload, '$.activity.uid'),
       json_extract(payload, '$.activity.instance'), id, coalesce(json_extract(payload, '$.standing.coming'), 0)
FROM record WHERE kind = 'registration.add' ORDER BY id;
UPDATE place SET cancelled = 1 WHERE (site_id, registration) IN (
    SELECT site_id, json_extract(payload, '$.registration') FROM record WHERE kind = 'registration.cancel');
)sql",
};

const char* outcome_text(KioskEditOutcome outcome)
{
    switch (outcome) {
    case KioskEditOutcome::Applied:
        return "applied";
    case KioskEditOutcome::LaterPageEdit:
        return "later_page_edit";
    case KioskEditOutcome::LaterKioskEdit:
        return "later_kiosk_edit";
    case KioskEditOutcome::UnknownOccurrence:
        return "unknown_occurrence";
    case KioskEditOutcome::Unreadable:
        return "unreadable";
    }
    return "unreadable";
}

KioskEditOutcome outcome_of(const std::string& text)
{
    for (KioskEditOutcome outcome : {KioskEditOutcome::Applied, KioskEditOutcome::LaterPageEdit,
                                     KioskEditOutcome::LaterKioskEdit, KioskEditOutcome::UnknownOccurrence})
        if (text == outcome_text(outcome))
            return outcome;
    return KioskEditOutcome::Unreadable;
}

const char* notice_text(NoticeKind kind)
{
    return kind == NoticeKind::Done ? "done" : kind == NoticeKind::Problem ? "problem" : "";
}

NoticeKind notice_kind_of(const std::string& text)
{
    return text == "done" ? NoticeKind::Done : text == "problem" ? NoticeKind::Problem : NoticeKind::None;
}

const char* source_text(CalendarSource source)
{
    return source == CalendarSource::Feed ? "feed" : source == CalendarSource::Edits ? "edits" : "upload";
}

CalendarSource calendar_source_of(const std::string& text)
{
    return text == "feed" ? CalendarSource::Feed : text == "edits" ? CalendarSource::Edits : CalendarSource::Upload;
}

const char* edit_kind_text(EditKind kind)
{
    return kind == EditKind::Series ? "series" : kind == EditKind::Occurrence ? "occurrence" : "new";
}

EditKind edit_kind_of(const std::string& text)
{
    return text == "series" ? EditKind::Series : text == "occurrence" ? EditKind::Occurrence : EditKind::NewEvent;
}

std::optional<CivilDate> date_of(const std::string& iso)
{
    CivilDate date;
    if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &date.year, &date.month, &date.day) != 3
        || !date.valid())
        return std::nullopt;
    return date;
}

std::optional<std::int64_t> minutes_of(const std::optional<CivilTime>& time)
{
    if (!time)
        return std::nullopt;
    return time->hour * 60 + time->minute;
}

std::optional<CivilTime> time_of(const sql::Statement& row, int column)
{
    if (row.column_is_null(column))
        return std::nullopt;
    const auto minutes = row.column_int(column);
    return CivilTime{static_cast<int>(minutes / 60), static_cast<int>(minutes % 60), 0};
}

constexpr const char* edit_columns =
    "uid, instance, kind, title, description, location, host, capacity, cancelled, first_date, weekdays, "
    "until_date, start_time, end_time, base_event, start_at, end_at, updated_at, kiosk_id, title_translations";

EventEdit edit_of(const sql::Statement& row)
{
    EventEdit edit;
    edit.uid = row.column_text(0);
    edit.instance = row.column_int(1);
    edit.kind = edit_kind_of(row.column_text(2));
    edit.texts = {row.column_text(3), row.column_text(4), row.column_text(5), row.column_text(6),
                  row.column_is_null(7) ? std::nullopt : std::optional<int>(static_cast<int>(row.column_int(7)))};
    edit.cancelled = row.column_int(8) != 0;
    edit.first_date = date_of(row.column_text(9)).value_or(CivilDate{});
    edit.weekdays = static_cast<int>(row.column_int(10));
    edit.until = date_of(row.column_text(11));
    edit.start_time = time_of(row, 12);
    edit.end_time = time_of(row, 13);
    edit.base_event = row.column_text(14);
    edit.start = row.column_int(15);
    edit.end = row.column_int(16);
    edit.updated_at = row.column_int(17);
    if (!row.column_is_null(18))
        edit.kiosk_id = row.column_int(18);
    // Written by this program as an object of texts.
    const auto translations = nlohmann::json::parse(row.column_text(19), nullptr, false);
    if (translations.is_object())
        for (const auto& [language, text] : translations.items())
            if (text.is_string())
                edit.texts.title_translations[language] = text.get<std::string>();
    return edit;
}

KioskEditRecord kiosk_edit_record_of(const sql::Statement& row)
{
    return {row.column_int(0), row.column_int(1), row.column_text(2), row.column_int(3)};
}

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
            // Asked again under the write lock: olohuonectl may have applied it meanwhile.
            auto applied_by_now = m_database.query_int("PRAGMA user_version");
            if (!applied_by_now)
                return applied_by_now.error();
            if (applied_by_now.value() > step)
                continue;
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
        std::set<ActivityKey> changed_places;
        for (const IncomingRecord& record : records) {
            existing->reset();
            existing->bind(1, record.key);
            auto found = existing->step();
            if (!found)
                return found.error();
            if (found.value()) {
                // An erased record's hash is gone with its name: a repeat of it is the
                // same record (name_erasure.h).
                const std::string stored_hash = existing->column_text(0);
                const bool same = stored_hash == record.content_hash || stored_hash == erased_content_hash;
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
            auto changed = note_registration_record(m_database, kiosk.site_id, kiosk.kiosk_id,
                                                    m_database.last_insert_id(), record.kind, record.payload, now);
            if (!changed)
                return changed.error();
            if (changed.value())
                changed_places.insert(*changed.value());
        }
        if (auto settled = settle_places(m_database, kiosk.site_id, changed_places, now); !settled)
            return settled.error();
        // Flagged records from a boot whose beginning is already known arrive corrected.
        if (auto corrected = correct_flagged_times(m_database, kiosk.kiosk_id, now); !corrected)
            return corrected.error();
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
        return deliveries;
    }

    Result<bool> site_exists(std::int64_t site_id) override
    {
        const std::lock_guard lock(m_mutex);
        return has_site(site_id);
    }

    Result<SiteProgramme> site_programme(std::int64_t site_id, CalendarTexts texts) override
    {
        const std::lock_guard lock(m_mutex);
        // One statement, one snapshot: the calendars and their time always belong
        // together, whatever an admin command writes meanwhile. A site without
        // calendars is one row of NULLs.
        auto select = m_database.prepare(
            "SELECT site.programme_updated_at, calendar.name, CASE WHEN ?2 THEN calendar.ics ELSE '' END, "
            "calendar.ics_hash, calendar.source FROM site LEFT JOIN site_calendar AS calendar "
            "ON calendar.site_id = site.id WHERE site.id = ?1 ORDER BY calendar.name");
        if (!select)
            return select.error();
        select->bind(1, site_id).bind(2, std::int64_t{texts == CalendarTexts::Include ? 1 : 0});
        SiteProgramme programme;
        for (;;) {
            auto row = select->step();
            if (!row)
                return row.error();
            if (!row.value())
                return programme;
            programme.updated_at = select->column_int(0);
            if (select->column_is_null(1))
                continue;
            programme.calendars.push_back(
                {select->column_text(1), select->column_text(2), select->column_text(3),
                 calendar_source_of(select->column_text(4))});
        }
    }

    Result<void> replace_uploaded_calendars(std::int64_t site_id, const std::vector<SiteCalendar>& calendars,
                                            UnixSeconds now) override
    {
        const std::lock_guard lock(m_mutex);
        auto transaction = sql::Transaction::begin(m_database);
        if (!transaction)
            return transaction.error();
        if (auto exists = has_site(site_id); !exists || !exists.value())
            return exists ? make_error("there is no site " + std::to_string(site_id)) : exists.error();
        auto old =
            m_database.prepare("SELECT name, ics_hash FROM site_calendar WHERE site_id = ? AND source = 'upload'");
        if (!old)
            return old.error();
        old->bind(1, site_id);
        auto before = sql::collect_rows(*old, [](const sql::Statement& row) {
            return std::pair{row.column_text(0), row.column_text(1)};
        });
        if (!before)
            return before.error();

        auto remove = m_database.prepare("DELETE FROM site_calendar WHERE site_id = ? AND name = ?");
        auto upsert = m_database.prepare(
            "INSERT INTO site_calendar (site_id, name, ics, ics_hash, source, updated_at) "
            "VALUES (?, ?, ?, ?, 'upload', ?) ON CONFLICT (site_id, name) DO UPDATE SET ics = excluded.ics, "
            "ics_hash = excluded.ics_hash, source = excluded.source, updated_at = excluded.updated_at");
        if (!remove || !upsert)
            return !remove ? remove.error() : upsert.error();
        bool changed = false;
        for (const auto& [name, hash] : before.value()) {
            const bool kept = std::any_of(calendars.begin(), calendars.end(),
                                          [&](const SiteCalendar& calendar) { return calendar.name == name; });
            if (kept)
                continue;
            remove->reset();
            remove->bind(1, site_id).bind(2, name);
            if (auto ran = remove->run(); !ran)
                return ran.error();
            changed = true;
        }
        for (const SiteCalendar& calendar : calendars) {
            const bool same = std::any_of(before->begin(), before->end(), [&](const auto& old_calendar) {
                return old_calendar.first == calendar.name && old_calendar.second == calendar.ics_hash;
            });
            if (same)
                continue;
            upsert->reset();
            upsert->bind(1, site_id)
                .bind(2, calendar.name)
                .bind(3, calendar.ics)
                .bind(4, calendar.ics_hash)
                .bind(5, now);
            if (auto ran = upsert->run(); !ran)
                return ran.error();
            changed = true;
        }
        if (changed)
            if (auto noted = note_programme_change(site_id, now); !noted)
                return noted;
        return transaction->commit();
    }

    Result<void> set_feed(std::int64_t site_id, const std::string& url, UnixSeconds now) override
    {
        const std::lock_guard lock(m_mutex);
        auto transaction = sql::Transaction::begin(m_database);
        if (!transaction)
            return transaction.error();
        if (auto exists = has_site(site_id); !exists || !exists.value())
            return exists ? make_error("there is no site " + std::to_string(site_id)) : exists.error();
        if (url.empty()) {
            for (const char* sql : {"DELETE FROM site_feed WHERE site_id = ?",
                                    "DELETE FROM site_calendar WHERE site_id = ? AND source = 'feed'"}) {
                auto remove = m_database.prepare(sql);
                if (!remove)
                    return remove.error();
                remove->bind(1, site_id);
                if (auto ran = remove->run(); !ran)
                    return ran.error();
            }
            if (m_database.changes() > 0)
                if (auto noted = note_programme_change(site_id, now); !noted)
                    return noted;
            return transaction->commit();
        }
        // The same URL again keeps its validators; another URL starts afresh, while the
        // old feed's calendar stays until the new one delivers.
        auto upsert = m_database.prepare(
            "INSERT INTO site_feed (site_id, url, set_at) VALUES (?1, ?2, ?3) ON CONFLICT (site_id) DO UPDATE "
            "SET etag = CASE WHEN url = excluded.url THEN etag ELSE '' END, "
            "last_modified = CASE WHEN url = excluded.url THEN last_modified ELSE '' END, "
            "url = excluded.url, set_at = excluded.set_at");
        if (!upsert)
            return upsert.error();
        upsert->bind(1, site_id).bind(2, url).bind(3, now);
        if (auto ran = upsert->run(); !ran)
            return ran.error();
        return transaction->commit();
    }

    Result<std::vector<SiteFeed>> feeds() override
    {
        const std::lock_guard lock(m_mutex);
        auto select = m_database.prepare("SELECT site_id, url, etag, last_modified FROM site_feed ORDER BY site_id");
        if (!select)
            return select.error();
        return sql::collect_rows(*select, [](const sql::Statement& row) {
            return SiteFeed{row.column_int(0), row.column_text(1), row.column_text(2), row.column_text(3)};
        });
    }

    Result<bool> store_feed_calendar(const SiteFeed& feed, const SiteCalendar& calendar, UnixSeconds now) override
    {
        const std::lock_guard lock(m_mutex);
        auto transaction = sql::Transaction::begin(m_database);
        if (!transaction)
            return transaction.error();
        auto current = m_database.prepare(
            "SELECT site_feed.url, (SELECT ics_hash FROM site_calendar WHERE site_calendar.site_id = site_feed.site_id "
            "AND name = ?2 AND source = 'feed') FROM site_feed WHERE site_id = ?1");
        if (!current)
            return current.error();
        current->bind(1, feed.site_id).bind(2, std::string_view(feed_calendar_name));
        auto found = sql::optional_row(*current, [](const sql::Statement& row) {
            return std::pair{row.column_text(0), row.column_text(1)};
        });
        if (!found)
            return found.error();
        // An admin changed or removed the feed while it was being read: that wins.
        if (!found.value() || found.value()->first != feed.url)
            return false;
        if (found.value()->second != calendar.ics_hash) {
            auto upsert = m_database.prepare(
                "INSERT INTO site_calendar (site_id, name, ics, ics_hash, source, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (site_id, name) DO UPDATE SET ics = excluded.ics, "
                "ics_hash = excluded.ics_hash, source = excluded.source, updated_at = excluded.updated_at");
            if (!upsert)
                return upsert.error();
            upsert->bind(1, feed.site_id)
                .bind(2, calendar.name)
                .bind(3, calendar.ics)
                .bind(4, calendar.ics_hash)
                .bind(5, std::string_view(source_text(calendar.source)))
                .bind(6, now);
            if (auto ran = upsert->run(); !ran)
                return ran.error();
            if (auto noted = note_programme_change(feed.site_id, now); !noted)
                return noted.error();
        }
        auto validators = m_database.prepare("UPDATE site_feed SET etag = ?, last_modified = ? WHERE site_id = ?");
        if (!validators)
            return validators.error();
        validators->bind(1, feed.etag).bind(2, feed.last_modified).bind(3, feed.site_id);
        if (auto ran = validators->run(); !ran)
            return ran.error();
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
        return true;
    }

    Result<std::vector<EventEdit>> event_edits(std::int64_t site_id) override
    {
        const std::lock_guard lock(m_mutex);
        return read_event_edits(site_id);
    }

    Result<void> change_event_edits(std::int64_t site_id, const EditsChange& change, UnixSeconds now) override
    {
        const std::lock_guard lock(m_mutex);
        auto transaction = sql::Transaction::begin(m_database);
        if (!transaction)
            return transaction.error();
        if (auto exists = has_site(site_id); !exists || !exists.value())
            return exists ? make_error("there is no site " + std::to_string(site_id)) : exists.error();
        auto before = read_event_edits(site_id);
        if (!before)
            return before.error();
        auto after = change(std::move(before.value()));
        if (!after)
            return after.error();
        if (auto written = write_event_edits(site_id, after.value(), now); !written)
            return written;
        return transaction->commit();
    }

    Result<std::vector<KioskEditRecord>> unsettled_kiosk_edits(std::int64_t site_id) override
    {
        const std::lock_guard lock(m_mutex);
        auto select = m_database.prepare(
            "SELECT r.id, r.kiosk_id, r.payload, r.received_at FROM record r "
            "LEFT JOIN kiosk_edit_outcome o ON o.record_id = r.id "
            "WHERE r.site_id = ? AND r.kind = 'programme.edit' AND o.record_id IS NULL ORDER BY r.id");
        if (!select)
            return select.error();
        select->bind(1, site_id);
        return sql::collect_rows(*select, kiosk_edit_record_of);
    }

    Result<void> settle_kiosk_edit(std::int64_t site_id, std::int64_t record_id, const KioskEditDecision& decide,
                                   UnixSeconds now) override
    {
        const std::lock_guard lock(m_mutex);
        auto transaction = sql::Transaction::begin(m_database);
        if (!transaction)
            return transaction.error();
        auto settled = m_database.prepare("SELECT 1 FROM kiosk_edit_outcome WHERE record_id = ?");
        if (!settled)
            return settled.error();
        settled->bind(1, record_id);
        auto found = sql::optional_row(*settled, [](const sql::Statement&) { return true; });
        if (!found)
            return found.error();
        if (found.value()) // another request decided it meanwhile
            return {};
        auto before = read_event_edits(site_id);
        if (!before)
            return before.error();
        auto decided = decide(std::move(before.value()));
        if (!decided)
            return decided.error();
        if (decided->applied) {
            if (auto written = write_event_edits(site_id, *decided->applied, now); !written)
                return written;
        }
        auto insert = m_database.prepare(
            "INSERT INTO kiosk_edit_outcome (record_id, site_id, outcome, title, decided_at) VALUES (?, ?, ?, ?, ?)");
        if (!insert)
            return insert.error();
        insert->bind(1, record_id)
            .bind(2, site_id)
            .bind(3, std::string_view(outcome_text(decided->outcome)))
            .bind(4, decided->title)
            .bind(5, now);
        if (auto ran = insert->run(); !ran)
            return ran;
        return transaction->commit();
    }

    Result<std::vector<KioskEditNotApplied>> kiosk_edits_not_applied(std::int64_t site_id) override
    {
        const std::lock_guard lock(m_mutex);
        auto select = m_database.prepare(
            "SELECT r.id, r.kiosk_id, r.payload, r.received_at, o.outcome, o.title FROM kiosk_edit_outcome o "
            "JOIN record r ON r.id = o.record_id WHERE o.site_id = ? AND o.outcome != 'applied' "
            "ORDER BY r.id DESC");
        if (!select)
            return select.error();
        select->bind(1, site_id);
        return sql::collect_rows(*select, [](const sql::Statement& row) {
            return KioskEditNotApplied{kiosk_edit_record_of(row), outcome_of(row.column_text(4)), row.column_text(5)};
        });
    }

    Result<void> note_heartbeat(std::int64_t kiosk_id, const Heartbeat& heartbeat, UnixSeconds now) override
    {
        const std::lock_guard lock(m_mutex);
        auto upsert = m_database.prepare(
            "INSERT INTO kiosk_heartbeat (kiosk_id, received_at, version, uptime_seconds, queue_length, last_sync_at, "
            "free_disk_bytes) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kiosk_id) DO UPDATE SET "
            "received_at = excluded.received_at, version = excluded.version, uptime_seconds = excluded.uptime_seconds, "
            "queue_length = excluded.queue_length, last_sync_at = excluded.last_sync_at, "
            "free_disk_bytes = excluded.free_disk_bytes");
        if (!upsert)
            return upsert.error();
        upsert->bind(1, kiosk_id)
            .bind(2, now)
            .bind(3, heartbeat.version)
            .bind(4, heartbeat.uptime_seconds)
            .bind(5, heartbeat.queue_length)
            .bind(6, heartbeat.last_sync_at)
            .bind(7, heartbeat.free_disk_bytes);
        if (!heartbeat.clock)
            return upsert->run();
        auto transaction = sql::Transaction::begin(m_database);
        if (!transaction)
            return transaction.error();
        if (auto ran = upsert->run(); !ran)
            return ran.error();
        if (auto noted = note_kiosk_clock(m_database, kiosk_id, *heartbeat.clock, now); !noted)
            return noted.error();
        return transaction->commit();
    }

    Result<std::vector<KioskStatus>> kiosks() override
    {
        const std::lock_guard lock(m_mutex);
        auto select = m_database.prepare(
            "SELECT kiosk.id, kiosk.site_id, kiosk.name, kiosk.revoked_at IS NOT NULL, kiosk.last_seen_at, "
            "heartbeat.received_at, heartbeat.version, heartbeat.uptime_seconds, heartbeat.queue_length, "
            "heartbeat.last_sync_at, heartbeat.free_disk_bytes FROM kiosk "
            "LEFT JOIN kiosk_heartbeat AS heartbeat ON heartbeat.kiosk_id = kiosk.id ORDER BY kiosk.id");
        if (!select)
            return select.error();
        const auto optional_int = [](const sql::Statement& row, int column) {
            return row.column_is_null(column) ? std::nullopt : std::optional<std::int64_t>(row.column_int(column));
        };
        return sql::collect_rows(*select, [&](const sql::Statement& row) {
            KioskStatus kiosk{row.column_int(0), row.column_int(1), row.column_text(2), row.column_int(3) != 0,
                              optional_int(row, 4), optional_int(row, 5), std::nullopt};
            if (kiosk.heartbeat_at)
                kiosk.heartbeat = Heartbeat{row.column_text(6), row.column_int(7), row.column_int(8),
                                            optional_int(row, 9), row.column_int(10)};
            return kiosk;
        });
    }

    Result<std::vector<SiteInfo>> sites() override
    {
        const std::lock_guard lock(m_mutex);
        auto select = m_database.prepare(
            "SELECT site.id, site.name, organisation.id, organisation.name FROM site "
            "JOIN organisation ON organisation.id = site.organisation_id ORDER BY site.id");
        if (!select)
            return select.error();
        return sql::collect_rows(*select, [](const sql::Statement& row) {
            return SiteInfo{row.column_int(0), row.column_text(1), row.column_int(2), row.column_text(3)};
        });
    }

    Result<std::int64_t> add_coordinator(const CoordinatorAccount& account, UnixSeconds now) override
    {
        const std::lock_guard lock(m_mutex);
        auto transaction = sql::Transaction::begin(m_database);
        if (!transaction)
            return transaction.error();
        auto taken = m_database.prepare("SELECT 1 FROM coordinator WHERE login = ?");
        if (!taken)
            return taken.error();
        taken->bind(1, account.login);
        auto found = sql::optional_row(*taken, [](const sql::Statement&) { return true; });
        if (!found)
            return found.error();
        if (found.value())
            return make_error("there is already a coordinator \"" + account.login + "\"");
        auto insert = m_database.prepare(
            "INSERT INTO coordinator (login, password_hash, organisation_id, all_sites, created_at) "
            "SELECT ?1, ?2, id, ?3, ?4 FROM organisation WHERE id = ?5");
        if (!insert)
            return insert.error();
        insert->bind(1, account.login)
            .bind(2, account.password_hash)
            .bind(3, std::int64_t{account.all_sites ? 1 : 0})
            .bind(4, now)
            .bind(5, account.organisation_id);
        if (auto ran = insert->run(); !ran)
            return ran.error();
        if (m_database.changes() != 1)
            return make_error("there is no organisation " + std::to_string(account.organisation_id));
        const std::int64_t id = m_database.last_insert_id();
        auto grant = m_database.prepare("INSERT INTO coordinator_site (coordinator_id, site_id) SELECT ?1, id FROM "
                                        "site WHERE id = ?2 AND organisation_id = ?3");
        if (!grant)
            return grant.error();
        for (const std::int64_t site_id : account.all_sites ? std::vector<std::int64_t>{} : account.site_ids) {
            grant->reset();
            grant->bind(1, id).bind(2, site_id).bind(3, account.organisation_id);
            if (auto ran = grant->run(); !ran)
                return ran.error();
            if (m_database.changes() != 1)
                return make_error("site " + std::to_string(site_id) + " is not a site of organisation "
                                  + std::to_string(account.organisation_id));
        }
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
        return id;
    }

    Result<std::optional<CoordinatorAccount>> coordinator_by_login(const std::string& login) override
    {
        const std::lock_guard lock(m_mutex);
        auto found = read_coordinators("WHERE login = ?1", login);
        if (!found)
            return found.error();
        return found->empty() ? std::optional<CoordinatorAccount>() : std::optional(found->front());
    }

    Result<std::optional<CoordinatorAccount>> coordinator(std::int64_t coordinator_id) override
    {
        const std::lock_guard lock(m_mutex);
        auto found = read_coordinators("WHERE id = ?1", coordinator_id);
        if (!found)
            return found.error();
        return found->empty() ? std::optional<CoordinatorAccount>() : std::optional(found->front());
    }

    Result<std::vector<CoordinatorAccount>> coordinators() override
    {
        const std::lock_guard lock(m_mutex);
        return read_coordinators("WHERE ?1 = ?1", std::int64_t{0});
    }

    Result<bool> disable_coordinator(const std::string& login, UnixSeconds now) override
    {
        const std::lock_guard lock(m_mutex);
        auto transaction = sql::Transaction::begin(m_database);
        if (!transaction)
            return transaction.error();
        auto disable =
            m_database.prepare("UPDATE coordinator SET disabled_at = ? WHERE login = ? AND disabled_at IS NULL");
        if (!disable)
            return disable.error();
        disable->bind(1, now).bind(2, login);
        if (auto ran = disable->run(); !ran)
            return ran.error();
        if (m_database.changes() != 1)
            return false;
        auto end_sessions = m_database.prepare(
            "DELETE FROM web_session WHERE coordinator_id = (SELECT id FROM coordinator WHERE login = ?)");
        if (!end_sessions)
            return end_sessions.error();
        end_sessions->bind(1, login);
        if (auto ran = end_sessions->run(); !ran)
            return ran.error();
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
        return true;
    }

    Result<void> add_session(const WebSession& session) override
    {
        const std::lock_guard lock(m_mutex);
        auto insert = m_database.prepare(
            "INSERT INTO web_session (token_hash, coordinator_id, csrf_token, created_at, last_used_at) "
            "VALUES (?, ?, ?, ?, ?)");
        if (!insert)
            return insert.error();
        insert->bind(1, session.token_hash)
            .bind(2, session.coordinator_id)
            .bind(3, session.csrf_token)
            .bind(4, session.created_at)
            .bind(5, session.last_used_at);
        return insert->run();
    }

    Result<std::optional<WebSession>> session(const std::string& token_hash) override
    {
        const std::lock_guard lock(m_mutex);
        auto select = m_database.prepare(
            "SELECT token_hash, coordinator_id, csrf_token, created_at, last_used_at, notice_kind, notice "
            "FROM web_session WHERE token_hash = ?");
        if (!select)
            return select.error();
        select->bind(1, token_hash);
        return sql::optional_row(*select, [](const sql::Statement& row) {
            return WebSession{row.column_text(0),
                              row.column_int(1),
                              row.column_text(2),
                              row.column_int(3),
                              row.column_int(4),
                              notice_kind_of(row.column_text(5)),
                              row.column_text(6)};
        });
    }

    Result<void> touch_session(const std::string& token_hash, UnixSeconds now) override
    {
        const std::lock_guard lock(m_mutex);
        // To the minute, as a kiosk's last request: idle limits are minutes long.
        auto touch = m_database.prepare(
            "UPDATE web_session SET last_used_at = ?1 WHERE token_hash = ?2 AND last_used_at <= ?1 - 60");
        if (!touch)
            return touch.error();
        touch->bind(1, now).bind(2, token_hash);
        return touch->run();
    }

    Result<void> set_session_notice(const std::string& token_hash, NoticeKind kind, const std::string& notice) override
    {
        const std::lock_guard lock(m_mutex);
        auto update = m_database.prepare("UPDATE web_session SET notice_kind = ?, notice = ? WHERE token_hash = ?");
        if (!update)
            return update.error();
        update->bind(1, std::string_view(notice_text(kind))).bind(2, notice).bind(3, token_hash);
        return update->run();
    }

    Result<void> remove_session(const std::string& token_hash) override
    {
        const std::lock_guard lock(m_mutex);
        auto remove = m_database.prepare("DELETE FROM web_session WHERE token_hash = ?");
        if (!remove)
            return remove.error();
        remove->bind(1, token_hash);
        return remove->run();
    }

    Result<AttendanceFigures> attendance_figures(const FigureQuery& query) override
    {
        const std::lock_guard lock(m_mutex);
        return read_attendance_figures(m_database, query);
    }

    Result<std::int64_t> erase_names_received_before(UnixSeconds cutoff, int batch_size) override
    {
        const std::lock_guard lock(m_mutex);
        return server::erase_names_received_before(m_database, cutoff, batch_size);
    }

    Result<std::vector<NamedVisitor>> named_visitors(std::int64_t site_id) override
    {
        const std::lock_guard lock(m_mutex);
        return server::named_visitors(m_database, site_id);
    }

    Result<std::vector<ActivityPlaces>> site_places(std::int64_t site_id, UnixSeconds from) override
    {
        const std::lock_guard lock(m_mutex);
        return server::site_places(m_database, site_id, from);
    }

    Result<std::vector<PlaceMove>> place_moves(std::int64_t site_id, UnixSeconds from, UnixSeconds to) override
    {
        const std::lock_guard lock(m_mutex);
        return server::place_moves(m_database, site_id, from, to);
    }

    Result<SiteRollCall> site_roll_call(std::int64_t site_id, UnixSeconds from, UnixSeconds to) override
    {
        const std::lock_guard lock(m_mutex);
        return server::site_roll_call(m_database, site_id, from, to);
    }

    Result<std::int64_t> erase_visitor_names(std::int64_t site_id, const std::vector<std::string>& visitor_keys) override
    {
        const std::lock_guard lock(m_mutex);
        return server::erase_visitor_names(m_database, site_id, visitor_keys);
    }

    Result<void> remove_stale_sessions(UnixSeconds idle_before, UnixSeconds created_before) override
    {
        const std::lock_guard lock(m_mutex);
        auto remove = m_database.prepare("DELETE FROM web_session WHERE last_used_at < ? OR created_at < ?");
        if (!remove)
            return remove.error();
        remove->bind(1, idle_before).bind(2, created_before);
        return remove->run();
    }

private:
    // The accounts the condition picks (with ?1 bound to `value`), by login, with their sites.
    template <typename Value>
    Result<std::vector<CoordinatorAccount>> read_coordinators(const std::string& condition, const Value& value)
    {
        auto select = m_database.prepare(
            "SELECT id, login, password_hash, organisation_id, all_sites, disabled_at IS NOT NULL, "
            "(SELECT group_concat(site_id) FROM (SELECT site_id FROM coordinator_site "
            "WHERE coordinator_id = coordinator.id ORDER BY site_id)) FROM coordinator "
            + condition + " ORDER BY login");
        if (!select)
            return select.error();
        select->bind(1, value);
        return sql::collect_rows(*select, [](const sql::Statement& row) {
            CoordinatorAccount account{row.column_int(0), row.column_text(1),     row.column_text(2),
                                       row.column_int(3), row.column_int(4) != 0, {},
                                       row.column_int(5) != 0};
            const std::string sites = row.column_is_null(6) ? std::string() : row.column_text(6);
            for (std::size_t at = 0; at < sites.size();) {
                std::size_t end = sites.find(',', at);
                if (end == std::string::npos)
                    end = sites.size();
                std::int64_t site_id = 0;
                std::from_chars(sites.data() + at, sites.data() + end, site_id);
                account.site_ids.push_back(site_id);
                at = end + 1;
            }
            return account;
        });
    }

    Result<bool> has_site(std::int64_t site_id)
    {
        auto select = m_database.prepare("SELECT 1 FROM site WHERE id = ?");
        if (!select)
            return select.error();
        select->bind(1, site_id);
        auto found = sql::optional_row(*select, [](const sql::Statement&) { return true; });
        if (!found)
            return found.error();
        return found.value().has_value();
    }

    // Stores the site's edits as `after` has them, with their calendar; inside the
    // caller's transaction.
    Result<void> write_event_edits(std::int64_t site_id, const EditsAndCalendar& after, UnixSeconds now)
    {
        auto remove = m_database.prepare("DELETE FROM site_event_edit WHERE site_id = ?");
        auto insert = m_database.prepare(std::string("INSERT INTO site_event_edit (site_id, ") + edit_columns
                                         + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                                           "?15, ?16, ?17, ?18, ?19, ?20, ?21)");
        if (!remove || !insert)
            return !remove ? remove.error() : insert.error();
        remove->bind(1, site_id);
        if (auto ran = remove->run(); !ran)
            return ran.error();
        for (const EventEdit& edit : after.edits) {
            insert->reset();
            insert->bind(1, site_id)
                .bind(2, edit.uid)
                .bind(3, edit.instance)
                .bind(4, std::string_view(edit_kind_text(edit.kind)))
                .bind(5, edit.texts.title)
                .bind(6, edit.texts.description)
                .bind(7, edit.texts.location)
                .bind(8, edit.texts.host)
                .bind(9, edit.texts.capacity ? std::optional<std::int64_t>(*edit.texts.capacity) : std::nullopt)
                .bind(10, std::int64_t{edit.cancelled ? 1 : 0})
                .bind(11, edit.kind == EditKind::NewEvent ? edit.first_date.iso() : std::string())
                .bind(12, std::int64_t{edit.weekdays})
                .bind(13, edit.until ? edit.until->iso() : std::string())
                .bind(14, minutes_of(edit.start_time))
                .bind(15, minutes_of(edit.end_time))
                .bind(16, edit.base_event)
                .bind(17, edit.start)
                .bind(18, edit.end)
                .bind(19, edit.updated_at ? edit.updated_at : now)
                .bind(20, edit.kiosk_id)
                .bind(21, nlohmann::json(edit.texts.title_translations).dump());
            if (auto ran = insert->run(); !ran)
                return ran.error();
        }
        auto old_hash = m_database.prepare("SELECT ics_hash FROM site_calendar WHERE site_id = ? AND name = ?");
        if (!old_hash)
            return old_hash.error();
        old_hash->bind(1, site_id).bind(2, std::string_view(edits_calendar_name));
        auto found = sql::optional_row(*old_hash, [](const sql::Statement& row) { return row.column_text(0); });
        if (!found)
            return found.error();
        const std::string new_hash = after.ics.empty() ? std::string() : hash_hex(after.ics);
        if (found.value().value_or(std::string()) == new_hash)
            return {};
        auto write = after.ics.empty()
            ? m_database.prepare("DELETE FROM site_calendar WHERE site_id = ?1 AND name = ?2")
            : m_database.prepare("INSERT INTO site_calendar (site_id, name, ics, ics_hash, source, updated_at) "
                                 "VALUES (?1, ?2, ?3, ?4, 'edits', ?5) ON CONFLICT (site_id, name) DO UPDATE SET "
                                 "ics = excluded.ics, ics_hash = excluded.ics_hash, source = excluded.source, "
                                 "updated_at = excluded.updated_at");
        if (!write)
            return write.error();
        write->bind(1, site_id).bind(2, std::string_view(edits_calendar_name));
        if (!after.ics.empty())
            write->bind(3, after.ics).bind(4, new_hash).bind(5, now);
        if (auto ran = write->run(); !ran)
            return ran.error();
        return note_programme_change(site_id, now);
    }

    Result<std::vector<EventEdit>> read_event_edits(std::int64_t site_id)
    {
        auto select = m_database.prepare(std::string("SELECT ") + edit_columns
                                         + " FROM site_event_edit WHERE site_id = ? ORDER BY updated_at, uid, instance");
        if (!select)
            return select.error();
        select->bind(1, site_id);
        return sql::collect_rows(*select, edit_of);
    }

    Result<void> note_programme_change(std::int64_t site_id, UnixSeconds now)
    {
        auto update = m_database.prepare("UPDATE site SET programme_updated_at = ? WHERE id = ?");
        if (!update)
            return update.error();
        update->bind(1, now).bind(2, site_id);
        return update->run();
    }

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
    if (const auto reason = store::unwritable_reason(path))
        return make_error(path + ": " + *reason + ". Nothing was changed; give that user write access and start again.");
    auto database = sql::Database::open(path, sql::OpenMode::ReadWriteCreate);
    if (!database)
        return database.error();
    if (auto set = database->execute_script("PRAGMA busy_timeout = 5000"); !set)
        return make_error(path + ": " + set.error().message);
    // olohuonectl and the server may open a new file at the same moment.
    if (auto wal = database->use_write_ahead_log(std::chrono::seconds(5)); !wal)
        return make_error(path + ": cannot switch to write-ahead logging: " + wal.error().message);
    // secure_delete: an erased name (name_erasure.h) is zeroed in the file, not left in a
    // page's free space.
    if (auto set = database->execute_script("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; "
                                            "PRAGMA secure_delete = ON;");
        !set)
        return make_error(path + ": " + set.error().message);
    auto store = std::make_unique<SqliteServerStore>(std::move(database.value()));
    if (auto migrated = store->migrate(); !migrated)
        return make_error(path + ": " + migrated.error().message);
    return std::unique_ptr<ServerStore>(std::move(store));
}

} // namespace olohuone::server
