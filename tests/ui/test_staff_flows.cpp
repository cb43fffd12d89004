// Staff mode as staff use it: the small "Henkilökunta" button, the PIN pad, the list of
// who is here and the sync's state, by finger taps on the real kiosk drawing into memory,
// with a real SQLite file and virtual time.
#include <gtest/gtest.h>

#include <set>

#include "earlier_records.h"
#include "flow_steps.h"
#include "offscreen_kiosk.h"
#include "store/staff_access.h"

namespace olohuone::testing {
namespace {



void open_staff_mode(OffscreenKiosk& kiosk)
{
    kiosk.choose("staff/enter");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_pin");
    type_staff_pin(kiosk, test_staff_pin);
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_home") << kiosk.screen_text();
}

void sign_in(OffscreenKiosk& kiosk, const std::string& name, const std::string& group)
{
    SignInDraft draft;
    draft.key = kiosk.services().visits().new_key();
    draft.group_id = group;
    draft.typed_name = name;
    draft.anonymous = name.empty();
    ASSERT_TRUE(kiosk.services().visits().sign_in(draft).ok());
}

std::int64_t wrong_tries(OffscreenKiosk& kiosk)
{
    auto failures = store::staff_pin_failures(kiosk.services().store().database());
    EXPECT_TRUE(failures.ok());
    return failures.ok() ? failures->count : -1;
}

TEST(StaffFlows, TheStaffButtonIsOneTapFromTodayAndLeadsToAPadAVisitorCanLeave)
{
    OffscreenKiosk kiosk; // the 7" panel: behind "Teksti ja kieli"
    EXPECT_FALSE(kiosk.has_target("staff/enter"));
    kiosk.tap("settings/open");
    kiosk.advance_ms(600);
    ASSERT_TRUE(kiosk.has_target("staff/enter"));
    EXPECT_TRUE(kiosk.shows_text("Henkilökunta"));
    kiosk.tap("staff/enter");
    EXPECT_EQ(kiosk.ui().screen_name(), "staff_pin");
    EXPECT_TRUE(kiosk.shows_text("Vain henkilökunnalle"));
    EXPECT_TRUE(kiosk.shows_text("Anna PIN-koodi."));
    kiosk.advance_ms(600);
    kiosk.tap("pin/back");
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
}

TEST(StaffFlows, OnAPortraitScreenTheStaffButtonGivesWayToTheLargestText)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    EXPECT_TRUE(kiosk.has_target("staff/enter"));
    kiosk.choose("size/extra_large");
    kiosk.advance_ms(600);
    EXPECT_FALSE(kiosk.has_target("staff/enter")) << "it would take a row from the programme";
    // The idle reset brings back the default size, and the button.
    kiosk.advance_ms(kiosk.services().config().idle_timeout_seconds * 1000LL);
    EXPECT_TRUE(kiosk.has_target("staff/enter"));
}

TEST(StaffFlows, TheRightPinOpensStaffModeAndBackDoesNotLeadToThePadAgain)
{
    OffscreenKiosk kiosk;
    set_staff_pin_earlier(kiosk, test_staff_pin);
    open_staff_mode(kiosk);
    EXPECT_TRUE(kiosk.shows_text("Kuka on paikalla"));
    EXPECT_TRUE(kiosk.shows_text("Synkronointi"));
    EXPECT_FALSE(kiosk.has_target("staff/enter")) << "staff mode is not offered inside itself";
    kiosk.tap("staff/present");
    kiosk.advance_ms(600);
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_present");
    kiosk.tap("present/back");
    kiosk.advance_ms(600);
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_home");
    kiosk.tap("staff/leave");
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
    EXPECT_TRUE(kiosk.has_target("settings/open"));
}

TEST(StaffFlows, TypedDigitsShowAsDotsAndAWrongPinIsSaidPlainly)
{
    OffscreenKiosk kiosk;
    set_staff_pin_earlier(kiosk, test_staff_pin);
    kiosk.choose("staff/enter");
    for (char digit : std::string("1357")) {
        kiosk.tap(std::string("pin/digit/") + digit);
        kiosk.advance_ms(450);
    }
    EXPECT_TRUE(kiosk.shows_text("● ● ● ●"));
    EXPECT_FALSE(kiosk.shows_text("1357")) << "a PIN is never shown in digits";
    kiosk.tap("pin/erase");
    kiosk.advance_ms(450);
    EXPECT_TRUE(kiosk.shows_text("● ● ●"));
    EXPECT_FALSE(kiosk.shows_text("● ● ● ●"));
    kiosk.tap("pin/digit/9");
    kiosk.advance_ms(450);
    kiosk.tap("pin/ok");
    EXPECT_EQ(kiosk.ui().screen_name(), "staff_pin");
    EXPECT_TRUE(kiosk.shows_text("Väärä PIN-koodi. Yritä uudelleen."));
    EXPECT_FALSE(kiosk.shows_text("●")) << "a wrong PIN is wiped";
    EXPECT_EQ(wrong_tries(kiosk), 1);
}

TEST(StaffFlows, ThreeWrongPinsShutThePadUntilTheTimeItShowsEvenForTheRightPin)
{
    OffscreenKiosk kiosk; // 10.15.00
    set_staff_pin_earlier(kiosk, test_staff_pin);
    kiosk.choose("staff/enter");
    for (int attempt = 0; attempt < 3; ++attempt)
        type_staff_pin(kiosk, "0000");
    EXPECT_EQ(wrong_tries(kiosk), 3);
    // Shut for 30 s from the third try; the minute shown is never too early.
    EXPECT_TRUE(kiosk.shows_text("Liian monta väärää yritystä. Voit yrittää uudelleen klo 10.16.")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.has_target("pin/digit/2")) << "a shut pad shows no keys";
    EXPECT_FALSE(kiosk.has_target("pin/ok"));
    EXPECT_TRUE(kiosk.has_target("pin/back"));

    // Leaving and coming back does not open it.
    kiosk.tap("pin/back");
    kiosk.advance_ms(600);
    kiosk.choose("staff/enter");
    EXPECT_TRUE(kiosk.shows_text("Voit yrittää uudelleen klo 10.16."));

    kiosk.advance_ms(31'000);
    EXPECT_TRUE(kiosk.shows_text("Anna PIN-koodi."));
    type_staff_pin(kiosk, test_staff_pin);
    EXPECT_EQ(kiosk.ui().screen_name(), "staff_home");
    EXPECT_EQ(wrong_tries(kiosk), 0) << "the right PIN clears the count";
}

TEST(StaffFlows, APinWithARepeatedDigitTypedAtAnEverydayPaceIsTakenWhole)
{
    OffscreenKiosk kiosk;
    set_staff_pin_earlier(kiosk, "2255");
    kiosk.choose("staff/enter");
    kiosk.advance_ms(600);
    for (char digit : std::string("2255")) {
        kiosk.tap(std::string("pin/digit/") + digit);
        kiosk.advance_ms(150);
    }
    EXPECT_TRUE(kiosk.shows_text("● ● ● ●")) << kiosk.screen_text();
    kiosk.tap("pin/ok");
    EXPECT_EQ(kiosk.ui().screen_name(), "staff_home");
}

TEST(StaffFlows, TheTapThatOpensThePadDoesNotBounceOntoAKey)
{
    OffscreenKiosk kiosk;
    kiosk.tap("settings/open");
    kiosk.advance_ms(600);
    const ui::Point at = kiosk.center_of("staff/enter");
    kiosk.touch_down(at);
    kiosk.advance_ms(80);
    kiosk.touch_up(at);
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_pin");
    // A tremor's second touch at the same spot, now on the pad.
    kiosk.advance_ms(100);
    kiosk.touch_down(at);
    kiosk.advance_ms(80);
    kiosk.touch_up(at);
    EXPECT_FALSE(kiosk.shows_text("●")) << kiosk.screen_text();
}

TEST(StaffFlows, AFourthWrongPinDoublesTheWait)
{
    OffscreenKiosk kiosk;
    set_staff_pin_earlier(kiosk, test_staff_pin);
    kiosk.choose("staff/enter");
    for (int attempt = 0; attempt < 3; ++attempt)
        type_staff_pin(kiosk, "0000");
    kiosk.advance_ms(31'000); // 10.15.33
    type_staff_pin(kiosk, "1111");  // a minute from 10.15.3x
    EXPECT_TRUE(kiosk.shows_text("Voit yrittää uudelleen klo 10.17.")) << kiosk.screen_text();
}

TEST(StaffFlows, WithoutAPinThePadSaysHowOneIsSet)
{
    OffscreenKiosk kiosk;
    kiosk.choose("staff/enter");
    type_staff_pin(kiosk, "1234");
    EXPECT_EQ(kiosk.ui().screen_name(), "staff_pin");
    EXPECT_TRUE(kiosk.shows_text("olohuonectl kiosk set-pin")) << kiosk.screen_text();
}

// The roll call a fire alarm needs: everyone in the building, signed in at the kiosk or
// marked present at one of today's activities, by whole name, with where and when each
// was last seen.
TEST(StaffFlows, WhoIsHereListsEveryoneInTheBuildingWithWhereTheyWereLastSeen)
{
    OffscreenKiosk kiosk; // 10.15
    set_staff_pin_earlier(kiosk, test_staff_pin);
    const Occurrence gymnastics = occurrence_titled(kiosk, {2026, 11, 24}, "Tuolijumppa");
    register_earlier(kiosk, gymnastics, {"Helmi Laine"});
    sign_in(kiosk, "Veikko Virtanen", "resident");
    kiosk.advance_ms(20 * 60'000); // 10.35
    sign_in(kiosk, "Aino Korhonen", "relative");
    sign_in(kiosk, "Eero Mäkelä", "volunteer");
    sign_in(kiosk, "", "other");
    sign_in(kiosk, "", "resident");
    // Eero leaves again.
    const auto open = kiosk.services().visits().signed_in_today();
    for (const OpenVisit& visit : open) {
        if (visit.public_name == "Eero M.") {
            ASSERT_TRUE(kiosk.services().visits().sign_out(visit.visit_key, kiosk.services().visits().new_key()).ok());
        }
    }
    // Helmi goes straight to chair gymnastics and says she is there, without signing in.
    tap(kiosk, kiosk.target_showing("Tuolijumppa", event_rows));
    tap(kiosk, "activity/here");
    tap(kiosk, kiosk.target_showing("Helmi L.", "choice/"));
    tap(kiosk, "confirm/yes");
    ASSERT_EQ(kiosk.ui().screen_name(), "thanks") << kiosk.screen_text();
    tap(kiosk, "thanks/close");

    open_staff_mode(kiosk);
    EXPECT_TRUE(kiosk.shows_text("3 paikalla"));
    kiosk.tap("staff/present");
    EXPECT_TRUE(kiosk.shows_text("Paikalla nyt: 3")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Nimettömiä käyntejä tänään: 2"));
    // Every page of the list, as staff would read it.
    std::string text = kiosk.screen_text();
    for (int page = 0; page < 3 && kiosk.has_target("present/later"); ++page) {
        tap(kiosk, "present/later");
        text += kiosk.screen_text();
    }
    const auto aino = text.find("Aino Korhonen 10.35 Kirjautui sisään · Omainen tai ystävä");
    const auto helmi = text.find("Helmi Laine 10.35 Tuolijumppa, Sali · Asukas");
    const auto veikko = text.find("Veikko Virtanen 10.15 Kirjautui sisään · Asukas");
    ASSERT_NE(aino, std::string::npos) << text;
    ASSERT_NE(helmi, std::string::npos) << text;
    ASSERT_NE(veikko, std::string::npos) << text;
    EXPECT_LT(aino, helmi) << "alphabetical, so a name is found at a glance";
    EXPECT_LT(helmi, veikko) << "alphabetical, so a name is found at a glance";
    EXPECT_EQ(text.find("Eero"), std::string::npos) << "signed out";
}

// The fire alarm: staff tick off each person in the building as they are found; the
// count of those still missing is at the top, and nothing but the journal's audit
// lines is stored.
TEST(StaffFlows, TheRollCallTicksOffEachPersonFoundAndStoresNothing)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    set_staff_pin_earlier(kiosk, test_staff_pin);
    sign_in_earlier(kiosk, {"Aino Korhonen", "Veikko Virtanen"}, "resident");
    const Occurrence gymnastics = occurrence_titled(kiosk, {2026, 11, 24}, "Tuolijumppa");
    mark_here_earlier(kiosk, gymnastics, {"Helmi Laine"}, 1);
    sign_in(kiosk, "", "other");
    open_staff_mode(kiosk);
    tap(kiosk, "staff/present");
    const std::int64_t rows_before = count(kiosk, "SELECT total_changes()");
    const std::int64_t outbox_before = count(kiosk, "SELECT count(*) FROM outbox");

    ::testing::internal::CaptureStderr();
    tap(kiosk, "present/roll_call");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_roll_call");
    EXPECT_TRUE(kiosk.shows_text("Löytymättä: 3 / 3")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Nimettömiä käyntejä tänään: 1")) << kiosk.screen_text();
    const std::string helmi = kiosk.target_showing("Helmi Laine", "choice/");
    EXPECT_TRUE(kiosk.shows_text("Tuolijumppa, Sali")) << "where she was last seen";
    const ui::Rect helmi_place = kiosk.frame().find_target(helmi)->drawn;
    tap(kiosk, helmi);
    EXPECT_TRUE(kiosk.shows_text("Löytymättä: 2 / 3")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("✓ Löytynyt")) << kiosk.screen_text();
    // A tick made by mistake comes off with a second tap; the buttons stay where they are.
    tap(kiosk, helmi);
    EXPECT_TRUE(kiosk.shows_text("Löytymättä: 3 / 3")) << kiosk.screen_text();
    for (const char* name : {"Aino Korhonen", "Helmi Laine", "Veikko Virtanen"})
        tap(kiosk, kiosk.target_showing(name, "choice/"));
    EXPECT_TRUE(kiosk.shows_text("Löytymättä: 0 / 3")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Kaikki nimellä kirjautuneet ovat löytyneet.")) << kiosk.screen_text();
    EXPECT_EQ(kiosk.frame().find_target(helmi)->drawn, helmi_place);
    tap(kiosk, "roll_call/end");
    const std::string journal = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(kiosk.ui().screen_name(), "staff_present");
    EXPECT_NE(journal.find("roll call begun: 3 in the building by name, 1 counted without a name today"),
              std::string::npos)
        << journal;
    EXPECT_NE(journal.find("roll call ended: 3 of 3 found"), std::string::npos) << journal;
    EXPECT_EQ(journal.find("Helmi"), std::string::npos) << "no names in the journal";
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox"), outbox_before);
    EXPECT_EQ(count(kiosk, "SELECT total_changes()"), rows_before) << "the ticks are not stored";

    // Left in the middle, untouched, it closes after half an hour, not after staff
    // mode's two minutes.
    tap(kiosk, "present/roll_call");
    kiosk.advance_ms(10 * 60'000);
    EXPECT_EQ(kiosk.ui().screen_name(), "staff_roll_call");
    kiosk.advance_ms(21 * 60'000);
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
}

TEST(StaffFlows, ALongListIsPagedAndEveryNameCanBeReached)
{
    OffscreenKiosk kiosk; // a 7" panel
    set_staff_pin_earlier(kiosk, test_staff_pin);
    const std::vector<std::string> names = {"Aino Aalto", "Bertta Berg", "Cecilia Carlsson", "Daniel Dahl",
                                            "Eila Eskola", "Frans Forsman", "Greta Grönlund", "Hilkka Heino",
                                            "Ilmari Ikonen", "Jorma Jokinen", "Kaarina Koski", "Lauri Lehto",
                                            "Maija Mattila", "Niilo Nieminen"};
    for (const std::string& name : names)
        sign_in(kiosk, name, "resident");
    open_staff_mode(kiosk);
    kiosk.tap("staff/present");
    kiosk.advance_ms(600);
    ASSERT_TRUE(kiosk.has_target("present/later")) << "14 people do not fit a 7\" panel";
    std::set<std::string> seen;
    for (int page = 0; page < 10; ++page) {
        for (const std::string& name : names)
            if (kiosk.shows_text(name))
                seen.insert(name);
        if (!kiosk.has_target("present/later"))
            break;

        kiosk.tap("present/later");
        kiosk.advance_ms(600);
    }
    EXPECT_EQ(seen.size(), names.size());
    kiosk.tap("present/earlier");
    kiosk.advance_ms(600);
    EXPECT_TRUE(kiosk.has_target("present/later"));
}

TEST(StaffFlows, StaffModeClosesByItselfWhenLeftAlone)
{
    OffscreenKiosk kiosk;
    set_staff_pin_earlier(kiosk, test_staff_pin);
    open_staff_mode(kiosk);
    EXPECT_TRUE(kiosk.shows_text("Sulkeutuu itsestään, kun näyttöön ei ole koskettu 2 minuuttiin."))
        << kiosk.screen_text();
    kiosk.tap("staff/present");
    const std::int64_t idle_ms = kiosk.services().config().staff_idle_timeout_seconds * 1000LL;
    kiosk.advance_ms(idle_ms - 1'000);
    EXPECT_EQ(kiosk.ui().screen_name(), "staff_present");
    kiosk.advance_ms(1'000);
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
    // Coming back needs the PIN again.
    kiosk.pause_after_unasked_change();
    kiosk.choose("staff/enter");
    EXPECT_EQ(kiosk.ui().screen_name(), "staff_pin");
}

TEST(StaffFlows, AKioskWithoutAServerSaysSoAndCountsWhatItKeeps)
{
    OffscreenKiosk kiosk;
    set_staff_pin_earlier(kiosk, test_staff_pin);
    sign_in(kiosk, "Aino Korhonen", "resident");
    sign_in(kiosk, "", "resident");
    open_staff_mode(kiosk);
    kiosk.tap("staff/sync");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_sync");
    EXPECT_TRUE(kiosk.shows_text("Tämä kioski toimii ilman palvelinta.")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Odottaa lähetystä: 2"));
    EXPECT_FALSE(kiosk.has_target("sync/now"));
}

TEST(StaffFlows, AnUnreachableServerShowsItsProblemAndSyncNowIsOffered)
{
    OffscreenKiosk kiosk;
    set_staff_pin_earlier(kiosk, test_staff_pin);
    sign_in(kiosk, "Aino Korhonen", "resident");
    kiosk.sync_with_unreachable_server();
    open_staff_mode(kiosk);
    EXPECT_TRUE(kiosk.shows_text("Odottaa lähetystä: 1"));
    kiosk.tap("staff/sync");
    EXPECT_TRUE(kiosk.shows_text("Palvelin: https://127.0.0.1:9")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Ei vielä yhtään onnistunutta synkronointia."));
    EXPECT_TRUE(kiosk.shows_text("Viimeisin ongelma: palvelimeen ei saada yhteyttä. Lisätiedot ovat kioskin lokissa."))
        << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("127.0.0.1 port 9")) << "curl's own words go to the log, not to staff";
    kiosk.advance_ms(600);
    kiosk.tap("sync/now");
    EXPECT_TRUE(kiosk.shows_text("Synkronointia pyydetty."));
}

} // namespace
} // namespace olohuone::testing
