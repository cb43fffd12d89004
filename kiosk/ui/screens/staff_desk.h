#pragma once
// The narrow interface the staff screens need: the PIN, who is in the building, and
// the sync. Only screens behind the PIN pad reach it.
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/visits.h"

namespace olohuone::ui {

struct PinAttempt {
    // Accepted: staff mode opens. Wrong: counted; `wait_seconds` > 0 when this one shut the
    // pad for a while. Locked: not even checked, the pad is shut for `wait_seconds` more.
    // NoPinSet: nobody has set one yet (olohuonectl kiosk set-pin). Failed: the PIN could
    // not be checked (the store is unreadable); logged.
    enum class Outcome { Accepted, Wrong, Locked, NoPinSet, Failed } outcome = Outcome::Failed;
    std::int64_t wait_seconds = 0;
};

// What went wrong in the sync's last pass, in words staff can act on; the details are in
// the kiosk's log.
enum class SyncTrouble { None, Unreachable, Refused, ServerFault, BadAnswer, LocalStore };

struct StaffSyncStatus {
    bool has_server = false;
    std::string server; // the address, as configured
    std::optional<UnixSeconds> last_success_at;
    std::optional<UnixSeconds> last_contact_at;
    SyncTrouble trouble = SyncTrouble::None;
    std::int64_t queued = 0;    // records waiting to be delivered
    std::int64_t set_aside = 0; // records the server refused for good
};

class StaffDesk {
public:
    virtual ~StaffDesk() = default;

    // Seconds before the pad takes another PIN (0: now).
    virtual std::int64_t pin_wait_seconds() = 0;
    virtual PinAttempt try_pin(const std::string& pin) = 0;

    // Everyone signed in today and not out yet, by whole name.
    virtual std::vector<PresentVisitor> present_now() = 0;
    // Today's visits counted without a name: they never sign out, so staff only learn
    // that they came.
    virtual std::int64_t anonymous_visits_today() = 0;

    virtual StaffSyncStatus sync_status() = 0;
    // Asks the sync to run now; false on a kiosk without a server.
    virtual bool sync_now() = 0;
};

} // namespace olohuone::ui
