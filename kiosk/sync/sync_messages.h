#pragma once
// The JSON the kiosk sends to and reads from the server (docs/api.md). Pure functions:
// every answer is checked before the kiosk acts on it, and an answer that does not add
// up is an error, never a guess.
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/clock.h"
#include "core/programme_import.h"
#include "core/result.h"
#include "store/activity_log.h"
#include "store/outbox.h"

namespace olohuone::sync {

// POST /v1/records: {"records": [{"key", "kind", "payload", "created_at", "clock_synced"}]}.
std::string batch_body(const std::vector<store::OutboxRecord>& records);

// The server's per-record answer to `sent`: each record delivered (stored, or a
// duplicate of one already there) or refused with the server's reason. An error when the
// answer is not JSON or does not speak of every record sent exactly once.
Result<std::vector<store::OutboxOutcome>> read_batch_answer(const std::string& body,
                                                            const std::vector<store::OutboxRecord>& sent);

// The "message" of an error body ({"error", "message"}), or the status alone.
std::string error_message(const std::string& body, long status);

// GET /v1/sites/{site}/programme: the site's calendars. Names and sizes are checked
// here; the calendars themselves by the importer before they replace anything.
Result<std::vector<CalendarFile>> read_programme_answer(const std::string& body);

// GET /v1/sites/{site}/places: every kiosk's registrations at the site's activities in
// the server's order, and the capacity it decided with.
Result<std::vector<store::SiteActivityPlaces>> read_places_answer(const std::string& body);

struct Heartbeat {
    std::string version;
    std::int64_t uptime_seconds = 0;
    std::int64_t queue_length = 0;
    std::optional<UnixSeconds> last_sync_at;
    std::int64_t free_disk_bytes = 0;
    // The kiosk's clock as it sent this: with a synchronised clock, the server learns
    // when this boot began and corrects the times of the records made before.
    UnixSeconds clock_at = 0;
    bool clock_synced = false;
    BootInstant boot = {};
};
std::string heartbeat_body(const Heartbeat& heartbeat);

} // namespace olohuone::sync
