#pragma once
// What the sync keeps between runs: the site's programme as the server last served it,
// its ETag for If-None-Match, and when the server last answered. Written by the sync's
// own connection, read by the screens' one.
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/programme_import.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::store {

struct SyncState {
    std::string programme_etag; // empty: no programme downloaded yet
    std::optional<UnixSeconds> programme_at;
    std::optional<UnixSeconds> last_success_at;
    std::optional<UnixSeconds> last_heartbeat_at;
};

Result<SyncState> read_sync_state(sql::Database& database);
Result<void> note_sync_success(sql::Database& database, UnixSeconds at);
Result<void> note_heartbeat(sql::Database& database, UnixSeconds at);

// Replaces the downloaded programme in one transaction: the screens read the old
// calendars or the new ones, never a mix. An empty list means the server has none and
// the bundled programme is shown. Staff's edits delivered before are settled with it.
Result<void> replace_server_programme(sql::Database& database, const std::vector<CalendarFile>& calendars,
                                      const std::string& etag, UnixSeconds at);
Result<std::vector<CalendarFile>> server_programme(sql::Database& database);
// The server said the programme the kiosk holds is its current one (a 304): staff's
// edits delivered before are in it, or were overruled there.
Result<void> note_programme_current(sql::Database& database);

} // namespace olohuone::store
