#include "site_edits.h"

#include <algorithm>

#include "edits_calendar.h"

namespace olohuone::server {
namespace {

// Moves the edits of the occurrences of `uid` to the event's new start time, day by
// day, so they still name the occurrences they change.
void move_occurrence_edits(std::vector<EventEdit>& edits, const std::string& uid, const CivilTime& start,
                           const TimeZone& zone)
{
    for (EventEdit& edit : edits)
        if (edit.kind == EditKind::Occurrence && edit.uid == uid)
            edit.instance = zone.to_instant({zone.to_local(edit.instance).date, start});
}

// The edit of a calendar's whole event, made from its calendar's copy when there is
// none yet; none when no calendar has the event.
EventEdit* calendar_event_edit(std::vector<EventEdit>& edits, const std::vector<SiteCalendar>& calendars,
                               const std::string& uid, const TimeZone& zone)
{
    if (EventEdit* series = find_edit(edits, uid, 0))
        return series->kind == EditKind::Series ? series : nullptr;
    const auto base = copy_of_calendar_event(calendars, uid);
    if (!base)
        return nullptr;
    auto facts = read_calendar_event(*base, zone);
    if (!facts)
        return nullptr;
    EventEdit added;
    added.kind = EditKind::Series;
    added.uid = uid;
    added.base_event = *base;
    added.texts = facts->texts;
    added.cancelled = facts->cancelled;
    edits.push_back(added);
    return &edits.back();
}

} // namespace

EventEdit* find_edit(std::vector<EventEdit>& edits, const std::string& uid, UnixSeconds instance)
{
    const auto found = std::find_if(edits.begin(), edits.end(), [&](const EventEdit& edit) {
        return edit.uid == uid && edit.instance == instance;
    });
    return found == edits.end() ? nullptr : &*found;
}

const EventEdit* find_edit(const std::vector<EventEdit>& edits, const std::string& uid, UnixSeconds instance)
{
    const auto found = std::find_if(edits.begin(), edits.end(), [&](const EventEdit& edit) {
        return edit.uid == uid && edit.instance == instance;
    });
    return found == edits.end() ? nullptr : &*found;
}

EventTexts texts_of(const Occurrence& occurrence)
{
    return {occurrence.title.default_text(), occurrence.description.default_text(),
            occurrence.location.default_text(), occurrence.host.default_text(), occurrence.capacity};
}

EventEdit new_event(std::string uid, const EventChange& change, UnixSeconds now)
{
    EventEdit edit;
    edit.kind = EditKind::NewEvent;
    edit.uid = std::move(uid);
    edit.texts = change.texts;
    edit.first_date = change.date;
    edit.weekdays = change.weekdays;
    edit.until = change.until;
    edit.start_time = change.start;
    edit.end_time = change.end;
    edit.updated_at = now;
    return edit;
}

void change_occurrence(std::vector<EventEdit>& edits, const Occurrence& shown, const EventChange& change,
                       const TimeZone& zone, UnixSeconds now)
{
    change_occurrence_to(edits, shown, change.texts, zone.to_instant({change.date, change.start.value_or(CivilTime{})}),
                         zone.to_instant({change.date, change.end.value_or(CivilTime{})}), now);
}

void change_occurrence_to(std::vector<EventEdit>& edits, const Occurrence& shown, const EventTexts& texts,
                          UnixSeconds start, UnixSeconds end, UnixSeconds now)
{
    EventEdit edit;
    edit.kind = EditKind::Occurrence;
    edit.uid = shown.uid;
    edit.instance = shown.instance;
    edit.texts = texts;
    edit.start = start;
    edit.end = end;
    edit.cancelled = shown.status == EventStatus::Cancelled;
    edit.updated_at = now;
    if (EventEdit* old = find_edit(edits, edit.uid, edit.instance))
        *old = edit;
    else
        edits.push_back(edit);
}

bool change_new_event(std::vector<EventEdit>& edits, const std::string& uid, const EventChange& change,
                      const TimeZone& zone, UnixSeconds now)
{
    EventEdit* made_here = find_edit(edits, uid, 0);
    if (made_here == nullptr || made_here->kind != EditKind::NewEvent)
        return false;
    const bool moved = made_here->start_time != change.start;
    EventEdit changed = new_event(uid, change, now);
    changed.cancelled = made_here->cancelled;
    // The page's form has no translations: a title it leaves as it was keeps the ones a
    // kiosk's template gave it.
    if (changed.texts.title == made_here->texts.title && changed.texts.title_translations.empty())
        changed.texts.title_translations = made_here->texts.title_translations;
    *made_here = changed;
    if (moved && change.start)
        move_occurrence_edits(edits, uid, *change.start, zone);
    return true;
}

bool change_calendar_event(std::vector<EventEdit>& edits, const std::vector<SiteCalendar>& calendars,
                           const std::string& uid, const EventChange& change, const TimeZone& zone, UnixSeconds now)
{
    EventEdit* series = calendar_event_edit(edits, calendars, uid, zone);
    if (series == nullptr)
        return false;
    auto facts = read_calendar_event(series->base_event, zone);
    if (!facts)
        return false;
    const auto previous_start = series->start_time ? series->start_time : facts->start_time;
    series->texts = change.texts;
    // Times as the calendar has them stay the calendar's, in its own time zone.
    const bool same_times = change.start == facts->start_time && change.end == facts->end_time;
    series->start_time = change.start && !same_times ? change.start : std::nullopt;
    series->end_time = change.end && !same_times ? change.end : std::nullopt;
    series->updated_at = now;
    if (change.start && previous_start != change.start)
        move_occurrence_edits(edits, uid, *change.start, zone);
    return true;
}

void set_occurrence_cancelled(std::vector<EventEdit>& edits, const Occurrence& shown, Cancellation what,
                              UnixSeconds now)
{
    const bool cancelled = what == Cancellation::Cancel;
    if (EventEdit* edit = find_edit(edits, shown.uid, shown.instance)) {
        edit->cancelled = cancelled;
        edit->updated_at = now;
        edit->kiosk_id.reset(); // the change is the page's now
        return;
    }
    // A copy of the occurrence as it is shown: the calendar may say otherwise later.
    EventEdit edit;
    edit.kind = EditKind::Occurrence;
    edit.uid = shown.uid;
    edit.instance = shown.instance;
    edit.texts = texts_of(shown);
    edit.start = shown.start;
    edit.end = shown.end;
    edit.cancelled = cancelled;
    edit.updated_at = now;
    edits.push_back(edit);
}

bool set_event_cancelled(std::vector<EventEdit>& edits, const std::vector<SiteCalendar>& calendars,
                         const std::string& uid, Cancellation what, const TimeZone& zone, UnixSeconds now)
{
    EventEdit* event = find_edit(edits, uid, 0);
    if (event == nullptr || event->kind != EditKind::NewEvent)
        event = calendar_event_edit(edits, calendars, uid, zone);
    if (event == nullptr)
        return false;
    event->cancelled = what == Cancellation::Cancel;
    event->updated_at = now;
    event->kiosk_id.reset();
    return true;
}

void forget_edit(std::vector<EventEdit>& edits, const std::string& uid, UnixSeconds instance)
{
    const EventEdit* edit = find_edit(edits, uid, instance);
    const bool whole_new_event = edit != nullptr && edit->kind == EditKind::NewEvent;
    std::erase_if(edits, [&](const EventEdit& other) {
        return other.uid == uid && (other.instance == instance || whole_new_event);
    });
}

} // namespace olohuone::server
