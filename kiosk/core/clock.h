#pragma once
// Everything that depends on time takes a Clock, so tests move time forward instead of
// sleeping.
#include <string>

#include "core/civil_time.h"

namespace olohuone {

// Milliseconds since an arbitrary start: for idle timers and double-tap windows, where the
// wall clock may jump (NTP) but the interval must not.
using MonotonicMs = std::int64_t;

// Where this moment lies in the running of the machine: which boot, and how long after
// it. Unlike the wall clock it is right from power-on, so a record made before NTP set
// the clock can be given its true time later, once one moment of the same boot is known
// on a synchronised clock (docs/api.md, "Times made before the clock was set").
struct BootInstant {
    std::string boot_id; // the kernel's random id of this boot
    std::int64_t uptime_ms = 0;
};

class Clock {
public:
    virtual ~Clock() = default;
    virtual UnixSeconds now() const = 0;
    virtual MonotonicMs monotonic_ms() const = 0;
    // Whether the wall clock is known to be right (NTP has set it). A Raspberry Pi has
    // no battery clock: records made before are flagged so their times can be fixed.
    virtual bool synchronised() const = 0;
    virtual BootInstant since_boot() const = 0;
    // Known to be right because staff set it on the kiosk, not because NTP did.
    virtual bool set_by_staff() const { return false; }
};

class SystemClock final : public Clock {
public:
    UnixSeconds now() const override;
    MonotonicMs monotonic_ms() const override;
    bool synchronised() const override;
    BootInstant since_boot() const override;
};

// The system's clock set to start at a chosen moment and run on from it: to show a day
// of the programme in a demonstration, or to drive the real program through it in an
// end-to-end test. Intervals are the system's own.
class ShiftedClock final : public Clock {
public:
    explicit ShiftedClock(UnixSeconds start) : m_offset(start - m_system.now()) {}
    UnixSeconds now() const override { return m_system.now() + m_offset; }
    MonotonicMs monotonic_ms() const override { return m_system.monotonic_ms(); }
    bool synchronised() const override { return true; } // the moment was chosen, not guessed
    BootInstant since_boot() const override { return m_system.since_boot(); }

private:
    SystemClock m_system;
    UnixSeconds m_offset;
};

// Virtual time for tests and for rendering a chosen moment (screenshots, benchmarks).
// set() moves the wall clock alone, as NTP does; advance_ms() moves time itself.
class ManualClock final : public Clock {
public:
    explicit ManualClock(UnixSeconds start) : m_now_ms(start * 1000) {}
    UnixSeconds now() const override { return (m_now_ms + m_wall_offset_ms) / 1000; }
    MonotonicMs monotonic_ms() const override { return m_now_ms; }
    bool synchronised() const override { return m_synchronised; }
    BootInstant since_boot() const override { return {m_boot_id, m_uptime_ms}; }
    void advance_ms(std::int64_t ms)
    {
        m_now_ms += ms;
        m_uptime_ms += ms;
    }
    void set(UnixSeconds instant) { m_wall_offset_ms = instant * 1000 - m_now_ms; }
    void set_synchronised(bool synchronised) { m_synchronised = synchronised; }
    // A power cut: a new boot whose uptime starts again from nothing.
    void reboot(std::string boot_id)
    {
        m_boot_id = std::move(boot_id);
        m_uptime_ms = 0;
    }

private:
    std::int64_t m_now_ms;
    std::int64_t m_wall_offset_ms = 0; // set() moves the wall clock, not the intervals
    bool m_synchronised = true;
    std::string m_boot_id = "4f2b8a1e-0c5d-4e39-9a7b-6d1e2f3a4b5c";
    std::int64_t m_uptime_ms = 0;
};

// A clock staff may vouch for: after they set the time on the kiosk (a Raspberry Pi with
// no network and no battery clock), it counts as known until the next boot, when the
// guess after a power cut is back, or until NTP sets it.
class StaffSettableClock final : public Clock {
public:
    explicit StaffSettableClock(const Clock& system) : m_system(system) {}
    UnixSeconds now() const override { return m_system.now(); }
    MonotonicMs monotonic_ms() const override { return m_system.monotonic_ms(); }
    bool synchronised() const override { return m_system.synchronised() || set_by_staff(); }
    BootInstant since_boot() const override { return m_system.since_boot(); }
    bool set_by_staff() const override
    {
        return !m_system.synchronised() && !m_staff_boot.empty() && m_staff_boot == m_system.since_boot().boot_id;
    }
    // The system clock has just been set by staff.
    void vouch_for_this_boot() { m_staff_boot = m_system.since_boot().boot_id; }

private:
    const Clock& m_system;
    std::string m_staff_boot;
};

} // namespace olohuone
