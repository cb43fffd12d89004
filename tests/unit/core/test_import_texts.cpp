// The texts a resident reads: escaping, folding, UTF-8, translations (X-OLOHUONE-*
// with LANGUAGE), the host, capacity and picture, and the warnings for invalid values.
#include <gtest/gtest.h>

#include "test_support.h"

namespace olohuone {
namespace {

using test::fixture;
using test::has_warning;
using test::import_ok;
using test::utc;
using test::with_uid;
using test::window;

// Mon 16 Nov – Tue 8 Dec 2026 in Helsinki.
const ImportWindow texts_window = window(utc(2026, 11, 15, 22), utc(2026, 12, 7, 22));

using test::only;

TEST(ImportTexts, EscapedCommaAndSemicolonInSummaryAreShownPlain)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    const Occurrence singing = only(programme, "lauluhetki-2026-11-26@olohuone.example");
    EXPECT_EQ(singing.title.default_text(), "Lauluhetki, kahvit ja pulla; tervetuloa!");
    EXPECT_EQ(singing.start, utc(2026, 11, 26, 11)); // 13:00 EET
}

TEST(ImportTexts, FoldedDescriptionIsJoinedAndKeepsItsLineBreaksAndUmlauts)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    const Occurrence singing = only(programme, "lauluhetki-2026-11-26@olohuone.example");
    // Folded over four lines, once between the two ä of "säestää"; \n, \, \; and \\ escaped.
    EXPECT_EQ(singing.description.default_text(),
              "Lauletaan yhdessä tuttuja lauluja: Karjalan kunnailla, Kesäpäivä Kangasalla ja Sä kasvoit "
              "neito kaunoinen.\nLaulukirjoja on lainattavana; silmälasit mukaan!\nKanttori säestää "
              "pianolla \\o/");
}

TEST(ImportTexts, LineBreakInSummaryBecomesASpace)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    EXPECT_EQ(only(programme, "bingo-2026-11-27@olohuone.example").title.default_text(), "Bingo klo 13");
}

TEST(ImportTexts, LineFoldedWithATabIsJoined)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    EXPECT_EQ(only(programme, "kuntosali-2026-11-30@olohuone.example").title.default_text(), "Kuntosaliryhmä");
}

TEST(ImportTexts, OlohuoneTranslationsAreUnescapedAndFiledUnderTheirLanguage)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    const Occurrence singing = only(programme, "lauluhetki-2026-11-26@olohuone.example");
    EXPECT_EQ(singing.title.in("sv"), "Sångstund, kaffe och bulle; välkommen!");
    EXPECT_EQ(singing.title.in("en"), "Sing-along, coffee and buns; welcome!");
    EXPECT_EQ(singing.location.default_text(), "Olohuone");
    EXPECT_EQ(singing.location.in("sv"), "Vardagsrummet");
    EXPECT_EQ(singing.location.in("en"), "Living room");
}

TEST(ImportTexts, RegionAndCaseInLanguageTagAreIgnored)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    const Occurrence singing = only(programme, "lauluhetki-2026-11-26@olohuone.example");
    // LANGUAGE=sv-FI and LANGUAGE=EN, folded, with \n and \; escapes.
    EXPECT_EQ(singing.description.in("sv"),
              "Vi sjunger välkända sånger tillsammans.\nSångböcker finns att låna; ta med glasögonen!");
    EXPECT_EQ(singing.description.in("en"), "We sing well-known songs together.\nSongbooks to borrow; bring your glasses!");
    std::vector<std::string> languages;
    for (const auto& [language, text] : singing.description.translations())
        languages.push_back(language);
    EXPECT_EQ(languages, (std::vector<std::string>{"en", "sv"}));
}

// Outlook and Exchange tag SUMMARY, LOCATION and DESCRIPTION with the writer's Outlook
// language, whatever the text's: the text is the event's, on every screen.
TEST(ImportTexts, ExchangesLanguageTagsOnStandardTextsDoNotHideThem)
{
    const auto programme = import_ok({fixture("exchange_languages.ics")}, texts_window);
    EXPECT_TRUE(programme.warnings.empty()) << test::all_warnings(programme);
    ASSERT_EQ(programme.occurrences.size(), 2u);
    const Occurrence& knitting = programme.occurrences[0];
    for (const char* language : {"fi", "sv", "en"}) {
        EXPECT_EQ(knitting.title.in(language), "Neulekerho") << language;
        EXPECT_EQ(knitting.location.in(language), "Askartelutila") << language;
        EXPECT_EQ(knitting.description.in(language), "Tuo omat puikot, lankaa on.") << language;
    }
    EXPECT_TRUE(knitting.title.translations().empty()) << "en-US names Outlook's language, not a translation";
    // A translation the programme's own property gives still counts.
    const Occurrence& concert = programme.occurrences[1];
    EXPECT_EQ(concert.title.in("fi"), "Kahvikonsertti");
    EXPECT_EQ(concert.title.in("sv"), "Kaffekonsert");
    EXPECT_EQ(concert.location.in("sv"), "Juhlasali");
}

TEST(ImportTexts, AnEventWithOnlyATranslatedTitleShowsItRatherThanNothing)
{
    LocalizedText title;
    title.set("sv", "Kaffestund");
    EXPECT_EQ(title.in("fi"), "Kaffestund");
    EXPECT_EQ(title.in("sv"), "Kaffestund");
    title.set_default("Kahvihetki");
    EXPECT_EQ(title.in("fi"), "Kahvihetki");
    EXPECT_EQ(title.in("en"), "Kahvihetki");
}

TEST(ImportTexts, MissingTranslationFallsBackToFinnish)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    const Occurrence bingo = only(programme, "bingo-2026-11-27@olohuone.example");
    EXPECT_EQ(bingo.title.in("sv"), "Bingo klo 13");
    EXPECT_EQ(bingo.location.in("en"), "Ruokasali");
}

TEST(ImportTexts, OlohuoneHostIsUsedBeforeOrganizer)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    const Occurrence singing = only(programme, "lauluhetki-2026-11-26@olohuone.example");
    EXPECT_EQ(singing.host.default_text(), "Seurakunta, kanttori Åsa Öhman");
    EXPECT_EQ(singing.host.in("sv"), "Församlingen, kantor Åsa Öhman");
    EXPECT_EQ(singing.host.in("en"), "The parish, cantor Åsa Öhman");
}

TEST(ImportTexts, OrganizerCommonNameIsTheHostWhenThereIsNoOlohuoneHost)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    const Occurrence bingo = only(programme, "bingo-2026-11-27@olohuone.example");
    EXPECT_EQ(bingo.host.default_text(), "Eläkeläisyhdistys");
    EXPECT_EQ(bingo.host.in("sv"), "Eläkeläisyhdistys");
}

TEST(ImportTexts, ValidCapacityAndPictureAreRead)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    const Occurrence singing = only(programme, "lauluhetki-2026-11-26@olohuone.example");
    EXPECT_EQ(singing.capacity, std::optional<int>(20));
    EXPECT_EQ(singing.picture, "pictures/musiikki.png");
}

TEST(ImportTexts, InvalidCapacityIsIgnoredWithAWarning)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    EXPECT_EQ(only(programme, "bingo-2026-11-27@olohuone.example").capacity, std::nullopt);
    EXPECT_EQ(only(programme, "kuntosali-2026-11-30@olohuone.example").capacity, std::nullopt);
    EXPECT_EQ(only(programme, "taidenayttely-2026-12-01@olohuone.example").capacity, std::nullopt);
    EXPECT_TRUE(has_warning(programme, "bingo-2026-11-27@olohuone.example", "'kaksitoista'"));
    EXPECT_TRUE(has_warning(programme, "kuntosali-2026-11-30@olohuone.example", "CAPACITY '0'"));
    EXPECT_TRUE(has_warning(programme, "taidenayttely-2026-12-01@olohuone.example", "'12 paikkaa'"));
}

TEST(ImportTexts, PicturePathOutsideTheContentFolderIsRejectedWithAWarning)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    EXPECT_EQ(only(programme, "bingo-2026-11-27@olohuone.example").picture, "");
    EXPECT_EQ(only(programme, "kuntosali-2026-11-30@olohuone.example").picture, "");
    EXPECT_EQ(only(programme, "taidenayttely-2026-12-01@olohuone.example").picture, "");
    EXPECT_TRUE(has_warning(programme, "PICTURE", "'../../etc/passwd'"));
    EXPECT_TRUE(has_warning(programme, "PICTURE", "'/home/kiosk/.ssh/id_rsa'"));
    EXPECT_TRUE(has_warning(programme, "PICTURE", "'pictures/../../secret.png'"));
}

TEST(ImportTexts, UnknownOlohuonePropertyIsReportedButOtherXPropertiesAreNot)
{
    const auto programme = import_ok({fixture("texts.ics")}, texts_window);
    EXPECT_TRUE(has_warning(programme, "taidenayttely-2026-12-01@olohuone.example", "X-OLOHUONE-COLOUR"));

    // A clean Outlook export full of X-MICROSOFT-* properties imports without a single warning.
    const auto outlook = import_ok({fixture("outlook_fle.ics")}, window(utc(2026, 1, 1), utc(2027, 1, 1)));
    EXPECT_TRUE(outlook.warnings.empty()) << test::all_warnings(outlook);
}

TEST(ImportTexts, TheSameFileWithPlainLfLineEndingsGivesTheSameProgramme)
{
    CalendarFile crlf = fixture("texts.ics");
    ASSERT_NE(crlf.text.find("\r\n"), std::string::npos) << "the fixture must use CRLF";
    CalendarFile lf = crlf;
    std::string text;
    for (char c : crlf.text)
        if (c != '\r')
            text += c;
    lf.text = text;
    const auto from_crlf = import_ok({crlf}, texts_window);
    const auto from_lf = import_ok({lf}, texts_window);
    EXPECT_EQ(from_crlf.occurrences, from_lf.occurrences);
}

TEST(ImportTexts, OverlongTitleIsShortenedOnACharacterBoundary)
{
    std::string title = "x";
    for (int i = 0; i < 150; ++i)
        title += "ä"; // 301 bytes in all
    const std::string text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
                             "UID:pitka@olohuone.example\r\nDTSTAMP:20261101T100000Z\r\n"
                             "DTSTART:20261124T080000Z\r\nSUMMARY:"
        + title + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const auto programme = import_ok({{"pitka.ics", text}}, texts_window);
    ASSERT_EQ(programme.occurrences.size(), 1u);
    // 200 bytes would cut the 100th ä in half: 'x' and 99 whole ä (199 bytes) remain.
    std::string expected = "x";
    for (int i = 0; i < 99; ++i)
        expected += "ä";
    EXPECT_EQ(programme.occurrences[0].title.default_text(), expected);
}

TEST(Fixtures, CalendarFixturesUseCrlfLineEndings)
{
    for (const char* name : {"all_day.ics", "cancelled_series.ics", "dst_weekly.ics", "dst_weekly_no_vtimezone.ics",
                             "exdate.ics", "floating.ics", "missing_fields.ics", "outlook_fle.ics", "overrides.ics",
                             "rdate.ics", "recurrence_rules.ics", "texts.ics", "typo_in_event.ics", "tz_names.ics",
                             "utc_google.ics"}) {
        const std::string text = fixture(name).text;
        ASSERT_FALSE(text.empty()) << name;
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') {
                ASSERT_TRUE(i > 0 && text[i - 1] == '\r') << name << ": bare LF at byte " << i;
            }
    }
}

} // namespace
} // namespace olohuone
