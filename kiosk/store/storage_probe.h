#pragma once
// Whether the kiosk's database takes a write right now. Asked only while the storage is
// known to be full, to notice by itself when space has returned.
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::store {

// Commits the smallest real write there is: the schema version written back unchanged
// (one page appended to the write-ahead log and synced). A full disk gives an error of
// kind StorageFull; nothing in the database changes either way.
Result<void> try_a_write(sql::Database& database);

} // namespace olohuone::store
