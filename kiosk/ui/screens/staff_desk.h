#pragma once
// The narrow interface the staff screens need: the PIN, who is in the building, an
// activity's attendance, and the sync. Only screens behind the PIN pad reach it.
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/occurrence.h"
#include "core/programme_edit.h"
#include "core/registration.h"
#include "core/result.h"
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
    std::int64_t server_answers = 0; // passes the server answered: a new one is news within the same second
    SyncTrouble trouble = SyncTrouble::None;
    std::int64_t queued = 0;    // records waiting to be delivered
    std::int64_t set_aside = 0; // records the server refused for good
};

// Who is at an activity, as staff see it to mark or correct.
struct AttendanceSheet {
    bool open = false;                   // staff may change it now
    UnixSeconds opens_at = 0;            // when they may, for an activity still to come
    std::vector<Registrant> registrants; // in queue order, each with whether marked here
    std::vector<Attendee> walk_ins;      // marked here without a registration
    int anonymous = 0;                   // counted without a name
    // Cancellations made today that staff may still undo (before the activity starts).
    std::vector<Cancellation> cancellations;
    std::vector<PlaceChange> changes; // into places and into the queue, the latest first
    bool shares_places = false;       // the server decides the site's places

    int named_here() const
    {
        int here = static_cast<int>(walk_ins.size());
        for (const Registrant& registrant : registrants)
            here += registrant.here ? 1 : 0;
        return here;
    }
};

// Where staff's own latest change of an occurrence stands.
enum class EditStanding {
    None,      // not changed on this kiosk
    Kept,      // changed on a kiosk without a server: this kiosk's programme is the only one
    Here,      // shown here; not yet in the server's programme
    InEffect,  // the server's programme has it
    Overruled, // the server's programme was changed later and shows something else
    Refused,   // the server refused the change; the programme is as the server has it
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

    virtual AttendanceSheet attendance_sheet(const Occurrence& activity) = 0;
    // Marks `who` here, or counts one more without a name when `who` is empty.
    virtual Result<AttendanceReceipt> mark_present(const Occurrence& activity,
                                                   const std::optional<VisitorIdentity>& who,
                                                   const std::string& key) = 0;
    // Takes back `visitor_id`'s mark, or the last count without a name; false when there
    // was none to take back.
    virtual Result<bool> withdraw_attendance(const Occurrence& activity, std::optional<std::int64_t> visitor_id,
                                             const std::string& key) = 0;

    // Undoes a cancellation made by mistake today, before the activity starts: the
    // person has their original place again. With `preview` nothing is stored: the
    // receipt says what it would do.
    virtual Result<RestoreReceipt> restore_registration(const Occurrence& activity, const std::string& registration_key,
                                                        const std::string& key, bool preview) = 0;

    // Stores staff's change of the programme, made now; refused when `edit.start` (the
    // occurrence's start now, or the new one) is on a day already past.
    virtual Result<void> edit_programme(ProgrammeEdit edit) = 0;
    virtual EditStanding edit_standing(const Occurrence& shown) = 0;
    virtual const std::vector<EventTemplate>& event_templates() const = 0;

    virtual StaffSyncStatus sync_status() = 0;
    // Asks the sync to run now; false on a kiosk without a server.
    virtual bool sync_now() = 0;

    // Whether staff should be offered "Aseta kellonaika": the clock is not known to be
    // right (no network since a power cut) and this kiosk can set it.
    virtual bool clock_needs_setting() = 0;
    // Sets the system clock to `at`; the kiosk then trusts it until the next boot.
    virtual Result<void> set_clock(UnixSeconds at) = 0;
};

} // namespace olohuone::ui
