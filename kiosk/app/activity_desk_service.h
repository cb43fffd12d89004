#pragma once
// The kiosk's ActivityDesk: the activity log in the store, the clock and the
// registration rules, and the sync, woken at once by a change of places. The rules are checked again at the moment of writing, so a confirm
// tapped after the closing time is refused even if the screen was opened before it.
// Failures are logged here for staff; the screen shows the visitor a kind message.
#include "app/storage_watch.h"
#include "app/sync_connection.h"
#include "core/clock.h"
#include "core/registration.h"
#include "core/time_zone.h"
#include "store/activity_log.h"
#include "ui/screens/activity_desk.h"

namespace olohuone::app {

class ActivityDeskService final : public ui::ActivityDesk {
public:
    ActivityDeskService(store::ActivityLog& log, StorageWatch& storage, const SyncConnection& connection,
                        const Clock& clock, const TimeZone& zone, RegistrationRules rules)
        : m_log(log), m_storage(storage), m_connection(connection), m_clock(clock), m_zone(zone), m_rules(rules)
    {
    }

    ActivityStatus status(const Occurrence& activity) override;
    std::vector<Registrant> registrants(const Occurrence& activity) override;
    std::optional<Registrant> registrant(const Occurrence& activity, const VisitorIdentity& who) override;
    Result<RegistrationReceipt> register_visitor(const Occurrence& activity, const VisitorIdentity& who,
                                                 const std::string& key) override;
    Result<CancellationReceipt> cancel_registration(const Occurrence& activity, std::int64_t visitor_id,
                                                    const std::string& cancel_key) override;
    bool shares_places() override { return m_connection.shares_places(); }
    std::optional<RegistrationReceipt> site_decision(const Occurrence& activity, const std::string& key) override;
    Result<AttendanceReceipt> mark_here(const Occurrence& activity, const std::optional<VisitorIdentity>& who,
                                        const std::string& key) override;
    Result<bool> withdraw_count(const Occurrence& activity, const std::string& key) override;

private:
    store::RecordTime now() const { return store::record_time_now(m_clock); }

    store::ActivityLog& m_log;
    StorageWatch& m_storage;
    const SyncConnection& m_connection;
    const Clock& m_clock;
    const TimeZone& m_zone;
    RegistrationRules m_rules;
};

} // namespace olohuone::app
