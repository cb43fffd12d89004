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

// One VEVENT in a calendar of its own, as a test writes it.
CalendarFile calendar_of(const std::string& name, const std::string& events)
{
    return {name, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone test//FI\r\n" + events + "END:VCALENDAR\r\n"};
}

std::string event(const std::string& uid, const std::string& dtstart, const std::string& rule,
                  const std::string& title = "Kahvi")
{
    return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Helsinki:" + dtstart
        + "\r\nDURATION:PT1H\r\nRRULE:" + rule + "\r\nSUMMARY:" + title + "\r\nEND:VEVENT\r\n";
}

// A guard against an import that never ends, not a measure of speed (that is the
// benchmarks'): generous enough for a sanitizer build or an arm64 one under qemu. That
// a century of days is skipped rather than walked shows in what is imported: walking
// would spend the event's budget before the window.
constexpr unsigned hang_guard_seconds = 60;

// A 62-day window around the autumn change of 2026, as the kiosk imports.
const ImportWindow autumn = window(utc(2026, 9, 30, 21), utc(2026, 11, 30, 22));

TEST(RecurrenceBudget, ADailyEventSince1900IsShownEveryDayAtItsTimeWithoutWalkingACentury)
{
    const auto files = std::vector<CalendarFile>{calendar_of("aamukahvi.ics", event("aamu@test", "19000101T090000",
                                                                                   "FREQ=DAILY"))};
    ASSERT_EXIT(test::import_then_exit(files, autumn, hang_guard_seconds), testing::ExitedWithCode(0), "");
    const auto programme = import_ok(files, autumn);
    const Starts starts = starts_of(with_uid(programme, "aamu@test"));
    ASSERT_EQ(starts.size(), 61u) << test::all_warnings(programme);
    EXPECT_EQ(starts.front(), utc(2026, 10, 1, 6)); // 09.00 EEST
    EXPECT_EQ(starts[24], utc(2026, 10, 25, 7));    // 09.00 EET, the day the clocks went back
    EXPECT_EQ(starts.back(), utc(2026, 11, 30, 7));
    EXPECT_TRUE(programme.warnings.empty()) << test::all_warnings(programme);
}

TEST(RecurrenceBudget, AFortnightlyEventSinceLongAgoKeepsItsWeeks)
{
    // Every other Tuesday since Tuesday 2 January 1990: 2 January 1990 and 6 October 2026
    // are 1918 weeks apart, an even number, so 6 October is one of its Tuesdays. With
    // Thursdays too and an UNTIL, and as many again since 1900 beside it: walking from
    // DTSTART would spend more than an event's budget.
    const auto programme = import_ok(
        {calendar_of("kerho.ics",
                     event("kerho@test", "19900102T140000", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU")
                         + event("kerho-2@test", "19000102T140000",
                                 "FREQ=DAILY;INTERVAL=1;UNTIL=20261008T120000Z")  // 46 000 days
                         + event("kerho-3@test", "19900102T140000",
                                 "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH,TU;WKST=MO;UNTIL=20261109T000000Z"))},
        autumn);
    EXPECT_EQ(starts_of(with_uid(programme, "kerho-2@test")).size(), 8u) << test::all_warnings(programme);
    EXPECT_EQ(starts_of(with_uid(programme, "kerho-3@test")),
              (Starts{utc(2026, 10, 6, 11), utc(2026, 10, 8, 11), utc(2026, 10, 20, 11), utc(2026, 10, 22, 11),
                      utc(2026, 11, 3, 12), utc(2026, 11, 5, 12)}));
    EXPECT_TRUE(programme.warnings.empty()) << test::all_warnings(programme);
    EXPECT_EQ(starts_of(with_uid(programme, "kerho@test")),
              (Starts{utc(2026, 10, 6, 11), utc(2026, 10, 20, 11), utc(2026, 11, 3, 12), utc(2026, 11, 17, 12)}));
}

TEST(RecurrenceBudget, EventsRepeatingMoreOftenThanDailyAreShownOnceWithAClearWarning)
{
    for (const char* frequency : {"SECONDLY", "MINUTELY", "HOURLY"}) {
        const auto files = std::vector<CalendarFile>{
            calendar_of("pommi.ics", event("pommi@test", "20261001T100000", std::string("FREQ=") + frequency))};
        ASSERT_EXIT(test::import_then_exit(files, autumn, hang_guard_seconds), testing::ExitedWithCode(0), "")
            << frequency;
        const auto programme = import_ok(files, autumn);
        EXPECT_EQ(starts_of(with_uid(programme, "pommi@test")), (Starts{utc(2026, 10, 1, 7)})) << frequency;
        EXPECT_TRUE(test::has_warning(programme, std::string("repeats ") + frequency, "only its first time is shown"))
            << test::all_warnings(programme);
    }
}

TEST(RecurrenceBudget, AnHourlyRuleWithAnEndIsShownInFull)
{
    const auto programme = import_ok(
        {calendar_of("vuorot.ics", event("vuoro@test", "20261001T100000", "FREQ=HOURLY;INTERVAL=2;COUNT=3"))}, autumn);
    EXPECT_EQ(starts_of(with_uid(programme, "vuoro@test")),
              (Starts{utc(2026, 10, 1, 7), utc(2026, 10, 1, 9), utc(2026, 10, 1, 11)}));
    EXPECT_TRUE(programme.warnings.empty()) << test::all_warnings(programme);
}

TEST(RecurrenceBudget, ADailyRuleThatFillsEveryMinuteIsCappedWithinTheWindow)
{
    std::string minutes;
    for (int minute = 0; minute < 60; ++minute)
        minutes += (minute ? "," : "") + std::to_string(minute);
    const auto files = std::vector<CalendarFile>{
        calendar_of("minuutit.ics", event("minuutit@test", "20261001T000000", "FREQ=DAILY;BYMINUTE=" + minutes))};
    ASSERT_EXIT(test::import_then_exit(files, autumn, hang_guard_seconds), testing::ExitedWithCode(0), "");
    const auto programme = import_ok(files, autumn);
    EXPECT_EQ(with_uid(programme, "minuutit@test").size(), 500u);
    EXPECT_TRUE(test::has_warning(programme, "repeats more than 500 times in the days shown")) << test::all_warnings(programme);
}

TEST(RecurrenceBudget, ManyCountedRulesFromLongAgoSpendTheFilesBudgetAndSaySo)
{
    // Forty daily events from 1900 with a COUNT that never ends before the window: COUNT
    // has to be counted from the start, so each walks its instances, within the budget.
    std::string events;
    for (int i = 0; i < 40; ++i)
        events += event("pommi-" + std::to_string(100 + i) + "@test", "19000101T080000", "FREQ=DAILY;COUNT=1000000");
    events += event("zz-tuolijumppa@test", "20261001T100000", "FREQ=WEEKLY;BYDAY=TU", "Tuolijumppa");
    const auto files = std::vector<CalendarFile>{calendar_of("pommit.ics", events)};
    ASSERT_EXIT(test::import_then_exit(files, autumn, hang_guard_seconds), testing::ExitedWithCode(0), "");
    const auto programme = import_ok(files, autumn);
    EXPECT_TRUE(test::has_warning(programme, "pommit.ics: its repeating events make more than 100000 instances"))
        << test::all_warnings(programme);
    EXPECT_EQ(with_uid(programme, "zz-tuolijumppa@test").size(), 8u)
        << "the real event, read after them, is all there: the budget pays for walks to the window";
}

TEST(Recurrence, AnRdatePeriodGivesThatInstanceItsOwnEnd)
{
    // The weekly coffee is an hour; on Thursday the 26th it runs to 15.30, and on Friday
    // the 27th there is one of two hours (RFC 5545 periods: start/end and start/length).
    const std::string text = "BEGIN:VEVENT\r\nUID:kahvi@test\r\nDTSTAMP:20261101T000000Z\r\n"
                             "DTSTART;TZID=Europe/Helsinki:20261124T130000\r\nDURATION:PT1H\r\n"
                             "RDATE;TZID=Europe/Helsinki;VALUE=PERIOD:20261126T130000/20261126T153000,"
                             "20261127T100000/PT2H\r\nSUMMARY:Kahvi\r\nEND:VEVENT\r\n";
    const auto programme = import_ok({calendar_of("kahvi.ics", text)}, two_weeks_from_16_november);
    const auto coffee = with_uid(programme, "kahvi@test");
    ASSERT_EQ(coffee.size(), 3u) << test::all_warnings(programme);
    EXPECT_EQ(coffee[0].end - coffee[0].start, 3600);
    EXPECT_EQ(coffee[1].start, utc(2026, 11, 26, 11));
    EXPECT_EQ(coffee[1].end, utc(2026, 11, 26, 13, 30));
    EXPECT_EQ(coffee[2].start, utc(2026, 11, 27, 8));
    EXPECT_EQ(coffee[2].end, utc(2026, 11, 27, 10));
}

TEST(Recurrence, AThisAndFutureOverrideChangesItsInstanceAndEveryLaterOne)
{
    // Weekly gymnastics on Tuesdays at 10.00; from 24 November on ("this and following",
    // as Outlook and Lightning write it) at 11.00 for 45 minutes in the hall, its new name.
    const std::string text =
        "BEGIN:VEVENT\r\nUID:jumppa@test\r\nDTSTAMP:20261101T000000Z\r\n"
        "DTSTART;TZID=Europe/Helsinki:20261103T100000\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;BYDAY=TU\r\n"
        "SUMMARY:Tuolijumppa\r\nLOCATION:Olohuone\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:jumppa@test\r\nDTSTAMP:20261101T000000Z\r\n"
        "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Helsinki:20261124T100000\r\n"
        "DTSTART;TZID=Europe/Helsinki:20261124T110000\r\nDURATION:PT45M\r\nSUMMARY:Tuolijumppa salissa\r\n"
        "END:VEVENT\r\n";
    const auto programme =
        import_ok({calendar_of("jumppa.ics", text)}, window(utc(2026, 11, 15, 22), utc(2026, 12, 6, 22)));
    const auto gymnastics = with_uid(programme, "jumppa@test");
    ASSERT_EQ(gymnastics.size(), 3u) << test::all_warnings(programme);
    EXPECT_EQ(gymnastics[0].start, utc(2026, 11, 17, 8)); // before it: as it was
    EXPECT_EQ(gymnastics[0].title.default_text(), "Tuolijumppa");
    for (std::size_t i = 1; i < 3; ++i) {
        EXPECT_EQ(gymnastics[i].start - gymnastics[i].instance, 3600) << i;
        EXPECT_EQ(gymnastics[i].end - gymnastics[i].start, 45 * 60) << i;
        EXPECT_EQ(gymnastics[i].title.default_text(), "Tuolijumppa salissa") << i;
        EXPECT_EQ(gymnastics[i].location.default_text(), "Olohuone") << "inherited from the series";
        EXPECT_EQ(gymnastics[i].moved_from, std::optional<UnixSeconds>(gymnastics[i].instance)) << i;
    }
    EXPECT_EQ(gymnastics[2].start, utc(2026, 12, 1, 9)); // 1 December 11.00
}

} // namespace
} // namespace olohuone
