#pragma once
// Who is in a site's building, from the records its kiosks have delivered: the fire
// alarm's roll call on a staff member's phone. A person is in when their sign-in of the
// day has no sign-out (nor was taken back); where they were last seen is their latest
// attendance mark since, or the sign-in. It is only as current as each kiosk's last
// delivery, so those come with it.
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::server {

struct RollCallPerson {
    std::string name; // empty when the name was erased
    std::string group;
    UnixSeconds since = 0;
    // The activity they were last marked present at since signing in, if any.
    std::optional<std::string> seen_at_uid;
    UnixSeconds seen_at_instance = 0;
    UnixSeconds seen_at = 0;
};

struct KioskDelivery {
    std::string kiosk;
    std::optional<UnixSeconds> last_delivery; // when its last record arrived; none: never
};

struct SiteRollCall {
    std::vector<RollCallPerson> people; // by name
    std::int64_t anonymous = 0;          // counted without a name in the span
    std::vector<KioskDelivery> kiosks;   // the site's kiosks not revoked, by name
};

// The site's visits begun in [from, to) and still open.
Result<SiteRollCall> site_roll_call(sql::Database& database, std::int64_t site_id, UnixSeconds from, UnixSeconds to);

} // namespace olohuone::server
