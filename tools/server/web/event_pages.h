#pragma once
// The pages that create and edit events (docs/web.md, "Editing events"): a new event's
// form, and an event's page with a form for one occurrence and one for the whole event,
// and the buttons that cancel and restore them.
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/occurrence.h"
#include "core/time_zone.h"
#include "server_store.h"
#include "web/event_form.h"
#include "web/page_frame.h"

namespace olohuone::server::web {

struct NewEventView {
    const SignedIn& signed_in;
    SiteInfo site;
    std::string week; // 2026-W48: where the page came from and leads back to
    EventFormValues values;
    std::vector<std::string> problems;
};
std::string new_event_page(const Catalog& texts, const NewEventView& view);

struct EditEventView {
    const SignedIn& signed_in;
    SiteInfo site;
    std::string week;
    Occurrence occurrence; // as the kiosks show it now
    bool made_here = false;          // a new event of the week page, not a calendar's
    bool series_editable = false;    // the whole event is known (not gone from its calendar)
    bool series_cancelled = false;   // the whole event is cancelled
    bool occurrence_edited = false;  // a coordinator changed or cancelled this occurrence
    EventFormValues occurrence_values;
    EventFormValues series_values;
    std::vector<std::string> occurrence_problems;
    std::vector<std::string> series_problems;
    Notice notice;
};
std::string edit_event_page(const Catalog& texts, const TimeZone& zone, UnixSeconds now, const EditEventView& view);

// /sites/{id}/events/edit?uid=…&instance=…&week=…
std::string edit_event_path(std::int64_t site_id, const std::string& uid, UnixSeconds instance,
                            const std::string& week);
// /sites/{id}/events/new?week=…
std::string new_event_path(std::int64_t site_id, const std::string& week);

} // namespace olohuone::server::web
