// When a visit nobody signed out of is closed: at the closing time of its day, or at
// midnight for a visit begun after closing; on a DST day the wall clock decides.
#include <gtest/gtest.h>

#include "core/visits.h"
#include "test_support.h"

namespace olohuone {
namespace {

using test::helsinki;
using test::utc;

const CivilTime eight_pm{20, 0, 0};

TEST(AutomaticSignOut, AtTheClosingTimeOfTheDayTheVisitBegan)
{
    // Tue 24 Nov 2026 10:15 in Helsinki (UTC+2) → 20:00 the same evening, 18:00Z.
    EXPECT_EQ(automatic_sign_out_at(utc(2026, 11, 24, 8, 15), eight_pm, helsinki()), utc(2026, 11, 24, 18, 0));
}

TEST(AutomaticSignOut, AVisitBegunAfterClosingEndsAtMidnight)
{
    // 21:30 Helsinki = 19:30Z; the day ends at 22:00Z.
    EXPECT_EQ(automatic_sign_out_at(utc(2026, 11, 24, 19, 30), eight_pm, helsinki()), utc(2026, 11, 24, 22, 0));
}

TEST(AutomaticSignOut, AVisitJustAfterMidnightBelongsToItsOwnDay)
{
    // 00:10 Helsinki on Wed 25 Nov = 22:10Z on the 24th → 20:00 on the 25th.
    EXPECT_EQ(automatic_sign_out_at(utc(2026, 11, 24, 22, 10), eight_pm, helsinki()), utc(2026, 11, 25, 18, 0));
}

TEST(AutomaticSignOut, FollowsTheWallClockOnTheDayOfTheSummerTimeChange)
{
    // Sun 29 Mar 2026: 09:00 EET = 07:00Z; 20:00 is EEST by then (UTC+3) = 17:00Z.
    EXPECT_EQ(automatic_sign_out_at(utc(2026, 3, 29, 7, 0), eight_pm, helsinki()), utc(2026, 3, 29, 17, 0));
}

// A mark puts a person in the building only for an activity of today that has not
// ended: not for yesterday's, tomorrow's, nor one filled in after it was over.
TEST(InBuildingSince, OnlyForTodaysActivityWhileItIsOn)
{
    const UnixSeconds start = utc(2026, 11, 24, 8, 0); // 10.00 in Helsinki
    const UnixSeconds end = start + 3600;
    const UnixSeconds midnight = utc(2026, 11, 23, 22, 0);
    EXPECT_EQ(in_building_since(start, end, start + 60, helsinki()), midnight);
    EXPECT_EQ(in_building_since(start, end, start - 1200, helsinki()), midnight) << "marked before the start";
    EXPECT_FALSE(in_building_since(start, end, end + 60, helsinki())) << "filled in after it ended";
    EXPECT_FALSE(in_building_since(start + 86400, end + 86400, start, helsinki())) << "tomorrow's";
    EXPECT_FALSE(in_building_since(start - 86400, end - 86400, start, helsinki())) << "yesterday's";
}

TEST(VisitOptions, FindsGroupsAndMarkersById)
{
    VisitOptions options;
    options.groups.push_back({"resident", LocalizedText("Asukas"), false});
    options.groups.push_back({"relative", LocalizedText("Omainen tai ystävä"), true});
    options.markers.push_back({"rose", LocalizedText("Ruusu")});
    ASSERT_NE(options.group("relative"), nullptr);
    EXPECT_TRUE(options.group("relative")->asks_whom);
    EXPECT_EQ(options.group("nobody"), nullptr);
    ASSERT_NE(options.marker("rose"), nullptr);
    EXPECT_EQ(options.marker("rose")->label.in("fi"), "Ruusu");
}

} // namespace
} // namespace olohuone
