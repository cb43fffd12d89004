#include "core/clock.h"

#include <chrono>

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

} // namespace olohuone
