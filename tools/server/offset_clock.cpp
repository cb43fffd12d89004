#include "offset_clock.h"

#include <chrono>
#include <fstream>

namespace olohuone::server {

std::int64_t OffsetClock::offset_ms() const
{
    std::int64_t offset = 0;
    std::ifstream file(m_offset_file);
    if (!(file >> offset))
        return 0;
    return offset;
}

UnixSeconds OffsetClock::now() const
{
    using namespace std::chrono;
    const auto system_ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    return (system_ms + offset_ms()) / 1000;
}

MonotonicMs OffsetClock::monotonic_ms() const { return m_system.monotonic_ms() + offset_ms(); }

} // namespace olohuone::server
