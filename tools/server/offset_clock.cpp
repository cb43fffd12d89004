#include "offset_clock.h"

#include <chrono>
#include <fstream>

namespace olohuone::server {

OffsetClock::Offsets OffsetClock::offsets() const
{
    Offsets offsets;
    std::ifstream file(m_offset_file);
    if (!(file >> offsets.wall_ms))
        return {};
    if (!(file >> offsets.monotonic_ms))
        offsets.monotonic_ms = offsets.wall_ms;
    return offsets;
}

UnixSeconds OffsetClock::now() const
{
    using namespace std::chrono;
    const auto system_ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    return (system_ms + offsets().wall_ms) / 1000;
}

MonotonicMs OffsetClock::monotonic_ms() const { return m_system.monotonic_ms() + offsets().monotonic_ms; }

} // namespace olohuone::server
