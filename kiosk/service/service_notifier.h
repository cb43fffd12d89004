#pragma once
// Tells systemd how the program is doing, for a unit of Type=notify: ready once it
// serves (the kiosk: its first frame is on screen), alive at least every half watchdog
// interval from the loop that would hang, and stopping. Outside systemd (no
// NOTIFY_SOCKET) every call does nothing.
#include <optional>

#include "core/clock.h"

namespace olohuone::service {

class ServiceNotifier {
public:
    // Reads the watchdog interval systemd gave (WatchdogSec=), if any.
    explicit ServiceNotifier(const Clock& clock);

    void ready();
    void stopping();
    // Feeds the watchdog; sends at most once per half interval however often it is called.
    void alive();

    // How often the caller must call alive(): half the watchdog interval, or none
    // without a watchdog.
    std::optional<MonotonicMs> alive_every_ms() const { return m_alive_every_ms; }

private:
    const Clock& m_clock;
    std::optional<MonotonicMs> m_alive_every_ms;
    std::optional<MonotonicMs> m_last_alive_ms;
};

} // namespace olohuone::service
