#include "app/activity_desk_service.h"

#include "core/log.h"
#include "core/visits.h"

namespace olohuone::app {
namespace {

// Logs a refused or failed record for staff and passes the error on to the screen.
template <typename Value>
Result<Value> logged(Result<Value> result, const std::string& what, const Occurrence& activity)
{
    if (!result)
        log::error(what + " not stored for " + activity.key() + ": " + result.error().message);
    return result;
}

} // namespace

ActivityStatus ActivityDeskService::status(const Occurrence& activity)
{
    const UnixSeconds at = m_clock.now();
    ActivityStatus status;
    status.takes_registrations = takes_registrations(activity);
    status.registration = registration_state(activity, at, m_rules);
    status.waits_for_clock = status.takes_registrations && !m_clock.synchronised();
    status.attendance_open =
        status.takes_registrations && !status.waits_for_clock && attendance_open(activity, at, m_rules);
    if (!status.takes_registrations)
        return status;
    auto places = m_log.places(activity);
    if (!places) {
        log::error("places of " + activity.key() + ": " + places.error().message);
        return status;
    }
    status.places = std::move(places.value());
    // Who is here matters only while "Olen paikalla" is offered; the programme's rows
    // ask for every activity of the day and do not need it.
    if (!status.attendance_open)
        return status;
    auto here = m_log.here_counts(activity);
    if (!here) {
        log::error("attendance of " + activity.key() + ": " + here.error().message);
        return status;
    }
    std::tie(status.here_named, status.here_anonymous) = here.value();
    return status;
}

std::vector<Registrant> ActivityDeskService::registrants(const Occurrence& activity)
{
    auto registrants = m_log.registrants(activity);
    if (!registrants) {
        log::error("registrations of " + activity.key() + ": " + registrants.error().message);
        return {};
    }
    return registrants.value();
}

std::optional<Registrant> ActivityDeskService::registrant(const Occurrence& activity, const VisitorIdentity& who)
{
    auto registrant = m_log.registrant(activity, who);
    if (!registrant) {
        log::error("registration of a visitor at " + activity.key() + ": " + registrant.error().message);
        return std::nullopt;
    }
    return registrant.value();
}

Result<RegistrationReceipt> ActivityDeskService::register_visitor(const Occurrence& activity,
                                                                  const VisitorIdentity& who, const std::string& key)
{
    const store::RecordTime time = now();
    if (!time.clock_synced)
        return logged<RegistrationReceipt>(make_error("the clock is not set"), "registration", activity);
    if (!takes_registrations(activity) || registration_state(activity, time.at, m_rules) != RegistrationState::Open)
        return logged<RegistrationReceipt>(make_error("registration is closed"), "registration", activity);
    auto receipt = logged(m_storage.noted(m_log.register_visitor(activity, who, key, time)), "registration", activity);
    if (receipt && !receipt->already)
        m_connection.sync_now(); // the server decides the place: the visitor is waiting for it
    return receipt;
}

std::optional<RegistrationReceipt> ActivityDeskService::site_decision(const Occurrence& activity,
                                                                      const std::string& key)
{
    auto decided = m_log.site_decision(activity, key);
    if (!decided) {
        log::error("the server's place for a registration at " + activity.key() + ": " + decided.error().message);
        return std::nullopt;
    }
    return decided.value();
}

Result<CancellationReceipt> ActivityDeskService::cancel_registration(const Occurrence& activity,
                                                                     std::int64_t visitor_id,
                                                                     const std::string& cancel_key)
{
    const store::RecordTime time = now();
    if (!time.clock_synced)
        return logged<CancellationReceipt>(make_error("the clock is not set"), "cancellation", activity);
    const RegistrationState state = registration_state(activity, time.at, m_rules);
    if (state == RegistrationState::Started || state == RegistrationState::Cancelled)
        return logged<CancellationReceipt>(make_error("the activity has started or is cancelled"), "cancellation",
                                           activity);
    auto receipt = logged(m_storage.noted(m_log.cancel(activity, visitor_id, cancel_key, time)), "cancellation",
                          activity);
    if (receipt)
        m_connection.sync_now(); // the place it frees is the site's
    return receipt;
}

Result<AttendanceReceipt> ActivityDeskService::mark_here(const Occurrence& activity,
                                                         const std::optional<VisitorIdentity>& who,
                                                         const std::string& key)
{
    const store::RecordTime time = now();
    if (!time.clock_synced || !takes_registrations(activity) || !attendance_open(activity, time.at, m_rules))
        return logged<AttendanceReceipt>(make_error("attendance is not open"), "attendance", activity);
    const auto since = in_building_since(activity.start, activity.end, time.at, m_zone);
    return logged(m_storage.noted(m_log.mark_here(activity, who, key, time, since)), "attendance", activity);
}

Result<bool> ActivityDeskService::withdraw_count(const Occurrence& activity, const std::string& key)
{
    const store::RecordTime time = now();
    if (!takes_registrations(activity) || !attendance_open(activity, time.at, m_rules))
        return logged<bool>(make_error("attendance is not open"), "count withdrawal", activity);
    return logged(m_storage.noted(m_log.withdraw(activity, std::nullopt, key, time)), "count withdrawal",
                  activity);
}

} // namespace olohuone::app
