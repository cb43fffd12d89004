#include "core/clock.h"

#include <chrono>

#include <sys/timex.h>

namespace olohuone {

UnixSeconds SystemClock::now() const
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

MonotonicMs SystemClock::monotonic_ms() const
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

bool SystemClock::synchronised() const
{
    // The kernel's own flag, the one timedatectl's "System clock synchronized" reads:
    // cleared by an NTP client (systemd-timesyncd, chrony) once the time is set.
    timex status{};
    return ntp_adjtime(&status) != TIME_ERROR && (status.status & STA_UNSYNC) == 0;
}

} // namespace olohuone
