#include <gtest/gtest.h>

#include "support/instants.h"
#include "sync/retry_timing.h"

namespace olohuone::sync {
namespace {

TEST(RetryTiming, TheWaitDoublesFromTheFirstDelayUpToTheBound)
{
    const RetryPolicy policy{2, 300};
    // unit_random 1.0: the top of each wait's range.
    EXPECT_EQ(retry_delay_seconds(policy, 1, 1.0), 2);
    EXPECT_EQ(retry_delay_seconds(policy, 2, 1.0), 4);
    EXPECT_EQ(retry_delay_seconds(policy, 5, 1.0), 32);
    EXPECT_EQ(retry_delay_seconds(policy, 9, 1.0), 300);
    EXPECT_EQ(retry_delay_seconds(policy, 10'000, 1.0), 300) << "bounded after a long outage";
}

TEST(RetryTiming, JitterSpreadsKiosksOverTheUpperHalfOfTheWait)
{
    const RetryPolicy policy{2, 300};
    EXPECT_EQ(retry_delay_seconds(policy, 6, 0.0), 32);
    EXPECT_EQ(retry_delay_seconds(policy, 6, 0.5), 48);
    EXPECT_EQ(retry_delay_seconds(policy, 12, 0.0), 150);
    EXPECT_GE(retry_delay_seconds(policy, 1, 0.0), 1) << "never a busy loop";
}

TEST(RetryTiming, RetryAfterInSecondsOrAsAnHttpDate)
{
    const UnixSeconds now = test::utc(2026, 11, 24, 8, 0, 0);
    EXPECT_EQ(parse_retry_after("120", now), 120);
    EXPECT_EQ(parse_retry_after(" 7 ", now), 7);
    EXPECT_EQ(parse_retry_after("Tue, 24 Nov 2026 08:01:30 GMT", now), 90);
    EXPECT_EQ(parse_retry_after("Tue, 24 Nov 2026 07:00:00 GMT", now), 0) << "a date passed: at once";
    EXPECT_EQ(parse_retry_after("86400", now), 3600) << "a server cannot silence a kiosk for a day";
    EXPECT_EQ(parse_retry_after("99999999999999999999999", now), 3600);
}

TEST(RetryTiming, AnUnreadableRetryAfterIsIgnored)
{
    const UnixSeconds now = test::utc(2026, 11, 24, 8, 0, 0);
    for (const char* value : {"", "-5", "soon", "1e3", "Tue, 24 Nov 2026 08:01:30 CET", "Tue, 31 Feb 2026 08:01:30 GMT"})
        EXPECT_FALSE(parse_retry_after(value, now).has_value()) << value;
}

} // namespace
} // namespace olohuone::sync
