#pragma once
// A coordinator's change to a site's programme, made on the week page (docs/web.md,
// "Editing events"): a new event, an edit of a whole event from any calendar, or an
// edit of one occurrence. The server keeps them as rows and writes them out as one more
// calendar of the site (edits_calendar.h), which the kiosks read after the others.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/civil_time.h"

namespace olohuone::server {

enum class EditKind {
    NewEvent,   // made on the page: one-off or weekly
    Series,     // the whole event of a calendar: its master, changed
    Occurrence, // one occurrence of any event, changed or cancelled
};

// The texts an event shows, as the form took them.
struct EventTexts {
    std::string title;
    std::string description;
    std::string location;
    std::string host;
    std::optional<int> capacity; // none: no registration limit
    // The title in other languages ({"sv": "Kaffestund"}), written with a changed title:
    // an event staff added on a kiosk from a template brings its template's.
    std::map<std::string, std::string> title_translations = {};
};

struct EventEdit {
    EditKind kind = EditKind::NewEvent;
    std::string uid;
    UnixSeconds instance = 0; // Occurrence: the original start of the occurrence it changes; else 0
    EventTexts texts;
    bool cancelled = false;

    // NewEvent: the first day, and the weekdays it repeats on (bit 0 Monday … bit 6
    // Sunday; none: once) until `until` (none: open-ended).
    CivilDate first_date;
    int weekdays = 0;
    std::optional<CivilDate> until;
    // NewEvent and Series: the local times; a Series without them keeps the calendar's.
    std::optional<CivilTime> start_time;
    std::optional<CivilTime> end_time;
    // Series: the event as its calendar had it when first edited (a VCALENDAR with the
    // VEVENT and its VTIMEZONEs); the edit is applied to this copy.
    std::string base_event;
    // Occurrence: where it is now.
    UnixSeconds start = 0;
    UnixSeconds end = 0;

    UnixSeconds updated_at = 0;
    // The kiosk whose staff made it (docs/api.md, programme.edit); none: made on the
    // week page. A coordinator's later change to the same edit makes it the page's.
    std::optional<std::int64_t> kiosk_id;
};

// The name of the calendar that holds a site's edits, kept like the feed's.
inline constexpr const char* edits_calendar_name = "edits";
// At most this many edits per site: the kiosks read them all on every import.
inline constexpr std::size_t max_edits_per_site = 2000;

} // namespace olohuone::server
