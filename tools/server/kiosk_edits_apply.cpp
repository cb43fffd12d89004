#include "kiosk_edits_apply.h"

#include "core/log.h"
#include "edits_calendar.h"
#include "kiosk_edit.h"
#include "site_edits.h"
#include "site_programme.h"

namespace olohuone::server {
namespace {

using Settlement = ServerStore::KioskEditSettlement;

// An added event as the page's one-off event; none when it cannot be one: it must
// start and end on whole minutes of one local day.
std::optional<EventEdit> added_event(const ProgrammeEdit& edit, const TimeZone& zone, UnixSeconds now)
{
    const LocalDateTime start = zone.to_local(edit.start);
    const LocalDateTime end = zone.to_local(edit.end);
    const CivilTime start_minute{start.time.hour, start.time.minute, 0};
    const CivilTime end_minute{end.time.hour, end.time.minute, 0};
    if (start.date != end.date || zone.to_instant({start.date, start_minute}) != edit.start
        || zone.to_instant({end.date, end_minute}) != edit.end)
        return std::nullopt;
    EventChange change;
    change.texts = {edit.title.default_text(), "", edit.location.value_or(""), "", edit.capacity,
                    edit.title.translations()};
    change.date = start.date;
    change.start = start_minute;
    change.end = end_minute;
    return new_event(edit.uid, change, now);
}

// The edit laid over the site's edits; false when it cannot be written as one.
bool lay_over(std::vector<EventEdit>& edits, const KioskEdit& kiosk_edit, const std::optional<Occurrence>& shown,
              const TimeZone& zone, std::int64_t kiosk_id, UnixSeconds at)
{
    const ProgrammeEdit& edit = kiosk_edit.edit;
    switch (edit.action) {
    case EditAction::Add: {
        auto added = added_event(edit, zone, at);
        if (!added)
            return false;
        if (EventEdit* before = find_edit(edits, edit.uid, 0))
            *before = std::move(*added);
        else
            edits.push_back(std::move(*added));
        break;
    }
    case EditAction::Cancel:
    case EditAction::Restore:
        set_occurrence_cancelled(edits, *shown,
                                 edit.action == EditAction::Cancel ? Cancellation::Cancel : Cancellation::Restore, at);
        break;
    case EditAction::Change: {
        EventTexts texts = texts_of(*shown);
        texts.capacity = edit.capacity;
        if (edit.location)
            texts.location = *edit.location;
        change_occurrence_to(edits, *shown, texts, edit.start, edit.end, at);
        break;
    }
    }
    const UnixSeconds key = edit.action == EditAction::Add ? 0 : edit.instance;
    if (EventEdit* laid = find_edit(edits, edit.uid, key))
        laid->kiosk_id = kiosk_id;
    return true;
}

// The edits calendar with the edit, once the kiosk's importer has read it with the
// site's other calendars and they fit in one answer; none when not.
std::optional<std::string> readable_calendar(const std::vector<EventEdit>& edits,
                                             const std::vector<SiteCalendar>& calendars, const TimeZone& zone,
                                             UnixSeconds now)
{
    auto ics = write_edits_calendar(edits, zone);
    if (!ics || !check_with_edits_calendar(calendars, *ics, zone, now))
        return std::nullopt;
    return std::move(ics.value());
}

Settlement decide(std::vector<EventEdit> edits, const KioskEdit& kiosk_edit, const KioskEditRecord& record,
                  const std::vector<SiteCalendar>& calendars, const TimeZone& zone, UnixSeconds now)
{
    const ProgrammeEdit& edit = kiosk_edit.edit;
    const bool add = edit.action == EditAction::Add;
    const UnixSeconds at = edit_time(kiosk_edit, record.received_at);
    std::optional<Occurrence> shown;
    if (!add)
        shown = find_site_occurrence(calendars, zone, edit.uid, edit.instance);
    const std::string title = add ? edit.title.default_text() : shown ? shown->title.default_text() : std::string();
    // The edit already stored for this occurrence (or added event) wins when it is later.
    const EventEdit* stored = find_edit(edits, edit.uid, add ? 0 : edit.instance);
    if (stored != nullptr && stored->updated_at > at)
        return {stored->kiosk_id ? KioskEditOutcome::LaterKioskEdit : KioskEditOutcome::LaterPageEdit, title, {}};
    if (!add && !shown)
        return {KioskEditOutcome::UnknownOccurrence, title, {}};
    if (!lay_over(edits, kiosk_edit, shown, zone, record.kiosk_id, at) || edits.size() > max_edits_per_site)
        return {KioskEditOutcome::Unreadable, title, {}};
    auto ics = readable_calendar(edits, calendars, zone, now);
    if (!ics)
        return {KioskEditOutcome::Unreadable, title, {}};
    return {KioskEditOutcome::Applied, title, ServerStore::EditsAndCalendar{std::move(edits), std::move(*ics)}};
}

} // namespace

Result<void> apply_kiosk_edits(ServerStore& store, const TimeZone& zone, std::int64_t site_id, UnixSeconds now)
{
    auto unsettled = store.unsettled_kiosk_edits(site_id);
    if (!unsettled)
        return unsettled.error();
    for (const KioskEditRecord& record : unsettled.value()) {
        // Read again for each: the one before may have changed the edits calendar.
        auto programme = store.site_programme(site_id, CalendarTexts::Include);
        if (!programme)
            return programme.error();
        const auto kiosk_edit = read_kiosk_edit(record.payload);
        KioskEditOutcome outcome = KioskEditOutcome::Unreadable;
        auto settled = store.settle_kiosk_edit(
            site_id, record.record_id,
            [&](std::vector<EventEdit> edits) -> Result<Settlement> {
                if (!kiosk_edit)
                    return Settlement{KioskEditOutcome::Unreadable, "", {}};
                Settlement settlement =
                    decide(std::move(edits), kiosk_edit.value(), record, programme->calendars, zone, now);
                outcome = settlement.outcome;
                return settlement;
            },
            now);
        if (!settled)
            return settled.error();
        const std::string from = "kiosk " + std::to_string(record.kiosk_id);
        if (!kiosk_edit)
            log::warning(from + " sent a programme edit the server cannot read: " + kiosk_edit.error().message);
        else if (outcome == KioskEditOutcome::Applied)
            log::info(from + " edited the programme of site " + std::to_string(site_id));
        else
            log::info(from + "'s programme edit at site " + std::to_string(site_id)
                      + " was not applied; it is listed on the week page");
    }
    return {};
}

} // namespace olohuone::server
