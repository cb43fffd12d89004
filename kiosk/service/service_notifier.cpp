#include "service/service_notifier.h"

#include <systemd/sd-daemon.h>

#include <string>

#include "core/log.h"

namespace olohuone::service {
namespace {

void notify(const char* state)
{
    // 0: not run by systemd; below 0: the socket refused. Either way the program goes on:
    // a failed notification is systemd's to notice (a start timeout, the watchdog).
    if (const int sent = sd_notify(0, state); sent < 0)
        log::warning(std::string("cannot tell systemd ") + state + ": error " + std::to_string(-sent));
}

} // namespace

ServiceNotifier::ServiceNotifier(const Clock& clock) : m_clock(clock)
{
    std::uint64_t watchdog_us = 0;
    if (sd_watchdog_enabled(0, &watchdog_us) > 0 && watchdog_us > 0)
        m_alive_every_ms = std::max<MonotonicMs>(1, static_cast<MonotonicMs>(watchdog_us / 2000));
}

void ServiceNotifier::ready() { notify("READY=1"); }

void ServiceNotifier::stopping() { notify("STOPPING=1"); }

void ServiceNotifier::alive()
{
    if (!m_alive_every_ms)
        return;
    const MonotonicMs now = m_clock.monotonic_ms();
    if (m_last_alive_ms && now - *m_last_alive_ms < *m_alive_every_ms)
        return;
    m_last_alive_ms = now;
    notify("WATCHDOG=1");
}

} // namespace olohuone::service
