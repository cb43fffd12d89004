#pragma once
// The server's clock moved on by a number of milliseconds kept in a file, re-read at
// every reading: the test clock of `olohuone-server --clock-offset-file`. A test writes
// a larger number where a person would wait (a login throttle's pause, a session's
// idle time), so no test sleeps to let time pass. A second number, where given, moves
// the monotonic clock instead of the first: a test that puts the calendar on a fixed
// day moves the wall clock alone, since a monotonic clock never goes back. An absent or
// unreadable file is 0.
#include <string>

#include "core/clock.h"

namespace olohuone::server {

class OffsetClock final : public Clock {
public:
    explicit OffsetClock(std::string offset_file) : m_offset_file(std::move(offset_file)) {}
    UnixSeconds now() const override;
    MonotonicMs monotonic_ms() const override;
    bool synchronised() const override { return m_system.synchronised(); }
    BootInstant since_boot() const override { return m_system.since_boot(); }

private:
    struct Offsets {
        std::int64_t wall_ms = 0;
        std::int64_t monotonic_ms = 0;
    };
    Offsets offsets() const;

    SystemClock m_system;
    std::string m_offset_file;
};

} // namespace olohuone::server
