#include "core/pin_lockout.h"

#include <algorithm>

namespace olohuone {

int pin_failures_in_force(const PinLockoutRules& rules, int failures, std::optional<UnixSeconds> last_failure_at,
                          UnixSeconds now)
{
    if (!last_failure_at || now - *last_failure_at >= rules.forget_after_seconds)
        return 0;
    return failures;
}

std::int64_t pin_wait_seconds(const PinLockoutRules& rules, int failures, std::optional<UnixSeconds> last_failure_at,
                              UnixSeconds now)
{
    const int counted = pin_failures_in_force(rules, failures, last_failure_at, now);
    if (counted <= rules.free_failures)
        return 0;
    std::int64_t wait = rules.first_wait_seconds;
    for (int extra = counted - rules.free_failures - 1; extra > 0 && wait < rules.longest_wait_seconds; --extra)
        wait *= 2;
    wait = std::min<std::int64_t>(wait, rules.longest_wait_seconds);
    const std::int64_t waited = now - *last_failure_at;
    if (waited < 0)
        return wait;
    return std::max<std::int64_t>(0, wait - waited);
}

} // namespace olohuone
