// Calendar arithmetic without time zones, checked against the C library (timegm, gmtime)
// and against dates known by heart.
#include <gtest/gtest.h>

#include <ctime>

#include "core/civil_time.h"
#include "test_support.h"

namespace olohuone {
namespace {

TEST(CivilDate, KnownDaysSinceEpoch)
{
    EXPECT_EQ((CivilDate{1970, 1, 1}.days_since_epoch()), 0);
    EXPECT_EQ((CivilDate{1969, 12, 31}.days_since_epoch()), -1);
    EXPECT_EQ((CivilDate{2000, 3, 1}.days_since_epoch()), 11017);
    // 2026-01-01: 56 years of 365 days plus 14 leap days (1972 … 2024) = 20454.
    EXPECT_EQ((CivilDate{2026, 1, 1}.days_since_epoch()), 20454);
    EXPECT_EQ((CivilDate{2026, 11, 24}.days_since_epoch()), 20454 + 327);
}

TEST(CivilDate, AgreesWithTheCLibraryFrom1900To2100)
{
    for (int year = 1900; year <= 2100; ++year)
        for (int month = 1; month <= 12; ++month)
            for (int day = 1; day <= days_in_month(year, month); ++day) {
                const CivilDate date{year, month, day};
                const std::int64_t expected = test::utc(year, month, day) / 86400;
                ASSERT_EQ(date.days_since_epoch(), expected) << date.iso();
            }
}

TEST(CivilDate, DaysSinceEpochRoundTripsOverTwoMillionDays)
{
    CivilDate previous = CivilDate::from_days_since_epoch(-1'000'001);
    for (std::int64_t days = -1'000'000; days <= 1'000'000; ++days) {
        const CivilDate date = CivilDate::from_days_since_epoch(days);
        ASSERT_TRUE(date.valid()) << days;
        ASSERT_EQ(date.days_since_epoch(), days);
        ASSERT_LT(previous, date) << days; // consecutive days are consecutive dates
        previous = date;
    }
}

TEST(CivilDate, WeekdaysOfKnownDates)
{
    EXPECT_EQ((CivilDate{1970, 1, 1}.weekday()), Weekday::Thursday);
    EXPECT_EQ((CivilDate{1969, 12, 31}.weekday()), Weekday::Wednesday);
    EXPECT_EQ((CivilDate{1900, 1, 1}.weekday()), Weekday::Monday);
    EXPECT_EQ((CivilDate{2000, 1, 1}.weekday()), Weekday::Saturday);
    EXPECT_EQ((CivilDate{2024, 2, 29}.weekday()), Weekday::Thursday);
    EXPECT_EQ((CivilDate{2026, 11, 24}.weekday()), Weekday::Tuesday);
    EXPECT_EQ((CivilDate{2026, 12, 6}.weekday()), Weekday::Sunday); // Itsenäisyyspäivä 2026
    EXPECT_EQ((CivilDate{2100, 12, 31}.weekday()), Weekday::Friday);
}

TEST(CivilDate, WeekdayAgreesWithTheCLibraryEveryDayOfTheCentury)
{
    for (CivilDate date{2000, 1, 1}; date.year < 2100; date = date.plus_days(1)) {
        const std::time_t t = static_cast<std::time_t>(test::utc(date.year, date.month, date.day));
        std::tm tm{};
        gmtime_r(&t, &tm);
        const int monday_based = (tm.tm_wday + 6) % 7; // tm_wday: 0 = Sunday
        ASSERT_EQ(static_cast<int>(date.weekday()), monday_based) << date.iso();
    }
}

TEST(CivilDate, LeapYears)
{
    EXPECT_EQ(days_in_month(2024, 2), 29);
    EXPECT_EQ(days_in_month(2026, 2), 28);
    EXPECT_EQ(days_in_month(2000, 2), 29); // divisible by 400
    EXPECT_EQ(days_in_month(1900, 2), 28); // divisible by 100
    EXPECT_EQ(days_in_month(2100, 2), 28);
    EXPECT_EQ(days_in_month(2400, 2), 29);
    EXPECT_EQ(days_in_month(2026, 4), 30);
    EXPECT_EQ(days_in_month(2026, 12), 31);
    EXPECT_EQ(days_in_month(2026, 0), 0);
    EXPECT_EQ(days_in_month(2026, 13), 0);
    EXPECT_EQ((CivilDate{2025, 1, 1}.days_since_epoch() - CivilDate{2024, 1, 1}.days_since_epoch()), 366);
    EXPECT_EQ((CivilDate{2026, 1, 1}.days_since_epoch() - CivilDate{2025, 1, 1}.days_since_epoch()), 365);
}

TEST(CivilDate, Validity)
{
    EXPECT_TRUE((CivilDate{2024, 2, 29}.valid()));
    EXPECT_FALSE((CivilDate{2026, 2, 29}.valid()));
    EXPECT_FALSE((CivilDate{2026, 4, 31}.valid()));
    EXPECT_FALSE((CivilDate{2026, 11, 0}.valid()));
    EXPECT_FALSE((CivilDate{2026, 13, 1}.valid()));
    EXPECT_FALSE((CivilDate{2026, 0, 1}.valid()));
}

TEST(CivilDate, PlusDaysAcrossMonthsYearsAndLeapDays)
{
    EXPECT_EQ((CivilDate{2026, 12, 31}.plus_days(1)), (CivilDate{2027, 1, 1}));
    EXPECT_EQ((CivilDate{2024, 2, 28}.plus_days(1)), (CivilDate{2024, 2, 29}));
    EXPECT_EQ((CivilDate{2026, 2, 28}.plus_days(1)), (CivilDate{2026, 3, 1}));
    EXPECT_EQ((CivilDate{2026, 3, 1}.plus_days(-1)), (CivilDate{2026, 2, 28}));
    EXPECT_EQ((CivilDate{2026, 1, 1}.plus_days(-1)), (CivilDate{2025, 12, 31}));
    EXPECT_EQ((CivilDate{2026, 11, 24}.plus_days(7)), (CivilDate{2026, 12, 1}));
    EXPECT_EQ((CivilDate{2026, 11, 24}.plus_days(0)), (CivilDate{2026, 11, 24}));
}

TEST(CivilDate, IsoText)
{
    EXPECT_EQ((CivilDate{2026, 11, 24}.iso()), "2026-11-24");
    EXPECT_EQ((CivilDate{2027, 1, 6}.iso()), "2027-01-06");
}

TEST(CivilTime, OrderingAndSecondsSinceMidnight)
{
    EXPECT_EQ((CivilTime{10, 15, 30}.seconds_since_midnight()), 36930);
    EXPECT_EQ((CivilTime{0, 0, 0}.seconds_since_midnight()), 0);
    EXPECT_EQ((CivilTime{23, 59, 59}.seconds_since_midnight()), 86399);
    EXPECT_LT((CivilTime{9, 59, 59}), (CivilTime{10, 0, 0}));
    EXPECT_LT((LocalDateTime{{2026, 11, 24}, {23, 0, 0}}), (LocalDateTime{{2026, 11, 25}, {0, 0, 0}}));
}

} // namespace
} // namespace olohuone
