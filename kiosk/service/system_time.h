#pragma once
// Sets the system clock the way a hardened unit may (its unit has no CAP_SYS_TIME to do it
// itself): by asking systemd-timedated on the system bus. Automatic time sync
// (systemd-timesyncd) makes timedated refuse a manual time, so it is switched off for
// the moment of setting and on again at once: once the network answers, NTP's time wins.
// The package's polkit rule lets the kiosk's user do both (packaging/polkit).
#include "core/civil_time.h"
#include "core/result.h"

namespace olohuone::service {

Result<void> set_system_time(UnixSeconds at);

} // namespace olohuone::service
