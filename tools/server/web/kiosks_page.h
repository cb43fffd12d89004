#pragma once
// The kiosks of the coordinator's sites, by site: when each was last heard from, what
// its last heartbeat said (version, records waiting, last sync, free disk, uptime), and
// a warning for each kiosk silent longer than web.kiosk_silent_warning_minutes.
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/time_zone.h"
#include "server_store.h"
#include "web/page_frame.h"

namespace olohuone::server::web {

struct KiosksView {
    const SignedIn& signed_in;
    std::vector<KioskStatus> kiosks; // of the signed-in coordinator's sites only
    int silent_warning_minutes = 60;
    UnixSeconds now = 0;
    Notice notice;
};

// Whether a kiosk in use has not been heard from for longer than the limit (or ever).
bool kiosk_is_silent(const KioskStatus& kiosk, UnixSeconds now, int silent_warning_minutes);

std::string kiosks_page(const Catalog& texts, const TimeZone& zone, const KiosksView& view);

} // namespace olohuone::server::web
