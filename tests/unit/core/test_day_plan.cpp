// The Today list: order, and which entry is past, on now, next or later at a given moment.
// The day is Tuesday 24 November 2026 in Helsinki (UTC+2): local hh:mm is (hh-2):mm Z.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/day_plan.h"
#include "test_support.h"

namespace olohuone {
namespace {

using test::helsinki;
using test::utc;

constexpr CivilDate tuesday{2026, 11, 24};

// Local time on Tuesday 24 Nov 2026 in Helsinki, by hand.
UnixSeconds at(int hour, int minute = 0) { return utc(2026, 11, 24, hour - 2, minute); }

Occurrence timed(const std::string& uid, const std::string& title, UnixSeconds start, UnixSeconds end,
                 EventStatus status = EventStatus::Scheduled)
{
    Occurrence occurrence;
    occurrence.uid = uid;
    occurrence.instance = start;
    occurrence.start = start;
    occurrence.end = end;
    occurrence.status = status;
    occurrence.title = LocalizedText(title);
    return occurrence;
}

Occurrence all_day(const std::string& uid, const std::string& title, UnixSeconds start, UnixSeconds end)
{
    Occurrence occurrence = timed(uid, title, start, end);
    occurrence.span = EventSpan::AllDay;
    return occurrence;
}

// In display order: the expected order of the plan.
std::vector<Occurrence> tuesday_programme()
{
    return {
        all_day("kaamos", "Kaamoksen teemapäivä", utc(2026, 11, 23, 22), utc(2026, 11, 24, 22)),
        timed("aamukahvi", "Aamukahvi", at(9), at(10)),
        timed("tuolijumppa", "Tuolijumppa", at(10), at(11)),
        timed("bingo", "Bingo", at(13), at(14, 30)),
        timed("lauluhetki", "Lauluhetki", at(13), at(14)),
        timed("elokuva", "Elokuva", at(15), at(16), EventStatus::Cancelled),
        timed("iltapala", "Iltapala", at(18), at(19)),
    };
}

std::vector<Occurrence> shuffled(std::vector<Occurrence> occurrences, unsigned seed = 2026)
{
    std::mt19937 random(seed);
    std::shuffle(occurrences.begin(), occurrences.end(), random);
    return occurrences;
}

std::vector<std::string> uids(const DayPlan& plan)
{
    std::vector<std::string> result;
    for (const PlanEntry& entry : plan.entries)
        result.push_back(entry.occurrence.uid);
    return result;
}

std::vector<TimeState> states(const DayPlan& plan)
{
    std::vector<TimeState> result;
    for (const PlanEntry& entry : plan.entries)
        result.push_back(entry.state);
    return result;
}

const std::vector<std::string> expected_order{"kaamos", "aamukahvi", "tuolijumppa", "bingo",
                                              "lauluhetki", "elokuva", "iltapala"};

using enum TimeState;

TEST(DayPlan, AllDayFirstThenByStartThenByTitle)
{
    auto reversed = tuesday_programme();
    std::reverse(reversed.begin(), reversed.end());
    EXPECT_EQ(uids(plan_day(tuesday, reversed, at(7))), expected_order);
    for (unsigned seed = 1; seed <= 5; ++seed)
        EXPECT_EQ(uids(plan_day(tuesday, shuffled(tuesday_programme(), seed), at(7))), expected_order) << seed;
}

TEST(DayPlan, SeveralAllDayEventsComeBeforeTheFirstTimedOne)
{
    auto input = tuesday_programme();
    // A week-long event that began yesterday and a second all-day event for today.
    input.push_back(all_day("viikko", "Joulumyyjäisviikko", utc(2026, 11, 22, 22), utc(2026, 11, 27, 22)));
    input.push_back(timed("aikainen", "Aikainen lääkärikäynti", at(0, 30), at(1)));
    const DayPlan plan = plan_day(tuesday, shuffled(input), at(7));
    ASSERT_EQ(plan.entries.size(), 9u);
    EXPECT_EQ(plan.entries[0].state, AllDay);
    EXPECT_EQ(plan.entries[1].state, AllDay);
    EXPECT_EQ(plan.entries[2].occurrence.uid, "aikainen");
}

TEST(DayPlan, BeforeTheFirstEventItIsNext)
{
    const DayPlan plan = plan_day(tuesday, shuffled(tuesday_programme()), at(7));
    EXPECT_EQ(states(plan), (std::vector<TimeState>{AllDay, Next, Later, Later, Later, Later, Later}));
    EXPECT_EQ(plan.first_current_index(), 1u);
    EXPECT_EQ(plan.date, tuesday);
}

TEST(DayPlan, ExactlyAtAStartTheEventIsNow)
{
    const DayPlan plan = plan_day(tuesday, shuffled(tuesday_programme()), at(9));
    EXPECT_EQ(states(plan), (std::vector<TimeState>{AllDay, Now, Next, Later, Later, Later, Later}));
    EXPECT_EQ(plan.first_current_index(), 1u);
}

TEST(DayPlan, ExactlyAtAnEndTheEventIsPastAndTheNextOneIsNow)
{
    // 10:00: Aamukahvi ends, Tuolijumppa starts; Bingo and Lauluhetki both start at 13:00.
    const DayPlan plan = plan_day(tuesday, shuffled(tuesday_programme()), at(10));
    EXPECT_EQ(states(plan), (std::vector<TimeState>{AllDay, Past, Now, Next, Next, Later, Later}));
    EXPECT_EQ(plan.first_current_index(), 2u);
}

TEST(DayPlan, BetweenEventsTwoEventsStartingTogetherAreBothNext)
{
    const DayPlan plan = plan_day(tuesday, shuffled(tuesday_programme()), at(11, 30));
    EXPECT_EQ(states(plan), (std::vector<TimeState>{AllDay, Past, Past, Next, Next, Later, Later}));
    EXPECT_EQ(plan.first_current_index(), 3u);
}

TEST(DayPlan, CancelledEventIsNeverNextButKeepsItsPlace)
{
    // 14:00: Lauluhetki has ended, Bingo goes on to 14:30; the cancelled 15:00 film is
    // skipped and the 18:00 Iltapala is next.
    const DayPlan plan = plan_day(tuesday, shuffled(tuesday_programme()), at(14));
    EXPECT_EQ(uids(plan), expected_order);
    EXPECT_EQ(states(plan), (std::vector<TimeState>{AllDay, Past, Past, Now, Past, Later, Next}));
    EXPECT_TRUE(plan.entries[5].cancelled());
    EXPECT_EQ(plan.first_current_index(), 3u);
}

TEST(DayPlan, CancelledEventIsNotNowWhileItWouldHaveBeenOn)
{
    // 15:30, in the middle of the cancelled film: nothing is on, Iltapala is next.
    const DayPlan plan = plan_day(tuesday, shuffled(tuesday_programme()), at(15, 30));
    EXPECT_EQ(uids(plan), expected_order);
    ASSERT_EQ(plan.entries.size(), 7u);
    EXPECT_NE(plan.entries[5].state, Now) << "a cancelled event must not be shown as on now";
    EXPECT_NE(plan.entries[5].state, Next);
    EXPECT_EQ(plan.entries[6].state, Next);
    EXPECT_EQ(plan.first_current_index(), 6u);
}

TEST(DayPlan, AfterTheLastEventEverythingIsPastAndTheListStartsAtTheTop)
{
    for (const UnixSeconds now : {at(19), at(23, 59)}) {
        const DayPlan plan = plan_day(tuesday, shuffled(tuesday_programme()), now);
        EXPECT_EQ(states(plan), (std::vector<TimeState>{AllDay, Past, Past, Past, Past, Past, Past}));
        EXPECT_EQ(plan.first_current_index(), 0u);
    }
}

TEST(DayPlan, AnotherDayWithoutNowHasNoPastNowOrNext)
{
    const DayPlan plan = plan_day(tuesday, shuffled(tuesday_programme()), std::nullopt);
    EXPECT_EQ(uids(plan), expected_order);
    EXPECT_EQ(states(plan), (std::vector<TimeState>{AllDay, Later, Later, Later, Later, Later, Later}));
    EXPECT_EQ(plan.first_current_index(), 0u);
}

TEST(DayPlan, MovedInstanceIsPlacedAtItsNewTime)
{
    auto input = tuesday_programme();
    Occurrence moved = timed("tuolijumppa", "Tuolijumppa", at(16, 30), at(17, 30));
    moved.instance = at(10);
    moved.moved_from = at(10);
    input[2] = moved;
    const DayPlan plan = plan_day(tuesday, shuffled(input), at(12));
    EXPECT_EQ(uids(plan), (std::vector<std::string>{"kaamos", "aamukahvi", "bingo", "lauluhetki", "elokuva",
                                                    "tuolijumppa", "iltapala"}));
    EXPECT_EQ(plan.entries[5].state, Later);
}

TEST(DayPlan, EmptyDay)
{
    const DayPlan plan = plan_day(tuesday, {}, at(12));
    EXPECT_TRUE(plan.entries.empty());
    EXPECT_EQ(plan.first_current_index(), 0u);
}

TEST(OccurrencesOn, TimedEventsAreOnEveryLocalDayTheyReach)
{
    const std::vector<Occurrence> occurrences{
        timed("late-monday", "Myöhäinen", utc(2026, 11, 23, 21, 59), utc(2026, 11, 23, 23)), // Mon 23:59–Tue 1:00
        timed("monday-evening", "Ilta", utc(2026, 11, 23, 19), utc(2026, 11, 23, 22)),        // Mon 21:00–24:00
        timed("early-tuesday", "Aikainen", utc(2026, 11, 23, 22), utc(2026, 11, 23, 23)),    // Tue 00:00
        timed("late-tuesday", "Iltamyöhä", utc(2026, 11, 24, 21, 30), utc(2026, 11, 24, 23)), // Tue 23:30–Wed 1:00
        timed("wednesday", "Keskiviikko", utc(2026, 11, 24, 22), utc(2026, 11, 24, 23)),      // Wed 00:00
        timed("instant", "Hetki", utc(2026, 11, 24, 10), utc(2026, 11, 24, 10)),              // Tue 12:00, no length
    };
    std::vector<std::string> uids;
    for (const Occurrence& occurrence : occurrences_on(occurrences, tuesday, helsinki()))
        uids.push_back(occurrence.uid);
    // An evening that ends at the midnight Tuesday begins is Monday's alone.
    EXPECT_EQ(uids, (std::vector<std::string>{"late-monday", "early-tuesday", "late-tuesday", "instant"}));
}

TEST(OccurrencesOn, AWeekendCampFromThursdayEveningToSaturdayNoonIsOnEachOfItsDays)
{
    // Thursday 26.11. 18.00 to Saturday 28.11. 12.00 in Helsinki (UTC+2).
    const std::vector<Occurrence> occurrences{
        timed("leiri", "Leiri", utc(2026, 11, 26, 16), utc(2026, 11, 28, 10))};
    EXPECT_TRUE(occurrences_on(occurrences, {2026, 11, 25}, helsinki()).empty());
    for (int day = 26; day <= 28; ++day)
        EXPECT_EQ(occurrences_on(occurrences, {2026, 11, day}, helsinki()).size(), 1u) << day;
    EXPECT_TRUE(occurrences_on(occurrences, {2026, 11, 29}, helsinki()).empty());
    // On Friday it is on all day: "Nyt" at Friday noon, and the list is Friday's.
    const DayPlan friday = plan_day({2026, 11, 27}, occurrences, utc(2026, 11, 27, 10));
    ASSERT_EQ(friday.entries.size(), 1u);
    EXPECT_EQ(friday.entries[0].state, TimeState::Now);
    EXPECT_EQ(friday.entries[0].day, (CivilDate{2026, 11, 27}));
}

TEST(OccurrencesOn, AllDayEventsBelongToEveryDayTheyCover)
{
    const std::vector<Occurrence> occurrences{
        all_day("week", "Viikko", utc(2026, 11, 22, 22), utc(2026, 11, 27, 22)), // Mon 23 – Fri 27 Nov
    };
    EXPECT_TRUE(occurrences_on(occurrences, {2026, 11, 22}, helsinki()).empty());
    for (int day = 23; day <= 27; ++day)
        EXPECT_EQ(occurrences_on(occurrences, {2026, 11, day}, helsinki()).size(), 1u) << day;
    EXPECT_TRUE(occurrences_on(occurrences, {2026, 11, 28}, helsinki()).empty());
}

} // namespace
} // namespace olohuone
