#pragma once
// Everything that depends on time takes a Clock, so tests move time forward instead of
// sleeping.
#include "core/civil_time.h"

namespace olohuone {

// Milliseconds since an arbitrary start: for idle timers and double-tap windows, where the
// wall clock may jump (NTP) but the interval must not.
using MonotonicMs = std::int64_t;

class Clock {
public:
    virtual ~Clock() = default;
    virtual UnixSeconds now() const = 0;
    virtual MonotonicMs monotonic_ms() const = 0;
    // Whether the wall clock is known to be right (NTP has set it). A Raspberry Pi has
    // no battery clock: records made before are flagged so their times can be fixed.
    virtual bool synchronised() const = 0;
};

class SystemClock final : public Clock {
public:
    UnixSeconds now() const override;
    MonotonicMs monotonic_ms() const override;
    bool synchronised() const override;
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

private:
    SystemClock m_system;
    UnixSeconds m_offset;
};

// Virtual time for tests and for rendering a chosen moment (screenshots, benchmarks).
class ManualClock final : public Clock {
public:
    explicit ManualClock(UnixSeconds start) : m_now_ms(start * 1000) {}
    UnixSeconds now() const override { return m_now_ms / 1000; }
    MonotonicMs monotonic_ms() const override { return m_now_ms; }
    bool synchronised() const override { return m_synchronised; }
    void advance_ms(std::int64_t ms) { m_now_ms += ms; }
    void set(UnixSeconds instant) { m_now_ms = instant * 1000; }
    void set_synchronised(bool synchronised) { m_synchronised = synchronised; }

private:
    std::int64_t m_now_ms;
    bool m_synchronised = true;
};

} // namespace olohuone
