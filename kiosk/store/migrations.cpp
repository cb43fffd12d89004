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
        {2, R"sql(
-- People who gave a name. The name is stored normalised (NFC, single spaces); fold_key is
-- its case-folded form for search, public_fold that of the short public name ("aino k.")
-- so two regulars who would look alike on screen can be told apart by a marker.
CREATE TABLE visitor (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 240),
    fold_key     TEXT    NOT NULL,
    public_fold  TEXT    NOT NULL,
    group_id     TEXT    NOT NULL,
    marker_id    TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
-- Suggestions: the matching names' recency is read from the index alone.
CREATE INDEX visitor_by_fold_key ON visitor (fold_key, last_seen_at);
CREATE INDEX visitor_by_public_fold ON visitor (public_fold);

-- One row per sign-in or anonymous count; key is the idempotency key the screen made.
CREATE TABLE visit (
    id                 INTEGER PRIMARY KEY,
    key                TEXT    NOT NULL UNIQUE,
    visitor_id         INTEGER REFERENCES visitor (id),
    group_id           TEXT    NOT NULL,
    whom               TEXT    NOT NULL DEFAULT '',
    signed_in_at       INTEGER NOT NULL,
    clock_synced       INTEGER NOT NULL CHECK (clock_synced IN (0, 1)),
    signed_out_at      INTEGER,
    sign_out_key       TEXT    UNIQUE,
    sign_out_automatic INTEGER NOT NULL DEFAULT 0 CHECK (sign_out_automatic IN (0, 1)),
    CHECK (visitor_id IS NOT NULL OR signed_out_at IS NULL)
);
CREATE INDEX visit_by_signed_in_at ON visit (signed_in_at);
CREATE INDEX visit_open ON visit (signed_in_at) WHERE signed_out_at IS NULL AND visitor_id IS NOT NULL;

-- Records waiting to be delivered to the server, each once, by its key.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    key             TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    clock_synced    INTEGER NOT NULL CHECK (clock_synced IN (0, 1)),
    sent_at         INTEGER,
    rejected_reason TEXT
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL AND rejected_reason IS NULL;
)sql"},
        {3, R"sql(
-- "Tulen mukaan": one row per registration, by the activity's UID and recurrence instance
-- (RECURRENCE-ID), so an occurrence moved to another time keeps its registrations. A
-- cancelled registration stays, with when and by which record it was cancelled.
CREATE TABLE registration (
    id            INTEGER PRIMARY KEY,
    key           TEXT    NOT NULL UNIQUE,
    event_uid     TEXT    NOT NULL,
    instance      INTEGER NOT NULL,
    visitor_id    INTEGER NOT NULL REFERENCES visitor (id),
    registered_at INTEGER NOT NULL,
    clock_synced  INTEGER NOT NULL CHECK (clock_synced IN (0, 1)),
    cancelled_at  INTEGER,
    cancel_key    TEXT    UNIQUE,
    CHECK ((cancelled_at IS NULL) = (cancel_key IS NULL))
);
CREATE INDEX registration_by_activity ON registration (event_uid, instance);
-- One active registration per person and activity, whatever the screen does.
CREATE UNIQUE INDEX registration_active_once ON registration (event_uid, instance, visitor_id)
    WHERE cancelled_at IS NULL;

-- "Olen paikalla": who came, registered or not; visitor_id is NULL for the "+1" count.
CREATE TABLE attendance (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,
    event_uid    TEXT    NOT NULL,
    instance     INTEGER NOT NULL,
    visitor_id   INTEGER REFERENCES visitor (id),
    arrived_at   INTEGER NOT NULL,
    clock_synced INTEGER NOT NULL CHECK (clock_synced IN (0, 1))
);
CREATE INDEX attendance_by_activity ON attendance (event_uid, instance);
CREATE UNIQUE INDEX attendance_once ON attendance (event_uid, instance, visitor_id) WHERE visitor_id IS NOT NULL;
)sql"},
        {4, R"sql(
-- The site's programme as the server last served it, kept whole: it replaces the bundled
-- calendars once the kiosk has one, and survives a restart without the network.
CREATE TABLE server_calendar (
    name TEXT PRIMARY KEY,
    ics  TEXT NOT NULL
) WITHOUT ROWID;

-- One row: what the sync last achieved, for staff and for If-None-Match after a restart.
CREATE TABLE sync_state (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    programme_etag    TEXT    NOT NULL DEFAULT '',
    programme_at      INTEGER,
    last_success_at   INTEGER,
    last_heartbeat_at INTEGER
);
INSERT INTO sync_state (id) VALUES (1);

-- Rows set aside by the server's refusal keep when that was decided.
ALTER TABLE outbox ADD COLUMN rejected_at INTEGER;
)sql"},
        {5, R"sql(
-- The staff PIN that opens staff mode on the screen: an argon2id hash, never the digits.
CREATE TABLE staff_pin (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    hash   TEXT    NOT NULL,
    set_at INTEGER NOT NULL
);
-- Wrong PINs in a row, kept on disk so that restarting the kiosk does not reset a
-- lockout; a right PIN or a new PIN clears them.
CREATE TABLE staff_pin_failures (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    count   INTEGER NOT NULL DEFAULT 0,
    last_at INTEGER
);
INSERT INTO staff_pin_failures (id) VALUES (1);
)sql"},
        {6, R"sql(
-- Staff take back a mark made by mistake ("not here after all", the anonymous count one
-- down): the row stays, marked withdrawn under the key of the record that says so, and
-- the person may be marked present again.
ALTER TABLE attendance ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE attendance ADD COLUMN withdraw_key TEXT;
CREATE UNIQUE INDEX attendance_withdraw_key ON attendance (withdraw_key) WHERE withdraw_key IS NOT NULL;
DROP INDEX attendance_once;
CREATE UNIQUE INDEX attendance_once ON attendance (event_uid, instance, visitor_id)
    WHERE visitor_id IS NOT NULL AND withdrawn_at IS NULL;
)sql"},
        {7, R"sql(
-- Staff's changes to the programme made on this kiosk, laid over the calendars' programme
-- until settled: delivered, and the server's programme fetched (or found current) after
-- that, so the server's programme has the change or a later one that won over it.
CREATE TABLE programme_edit (
    id        INTEGER PRIMARY KEY,
    key       TEXT    NOT NULL UNIQUE,
    action    TEXT    NOT NULL CHECK (action IN ('cancel', 'restore', 'change', 'add')),
    event_uid TEXT    NOT NULL,
    instance  INTEGER NOT NULL,
    start     INTEGER NOT NULL DEFAULT 0,
    end       INTEGER NOT NULL DEFAULT 0,
    location  TEXT,
    capacity  INTEGER CHECK (capacity IS NULL OR capacity > 0),
    title     TEXT    NOT NULL DEFAULT '',
    made_at   INTEGER NOT NULL,
    settled   INTEGER NOT NULL DEFAULT 0 CHECK (settled IN (0, 1))
);
CREATE INDEX programme_edit_by_occurrence ON programme_edit (event_uid, instance);
)sql"},
        {8, R"sql(
-- A visitor whose name the retention rule erased (docs/privacy.md): the row stays,
-- nameless, so the visits, registrations and attendance that point to it still count.
-- Its name holds a placeholder (the column's CHECK wants a text), its search keys and
-- marker are empty, so it is never suggested, matched or shown by name again.
ALTER TABLE visitor ADD COLUMN name_erased_at INTEGER;
)sql"},
        {9, R"sql(
-- A count without a name taken back by the visitor who tapped it by mistake: the row
-- stays with the time it was taken back (a visit.withdrawn record tells the server), and
-- no count or report includes it.
ALTER TABLE visit ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE visit ADD COLUMN withdraw_key TEXT;
CREATE UNIQUE INDEX visit_by_withdraw_key ON visit (withdraw_key) WHERE withdraw_key IS NOT NULL;
)sql"},
        {10, R"sql(
-- A named person marked present at an activity without having signed in is in the
-- building: the mark opens a visit, which names the attendance it came from (and goes
-- with it when staff take the mark back). The roll call reads open visits only.
ALTER TABLE visit ADD COLUMN from_attendance TEXT;
CREATE INDEX visit_by_from_attendance ON visit (from_attendance) WHERE from_attendance IS NOT NULL;
CREATE INDEX attendance_by_visitor ON attendance (visitor_id, arrived_at) WHERE visitor_id IS NOT NULL;
)sql"},
        {11, R"sql(
-- A sign-out whose clock was behind the visit's start (the clock stepped back, a restart
-- without the network): the visit closes at its start instead, flagged, so no visit
-- ends before it began and the reports can tell its length is not known.
ALTER TABLE visit ADD COLUMN sign_out_clamped INTEGER NOT NULL DEFAULT 0 CHECK (sign_out_clamped IN (0, 1));
)sql"},
        {12, R"sql(
-- An event staff added from a template keeps the template's titles in the other
-- languages ({"sv": "Kaffestund", "en": "Coffee break"}), to show them and to send them.
ALTER TABLE programme_edit ADD COLUMN title_translations TEXT;
)sql"},
        {13, R"sql(
-- The boots in which staff set the clock on the kiosk: the kiosk started again in the
-- same boot still trusts it.
CREATE TABLE staff_clock (
    boot   TEXT    PRIMARY KEY,
    set_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql"},
        {14, R"sql(
-- A cancellation staff undid on the same day: the registration is active again and, as
-- places go in the order of registration, has its original place.
ALTER TABLE registration ADD COLUMN restored_at INTEGER;
ALTER TABLE registration ADD COLUMN restore_key TEXT;
CREATE UNIQUE INDEX registration_by_restore_key ON registration (restore_key) WHERE restore_key IS NOT NULL;
-- The places as the server last decided them for the site's kiosks: each activity's
-- active registrations, this kiosk's and the others', in the server's order. Replaced
-- whole by each answer.
CREATE TABLE site_place (
    event_uid        TEXT    NOT NULL,
    instance         INTEGER NOT NULL,
    position         INTEGER NOT NULL,
    registration_key TEXT    NOT NULL,
    cancelled        INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
    PRIMARY KEY (event_uid, instance, position)
) WITHOUT ROWID;
CREATE INDEX site_place_by_key ON site_place (registration_key);
-- Moves of this kiosk's registrations into a place or into the queue, for staff: made
-- here by a cancellation or a restore, or by the server's decision of the site's places.
CREATE TABLE registration_move (
    id              INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registration (id),
    promoted        INTEGER NOT NULL CHECK (promoted IN (0, 1)),
    queue_position  INTEGER NOT NULL,
    by_server       INTEGER NOT NULL CHECK (by_server IN (0, 1)),
    at              INTEGER NOT NULL
);
CREATE INDEX registration_move_by_registration ON registration_move (registration_id);
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
        // Asked again under the write lock: another connection (the sync's, opening the
        // same new file) may have applied it in the meantime.
        auto applied_by_now = database.query_int("PRAGMA user_version");
        if (!applied_by_now)
            return applied_by_now.error();
        if (migration.version <= applied_by_now.value())
            continue;
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
