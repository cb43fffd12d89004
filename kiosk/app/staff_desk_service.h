#pragma once
// The kiosk's StaffDesk: the staff PIN (argon2id hash and the count of wrong tries in
// the store, so a restart does not reopen a shut pad), the visit log for who is here,
// the activity log for marking attendance, and the sync's state. Every wrong PIN and every opening of staff mode is logged.
#include <functional>

#include "app/storage_watch.h"
#include "app/sync_connection.h"
#include "core/clock.h"
#include "core/pin_lockout.h"
#include "core/time_zone.h"
#include "core/registration.h"
#include "store/activity_log.h"
#include "store/sqlite.h"
#include "store/visit_log.h"
#include "ui/screens/staff_desk.h"

namespace olohuone::app {

class StaffDeskService final : public ui::StaffDesk {
public:
    StaffDeskService(sql::Database& database, store::VisitLog& visits, store::ActivityLog& activities,
                     RegistrationRules activity_rules, const SyncConnection& connection, const Clock& clock,
                     const TimeZone& zone, std::vector<EventTemplate> templates = {}, StorageWatch* storage = nullptr)
        : m_database(database), m_visits(visits), m_activities(activities), m_activity_rules(activity_rules),
          m_connection(connection), m_clock(clock), m_zone(zone), m_templates(std::move(templates)), m_storage(storage)
    {
    }

    std::int64_t pin_wait_seconds() override;
    ui::PinAttempt try_pin(const std::string& pin) override;
    std::vector<PresentVisitor> present_now() override;
    std::int64_t anonymous_visits_today() override;
    ui::AttendanceSheet attendance_sheet(const Occurrence& activity) override;
    Result<AttendanceReceipt> mark_present(const Occurrence& activity, const std::optional<VisitorIdentity>& who,
                                           const std::string& key) override;
    Result<RestoreReceipt> restore_registration(const Occurrence& activity, const std::string& registration_key,
                                                const std::string& key, bool preview) override;
    Result<bool> withdraw_attendance(const Occurrence& activity, std::optional<std::int64_t> visitor_id,
                                     const std::string& key) override;
    Result<void> edit_programme(ProgrammeEdit edit) override;
    ui::EditStanding edit_standing(const Occurrence& shown) override;
    const std::vector<EventTemplate>& event_templates() const override { return m_templates; }
    ui::StaffSyncStatus sync_status() override;
    bool sync_now() override;
    bool clock_needs_setting() override;
    Result<void> set_clock(UnixSeconds at) override;

    // Lets staff set the clock: `set_system_time` sets the system's clock, and `clock`
    // (the one the kiosk reads) is then vouched for until the next boot.
    void allow_setting_the_clock(StaffSettableClock& clock, std::function<Result<void>(UnixSeconds)> set_system_time);

private:
    // Seconds before the pad opens; none when the count of wrong tries cannot be read.
    std::optional<std::int64_t> current_wait();
    std::pair<UnixSeconds, UnixSeconds> today() const;
    bool attendance_changeable(const Occurrence& activity) const;
    // A cancellation can be undone until the activity starts, by a clock known to be right.
    bool restorable(const Occurrence& activity) const;
    // Tells the storage watch, if there is one, how a write went.
    template <typename Value>
    Result<Value> noted(Result<Value> result)
    {
        return m_storage != nullptr ? m_storage->noted(std::move(result)) : std::move(result);
    }

    sql::Database& m_database;
    store::VisitLog& m_visits;
    store::ActivityLog& m_activities;
    RegistrationRules m_activity_rules;
    const SyncConnection& m_connection;
    const Clock& m_clock;
    const TimeZone& m_zone;
    PinLockoutRules m_rules;
    std::vector<EventTemplate> m_templates;
    StorageWatch* m_storage;
    StaffSettableClock* m_settable_clock = nullptr;
    std::function<Result<void>(UnixSeconds)> m_set_system_time;
    // Wrong PINs in a row counted while a full disk kept the count from the database;
    // cleared by the right PIN or once the database takes the count again.
    int m_unstored_failures = 0;
    std::optional<UnixSeconds> m_unstored_failure_at;
};

} // namespace olohuone::app
