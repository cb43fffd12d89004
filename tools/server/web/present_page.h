#pragma once
// "Paikalla nyt": the fire alarm's roll call on a staff member's phone, for each of the
// coordinator's sites: everyone signed in today and not out, with their group and where
// and when they were last seen, and how current it is (each kiosk's last delivery).
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/time_zone.h"
#include "roll_call_query.h"
#include "web/page_frame.h"

namespace olohuone::server::web {

struct SitePresent {
    SiteInfo site;
    SiteRollCall roll_call;
    std::vector<std::string> seen_at; // per person: the activity's title and place, or empty for the sign-in
};

struct PresentView {
    const SignedIn& signed_in;
    std::vector<SitePresent> sites;
    UnixSeconds now = 0;
};

std::string present_page(const Catalog& texts, const TimeZone& zone, const PresentView& view);

} // namespace olohuone::server::web
