// The staff PIN pad's waits after wrong PINs.
#include <gtest/gtest.h>

#include "core/pin_lockout.h"

namespace olohuone {
namespace {

constexpr UnixSeconds t0 = 1'795'000'000;

TEST(PinLockout, TwoSlipsCostNothing)
{
    const PinLockoutRules rules;
    EXPECT_EQ(pin_wait_seconds(rules, 0, std::nullopt, t0), 0);
    EXPECT_EQ(pin_wait_seconds(rules, 1, t0, t0), 0);
    EXPECT_EQ(pin_wait_seconds(rules, 2, t0, t0 + 1), 0);
}

TEST(PinLockout, TheThirdWrongPinShutsThePadForHalfAMinute)
{
    const PinLockoutRules rules;
    EXPECT_EQ(pin_wait_seconds(rules, 3, t0, t0), 30);
    EXPECT_EQ(pin_wait_seconds(rules, 3, t0, t0 + 20), 10);
    EXPECT_EQ(pin_wait_seconds(rules, 3, t0, t0 + 30), 0);
}

TEST(PinLockout, EachFurtherWrongPinDoublesTheWaitUpToFifteenMinutes)
{
    const PinLockoutRules rules;
    EXPECT_EQ(pin_wait_seconds(rules, 4, t0, t0), 60);
    EXPECT_EQ(pin_wait_seconds(rules, 5, t0, t0), 120);
    EXPECT_EQ(pin_wait_seconds(rules, 7, t0, t0), 480);
    EXPECT_EQ(pin_wait_seconds(rules, 8, t0, t0), 900);
    EXPECT_EQ(pin_wait_seconds(rules, 400, t0, t0), 900) << "no overflow after many tries";
}

TEST(PinLockout, AClockThatWentBackAsksForTheWholeWaitOnlyOnce)
{
    const PinLockoutRules rules;
    // The last failure was stored under a clock a year ahead; it has since been corrected.
    // The wait is due again from now (the caller restarts it there), never a year.
    EXPECT_EQ(pin_wait_seconds(rules, 3, t0 + 365LL * 86400, t0), 30);
    EXPECT_EQ(pin_wait_seconds(rules, 3, t0, t0 + 31), 0) << "once restarted at t0";
}

TEST(PinLockout, WrongPinsAnHourOldAreForgotten)
{
    const PinLockoutRules rules;
    EXPECT_EQ(pin_failures_in_force(rules, 8, t0, t0 + 3599), 8);
    EXPECT_EQ(pin_failures_in_force(rules, 8, t0, t0 + 3600), 0);
    EXPECT_EQ(pin_wait_seconds(rules, 8, t0, t0 + 3600), 0);
    EXPECT_EQ(pin_failures_in_force(rules, 2, std::nullopt, t0), 0);
}

} // namespace
} // namespace olohuone
