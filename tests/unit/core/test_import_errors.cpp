// Bad input: whole files that are not calendars fail the import (all or nothing, with
// a message naming the file); single bad events are skipped with a warning; broken
// text is cleaned and never crashes the kiosk.
#include <gtest/gtest.h>

#include "test_support.h"

namespace olohuone {
namespace {

using test::fixture;
using test::fixture_path;
using test::has_warning;
using test::helsinki;
using test::import_ok;
using test::utc;
using test::with_uid;
using test::window;

// Mon 16 Nov – Tue 8 Dec 2026 in Helsinki.
const ImportWindow some_weeks = window(utc(2026, 11, 15, 22), utc(2026, 12, 7, 22));

bool is_valid_utf8(const std::string& text)
{
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3
                                                   : (lead & 0xF8) == 0xF0 ? 4 : 0;
        if (length == 0 || i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                return false;
        i += length;
    }
    return true;
}

void expect_error_naming(const Result<ImportedProgramme>& result, const std::string& file)
{
    ASSERT_FALSE(result.ok()) << "expected the import of " << file << " to fail";
    EXPECT_NE(result.error().message.find(file), std::string::npos) << result.error().message;
}

TEST(ImportErrors, HtmlPageInsteadOfACalendarIsAnErrorNamingTheFile)
{
    expect_error_naming(import_programme({fixture("not_calendar.ics")}, helsinki(), some_weeks),
                        fixture_path("not_calendar.ics"));
}

TEST(ImportErrors, EmptyFileIsAnErrorNamingTheFile)
{
    expect_error_naming(import_programme({fixture("empty.ics")}, helsinki(), some_weeks), fixture_path("empty.ics"));
}

TEST(ImportErrors, Utf16FileIsAnErrorNamingTheFile)
{
    // Windows Notepad's "Unicode": not the UTF-8 the format requires.
    expect_error_naming(import_programme({fixture("utf16.ics")}, helsinki(), some_weeks), fixture_path("utf16.ics"));
}

TEST(ImportErrors, FileOverTheSizeLimitIsAnErrorNamingTheFile)
{
    std::string text = fixture("all_day.ics").text;
    text.insert(text.find("END:VCALENDAR"), std::string(max_calendar_file_bytes, ' ').replace(0, 2, "X-"));
    ASSERT_GT(text.size(), max_calendar_file_bytes);
    expect_error_naming(import_programme({{"valtava.ics", text}}, helsinki(), some_weeks), "valtava.ics");
}

TEST(ImportErrors, AnEventWithoutDtstartIsSkippedAndOneWithoutUidIsKnownByItsContent)
{
    const auto programme = import_ok({fixture("missing_fields.ics")}, some_weeks);
    ASSERT_EQ(programme.occurrences.size(), 2u) << test::all_warnings(programme);
    // Tuesday 9.00 without a UID (as Confluence and khal export), then 11.00.
    const Occurrence& unnamed = programme.occurrences[0];
    EXPECT_EQ(unnamed.title.default_text(), "Tunnisteeton tapahtuma");
    EXPECT_EQ(unnamed.start, utc(2026, 11, 24, 7));
    EXPECT_TRUE(unnamed.uid.ends_with("@no-uid.olohuone")) << unnamed.uid;
    EXPECT_EQ(import_ok({fixture("missing_fields.ics")}, some_weeks).occurrences[0].uid, unnamed.uid)
        << "the same each time the file is read, so registrations follow it";
    EXPECT_EQ(programme.occurrences[1].uid, "kunnossa@olohuone.example");
    EXPECT_EQ(programme.occurrences[1].start, utc(2026, 11, 24, 9)); // 11:00 EET
    EXPECT_TRUE(has_warning(programme, "missing_fields.ics: 1 event(s) have no UID")) << test::all_warnings(programme);
    EXPECT_TRUE(has_warning(programme, "ilman-alkua@olohuone.example", "DTSTART")) << test::all_warnings(programme);

    // A changed title is another event: its old registrations stay with the old one.
    CalendarFile renamed = fixture("missing_fields.ics");
    renamed.text.replace(renamed.text.find("Tunnisteeton tapahtuma"), 22, "Nimetty tapahtuma");
    EXPECT_NE(import_ok({renamed}, some_weeks).occurrences[0].uid, unnamed.uid);
}

TEST(ImportErrors, InvalidUtf8AndControlCharactersInSummaryAreCleaned)
{
    ASSERT_EXIT(test::import_then_exit({fixture("invalid_utf8.ics")}, some_weeks), testing::ExitedWithCode(0), "")
        << "the import did not finish";
    const auto programme = import_ok({fixture("invalid_utf8.ics")}, some_weeks);
    const auto broken = with_uid(programme, "roskaa-1@olohuone.example");
    ASSERT_EQ(broken.size(), 1u);
    const std::string& title = broken[0].title.default_text();
    EXPECT_TRUE(is_valid_utf8(title)) << title;
    EXPECT_EQ(title.find('\x07'), std::string::npos);
    // No byte of it is UTF-8: the file is read as Windows-1252, where \xFF is "ÿ".
    EXPECT_NE(title.find("Kahvi\xC3\xBFhetki ja pulla"), std::string::npos) << title;
    EXPECT_TRUE(test::has_warning(programme, "invalid_utf8.ics: the file is not UTF-8")) << test::all_warnings(programme);
    EXPECT_EQ(broken[0].start, utc(2026, 11, 24, 8));

    const std::string& description = broken[0].description.default_text();
    EXPECT_TRUE(is_valid_utf8(description));
    EXPECT_EQ(description.find('\x01'), std::string::npos);
    EXPECT_EQ(description.find('\x1B'), std::string::npos);
    EXPECT_EQ(description.rfind("Rivi 1\nRivi 2", 0), 0u) << description;
}

TEST(ImportErrors, AnEventAtATimeThatDoesNotExistIsLeftOutNamingIt)
{
    const auto event = [](const std::string& uid, const std::string& start, const std::string& end) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Helsinki:" + start
            + "\r\nDTEND;TZID=Europe/Helsinki:" + end + "\r\nSUMMARY:Tapahtuma\r\nEND:VEVENT\r\n";
    };
    const std::string text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone test//FI\r\n"
        + event("kuukausi@test", "20261324T100000", "20261324T110000") + event("tunti@test", "20261124T250000", "20261124T260000")
        + event("marras@test", "20261131T100000", "20261131T110000") + event("hyva@test", "20261124T100000", "20261124T990000")
        + "END:VCALENDAR\r\n";
    const auto programme = import_ok({{"kirjoitusvirheet.ics", text}}, some_weeks);
    ASSERT_EQ(programme.occurrences.size(), 1u) << test::all_warnings(programme);
    EXPECT_EQ(programme.occurrences[0].uid, "hyva@test");
    EXPECT_EQ(programme.occurrences[0].end - programme.occurrences[0].start, 3600) << "an impossible end: one hour";
    for (const char* uid_and_value : {"kuukausi@test", "tunti@test", "marras@test"})
        EXPECT_TRUE(test::has_warning(programme, uid_and_value, "is not a real date and time")) << uid_and_value;
    EXPECT_TRUE(test::has_warning(programme, "20261131T100000")) << test::all_warnings(programme);
    EXPECT_TRUE(test::has_warning(programme, "hyva@test", "DTEND '20261124T990000'")) << test::all_warnings(programme);

    // 24.00 is the next day's midnight, as some generators write an evening's end.
    const std::string evening = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone test//FI\r\n"
        + event("ilta@test", "20261124T200000", "20261124T240000") + "END:VCALENDAR\r\n";
    const auto late = import_ok({{"ilta.ics", evening}}, some_weeks);
    ASSERT_EQ(late.occurrences.size(), 1u);
    EXPECT_EQ(late.occurrences[0].end, utc(2026, 11, 24, 22)) << "midnight in Helsinki";
    EXPECT_TRUE(late.warnings.empty()) << test::all_warnings(late);
}

TEST(ImportErrors, AWindows1252FileIsReadAsSuchWithAWarning)
{
    // As an old Windows program saves it: "Kävelyretki – Pyhäjärvi", with an en dash.
    const std::string text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Vanha ohjelma//FI\r\nBEGIN:VEVENT\r\n"
                             "UID:kavely@test\r\nDTSTAMP:20261101T000000Z\r\n"
                             "DTSTART;TZID=Europe/Helsinki:20261124T100000\r\nDURATION:PT1H\r\n"
                             "SUMMARY:K\xE4velyretki \x96 Pyh\xE4j\xE4rvi\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const auto programme = import_ok({{"vanha.ics", text}}, some_weeks);
    ASSERT_EQ(programme.occurrences.size(), 1u);
    EXPECT_EQ(programme.occurrences[0].title.default_text(), "Kävelyretki – Pyhäjärvi");
    EXPECT_TRUE(test::has_warning(programme, "vanha.ics: the file is not UTF-8; it is read as Windows-1252"))
        << test::all_warnings(programme);

    // A UTF-8 file with one stray byte stays UTF-8: the byte alone is replaced.
    std::string mixed = text;
    const std::size_t summary = mixed.find("SUMMARY:");
    mixed.replace(summary, mixed.find("\r\n", summary) - summary, "SUMMARY:Kävelyretki \xFF Pyhäjärvi");
    const auto utf8 = import_ok({{"uusi.ics", mixed}}, some_weeks);
    EXPECT_EQ(utf8.occurrences[0].title.default_text(), "Kävelyretki \xEF\xBF\xBD Pyhäjärvi");
    EXPECT_FALSE(test::has_warning(utf8, "not UTF-8"));
}

TEST(ImportErrors, GarbageLinesInsideAnEventDoNotLoseTheFollowingEvents)
{
    ASSERT_EXIT(test::import_then_exit({fixture("invalid_utf8.ics")}, some_weeks), testing::ExitedWithCode(0), "")
        << "the import did not finish";
    const auto programme = import_ok({fixture("invalid_utf8.ics")}, some_weeks);
    const auto after = with_uid(programme, "roskaa-2@olohuone.example");
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].title.default_text(), "Kahvihetki");
    EXPECT_EQ(after[0].start, utc(2026, 11, 24, 11));
    EXPECT_EQ(with_uid(programme, "roskaa-1@olohuone.example").at(0).location.default_text(), "Olohuone");
}

TEST(ImportErrors, NulByteInsideATitleDoesNotSilentlyDropTheRestOfTheFile)
{
    // A NUL byte inside the first event's SUMMARY. Either the file is refused as a whole,
    // or both events are shown; losing the second one without a word is not acceptable.
    std::string text = fixture("invalid_utf8.ics").text;
    const auto at = text.find("SUMMARY:Kahvi");
    ASSERT_NE(at, std::string::npos);
    text.insert(at + 13, std::string(1, '\0'));
    ASSERT_EXIT(test::import_then_exit({{"nul.ics", text}}, some_weeks), testing::ExitedWithCode(0), "")
        << "the import did not finish";
    const auto result = import_programme({{"nul.ics", text}}, helsinki(), some_weeks);
    if (result.ok()) {
        EXPECT_EQ(with_uid(result.value(), "roskaa-1@olohuone.example").size(), 1u);
        EXPECT_EQ(with_uid(result.value(), "roskaa-2@olohuone.example").size(), 1u);
    } else {
        EXPECT_NE(result.error().message.find("nul.ics"), std::string::npos) << result.error().message;
    }
}

TEST(ImportErrors, LineWithoutColonInsideAnEventIsSkippedWithAWarning)
{
    // A hand-added "X-OLOHUONE-CAPACITY 8" (a space instead of the colon) after the UID.
    // The kiosk must not hang; the line is reported and ignored, the rest of the event and
    // the file are read.
    ASSERT_EXIT(test::import_then_exit({fixture("typo_in_event.ics")}, some_weeks), testing::ExitedWithCode(0), "")
        << "the import did not finish";
    const auto programme = import_ok({fixture("typo_in_event.ics")}, some_weeks);
    const auto crafts = with_uid(programme, "kasityokerho-2026@olohuone.example");
    // Thursdays 19 and 26 Nov and 3 Dec, 14:00 EET = 12:00Z.
    ASSERT_EQ(test::starts_of(crafts), (std::vector<UnixSeconds>{utc(2026, 11, 19, 12), utc(2026, 11, 26, 12),
                                                                 utc(2026, 12, 3, 12)}));
    EXPECT_EQ(crafts[0].capacity, std::nullopt);
    EXPECT_EQ(crafts[0].title.in("sv"), "Handarbetsklubben");
    EXPECT_EQ(crafts[0].title.in("en"), "Handicraft club");
    EXPECT_TRUE(has_warning(programme, "kasityokerho-2026@olohuone.example", "X-OLOHUONE-CAPACITY 8"))
        << test::all_warnings(programme);
    EXPECT_LE(programme.warnings.size(), 5u) << "one bad line, one warning";
    EXPECT_FALSE(with_uid(programme, "aamukahvi-typo-2026@olohuone.example").empty());
}

TEST(ImportErrors, OneBadFileAmongGoodOnesFailsTheWholeImport)
{
    const auto bad_last = import_programme({fixture("all_day.ics"), fixture("overrides.ics"), fixture("not_calendar.ics")},
                                           helsinki(), some_weeks);
    expect_error_naming(bad_last, fixture_path("not_calendar.ics"));

    const auto bad_first = import_programme({fixture("empty.ics"), fixture("all_day.ics")}, helsinki(), some_weeks);
    expect_error_naming(bad_first, fixture_path("empty.ics"));
    if (!bad_first.ok()) {
        EXPECT_EQ(bad_first.error().message.find("all_day.ics"), std::string::npos)
            << "the good file is not to blame: " << bad_first.error().message;
    }
}

TEST(ImportErrors, TruncatedDownloadIsNotTakenAsTheWholeProgramme)
{
    // The download stopped in the middle of the second event: no END:VEVENT, no END:VCALENDAR.
    // Importing the first event alone would replace a good programme with half of one.
    const auto result = import_programme({fixture("truncated.ics")}, helsinki(), some_weeks);
    expect_error_naming(result, fixture_path("truncated.ics"));

    // Cut right after a complete event: still no END:VCALENDAR.
    std::string text = fixture("truncated.ics").text;
    text.resize(text.find("END:VEVENT\r\n") + 12);
    expect_error_naming(import_programme({{"katkennut.ics", text}}, helsinki(), some_weeks), "katkennut.ics");
}

// Two events of a Microsoft 365 export, the first with a reminder whose END:VALARM is
// missing (a hand edit gone wrong): libical would give up on the whole file.
const std::string unclosed_alarm =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:Microsoft Exchange Server 2010\r\n"
    "BEGIN:VEVENT\r\nUID:muistutus@test\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=Europe/Helsinki:20261124T100000\r\nDTEND;TZID=Europe/Helsinki:20261124T110000\r\n"
    "SUMMARY;LANGUAGE=fi-FI:Muistelupiiri\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Muistutus\r\n"
    "TRIGGER;RELATED=START:-PT15M\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:kuoro@test\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=Europe/Helsinki:20261125T140000\r\nDTEND;TZID=Europe/Helsinki:20261125T150000\r\n"
    "SUMMARY;LANGUAGE=fi-FI:Kuoro\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

TEST(ImportErrors, AnEventWithAComponentLeftOpenIsLeftOutAndTheRestRead)
{
    const auto programme = import_ok({{"outlook.ics", unclosed_alarm}}, some_weeks);
    ASSERT_EQ(programme.occurrences.size(), 1u) << test::all_warnings(programme);
    EXPECT_EQ(programme.occurrences[0].title.default_text(), "Kuoro");
    EXPECT_EQ(programme.occurrences[0].start, utc(2026, 11, 25, 12));
    EXPECT_TRUE(test::has_warning(programme, "outlook.ics, line 14: the VEVENT on line 4 (UID muistutus@test)",
                                  "BEGIN:VALARM on line 10 that is never closed; the VEVENT is left out"))
        << test::all_warnings(programme);
}

TEST(ImportErrors, AnEventNeverClosedGoesAloneWhenTheNextOneBegins)
{
    std::string text = unclosed_alarm;
    // The first event's reminder closed, its own END:VEVENT lost.
    text.replace(text.find("TRIGGER;RELATED=START:-PT15M\r\nEND:VEVENT\r\n"), 42,
                 "TRIGGER;RELATED=START:-PT15M\r\nEND:VALARM\r\n");
    const auto programme = import_ok({{"outlook.ics", text}}, some_weeks);
    ASSERT_EQ(programme.occurrences.size(), 1u) << test::all_warnings(programme);
    EXPECT_EQ(programme.occurrences[0].title.default_text(), "Kuoro");
    EXPECT_TRUE(test::has_warning(programme, "outlook.ics, line 15: the VEVENT on line 4 (UID muistutus@test)",
                                  "is never closed before this BEGIN:VEVENT"))
        << test::all_warnings(programme);
}

TEST(ImportErrors, AMisspeltEndClosesWhatIsOpenAsLibicalReadsIt)
{
    std::string text = unclosed_alarm;
    text.replace(text.find("TRIGGER;RELATED=START:-PT15M\r\nEND:VEVENT\r\n"), 42,
                 "TRIGGER;RELATED=START:-PT15M\r\nEND:VALRAM \r\nEND:VEVENT\r\n");
    const auto programme = import_ok({{"outlook.ics", text}}, some_weeks);
    EXPECT_EQ(programme.occurrences.size(), 2u) << test::all_warnings(programme);
    EXPECT_TRUE(test::has_warning(programme, "outlook.ics, line 14: END:VALRAM is read as the END:VALARM of line 10"))
        << test::all_warnings(programme);
}

TEST(ImportErrors, EmptyPropertiesAsGoogleWritesThemAreNoWarning)
{
    const std::string text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
                             "X-WR-CALDESC:\r\nBEGIN:VEVENT\r\nUID:tyhja@google.com\r\nDTSTAMP:20261101T000000Z\r\n"
                             "DTSTART:20261124T080000Z\r\nDTEND:20261124T090000Z\r\nDESCRIPTION:\r\nLOCATION:\r\n"
                             "SUMMARY:Kuntosali\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const auto programme = import_ok({{"google.ics", text}}, some_weeks);
    ASSERT_EQ(programme.occurrences.size(), 1u);
    EXPECT_EQ(programme.occurrences[0].location.default_text(), "");
    EXPECT_TRUE(programme.warnings.empty()) << test::all_warnings(programme);
}

TEST(ImportErrors, AStrayEndIsIgnoredWithAWarning)
{
    std::string text = unclosed_alarm;
    text.replace(text.find("TRIGGER;RELATED=START:-PT15M\r\n"), 30, "TRIGGER;RELATED=START:-PT15M\r\nEND:VALARM\r\n");
    text.insert(text.find("BEGIN:VEVENT\r\nUID:kuoro"), "END:VTODO\r\n");
    const auto programme = import_ok({{"outlook.ics", text}}, some_weeks);
    EXPECT_EQ(programme.occurrences.size(), 2u) << test::all_warnings(programme);
    EXPECT_TRUE(test::has_warning(programme, "outlook.ics, line 16: END:VTODO without its BEGIN is ignored"))
        << test::all_warnings(programme);
}

TEST(ImportErrors, SeveralCalendarsInOneFileAreReadAsOne)
{
    // As some exporters write one VCALENDAR per event, each with its zone.
    const std::string zone = "BEGIN:VTIMEZONE\r\nTZID:FLE Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T040000\r\n"
                             "TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
                             "END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\n"
                             "TZOFFSETTO:+0300\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n"
                             "END:VTIMEZONE\r\n";
    const auto calendar = [&](const std::string& uid, const std::string& day, const std::string& title) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone test//FI\r\n" + zone + "BEGIN:VEVENT\r\nUID:" + uid
            + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=FLE Standard Time:202611" + day
            + "T100000\r\nDURATION:PT1H\r\nSUMMARY:" + title + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    };
    const auto programme =
        import_ok({{"yhdessa.ics", calendar("a@test", "24", "Aamukahvi") + calendar("b@test", "25", "Jumppa")}},
                  some_weeks, test::utc_zone());
    ASSERT_EQ(programme.occurrences.size(), 2u) << test::all_warnings(programme);
    EXPECT_EQ(programme.occurrences[0].start, utc(2026, 11, 24, 8)) << "10.00 FLE from the file's own zone";
    EXPECT_EQ(programme.occurrences[1].title.default_text(), "Jumppa");
}

TEST(ImportErrors, LowerCaseNamesAreRead)
{
    const std::string text = "begin:vcalendar\r\nversion:2.0\r\nprodid:-//khal//FI\r\nbegin:vevent\r\nuid:pieni@test\r\n"
                             "dtstamp:20261101T000000Z\r\ndtstart;tzid=Europe/Helsinki:20261124T100000\r\n"
                             "duration:PT1H\r\nsummary:Lukupiiri\r\nend:vevent\r\nend:vcalendar\r\n";
    const auto programme = import_ok({{"pienet.ics", text}}, some_weeks);
    ASSERT_EQ(programme.occurrences.size(), 1u) << test::all_warnings(programme);
    EXPECT_EQ(programme.occurrences[0].title.default_text(), "Lukupiiri");
    EXPECT_EQ(programme.occurrences[0].start, utc(2026, 11, 24, 8));
}

TEST(ImportErrors, Utf8ByteOrderMarkIsAccepted)
{
    // Notepad and some Windows tools write a BOM before BEGIN:VCALENDAR.
    const auto result = import_programme({fixture("utf8_bom.ics")}, helsinki(), some_weeks);
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_EQ(result->occurrences.size(), 1u);
    EXPECT_EQ(result->occurrences[0].title.default_text(), "Päiväkerho");
    EXPECT_EQ(result->occurrences[0].start, utc(2026, 11, 24, 8));
}

TEST(ImportErrors, NoFilesGiveAnEmptyProgramme)
{
    const auto programme = import_ok({}, some_weeks);
    EXPECT_TRUE(programme.occurrences.empty());
    EXPECT_TRUE(programme.warnings.empty());
}

} // namespace
} // namespace olohuone
