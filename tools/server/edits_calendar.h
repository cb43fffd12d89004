#pragma once
// The coordinators' edits as the iCalendar text the kiosks read (docs/web.md, "Editing
// events"), and what the edits need to know of the site's other calendars. The text
// carries X-OLOHUONE-EDITS:TRUE, so the kiosk's importer reads it after the others and
// its events win: a new event is a VEVENT (weekly ones with an RRULE), a whole event is
// its master copied from its calendar and changed, an occurrence is an override with
// the event's UID and a RECURRENCE-ID (STATUS:CANCELLED when cancelled).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time_zone.h"
#include "event_edit.h"
#include "server_store.h"

namespace olohuone::server {

// The edits calendar's text, or "" when there are no edits.
Result<std::string> write_edits_calendar(const std::vector<EventEdit>& edits, const TimeZone& zone);

// An event as a calendar has it, read from a whole-event copy (EventEdit::base_event).
struct CalendarEvent {
    EventTexts texts;
    CivilDate first_date;                // local
    std::optional<CivilTime> start_time; // none: an all-day event
    std::optional<CivilTime> end_time;
    bool recurring = false;
    bool cancelled = false;
};
Result<CalendarEvent> read_calendar_event(const std::string& base_event, const TimeZone& zone);

// The event `uid` of the site's calendars but the edits' (its VEVENT without
// RECURRENCE-ID, the later one when there are two, as the importer takes it) as a
// VCALENDAR of its own with the time zones of its calendar; none when no calendar has it.
std::optional<std::string> copy_of_calendar_event(const std::vector<SiteCalendar>& calendars, const std::string& uid);

// The UIDs of the events in the site's calendars but the edits'.
std::set<std::string> calendar_event_uids(const std::vector<SiteCalendar>& calendars);

// The edits of events that are no longer in any of the site's calendars (an uploaded
// calendar replaced, the feed changed): the kiosks still show them, and the week page
// lists them so a coordinator can remove them.
std::vector<EventEdit> orphaned_edits(const std::vector<SiteCalendar>& calendars, const std::vector<EventEdit>& edits);

} // namespace olohuone::server
