#include "store/store.h"

#include "store/database_access.h"
#include "store/migrations.h"

namespace olohuone::store {

Result<Store> Store::open(const std::string& path)
{
    // Before SQLite opens it: a file it may only read opens read-only without a word and
    // then fails as if it were damaged.
    if (path != ":memory:")
        if (const auto reason = unwritable_reason(path))
            return make_error(path + ": " + *reason + ". Nothing was changed and the database is kept as it is; "
                              + "give that user write access (or set paths.state_dir to a folder it may write) "
                              + "and start the kiosk again.");
    auto database = sql::Database::open(path, sql::OpenMode::ReadWriteCreate);
    if (!database)
        return database.error();
    sql::Database& db = database.value();
    const auto left_alone = [&](const std::string& why) {
        return make_error(path + ": " + why + ". The file was left as it is; move it aside (or restore a backup) "
                          + "and start the kiosk again to begin with an empty database.");
    };

    // Reading the header is the first thing that fails on a file that is not SQLite;
    // nothing has been written yet at this point.
    if (auto status = db.execute_script("PRAGMA busy_timeout = 5000"); !status)
        return left_alone("cannot be used as a database (" + status.error().message + ")");
    auto version = db.query_int("PRAGMA user_version");
    if (!version)
        return left_alone("is not an Olohuone database or is damaged (" + version.error().message + ")");
    auto check = db.query_text("PRAGMA quick_check");
    if (!check)
        return left_alone("is damaged (" + check.error().message + ")");
    if (check.value() != "ok")
        return left_alone("is damaged (integrity check: " + check.value() + ")");
    if (version.value() > latest_schema_version())
        return left_alone("was written by a newer version of Olohuone (schema " + std::to_string(version.value())
                          + ", this program knows up to " + std::to_string(latest_schema_version())
                          + "); update the kiosk program");

    if (auto wal = db.use_write_ahead_log(std::chrono::seconds(5)); !wal)
        return make_error(path + ": cannot switch to write-ahead logging: " + wal.error().message);
    // FULL: a commit is on disk before it returns, so the screen never thanks a visitor
    // for a record a power cut could still take. NORMAL, the usual choice for WAL on an
    // SD card, syncs only at checkpoints and could lose the last confirmed sign-ins. The
    // cost is one sync of the log per record; writes are few (a tap, a programme import),
    // and reads (the programme screen's queries) neither write nor sync.
    // secure_delete: an erased name (store/name_retention.h) is zeroed in the file, not
    // left in a page's free space.
    for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL", "PRAGMA secure_delete = ON"})
        if (auto set = db.execute_script(pragma); !set)
            return make_error(path + ": " + pragma + ": " + set.error().message);
    if (auto migrated = migrate(db); !migrated)
        return make_error(path + ": " + migrated.error().message);
    return Store(std::move(database.value()), latest_schema_version());
}

} // namespace olohuone::store
