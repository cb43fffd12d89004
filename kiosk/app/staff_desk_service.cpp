#include "app/staff_desk_service.h"

#include <algorithm>

#include "app/staff_pin.h"
#include "core/log.h"
#include "store/outbox.h"
#include "store/programme_edits.h"
#include "store/staff_access.h"
#include "store/staff_clock.h"
#include "store/sync_state.h"

namespace olohuone::app {
namespace {

ui::SyncTrouble trouble_for(sync::SyncProblem problem)
{
    switch (problem) {
    case sync::SyncProblem::None:
        return ui::SyncTrouble::None;
    case sync::SyncProblem::Unreachable:
        return ui::SyncTrouble::Unreachable;
    case sync::SyncProblem::Refused:
        return ui::SyncTrouble::Refused;
    case sync::SyncProblem::ServerFault:
        return ui::SyncTrouble::ServerFault;
    case sync::SyncProblem::BadAnswer:
        return ui::SyncTrouble::BadAnswer;
    case sync::SyncProblem::LocalStore:
        return ui::SyncTrouble::LocalStore;
    }
    return ui::SyncTrouble::None;
}

} // namespace

std::optional<std::int64_t> StaffDeskService::current_wait()
{
    auto failures = store::staff_pin_failures(m_database);
    if (!failures) {
        log::error("cannot read the staff PIN's wrong tries: " + failures.error().message);
        return std::nullopt;
    }
    const UnixSeconds now = m_clock.now();
    const std::int64_t wait = olohuone::pin_wait_seconds(m_rules, failures->count, failures->last_at, now);
    if (wait > 0 && failures->last_at && *failures->last_at > now) {
        // The clock went back past the last wrong PIN: the wait restarts from now, or the
        // pad would stay shut until the clock caught up again.
        if (auto restarted = store::set_staff_pin_failures(m_database, failures->count, now); !restarted)
            log::error("cannot restart the staff PIN's wait: " + restarted.error().message);
    }
    // Tries counted in memory while the disk was full hold the pad shut just the same.
    if (m_unstored_failure_at && *m_unstored_failure_at > now)
        m_unstored_failure_at = now;
    return std::max(wait, olohuone::pin_wait_seconds(m_rules, m_unstored_failures, m_unstored_failure_at, now));
}

std::int64_t StaffDeskService::pin_wait_seconds()
{
    // What cannot be read shows as open; try_pin still refuses to check a PIN then.
    return current_wait().value_or(0);
}

ui::PinAttempt StaffDeskService::try_pin(const std::string& pin)
{
    using Outcome = ui::PinAttempt::Outcome;
    const auto wait = current_wait();
    if (!wait)
        return {Outcome::Failed, 0};
    if (*wait > 0)
        return {Outcome::Locked, *wait};
    auto stored = store::staff_pin(m_database);
    if (!stored) {
        log::error("cannot read the staff PIN: " + stored.error().message);
        return {Outcome::Failed, 0};
    }
    if (!stored->has_value())
        return {Outcome::NoPinSet, 0};

    // Counted as wrong before it is checked, and cleared if right: neither pulling the
    // plug during the check nor a write that fails afterwards gives a free guess.
    auto failures = store::staff_pin_failures(m_database);
    if (!failures) {
        log::error("cannot read the staff PIN's wrong tries: " + failures.error().message);
        return {Outcome::Failed, 0};
    }
    const UnixSeconds now = m_clock.now();
    const int count = std::max(pin_failures_in_force(m_rules, failures->count, failures->last_at, now),
                               pin_failures_in_force(m_rules, m_unstored_failures, m_unstored_failure_at, now))
        + 1;
    if (auto counted = noted(store::set_staff_pin_failures(m_database, count, now)); !counted) {
        // On a full disk the try is counted in memory instead: staff must still reach the
        // roll call of who is in the building, and the lockout still holds while the
        // kiosk runs.
        if (counted.error().kind != ErrorKind::StorageFull) {
            log::error("cannot count a staff PIN try, so it is not checked: " + counted.error().message);
            return {Outcome::Failed, 0};
        }
        log::warning("the storage is full: a staff PIN try is counted in memory only");
        m_unstored_failures = count;
        m_unstored_failure_at = now;
    } else {
        m_unstored_failures = 0; // the database holds the count again
    }
    if (staff_pin_matches((*stored)->hash, pin)) {
        m_unstored_failures = 0;
        if (auto cleared = store::clear_staff_pin_failures(m_database); !cleared)
            log::error("cannot clear the staff PIN's wrong tries: " + cleared.error().message);
        log::info("staff mode opened");
        return {Outcome::Accepted, 0};
    }
    log::warning("wrong staff PIN (" + std::to_string(count) + " in a row)");
    return {Outcome::Wrong, olohuone::pin_wait_seconds(m_rules, count, now, now)};
}

std::pair<UnixSeconds, UnixSeconds> StaffDeskService::today() const
{
    const CivilDate date = m_zone.to_local(m_clock.now()).date;
    return {m_zone.start_of_day(date), m_zone.start_of_day(date.plus_days(1))};
}

std::vector<PresentVisitor> StaffDeskService::present_now()
{
    const auto [from, to] = today();
    auto present = m_visits.present(from, to);
    if (!present) {
        log::error("cannot read who is signed in: " + present.error().message);
        return {};
    }
    return std::move(present.value());
}

std::int64_t StaffDeskService::anonymous_visits_today()
{
    const auto [from, to] = today();
    auto count = m_visits.anonymous_visits(from, to);
    if (!count) {
        log::error("cannot count today's visits without a name: " + count.error().message);
        return 0;
    }
    return count.value();
}

bool StaffDeskService::attendance_changeable(const Occurrence& activity) const
{
    const CivilDate day = m_zone.to_local(activity.start).date;
    return staff_attendance_open(activity, m_clock.now(), m_activity_rules, m_zone.start_of_day(day.plus_days(1)));
}

ui::AttendanceSheet StaffDeskService::attendance_sheet(const Occurrence& activity)
{
    ui::AttendanceSheet sheet;
    sheet.open = attendance_changeable(activity);
    sheet.opens_at =
        activity.start - static_cast<UnixSeconds>(m_activity_rules.attendance_opens_minutes_before) * 60;
    auto registrants = m_activities.registrants(activity);
    auto walk_ins = m_activities.walk_ins(activity);
    auto counts = m_activities.here_counts(activity);
    if (!registrants || !walk_ins || !counts) {
        log::error("cannot read the attendance of " + activity.key());
        return sheet;
    }
    sheet.registrants = std::move(registrants.value());
    sheet.walk_ins = std::move(walk_ins.value());
    sheet.anonymous = counts->second;
    sheet.shares_places = m_connection.shares_places();
    auto cancellations = m_activities.cancellations(activity);
    auto changes = m_activities.place_changes(activity);
    if (!cancellations || !changes) {
        log::error("cannot read the cancellations and queue moves of " + activity.key());
        return sheet;
    }
    if (restorable(activity))
        for (Cancellation& cancellation : cancellations.value())
            if (cancellation.cancelled_at >= today().first && !cancellation.registered_again)
                sheet.cancellations.push_back(std::move(cancellation));
    sheet.changes = std::move(changes.value());
    return sheet;
}

bool StaffDeskService::restorable(const Occurrence& activity) const
{
    const RegistrationState state = registration_state(activity, m_clock.now(), m_activity_rules);
    return m_clock.synchronised() && (state == RegistrationState::Open || state == RegistrationState::ClosedSoon);
}

Result<RestoreReceipt> StaffDeskService::restore_registration(const Occurrence& activity,
                                                              const std::string& registration_key,
                                                              const std::string& key, bool preview)
{
    if (!restorable(activity))
        return make_error("registrations of " + activity.key() + " can no longer be restored");
    // Today's cancellations only: one from an earlier day was meant, or long since known.
    auto cancellations = m_activities.cancellations(activity);
    if (!cancellations)
        return cancellations.error();
    const bool made_today = std::any_of(cancellations->begin(), cancellations->end(), [&](const Cancellation& each) {
        return each.registration_key == registration_key && each.cancelled_at >= today().first;
    });
    if (!made_today)
        return make_error("the registration " + registration_key + " was not cancelled today");
    auto restored = noted(
        m_activities.restore(activity, registration_key, key, store::record_time_now(m_clock), preview));
    if (!restored)
        log::error("staff's restore of a cancellation not stored for " + activity.key() + ": "
                   + restored.error().message);
    else if (!preview)
        m_connection.sync_now();
    return restored;
}

Result<AttendanceReceipt> StaffDeskService::mark_present(const Occurrence& activity,
                                                         const std::optional<VisitorIdentity>& who,
                                                         const std::string& key)
{
    if (!attendance_changeable(activity))
        return make_error("attendance of " + activity.key() + " can no longer be changed");
    const store::RecordTime time = store::record_time_now(m_clock);
    // On a clock not known to be right "today" is a guess: the mark opens no visit.
    const auto since =
        time.clock_synced ? in_building_since(activity.start, activity.end, time.at, m_zone) : std::nullopt;
    auto marked = noted(m_activities.mark_here(activity, who, key, time, since));
    if (!marked)
        log::error("staff's attendance mark not stored for " + activity.key() + ": " + marked.error().message);
    return marked;
}

Result<bool> StaffDeskService::withdraw_attendance(const Occurrence& activity, std::optional<std::int64_t> visitor_id,
                                                   const std::string& key)
{
    if (!attendance_changeable(activity))
        return make_error("attendance of " + activity.key() + " can no longer be changed");
    auto withdrawn = noted(m_activities.withdraw(activity, visitor_id, key, store::record_time_now(m_clock)));
    if (!withdrawn)
        log::error("staff's withdrawal not stored for " + activity.key() + ": " + withdrawn.error().message);
    return withdrawn;
}

Result<void> StaffDeskService::edit_programme(ProgrammeEdit edit)
{
    // Today and the days ahead, by where the occurrence is now (a cancel or restore
    // carries that too): what has been stays as it was, for the reports.
    if (edit.start < today().first)
        return make_error("a programme edit for a day already past");
    const store::RecordTime made = store::record_time_now(m_clock);
    edit.made_at = made.at;
    auto stored = noted(store::record_programme_edit(m_database, edit, made));
    if (!stored)
        log::error("staff's programme edit of " + edit.uid + " not stored: " + stored.error().message);
    else
        log::info(std::string("staff programme edit: ") + action_name(edit.action) + " " + edit.uid + "@"
                  + std::to_string(edit.instance));
    return stored;
}

ui::EditStanding StaffDeskService::edit_standing(const Occurrence& shown)
{
    auto latest = store::latest_edit_of(m_database, shown.uid, shown.instance);
    if (!latest) {
        log::error("cannot read staff's programme edits: " + latest.error().message);
        return ui::EditStanding::None;
    }
    if (!latest.value())
        return ui::EditStanding::None;
    const store::StoredEdit& stored = *latest.value();
    switch (stored.state) {
    case store::EditState::Local:
        return m_connection.engine() != nullptr ? ui::EditStanding::Here : ui::EditStanding::Kept;
    case store::EditState::Refused:
        return ui::EditStanding::Refused;
    case store::EditState::Settled:
        return edit_shows_in(stored.edit, shown) ? ui::EditStanding::InEffect : ui::EditStanding::Overruled;
    }
    return ui::EditStanding::None;
}

ui::StaffSyncStatus StaffDeskService::sync_status()
{
    ui::StaffSyncStatus status;
    // The figures from the database, which the sync keeps current; the last problem
    // only the running sync knows.
    if (auto state = store::read_sync_state(m_database)) {
        status.last_success_at = state->last_success_at;
    } else {
        log::error("cannot read the sync's state: " + state.error().message);
    }
    if (auto waiting = store::outbox_waiting(m_database))
        status.queued = waiting.value();
    if (auto set_aside = store::outbox_set_aside_count(m_database))
        status.set_aside = set_aside.value();
    if (const sync::SyncEngine* engine = m_connection.engine()) {
        status.has_server = true;
        status.server = engine->server_url();
        const sync::SyncStatus running = engine->status();
        status.last_contact_at = running.last_contact_at;
        status.server_answers = running.server_answers;
        status.trouble = trouble_for(running.last_problem_kind);
    }
    return status;
}

bool StaffDeskService::sync_now()
{
    if (!m_connection.sync_now())
        return false;
    log::info("sync asked for by staff");
    return true;
}

void StaffDeskService::allow_setting_the_clock(StaffSettableClock& clock,
                                               std::function<Result<void>(UnixSeconds)> set_system_time)
{
    m_settable_clock = &clock;
    m_set_system_time = std::move(set_system_time);
    // Started again in the boot staff set the clock in: it is still the time they set.
    auto set_before = store::clock_set_by_staff_in(m_database, clock.since_boot().boot_id);
    if (!set_before)
        log::error("cannot read whether staff set the clock: " + set_before.error().message);
    else if (set_before.value())
        clock.vouch_for_this_boot();
}

bool StaffDeskService::clock_needs_setting()
{
    return m_settable_clock != nullptr && !m_clock.synchronised();
}

Result<void> StaffDeskService::set_clock(UnixSeconds at)
{
    if (m_settable_clock == nullptr || !m_set_system_time)
        return make_error("this kiosk cannot set the clock");
    const UnixSeconds before = m_clock.now();
    if (auto set = m_set_system_time(at); !set) {
        log::error("staff's clock setting failed: " + set.error().message);
        return set;
    }
    m_settable_clock->vouch_for_this_boot();
    if (auto kept = store::remember_clock_set_by_staff(m_database, m_clock.since_boot().boot_id, at); !kept)
        log::error("cannot keep that staff set the clock (a restart will ask again): " + kept.error().message);
    log::warning("staff set the clock to " + std::to_string(at) + " (it said " + std::to_string(before)
                 + "); records from now on say the time was set by staff");
    return {};
}

} // namespace olohuone::app
