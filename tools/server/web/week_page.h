#pragma once
// A site's week as its kiosks show it, day by day (time, title, place, host; cancelled
// and moved occurrences marked, moves in and out of their queues), with links to the weeks around it and to each event's
// editing page, the edits whose event is gone, the kiosks' edits that did not come into
// effect, the calendars it comes from, and the
// forms that replace the uploaded calendars and set the feed.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/day_plan.h"
#include "core/time_zone.h"
#include "server_store.h"
#include "web/iso_week.h"
#include "web/kiosk_edits_box.h"
#include "web/page_frame.h"

namespace olohuone::server::web {

struct WeekView {
    const SignedIn& signed_in;
    SiteInfo site;
    IsoWeek week;
    IsoWeek current_week;
    CivilDate today;
    UnixSeconds now = 0;
    std::vector<DayPlan> days; // Monday to Sunday
    std::optional<std::string> unreadable; // why the calendars could not be read, if they could not
    std::vector<SiteCalendar> calendars; // names and sources
    std::string feed_url; // "" when the site has no feed
    int feed_refresh_minutes = 15;
    std::int64_t max_upload_bytes = 0;
    Notice notice;
    std::vector<EventEdit> orphaned_edits; // edits of events gone from their calendars
    std::vector<EventEdit> edits;          // to mark the occurrences staff edited on a kiosk
    std::map<std::int64_t, std::string> kiosk_names;
    KioskEditsBox kiosk_edits; // kiosks' edits that did not come into effect
    std::vector<PlaceMove> moves; // of the week's activities' places, in the order made
};

std::string week_page(const Catalog& texts, const TimeZone& zone, const WeekView& view);

} // namespace olohuone::server::web
