#pragma once
// What the `olohuonectl kiosk` commands work on: the kiosk's configuration (the same
// kiosk.toml the kiosk reads), its time zone and its database, which the kiosk may have
// open at the same time (WAL, a busy timeout, short transactions).
#include <memory>
#include <optional>
#include <string>

#include "app/config.h"
#include "core/time_zone.h"
#include "store/store.h"

namespace olohuone::ctl {

// Whether a command may make the database: setting a PIN or a programme before the
// kiosk's first start is fine, a report of a database that is not there is a mistake.
enum class DatabaseUse { MustExist, CreateIfMissing };

class KioskContext {
public:
    // Filled in by the command line.
    std::string config_path;
    std::string state_dir; // overrides paths.state_dir

    // Each is null once the failure has been reported on standard error; failure_code()
    // is then the exit code.
    const app::KioskConfig* config();
    const TimeZone* zone();
    store::Store* store(DatabaseUse use);
    int failure_code() const { return m_failure_code; }

    // What a report or a change to existing records reads: the time zone, then the
    // database, which must exist. None once either failed (reported as above).
    struct Sources {
        const TimeZone& zone;
        store::Store& store;
    };
    std::optional<Sources> existing_records();

    // The database file, once the configuration is read.
    std::string database_path() const;

private:
    int m_failure_code = 0;
    std::optional<app::KioskConfig> m_config;
    std::optional<TimeZone> m_zone;
    std::unique_ptr<store::Store> m_store;
};

} // namespace olohuone::ctl
