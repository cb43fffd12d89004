#pragma once
// Numbered schema migrations. The schema version lives in PRAGMA user_version; each
// migration runs in its own transaction together with the version bump, so a power cut
// leaves the database at one version or the next, never in between.
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::store {

struct Migration {
    int version;          // the user_version after this migration
    std::string_view sql; // may hold several statements
};

const std::vector<Migration>& migrations();
int latest_schema_version();

// Brings an opened database from its version to the latest.
Result<void> migrate(sql::Database& database);

} // namespace olohuone::store
