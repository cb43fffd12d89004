// How times are read: all-day dates, UTC, floating times, time zones named by the
// file's own VTIMEZONE (Outlook's "FLE Standard Time"), and which events the window keeps.
// Helsinki is UTC+2 in winter and UTC+3 from 29 Mar to 25 Oct 2026; Stockholm is UTC+1/+2.
#include <gtest/gtest.h>

#include "core/day_plan.h"
#include "test_support.h"

namespace olohuone {
namespace {

using test::fixture;
using test::has_warning;
using test::helsinki;
using test::import_ok;
using test::starts_of;
using test::utc;
using test::utc_zone;
using test::with_uid;
using test::window;
using Starts = std::vector<UnixSeconds>;

// 1 June 2026 00:00 EEST – 1 January 2027 00:00 EET.
const ImportWindow rest_of_2026 = window(utc(2026, 5, 31, 21), utc(2026, 12, 31, 22));

using test::only;

TEST(AllDay, DateWithoutDtendLastsFromLocalMidnightToTheNextMidnight)
{
    const auto programme = import_ok({fixture("all_day.ics")}, rest_of_2026);
    const Occurrence independence = only(programme, "itsenaisyyspaiva-2026@olohuone.example");
    EXPECT_EQ(independence.span, EventSpan::AllDay);
    EXPECT_EQ(independence.start, utc(2026, 12, 5, 22)); // 6 Dec 00:00 EET
    EXPECT_EQ(independence.end, utc(2026, 12, 6, 22));
    EXPECT_EQ(independence.title.in("sv"), "Självständighetsdagen");
    EXPECT_EQ(independence.title.in("en"), "Independence Day");
}

TEST(AllDay, SummerDateStartsAtMidnightSummerTime)
{
    const auto programme = import_ok({fixture("all_day.ics")}, rest_of_2026);
    const Occurrence midsummer = only(programme, "juhannusaatto-2026@olohuone.example");
    EXPECT_EQ(midsummer.start, utc(2026, 6, 18, 21)); // 19 Jun 00:00 EEST
    EXPECT_EQ(midsummer.end, utc(2026, 6, 19, 21));
}

TEST(AllDay, MultiDayEventCoversEachDayUpToButNotIncludingDtend)
{
    const auto programme = import_ok({fixture("all_day.ics")}, rest_of_2026);
    const Occurrence week = only(programme, "joulumyyjaisviikko-2026@olohuone.example");
    EXPECT_EQ(week.start, utc(2026, 11, 29, 22)); // Mon 30 Nov 00:00 EET
    EXPECT_EQ(week.end, utc(2026, 12, 4, 22));    // Sat 5 Dec 00:00 EET
    EXPECT_EQ(occurrences_on({week}, {2026, 11, 30}, helsinki()).size(), 1u);
    for (int day : {1, 2, 3, 4})
        EXPECT_EQ(occurrences_on({week}, {2026, 12, day}, helsinki()).size(), 1u) << day;
    EXPECT_TRUE(occurrences_on({week}, {2026, 11, 29}, helsinki()).empty());
    EXPECT_TRUE(occurrences_on({week}, {2026, 12, 5}, helsinki()).empty());
}

TEST(AllDay, TwoDayEventOverTheAutumnChangeEndsAtMidnightWinterTime)
{
    const auto programme = import_ok({fixture("all_day.ics")}, rest_of_2026);
    const Occurrence weekend = only(programme, "syysloma-2026@olohuone.example");
    EXPECT_EQ(weekend.start, utc(2026, 10, 23, 21)); // Sat 24 Oct 00:00 EEST
    EXPECT_EQ(weekend.end, utc(2026, 10, 25, 22));   // Mon 26 Oct 00:00 EET
    EXPECT_EQ(occurrences_on({weekend}, {2026, 10, 25}, helsinki()).size(), 1u);
    EXPECT_TRUE(occurrences_on({weekend}, {2026, 10, 26}, helsinki()).empty());
}

TEST(AllDay, DurationInDaysSetsTheLength)
{
    const auto programme = import_ok({fixture("all_day.ics")}, rest_of_2026);
    const Occurrence cleaning = only(programme, "siivouspaiva-2026@olohuone.example");
    EXPECT_EQ(cleaning.start, utc(2026, 11, 8, 22)); // Mon 9 Nov
    EXPECT_EQ(cleaning.end, utc(2026, 11, 10, 22));  // Wed 11 Nov 00:00
}

TEST(AllDay, RepeatingAllDayEventRepeatsOnWholeDays)
{
    const auto programme = import_ok({fixture("all_day.ics")}, rest_of_2026);
    // Every other Monday from 2 Nov.
    const auto bus = with_uid(programme, "kirjastoauto-2026@olohuone.example");
    EXPECT_EQ(starts_of(bus), (Starts{utc(2026, 11, 1, 22), utc(2026, 11, 15, 22), utc(2026, 11, 29, 22),
                                      utc(2026, 12, 13, 22), utc(2026, 12, 27, 22)}));
    for (const Occurrence& occurrence : bus) {
        EXPECT_EQ(occurrence.span, EventSpan::AllDay);
        EXPECT_EQ(occurrence.end - occurrence.start, 24 * 3600);
    }
}

TEST(UtcTimes, UtcStartIsTheSameInstantShownAtTheLocalTime)
{
    const auto programme = import_ok({fixture("utc_google.ics")}, rest_of_2026);
    const Occurrence meeting = only(programme, "9bda4ef3ee5f5c62a768b1c41c@google.com");
    EXPECT_EQ(meeting.start, utc(2026, 11, 27, 11));
    EXPECT_EQ(meeting.end, utc(2026, 11, 27, 13));
    // 11:00 UTC is 13:00 in Helsinki in November, as docs/programme-format.md says.
    EXPECT_EQ(helsinki().to_local(meeting.start).time, (CivilTime{13, 0, 0}));
    EXPECT_EQ(meeting.host.default_text(), "Eläkeläisyhdistys");

    const Occurrence trip = only(programme, "3f0e8a1c77d24b0e9b6c2a7d5e@google.com");
    EXPECT_EQ(trip.start, utc(2026, 6, 12, 9));
    EXPECT_EQ(helsinki().to_local(trip.start).time, (CivilTime{12, 0, 0})); // summer: +3
}

TEST(UtcTimes, UtcRuleWithUtcExdate)
{
    const auto programme = import_ok({fixture("utc_google.ics")}, rest_of_2026);
    EXPECT_EQ(starts_of(with_uid(programme, "7c1d2e3f4a5b6c7d8e9f0a1b2c@google.com")),
              (Starts{utc(2026, 12, 2, 8), utc(2026, 12, 9, 8), utc(2026, 12, 23, 8), utc(2026, 12, 30, 8)}));
}

TEST(FloatingTimes, FloatingTimeIsReadInTheKiosksZone)
{
    const auto in_helsinki = import_ok({fixture("floating.ics")}, rest_of_2026, helsinki());
    EXPECT_EQ(only(in_helsinki, "kasin-kirjoitettu-1@olohuone.example").start, utc(2026, 11, 25, 13)); // 15:00 EET

    const TimeZone stockholm = TimeZone::named("Europe/Stockholm").value();
    const auto in_stockholm = import_ok({fixture("floating.ics")}, rest_of_2026, stockholm);
    EXPECT_EQ(only(in_stockholm, "kasin-kirjoitettu-1@olohuone.example").start, utc(2026, 11, 25, 14)); // 15:00 CET
}

TEST(FloatingTimes, FloatingWeeklyTimeStaysAtTheSameWallClockTimeOverTheAutumnChange)
{
    const auto programme = import_ok({fixture("floating.ics")}, window(utc(2026, 9, 30, 21), utc(2026, 11, 30, 22)));
    // Sundays 10:00: 18 Oct EEST, 25 Oct and 1 Nov EET.
    EXPECT_EQ(starts_of(with_uid(programme, "kasin-kirjoitettu-2@olohuone.example")),
              (Starts{utc(2026, 10, 18, 7), utc(2026, 10, 25, 8), utc(2026, 11, 1, 8)}));
}

// Imported with the kiosk's zone set to UTC, so that only the file's own VTIMEZONE can
// give the Helsinki offsets.
TEST(TimeZones, OutlookZoneNameIsResolvedThroughTheFilesVtimezone)
{
    const auto programme = import_ok({fixture("outlook_fle.ics")}, window(utc(2026, 1, 1), utc(2027, 1, 1)), utc_zone());
    EXPECT_FALSE(has_warning(programme, "FLE Standard Time")) << test::all_warnings(programme);

    const auto singing = with_uid(programme, "040000008200E00074C5B7101A82E00800000000C0A1B2C3D4E5DC01000000000000000"
                                             "010000000A1B2C3D4E5F60718293A4B5C6D7E8F9");
    // Tuesdays 10:00 FLE from 20 Oct until 15 Dec 08:00Z (= 10:00 EET, the last one).
    EXPECT_EQ(starts_of(singing), (Starts{utc(2026, 10, 20, 7), utc(2026, 10, 27, 8), utc(2026, 11, 3, 8),
                                          utc(2026, 11, 10, 8), utc(2026, 11, 17, 8), utc(2026, 11, 24, 8),
                                          utc(2026, 12, 1, 8), utc(2026, 12, 8, 8), utc(2026, 12, 15, 8)}));
    ASSERT_FALSE(singing.empty());
    EXPECT_EQ(singing[0].title.default_text(), "Lauluhetki"); // SUMMARY;LANGUAGE=fi-FI
    EXPECT_EQ(singing[0].host.default_text(), "Palvelutalo Koivukoti");
    EXPECT_EQ(singing[0].description.default_text(), ""); // Outlook's "DESCRIPTION:\n"

    const auto party = with_uid(programme, "040000008200E00074C5B7101A82E00800000000D1B2C3D4E5F6DC01000000000000000"
                                           "010000000B2C3D4E5F60718293A4B5C6D7E8F9A0");
    EXPECT_EQ(starts_of(party), (Starts{utc(2026, 6, 16, 7)})); // 10:00 EEST
}

TEST(TimeZones, IanaNameWithoutVtimezoneUsesTheSystemDefinition)
{
    const auto programme = import_ok({fixture("tz_names.ics")}, window(utc(2026, 1, 1), utc(2027, 1, 1)), utc_zone());
    EXPECT_EQ(only(programme, "20261101T101010Z-1234-1000-1-8@palvelutalo").start, utc(2026, 6, 16, 7));
}

TEST(TimeZones, EvolutionsPrefixedIanaNameIsUnderstood)
{
    const auto programme = import_ok({fixture("tz_names.ics")}, window(utc(2026, 1, 1), utc(2027, 1, 1)), utc_zone());
    const Occurrence event = only(programme, "20261101T101010Z-1234-1000-1-7@palvelutalo");
    EXPECT_EQ(event.start, utc(2026, 11, 24, 8));
    EXPECT_EQ(event.end, utc(2026, 11, 24, 9));
}

TEST(TimeZones, UnknownZoneIsReadAsLocalTimeWithAWarning)
{
    const auto programme = import_ok({fixture("tz_names.ics")}, window(utc(2026, 1, 1), utc(2027, 1, 1)), helsinki());
    EXPECT_EQ(only(programme, "20261101T101010Z-1234-1000-1-9@palvelutalo").start, utc(2026, 11, 24, 10)); // 12:00 EET
    EXPECT_TRUE(has_warning(programme, "Mars/Olympus_Mons", "20261101T101010Z-1234-1000-1-9@palvelutalo"))
        << test::all_warnings(programme);
}

// A calendar of the given events, as a test writes it, with `head` after PRODID.
CalendarFile calendar_with(const std::string& name, const std::string& head, const std::string& events)
{
    return {name, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone test//FI\r\n" + head + events + "END:VCALENDAR\r\n"};
}

std::string event_at(const std::string& uid, const std::string& start_property)
{
    return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\n" + start_property
        + "\r\nDURATION:PT1H\r\nSUMMARY:Tapahtuma\r\nEND:VEVENT\r\n";
}

TEST(TimeZones, TheSystemsZoneWinsOverAShortVtimezoneOfTheSameName)
{
    // Someone's Europe/Berlin with only its summer rule: +02:00 all year.
    const std::string short_berlin = "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\n"
                                     "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";
    const auto programme =
        import_ok({calendar_with("berliini.ics", short_berlin,
                                 event_at("talvi@test", "DTSTART;TZID=Europe/Berlin:20261124T100000"))},
                  rest_of_2026, utc_zone());
    EXPECT_EQ(only(programme, "talvi@test").start, utc(2026, 11, 24, 9)) << "10.00 CET, winter time";
}

TEST(TimeZones, WindowsZoneNamesWithoutAVtimezoneAreTheirIanaZones)
{
    // As Outlook writes TZID, with no VTIMEZONE in the file.
    const auto programme = import_ok(
        {calendar_with("outlook.ics", "",
                       event_at("berliini@test", "DTSTART;TZID=W. Europe Standard Time:20261124T100000")
                           + event_at("helsinki@test", "DTSTART;TZID=FLE Standard Time:20260616T100000")
                           + event_at("tukholma@test", "DTSTART;TZID=\"W. Europe Standard Time\":20260616T100000"))},
        rest_of_2026, utc_zone());
    EXPECT_EQ(only(programme, "berliini@test").start, utc(2026, 11, 24, 9));   // CET
    EXPECT_EQ(only(programme, "helsinki@test").start, utc(2026, 6, 16, 7));    // EEST
    EXPECT_EQ(only(programme, "tukholma@test").start, utc(2026, 6, 16, 8));    // CEST
    EXPECT_FALSE(has_warning(programme, "unknown time zone")) << test::all_warnings(programme);
}

TEST(TimeZones, FloatingTimesAreInTheCalendarsXWrTimezone)
{
    const auto programme = import_ok({calendar_with("google.ics", "X-WR-TIMEZONE:Europe/Stockholm\r\n",
                                                    event_at("kelluva@test", "DTSTART:20261124T100000"))},
                                     rest_of_2026, helsinki());
    EXPECT_EQ(only(programme, "kelluva@test").start, utc(2026, 11, 24, 9)) << "10.00 in Stockholm, not Helsinki";
    // An X-WR-TIMEZONE nobody knows: the kiosk's own zone, with a warning.
    const auto unknown = import_ok({calendar_with("outo.ics", "X-WR-TIMEZONE:Mars/Olympus_Mons\r\n",
                                                  event_at("kelluva@test", "DTSTART:20261124T100000"))},
                                   rest_of_2026, helsinki());
    EXPECT_EQ(only(unknown, "kelluva@test").start, utc(2026, 11, 24, 8));
    EXPECT_TRUE(has_warning(unknown, "outo.ics", "X-WR-TIMEZONE 'Mars/Olympus_Mons'")) << test::all_warnings(unknown);
}

TEST(TimeZones, ATimeTheSpringChangeSkipsIsReadWithTheOffsetBeforeItAndARepeatedOneIsItsFirst)
{
    // RFC 5545 3.3.5. In Helsinki the clocks go from 03.00 to 04.00 on 29 March 2026 and
    // from 04.00 back to 03.00 on 25 October 2026.
    const auto programme = import_ok(
        {calendar_with("kesaaika.ics", "",
                       event_at("aukko@test", "DTSTART;TZID=Europe/Helsinki:20260329T033000")
                           + event_at("kahdesti@test", "DTSTART;TZID=Europe/Helsinki:20261025T033000")
                           + event_at("kelluva-aukko@test", "DTSTART:20260329T033000"))},
        window(utc(2026, 3, 1), utc(2026, 12, 1)), helsinki());
    EXPECT_EQ(only(programme, "aukko@test").start, utc(2026, 3, 29, 1, 30)) << "04.30 EEST";
    EXPECT_EQ(only(programme, "kahdesti@test").start, utc(2026, 10, 25, 0, 30)) << "the first 03.30, EEST";
    EXPECT_EQ(only(programme, "kelluva-aukko@test").start, utc(2026, 3, 29, 1, 30)) << "floating, in the kiosk's zone";
}

TEST(Exporters, AGoogleCalendarWithRemindersAndEmptyFieldsReadsAsItsOwnerSeesIt)
{
    const auto programme =
        import_ok({fixture("google_export.ics")}, window(utc(2026, 11, 22, 22), utc(2026, 11, 29, 22)), helsinki());
    EXPECT_TRUE(programme.warnings.empty()) << test::all_warnings(programme);
    const Occurrence stretching = only(programme, "3k9d8f7g6h5j4k3l2m1n0p9q8r@google.com");
    EXPECT_EQ(helsinki().to_local(stretching.start).time, (CivilTime{10, 0, 0})); // 08.00Z is 10.00 in Helsinki
    EXPECT_EQ(stretching.location.default_text(), "");
    const Occurrence fair = only(programme, "7a6s5d4f3g2h1j0k9l8z7x6c5v@google.com");
    EXPECT_EQ(fair.span, EventSpan::AllDay);
    EXPECT_EQ(fair.start, helsinki().start_of_day({2026, 11, 26}));
    EXPECT_EQ(fair.end, helsinki().start_of_day({2026, 11, 28})) << "Thursday and Friday";
}

TEST(Exporters, AnAppleCalendarsFloatingTimesAreInItsXWrTimezone)
{
    // macOS writes the calendar's zone once and the times without TZID; a kiosk in
    // another zone (here UTC) still shows 14.00 Helsinki time.
    const auto programme =
        import_ok({fixture("apple_export.ics")}, window(utc(2026, 11, 22, 22), utc(2026, 11, 29, 22)), utc_zone());
    EXPECT_TRUE(programme.warnings.empty()) << test::all_warnings(programme);
    const Occurrence circle = only(programme, "6F1D2C3B-4A59-4E68-9D7C-0B1A2F3E4D5C");
    EXPECT_EQ(circle.start, utc(2026, 11, 25, 12));
    EXPECT_EQ(circle.end, utc(2026, 11, 25, 13));
}

// The window keeps occurrences that end after `from` and start before `to`.
TEST(Window, EventOverlappingTheWindowStartIsIncluded)
{
    // Kuukausitapaaminen 27 Nov 11:00–13:00Z.
    const std::string uid = "9bda4ef3ee5f5c62a768b1c41c@google.com";
    const auto file = fixture("utc_google.ics");
    EXPECT_EQ(with_uid(import_ok({file}, window(utc(2026, 11, 27, 12), utc(2026, 11, 28))), uid).size(), 1u);
    EXPECT_EQ(with_uid(import_ok({file}, window(utc(2026, 11, 27, 12, 59, 59), utc(2026, 11, 28))), uid).size(), 1u);
    EXPECT_TRUE(with_uid(import_ok({file}, window(utc(2026, 11, 27, 13), utc(2026, 11, 28))), uid).empty())
        << "ended exactly at the window's start";
    EXPECT_TRUE(with_uid(import_ok({file}, window(utc(2026, 11, 27), utc(2026, 11, 27, 11))), uid).empty())
        << "starts exactly at the window's end";
    EXPECT_EQ(with_uid(import_ok({file}, window(utc(2026, 11, 27), utc(2026, 11, 27, 11, 0, 1))), uid).size(), 1u);
}

TEST(Window, RepeatingEventKeepsOnlyTheInstancesInTheWindowIncludingOneUnderway)
{
    // Tuolijumppa Tue/Fri 08:00–09:00Z. From Tue 17 Nov 08:30Z (under way) to Fri 27 Nov 08:00Z.
    const auto programme =
        import_ok({fixture("recurrence_rules.ics")}, window(utc(2026, 11, 17, 8, 30), utc(2026, 11, 27, 8)));
    EXPECT_EQ(starts_of(with_uid(programme, "tuolijumppa-weekly@olohuone.example")),
              (Starts{utc(2026, 11, 17, 8), utc(2026, 11, 20, 8), utc(2026, 11, 24, 8)}));
}

TEST(Window, AllDayEventIsIncludedWhenTheWindowStartsDuringIt)
{
    // Independence Day, window from noon that day.
    const auto programme = import_ok({fixture("all_day.ics")}, window(utc(2026, 12, 6, 10), utc(2026, 12, 8)));
    EXPECT_EQ(with_uid(programme, "itsenaisyyspaiva-2026@olohuone.example").size(), 1u);
    EXPECT_TRUE(with_uid(programme, "juhannusaatto-2026@olohuone.example").empty());
}

} // namespace
} // namespace olohuone
