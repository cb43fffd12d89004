#pragma once
// The kiosk's local database: opened, checked and migrated in one place.
#include <string>

#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::store {

class Store {
public:
    // Opens or creates the database at `path`. A file that is not a database, is damaged,
    // or has a newer schema than this program knows gives an error naming the file; the
    // kiosk writes nothing to it (only SQLite's own recovery of a transaction cut short,
    // which restores the last committed state, may run when it is read).
    static Result<Store> open(const std::string& path);

    sql::Database& database() { return m_database; }
    int schema_version() const { return m_schema_version; }

private:
    Store(sql::Database database, int schema_version)
        : m_database(std::move(database)), m_schema_version(schema_version)
    {
    }

    sql::Database m_database;
    int m_schema_version;
};

} // namespace olohuone::store
