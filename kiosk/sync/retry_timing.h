#pragma once
// When to try the server again after a failure: exponential backoff with jitter, so a
// site's kiosks coming back from the same power cut do not all knock at once, bounded
// so a kiosk is never silent for long; and the server's own Retry-After.
#include <optional>
#include <string_view>

#include "core/civil_time.h"

namespace olohuone::sync {

struct RetryPolicy {
    int first_delay_seconds = 2;
    int max_delay_seconds = 300;
};

// The wait before attempt `failures + 1`: it doubles from the first delay up to the
// bound, and `unit_random` in [0, 1) picks a point in its upper half.
int retry_delay_seconds(const RetryPolicy& policy, int failures, double unit_random);

// A Retry-After header's wait in seconds: delta-seconds or an HTTP date (RFC 9110),
// at most an hour. None when the value is neither.
std::optional<int> parse_retry_after(std::string_view value, UnixSeconds now);

} // namespace olohuone::sync
