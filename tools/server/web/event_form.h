#pragma once
// The event forms of the week page (docs/web.md, "Editing events"): what a coordinator
// typed, checked field by field with a Finnish message for each mistake, and the fields
// written back into the form with what was typed.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/civil_time.h"
#include "event_edit.h"
#include "site_edits.h"
#include "web/html.h"
#include "web/web_request.h"

namespace olohuone::server::web {

// Which fields a form has.
enum class EventFormKind {
    NewEvent,      // everything: date, times, weekdays and until
    Occurrence,    // one occurrence: date and times, no repeating
    CalendarEvent, // a calendar's whole event: times (blank keeps an all-day event's), no date
};

// The fields as text, as typed or as filled in from the event.
struct EventFormValues {
    std::string title;
    std::string date;  // 1.12.2026
    std::string start; // 10.30
    std::string end;
    std::string location;
    std::string host;
    std::string description;
    std::string capacity;
    int weekdays = 0; // bit 0 Monday … bit 6 Sunday
    std::string until;
    std::set<std::string> invalid; // the names of the fields a problem is about, marked in the form
};

// What a form says, once every field is right.
using EventInput = EventChange;

struct EventFormCheck {
    EventFormValues values;            // as typed
    std::optional<EventInput> input;   // none when a field is wrong
    std::vector<std::string> problems; // what is wrong, in Finnish, in the order of the fields
};

EventFormCheck check_event_form(const Catalog& texts, const FormFields& fields, EventFormKind kind, CivilDate today);

std::string date_field_text(const CivilDate& date); // 1.12.2026
std::string time_field_text(const CivilTime& time); // 10.30
EventFormValues values_of(const EventTexts& texts);

// The fields of a form (with ids prefixed by `id_prefix` so two forms fit on one page).
void write_event_fields(Html& html, const Catalog& texts, EventFormKind kind, const EventFormValues& values,
                        const std::string& id_prefix);

} // namespace olohuone::server::web
