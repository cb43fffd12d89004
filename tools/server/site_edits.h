#pragma once
// The changes the week page's forms make to a site's edits (event_edit.h), on the list
// of edits alone; web/event_routes.cpp reads them, calls these and stores the result.
// A function that needs the event's calendar copy returns false when no calendar has
// the event any more: then it changed nothing.
#include <optional>
#include <string>
#include <vector>

#include "core/occurrence.h"
#include "core/time_zone.h"
#include "event_edit.h"
#include "server_store.h"

namespace olohuone::server {

// What a form says of an event, checked (web/event_form.h).
struct EventChange {
    EventTexts texts;
    CivilDate date;                 // a new event's first day; an occurrence's day
    std::optional<CivilTime> start; // none: a calendar's all-day event stays all-day
    std::optional<CivilTime> end;
    int weekdays = 0; // a new event's, bit 0 Monday … bit 6 Sunday; none: once
    std::optional<CivilDate> until;
};

EventEdit* find_edit(std::vector<EventEdit>& edits, const std::string& uid, UnixSeconds instance);
const EventEdit* find_edit(const std::vector<EventEdit>& edits, const std::string& uid, UnixSeconds instance);

// The Finnish texts an occurrence shows, as the forms take them.
EventTexts texts_of(const Occurrence& occurrence);

// A new event, once or weekly.
EventEdit new_event(std::string uid, const EventChange& change, UnixSeconds now);

// One occurrence as the form says; a cancelled one stays cancelled.
void change_occurrence(std::vector<EventEdit>& edits, const Occurrence& shown, const EventChange& change,
                       const TimeZone& zone, UnixSeconds now);

// One occurrence moved to [start, end) with `texts`; a cancelled one stays cancelled.
void change_occurrence_to(std::vector<EventEdit>& edits, const Occurrence& shown, const EventTexts& texts,
                          UnixSeconds start, UnixSeconds end, UnixSeconds now);

// The whole event made on the page, as the form says.
bool change_new_event(std::vector<EventEdit>& edits, const std::string& uid, const EventChange& change,
                      const TimeZone& zone, UnixSeconds now);

// A calendar's whole event: its copy from the calendar with the form's texts and times.
bool change_calendar_event(std::vector<EventEdit>& edits, const std::vector<SiteCalendar>& calendars,
                           const std::string& uid, const EventChange& change, const TimeZone& zone, UnixSeconds now);

enum class Cancellation { Cancel, Restore };

// One occurrence cancelled or restored: its edit changed, or a copy of it as it is shown
// now (so an occurrence the calendar cancelled can be restored too).
void set_occurrence_cancelled(std::vector<EventEdit>& edits, const Occurrence& shown, Cancellation what,
                              UnixSeconds now);
// The whole event cancelled or restored.
bool set_event_cancelled(std::vector<EventEdit>& edits, const std::vector<SiteCalendar>& calendars,
                         const std::string& uid, Cancellation what, const TimeZone& zone, UnixSeconds now);

// Drops the edit of `uid` at `instance` (0: the whole event); a new event goes with
// the edits of its occurrences.
void forget_edit(std::vector<EventEdit>& edits, const std::string& uid, UnixSeconds instance);

} // namespace olohuone::server
