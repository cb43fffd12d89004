// Repeating events: RRULE (BYDAY, UNTIL, COUNT), EXDATE and RDATE, read from small
// Thunderbird/Nextcloud-like exports. Expected instants are worked out by hand:
// Helsinki is UTC+2 in winter (EET) and UTC+3 in summer (EEST, 29 Mar – 25 Oct 2026).
#include <gtest/gtest.h>

#include "test_support.h"

namespace olohuone {
namespace {

using test::fixture;
using test::import_ok;
using test::starts_of;
using test::utc;
using test::with_uid;
using test::window;
using Starts = std::vector<UnixSeconds>;

// Mon 16 Nov 2026 00:00 – Mon 30 Nov 2026 00:00 in Helsinki.
const ImportWindow two_weeks_from_16_november = window(utc(2026, 11, 15, 22), utc(2026, 11, 29, 22));

TEST(Recurrence, WeeklyByDayWithoutEndRepeatsOnTheGivenWeekdaysAtTheSameLocalTime)
{
    const auto programme = import_ok({fixture("recurrence_rules.ics")}, two_weeks_from_16_november);
    const auto gym = with_uid(programme, "tuolijumppa-weekly@olohuone.example");
    // Tuesdays and Fridays at 10:00 EET = 08:00Z, one hour.
    EXPECT_EQ(starts_of(gym), (Starts{utc(2026, 11, 17, 8), utc(2026, 11, 20, 8), utc(2026, 11, 24, 8),
                                      utc(2026, 11, 27, 8)}));
    for (const Occurrence& occurrence : gym) {
        EXPECT_EQ(occurrence.end - occurrence.start, 3600);
        EXPECT_EQ(occurrence.instance, occurrence.start);
        EXPECT_FALSE(occurrence.moved_from.has_value());
        EXPECT_EQ(occurrence.span, EventSpan::Timed);
        EXPECT_EQ(occurrence.status, EventStatus::Scheduled);
        EXPECT_EQ(occurrence.title.default_text(), "Tuolijumppa");
    }
}

TEST(Recurrence, RuleWithoutEndStillRepeatsMonthsLaterInSummerTime)
{
    // Tue 1 June 2027 00:00 EEST (= 31 May 21:00Z) to Tue 8 June 2027 00:00 EEST.
    const auto programme = import_ok({fixture("recurrence_rules.ics")}, window(utc(2027, 5, 31, 21), utc(2027, 6, 7, 21)));
    // 10:00 EEST = 07:00Z on Tuesday 1 and Friday 4 June.
    EXPECT_EQ(starts_of(with_uid(programme, "tuolijumppa-weekly@olohuone.example")),
              (Starts{utc(2027, 6, 1, 7), utc(2027, 6, 4, 7)}));
}

TEST(Recurrence, UntilInUtcIncludesTheLastInstanceAfterTheAutumnChange)
{
    // 1 Oct – 1 Dec 2026.
    const auto programme = import_ok({fixture("recurrence_rules.ics")}, window(utc(2026, 9, 30, 21), utc(2026, 11, 30, 22)));
    // Tuesdays 14:00 Helsinki from 6 Oct, UNTIL=20261027T120000Z (Thunderbird writes the
    // last instance's start in UTC): 27 Oct 14:00 EET is exactly 12:00Z and is the last.
    EXPECT_EQ(starts_of(with_uid(programme, "muistikerho-until-exact@olohuone.example")),
              (Starts{utc(2026, 10, 6, 11), utc(2026, 10, 13, 11), utc(2026, 10, 20, 11), utc(2026, 10, 27, 12)}));
}

TEST(Recurrence, UntilAtEndOfDayInUtcIncludesThatDaysInstance)
{
    const auto programme = import_ok({fixture("recurrence_rules.ics")}, window(utc(2026, 9, 30, 21), utc(2026, 11, 30, 22)));
    // Tuesdays 18:00 Helsinki, UNTIL=20261103T215959Z (Google style, 23:59:59 local).
    EXPECT_EQ(starts_of(with_uid(programme, "lukupiiri-until-endofday@olohuone.example")),
              (Starts{utc(2026, 10, 6, 15), utc(2026, 10, 13, 15), utc(2026, 10, 20, 15), utc(2026, 10, 27, 16),
                      utc(2026, 11, 3, 16)}));
}

TEST(Recurrence, CountLimitsTheNumberOfInstances)
{
    const auto programme = import_ok({fixture("recurrence_rules.ics")}, window(utc(2026, 10, 31, 22), utc(2026, 12, 31, 22)));
    // MO,WE from Mon 16 Nov 13:00 EET, COUNT=4: 16, 18, 23, 25 Nov at 11:00Z, 45 minutes.
    const auto yoga = with_uid(programme, "tuolijooga-count@olohuone.example");
    EXPECT_EQ(starts_of(yoga), (Starts{utc(2026, 11, 16, 11), utc(2026, 11, 18, 11), utc(2026, 11, 23, 11),
                                       utc(2026, 11, 25, 11)}));
    for (const Occurrence& occurrence : yoga)
        EXPECT_EQ(occurrence.end - occurrence.start, 45 * 60);

    // DAILY;COUNT=5 from Tue 1 Dec 08:30 EET, DURATION:PT15M.
    const auto advent = with_uid(programme, "joulukalenteri-daily-count@olohuone.example");
    EXPECT_EQ(starts_of(advent), (Starts{utc(2026, 12, 1, 6, 30), utc(2026, 12, 2, 6, 30), utc(2026, 12, 3, 6, 30),
                                         utc(2026, 12, 4, 6, 30), utc(2026, 12, 5, 6, 30)}));
    for (const Occurrence& occurrence : advent)
        EXPECT_EQ(occurrence.end - occurrence.start, 15 * 60);
}

TEST(Recurrence, CountIsCountedFromDtstartNotFromTheWindow)
{
    // From Fri 20 Nov: the first two of the four instances are before the window.
    const auto programme = import_ok({fixture("recurrence_rules.ics")}, window(utc(2026, 11, 19, 22), utc(2026, 12, 31, 22)));
    EXPECT_EQ(starts_of(with_uid(programme, "tuolijooga-count@olohuone.example")),
              (Starts{utc(2026, 11, 23, 11), utc(2026, 11, 25, 11)}));
}

// exdate.ics: four MO,WE,FR series from 2 Nov and one Thursday series.
// 16 Nov – 1 Dec 2026 covers Mon 16, Wed 18, Fri 20, Mon 23, Wed 25, Fri 27, Mon 30.
const ImportWindow exdate_window = window(utc(2026, 11, 15, 22), utc(2026, 11, 30, 22));

TEST(Exdate, TzidExdateRemovesExactlyThatInstance)
{
    const auto programme = import_ok({fixture("exdate.ics")}, exdate_window);
    // 09:00 EET = 07:00Z; EXDATE;TZID=Europe/Helsinki:20261118T090000.
    EXPECT_EQ(starts_of(with_uid(programme, "aamukahvi-exdate-tzid@olohuone.example")),
              (Starts{utc(2026, 11, 16, 7), utc(2026, 11, 20, 7), utc(2026, 11, 23, 7), utc(2026, 11, 25, 7),
                      utc(2026, 11, 27, 7), utc(2026, 11, 30, 7)}));
}

TEST(Exdate, CommaSeparatedExdatesRemoveEveryListedInstance)
{
    const auto programme = import_ok({fixture("exdate.ics")}, exdate_window);
    // 11:00 EET = 09:00Z; EXDATE 20 and 23 Nov in one line.
    EXPECT_EQ(starts_of(with_uid(programme, "lehtipiiri-exdate-list@olohuone.example")),
              (Starts{utc(2026, 11, 16, 9), utc(2026, 11, 18, 9), utc(2026, 11, 25, 9), utc(2026, 11, 27, 9),
                      utc(2026, 11, 30, 9)}));
}

TEST(Exdate, DateOnlyExdateRemovesTheTimedInstanceOnThatDay)
{
    const auto programme = import_ok({fixture("exdate.ics")}, exdate_window);
    // 14:00 EET = 12:00Z; EXDATE;VALUE=DATE:20261125.
    EXPECT_EQ(starts_of(with_uid(programme, "ulkoilu-exdate-date@olohuone.example")),
              (Starts{utc(2026, 11, 16, 12), utc(2026, 11, 18, 12), utc(2026, 11, 20, 12), utc(2026, 11, 23, 12),
                      utc(2026, 11, 27, 12), utc(2026, 11, 30, 12)}));
}

TEST(Exdate, UtcExdateRemovesTheZonedInstanceAtTheSameInstant)
{
    const auto programme = import_ok({fixture("exdate.ics")}, exdate_window);
    // 19:00 EET = 17:00Z; EXDATE:20261127T170000Z.
    EXPECT_EQ(starts_of(with_uid(programme, "iltapala-exdate-utc@olohuone.example")),
              (Starts{utc(2026, 11, 16, 17), utc(2026, 11, 18, 17), utc(2026, 11, 20, 17), utc(2026, 11, 23, 17),
                      utc(2026, 11, 25, 17), utc(2026, 11, 30, 17)}));
}

TEST(Exdate, ExdatesOnSeveralLinesAllApply)
{
    // 1 Nov – 11 Dec: Thursdays 5, 12, 19, 26 Nov, 3 and 10 Dec at 13:00 EET = 11:00Z,
    // minus 19 Nov and 3 Dec.
    const auto programme = import_ok({fixture("exdate.ics")}, window(utc(2026, 10, 31, 22), utc(2026, 12, 10, 22)));
    EXPECT_EQ(starts_of(with_uid(programme, "bingo-exdate-two-lines@olohuone.example")),
              (Starts{utc(2026, 11, 5, 11), utc(2026, 11, 12, 11), utc(2026, 11, 26, 11), utc(2026, 12, 10, 11)}));
}

TEST(Rdate, RdatesAddInstancesWithTheEventsLength)
{
    const auto programme = import_ok({fixture("rdate.ics")}, window(utc(2026, 10, 31, 22), utc(2026, 12, 31, 22)));
    // DTSTART 19 Nov 18:00 EET plus RDATE 26 Nov 18:00 and 3 Dec 18:30, each 1 h 30 min.
    const auto films = with_uid(programme, "20261015T101500Z-4417@nextcloud.olohuone.example");
    EXPECT_EQ(starts_of(films), (Starts{utc(2026, 11, 19, 16), utc(2026, 11, 26, 16), utc(2026, 12, 3, 16, 30)}));
    for (const Occurrence& occurrence : films) {
        EXPECT_EQ(occurrence.end - occurrence.start, 90 * 60);
        EXPECT_EQ(occurrence.title.default_text(), "Elokuvailta");
    }
}

TEST(Rdate, RdateAddsToAnRrule)
{
    const auto programme = import_ok({fixture("rdate.ics")}, window(utc(2026, 10, 31, 22), utc(2026, 12, 31, 22)));
    // Weekly COUNT=2 from Mon 16 Nov 15:00 EET, plus Sat 12 Dec 11:00 EET.
    EXPECT_EQ(starts_of(with_uid(programme, "20261015T101500Z-4418@nextcloud.olohuone.example")),
              (Starts{utc(2026, 11, 16, 13), utc(2026, 11, 23, 13), utc(2026, 12, 12, 9)}));
}

TEST(Recurrence, OccurrencesAreSortedByStart)
{
    const auto programme = import_ok({fixture("exdate.ics"), fixture("rdate.ics")}, exdate_window);
    ASSERT_FALSE(programme.occurrences.empty());
    for (std::size_t i = 1; i < programme.occurrences.size(); ++i)
        EXPECT_LE(programme.occurrences[i - 1].start, programme.occurrences[i].start) << "at " << i;
}

} // namespace
} // namespace olohuone
