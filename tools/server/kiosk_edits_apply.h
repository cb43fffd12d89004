#pragma once
// Takes staff's edits made on kiosks (programme.edit records) into the site's edits, as
// a coordinator's edit of that one occurrence on the week page would be, so the edits
// calendar (and the programme's ETag) changes before the kiosk is answered. For one
// occurrence the latest edit wins, made on a kiosk or on the page: a kiosk edit older
// than the edit already stored for it is not applied, nor one of an occurrence the
// programme does not have; the week page lists those (docs/web.md, "Editing events").
#include <cstdint>

#include "core/clock.h"
#include "core/result.h"
#include "core/time_zone.h"
#include "server_store.h"

namespace olohuone::server {

// Decides every kiosk edit of the site not yet decided, in the order received. An error
// (the database) leaves the undecided ones for the kiosk's next delivery, which repeats
// them.
Result<void> apply_kiosk_edits(ServerStore& store, const TimeZone& zone, std::int64_t site_id, UnixSeconds now);

} // namespace olohuone::server
