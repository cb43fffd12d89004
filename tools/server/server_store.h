#pragma once
// Where the server keeps organisations, sites, kiosks and the records kiosks deliver.
// One interface, so a PostgreSQL backend can follow the embedded SQLite one; callers
// never see SQL.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/result.h"

namespace olohuone::server {

struct KioskIdentity {
    std::int64_t kiosk_id = 0;
    std::int64_t site_id = 0;
};

// A record as validated from a kiosk's batch. `payload` is canonical JSON (sorted keys,
// no spaces) and `content_hash` covers kind, payload and time: a repeat of the same
// record has the same hash, a different record under a used key does not.
struct IncomingRecord {
    std::string key;
    std::string kind;
    std::string payload;
    std::string content_hash;
    UnixSeconds created_at = 0;
    bool clock_synced = false;
};

enum class Delivery {
    Stored,   // new: stored now
    Repeated, // the same record again: acknowledged, nothing stored
    Conflict, // another record under this key: refused, kept aside for staff
};

class ServerStore {
public:
    virtual ~ServerStore() = default;

    // The site `site` of `organisation` (both made if new); returns the site's id.
    virtual Result<std::int64_t> add_site(const std::string& organisation, const std::string& site) = 0;
    virtual Result<std::int64_t> add_kiosk(std::int64_t site_id, const std::string& name,
                                           const std::string& token_hash) = 0;
    // Stops the kiosk's token from working; false when there is no such kiosk.
    virtual Result<bool> revoke_kiosk(std::int64_t kiosk_id) = 0;

    // The kiosk holding this token, unless revoked; notes (to the minute) that it was
    // heard from.
    virtual Result<std::optional<KioskIdentity>> kiosk_for_token(const std::string& token_hash, UnixSeconds now) = 0;

    // Stores a batch in one transaction, each record once by key; says per record what
    // happened, in order.
    virtual Result<std::vector<Delivery>> deliver(const KioskIdentity& kiosk, const std::vector<IncomingRecord>& records,
                                                  UnixSeconds now) = 0;
};

// The embedded default: one SQLite file in WAL mode; every delivery is on disk
// (synchronous=FULL) before it is acknowledged.
Result<std::unique_ptr<ServerStore>> open_sqlite_server_store(const std::string& path);

} // namespace olohuone::server
