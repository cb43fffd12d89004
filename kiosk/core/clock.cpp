#include "core/clock.h"

#include <chrono>
#include <ctime>
#include <fstream>

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

BootInstant SystemClock::since_boot() const
{
    // Read once: the id changes only with a new boot, and then this is a new process.
    static const std::string boot_id = [] {
        std::string id;
        std::ifstream("/proc/sys/kernel/random/boot_id") >> id;
        return id;
    }();
    // CLOCK_BOOTTIME keeps counting through a suspend, which CLOCK_MONOTONIC does not.
    timespec since{};
    clock_gettime(CLOCK_BOOTTIME, &since);
    return {boot_id, std::int64_t{since.tv_sec} * 1000 + since.tv_nsec / 1'000'000};
}

} // namespace olohuone
