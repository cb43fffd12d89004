// Summer-time changes in Europe/Helsinki, worked out by hand:
//   Sun 29 Mar 2026 03:00 EET (01:00Z) the clock jumps to 04:00 EEST: UTC+2 → UTC+3.
//   Sun 25 Oct 2026 04:00 EEST (01:00Z) the clock goes back to 03:00 EET: UTC+3 → UTC+2.
// A weekly 10:00 event must stay at 10:00 on the wall clock on both sides.
#include <gtest/gtest.h>

#include "core/day_plan.h"
#include "test_support.h"

namespace olohuone {
namespace {

using test::fixture;
using test::helsinki;
using test::import_ok;
using test::starts_of;
using test::utc;
using test::with_uid;
using test::window;
using Starts = std::vector<UnixSeconds>;

const std::string coffee_uid = "sunnuntaikahvi-2026@olohuone.example";
const std::string night_snack_uid = "yopala-alku-2026@olohuone.example"; // daily 00:30
const std::string evening_tea_uid = "iltatee-2026@olohuone.example";     // daily 23:30

class DstFile : public testing::TestWithParam<const char*> {};

TEST_P(DstFile, WeeklyTenOClockStaysAtTenAfterTheSpringChange)
{
    // Fri 20 Mar 00:00 EET – Wed 1 Apr 00:00 EEST.
    const auto programme = import_ok({fixture(GetParam())}, window(utc(2026, 3, 19, 22), utc(2026, 3, 31, 21)));
    const auto coffee = with_uid(programme, coffee_uid);
    EXPECT_EQ(starts_of(coffee), (Starts{
                                     utc(2026, 3, 22, 8), // Sun 22 Mar 10:00 EET
                                     utc(2026, 3, 23, 8), // Mon 23 Mar 10:00 EET
                                     utc(2026, 3, 29, 7), // Sun 29 Mar 10:00 EEST, the day of the change
                                     utc(2026, 3, 30, 7), // Mon 30 Mar 10:00 EEST
                                 }));
    for (const Occurrence& occurrence : coffee)
        EXPECT_EQ(occurrence.end - occurrence.start, 3600) << occurrence.start;
}

TEST_P(DstFile, WeeklyTenOClockStaysAtTenAfterTheAutumnChange)
{
    // Sat 17 Oct 00:00 EEST – Wed 28 Oct 00:00 EET.
    const auto programme = import_ok({fixture(GetParam())}, window(utc(2026, 10, 16, 21), utc(2026, 10, 27, 22)));
    const auto coffee = with_uid(programme, coffee_uid);
    EXPECT_EQ(starts_of(coffee), (Starts{
                                     utc(2026, 10, 18, 7), // Sun 18 Oct 10:00 EEST
                                     utc(2026, 10, 19, 7), // Mon 19 Oct 10:00 EEST
                                     utc(2026, 10, 25, 8), // Sun 25 Oct 10:00 EET, the day of the change
                                     utc(2026, 10, 26, 8), // Mon 26 Oct 10:00 EET
                                 }));
    for (const Occurrence& occurrence : coffee)
        EXPECT_EQ(occurrence.end - occurrence.start, 3600) << occurrence.start;
}

TEST_P(DstFile, TheShortSpringDayHoldsItsOwnEventsOnly)
{
    const auto programme = import_ok({fixture(GetParam())}, window(utc(2026, 3, 26, 22), utc(2026, 4, 1, 21)));
    const auto day = occurrences_on(programme.occurrences, {2026, 3, 29}, helsinki());
    // 00:30 EET (28 Mar 22:30Z), 10:00 EEST (07:00Z), 23:30 EEST (20:30Z). Not the 23:30 of
    // the 28th (21:30Z) nor the 00:30 of the 30th (21:30Z on the 29th).
    ASSERT_EQ(day.size(), 3u);
    EXPECT_EQ(day[0].uid, night_snack_uid);
    EXPECT_EQ(day[0].start, utc(2026, 3, 28, 22, 30));
    EXPECT_EQ(day[1].uid, coffee_uid);
    EXPECT_EQ(day[1].start, utc(2026, 3, 29, 7));
    EXPECT_EQ(day[2].uid, evening_tea_uid);
    EXPECT_EQ(day[2].start, utc(2026, 3, 29, 20, 30));

    const auto monday = occurrences_on(programme.occurrences, {2026, 3, 30}, helsinki());
    ASSERT_FALSE(monday.empty());
    EXPECT_EQ(monday.front().uid, night_snack_uid);
    EXPECT_EQ(monday.front().start, utc(2026, 3, 29, 21, 30));
}

TEST_P(DstFile, TheLongAutumnDayHoldsItsOwnEventsOnly)
{
    const auto programme = import_ok({fixture(GetParam())}, window(utc(2026, 10, 22, 21), utc(2026, 10, 28, 22)));
    const auto day = occurrences_on(programme.occurrences, {2026, 10, 25}, helsinki());
    // 00:30 EEST (24 Oct 21:30Z), 10:00 EET (08:00Z), 23:30 EET (21:30Z).
    ASSERT_EQ(day.size(), 3u);
    EXPECT_EQ(day[0].uid, night_snack_uid);
    EXPECT_EQ(day[0].start, utc(2026, 10, 24, 21, 30));
    EXPECT_EQ(day[1].uid, coffee_uid);
    EXPECT_EQ(day[1].start, utc(2026, 10, 25, 8));
    EXPECT_EQ(day[2].uid, evening_tea_uid);
    EXPECT_EQ(day[2].start, utc(2026, 10, 25, 21, 30));

    const auto saturday = occurrences_on(programme.occurrences, {2026, 10, 24}, helsinki());
    ASSERT_FALSE(saturday.empty());
    EXPECT_EQ(saturday.back().uid, evening_tea_uid);
    EXPECT_EQ(saturday.back().start, utc(2026, 10, 24, 20, 30)); // 23:30 EEST
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutVtimezone, DstFile,
                         testing::Values("dst_weekly.ics", "dst_weekly_no_vtimezone.ics"),
                         [](const testing::TestParamInfo<const char*>& info) {
                             return info.index == 0 ? std::string("OwnVtimezone") : std::string("SystemZone");
                         });

TEST(TimeZone, ToLocalAroundTheSpringChange)
{
    EXPECT_EQ(helsinki().to_local(utc(2026, 3, 29, 0, 59, 59)), (LocalDateTime{{2026, 3, 29}, {2, 59, 59}}));
    EXPECT_EQ(helsinki().to_local(utc(2026, 3, 29, 1, 0, 0)), (LocalDateTime{{2026, 3, 29}, {4, 0, 0}}));
    EXPECT_EQ(helsinki().to_local(utc(2026, 3, 28, 22, 0, 0)), (LocalDateTime{{2026, 3, 29}, {0, 0, 0}}));
}

TEST(TimeZone, ToLocalAroundTheAutumnChange)
{
    EXPECT_EQ(helsinki().to_local(utc(2026, 10, 25, 0, 59, 59)), (LocalDateTime{{2026, 10, 25}, {3, 59, 59}}));
    EXPECT_EQ(helsinki().to_local(utc(2026, 10, 25, 1, 0, 0)), (LocalDateTime{{2026, 10, 25}, {3, 0, 0}}));
    EXPECT_EQ(helsinki().to_local(utc(2026, 10, 25, 21, 59, 59)), (LocalDateTime{{2026, 10, 25}, {23, 59, 59}}));
}

TEST(TimeZone, StartOfDayOnAndAroundTheChanges)
{
    EXPECT_EQ(helsinki().start_of_day({2026, 3, 29}), utc(2026, 3, 28, 22));
    EXPECT_EQ(helsinki().start_of_day({2026, 3, 30}), utc(2026, 3, 29, 21)); // a 23-hour day
    EXPECT_EQ(helsinki().start_of_day({2026, 10, 25}), utc(2026, 10, 24, 21));
    EXPECT_EQ(helsinki().start_of_day({2026, 10, 26}), utc(2026, 10, 25, 22)); // a 25-hour day
}

TEST(TimeZone, InstantToLocalAndBackRoundTripsAcrossBothChanges)
{
    for (const UnixSeconds from : {utc(2026, 3, 28), utc(2026, 10, 24)}) {
        for (UnixSeconds t = from; t < from + 3 * 86400; t += 15 * 60) {
            const LocalDateTime local = helsinki().to_local(t);
            const UnixSeconds back = helsinki().to_instant(local);
            if (t >= utc(2026, 10, 25, 0) && t < utc(2026, 10, 25, 2)) {
                // 03:00–03:59 happens twice on 25 Oct: either instant is that wall-clock time.
                EXPECT_TRUE(back == t || back == t - 3600 || back == t + 3600) << t;
                EXPECT_EQ(helsinki().to_local(back), local) << t;
            } else {
                EXPECT_EQ(back, t) << t;
            }
        }
    }
}

TEST(TimeZone, LocalToInstantAndBackRoundTripsForEveryExistingHourOf2026)
{
    for (CivilDate date{2026, 1, 1}; date.year == 2026; date = date.plus_days(1)) {
        for (int hour = 0; hour < 24; ++hour) {
            if (date == CivilDate{2026, 3, 29} && hour == 3)
                continue; // 03:xx does not exist that night
            const LocalDateTime local{date, {hour, 30, 0}};
            EXPECT_EQ(helsinki().to_local(helsinki().to_instant(local)), local) << date.iso() << " " << hour;
        }
    }
}

TEST(TimeZone, SkippedWallClockTimeMovesForwardByTheGap)
{
    // "10 past 3" on the spring-forward night does not exist; read as 04:10 EEST = 01:10Z.
    const UnixSeconds instant = helsinki().to_instant({{2026, 3, 29}, {3, 10, 0}});
    EXPECT_EQ(instant, utc(2026, 3, 29, 1, 10));
    EXPECT_EQ(helsinki().to_local(instant), (LocalDateTime{{2026, 3, 29}, {4, 10, 0}}));
}

TEST(TimeZone, UnknownZoneNameIsAnError)
{
    const auto zone = TimeZone::named("Europe/Hesinki");
    ASSERT_FALSE(zone.ok());
    EXPECT_NE(zone.error().message.find("Europe/Hesinki"), std::string::npos) << zone.error().message;
    ASSERT_TRUE(TimeZone::named("UTC").ok());
    EXPECT_EQ(TimeZone::named("UTC")->to_local(utc(2026, 11, 24, 10, 15)), (LocalDateTime{{2026, 11, 24}, {10, 15, 0}}));
}

} // namespace
} // namespace olohuone
