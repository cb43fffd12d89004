// Signing in and out as a visitor does it: finger taps on the real kiosk drawing into
// memory, a real SQLite file underneath, virtual time. Every test ends by asking the
// database what it holds.
#include <gtest/gtest.h>

#include "frame_checks.h"
#include "offscreen_kiosk.h"
#include "ui/layout/theme.h"
#include "core/visitor_name.h"
#include "ui/screens/keyboard.h"

namespace olohuone::testing {
namespace {

std::int64_t count(OffscreenKiosk& kiosk, const std::string& sql)
{
    auto value = kiosk.services().store().database().query_int(sql);
    EXPECT_TRUE(value.ok()) << sql;
    return value.ok() ? value.value() : -1;
}

std::string text_of(OffscreenKiosk& kiosk, const std::string& sql)
{
    auto value = kiosk.services().store().database().query_text(sql);
    EXPECT_TRUE(value.ok()) << sql;
    return value.ok() ? value.value() : std::string();
}

// A regular who signed in earlier, through the same desk the screens use.
void seed_visitor(OffscreenKiosk& kiosk, const std::string& name, const std::string& group,
                  const std::string& marker = {})
{
    SignInDraft draft;
    draft.key = kiosk.services().visits().new_key();
    draft.group_id = group;
    draft.typed_name = name;
    draft.marker_id = marker;
    ASSERT_TRUE(kiosk.services().visits().sign_in(draft).ok());
}

void start_sign_in(OffscreenKiosk& kiosk, const std::string& group)
{
    kiosk.tap("visit/sign_in");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_group");
    kiosk.advance_ms(600);
    // A 7" panel shows the groups a page at a time.
    for (int page = 0; page < 5 && !kiosk.has_target("choice/" + group); ++page) {
        kiosk.tap("choices/later");
        kiosk.advance_ms(600);
    }
    kiosk.tap("choice/" + group);
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_name");
    kiosk.advance_ms(600);
}

void confirm(OffscreenKiosk& kiosk)
{
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_confirm");
    kiosk.advance_ms(600);
    kiosk.tap("confirm/yes");
}

TEST(VisitFlows, ANewVisitorTypesTheirNameAndIsThankedAfterTheRecordIsStored)
{
    OffscreenKiosk kiosk;
    start_sign_in(kiosk, "resident");
    EXPECT_TRUE(kiosk.shows_text("Laske minut mukaan ilman nimeä"));
    kiosk.type("aino korhonen");
    EXPECT_TRUE(kiosk.shows_text("Aino Korhonen")) << "each word starts with a capital by itself";
    kiosk.tap("name/done");
    confirm(kiosk);

    ASSERT_EQ(kiosk.ui().screen_name(), "thanks");
    EXPECT_TRUE(kiosk.shows_text("Kiitos, Aino!"));
    EXPECT_TRUE(kiosk.shows_text("Olet kirjautunut sisään klo 10."));
    EXPECT_EQ(text_of(kiosk, "SELECT name FROM visitor"), "Aino Korhonen");
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit WHERE group_id = 'resident' AND signed_out_at IS NULL"), 1);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'visit.sign_in'"), 1);

    // The thank-you goes by itself after the configured time.
    kiosk.advance_ms(kiosk.services().config().thank_you_seconds * 1000LL);
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
}

TEST(VisitFlows, AThankYouClosingByItselfLetsNoLateTapThroughAndKeepsTheVisitorsChoices)
{
    OffscreenKiosk kiosk;
    kiosk.choose("language/sv");
    kiosk.advance_ms(600);
    kiosk.choose("size/extra_large");
    kiosk.advance_ms(600);
    start_sign_in(kiosk, "resident");
    kiosk.type("lars");
    kiosk.tap("name/done");
    confirm(kiosk);
    ASSERT_EQ(kiosk.ui().screen_name(), "thanks");
    EXPECT_EQ(kiosk.services().config().thank_you_seconds, 10) << "the thank-you stays 10 s by default";

    // A finger resting on "Klar" while the thank-you closes, lifted after: it must not
    // press what Today has in that place.
    const ui::Point late = kiosk.center_of("thanks/close");
    kiosk.advance_ms(600);
    kiosk.touch_down(late);
    kiosk.advance_ms(kiosk.services().config().thank_you_seconds * 1000LL);
    ASSERT_EQ(kiosk.ui().screen_name(), "today");
    ASSERT_NE(kiosk.frame().target_at(late), nullptr) << "Today has a control where \"Klar\" was";
    kiosk.touch_up(late);
    EXPECT_EQ(kiosk.ui().screen_name(), "today") << "the touch began on the thank-you";
    // A second try right after the change is still ignored; a moment later taps work.
    kiosk.advance_ms(100);
    kiosk.touch_down(late);
    kiosk.advance_ms(100);
    kiosk.touch_up(late);
    EXPECT_EQ(kiosk.ui().screen_name(), "today") << "a touch within 0.7 s of a change nobody asked for";
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit WHERE signed_out_at IS NULL"), 1);

    // The visitor's Swedish and largest text stay until the idle reset.
    EXPECT_EQ(kiosk.ui().language(), "sv");
    EXPECT_EQ(kiosk.ui().text_size(), ui::TextSize::ExtraLarge);
    kiosk.advance_ms(600);
    kiosk.tap("visit/sign_in");
    EXPECT_EQ(kiosk.ui().screen_name(), "sign_in_group") << "taps work again after the moment";
    EXPECT_TRUE(kiosk.shows_text("Vem är du?"));
    kiosk.advance_ms(kiosk.services().config().idle_timeout_seconds * 1000LL);
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
    EXPECT_EQ(kiosk.ui().language(), "fi");
    EXPECT_EQ(kiosk.ui().text_size(), ui::TextSize::Normal);
}

TEST(VisitFlows, AShakyDoubleTapOnConfirmMakesOneRecord)
{
    OffscreenKiosk kiosk;
    start_sign_in(kiosk, "volunteer");
    kiosk.type("lars");
    kiosk.tap("name/done");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_confirm");
    kiosk.advance_ms(600);
    kiosk.tap_shakily("confirm/yes", 6);
    EXPECT_EQ(kiosk.ui().screen_name(), "thanks");
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit"), 1);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox"), 1);
}

TEST(VisitFlows, TypingAtASteadyPaceKeepsDoubleLettersWhileABounceIsDropped)
{
    OffscreenKiosk kiosk;
    start_sign_in(kiosk, "resident");
    kiosk.type("liisa kalle", 300);
    EXPECT_TRUE(kiosk.shows_text("Liisa Kalle")) << kiosk.screen_text();
    kiosk.type(" äänekoski", 300);
    // A shaky finger: three touches 60 ms apart on one key are one letter, and on the
    // erase key one erased letter. (The field shows the end of a long name.)
    kiosk.tap_shakily(ui::key_id_for("i"), 3);
    EXPECT_TRUE(kiosk.shows_text("Äänekoskii")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("Äänekoskiii")) << kiosk.screen_text();
    kiosk.advance_ms(300);
    kiosk.tap_shakily(ui::key_id_for(""), 3);
    EXPECT_TRUE(kiosk.shows_text("Äänekoski")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("Äänekoskii")) << kiosk.screen_text();
    kiosk.advance_ms(300);
    kiosk.tap("name/done");
    confirm(kiosk);
    EXPECT_EQ(text_of(kiosk, "SELECT name FROM visitor"), "Liisa Kalle Äänekoski");
}

TEST(VisitFlows, TheSevenInchKeyboardHasSixteenMillimetreKeysAndTheRareLettersATapAway)
{
    OffscreenKiosk kiosk; // the 7" panel
    start_sign_in(kiosk, "resident");
    const double px_per_mm = kiosk.dpi() / 25.4;
    for (const std::string& key : kiosk.targets_starting("key/")) {
        const ui::Rect drawn = kiosk.frame().find_target(key)->drawn;
        EXPECT_GE(drawn.w / px_per_mm, 15.95) << key;
        EXPECT_GE(drawn.h / px_per_mm, 15.95) << key;
    }
    EXPECT_FALSE(kiosk.has_target(ui::key_id_for("b"))) << "b is on the second page";
    // A quick tap, down and up between two frames: the key is seen lit, then not.
    const auto lit = [&](const std::string& key) {
        const ui::Rect drawn = kiosk.frame().find_target(key)->drawn;
        for (const ui::FillCommand& fill : kiosk.frame().fills())
            if (fill.rect == drawn && fill.color == ui::theme::accent_pressed)
                return true;
        return false;
    };
    const ui::Point key_e = kiosk.center_of(ui::key_id_for("e"));
    kiosk.touch_down(key_e);
    kiosk.touch_up(key_e);
    EXPECT_TRUE(lit(ui::key_id_for("e")));
    kiosk.advance_ms(300);
    EXPECT_FALSE(lit(ui::key_id_for("e")));
    kiosk.tap(ui::key_id_for(""));
    kiosk.advance_ms(300);
    kiosk.type("björn åberg", 300); // type() turns the page where a letter is not shown
    EXPECT_TRUE(kiosk.shows_text("Björn Åberg")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.has_target(ui::key_id_for("a"))) << "after a rare letter the first page is back";
    kiosk.advance_ms(300);
    kiosk.tap("name/done");
    confirm(kiosk);
    EXPECT_EQ(text_of(kiosk, "SELECT name FROM visitor"), "Björn Åberg");
}

TEST(VisitFlows, AReturningVisitorPicksThemselvesFromTheSuggestions)
{
    OffscreenKiosk kiosk;
    seed_visitor(kiosk, "Aino Korhonen", "resident");
    seed_visitor(kiosk, "Aili Nieminen", "volunteer");
    start_sign_in(kiosk, "resident");
    kiosk.type("a");
    EXPECT_TRUE(kiosk.targets_starting("name/visitor/").empty()) << "one letter lists nobody";
    kiosk.type("in");
    EXPECT_FALSE(kiosk.shows_text("Aili")) << "Aili does not start with Ain";
    EXPECT_FALSE(kiosk.shows_text("Korhonen")) << "only the initial of the last name is shown";
    kiosk.tap(kiosk.target_showing("Aino K. · Asukas", "name/visitor/"));
    confirm(kiosk);
    EXPECT_TRUE(kiosk.shows_text("Kiitos, Aino!"));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visitor WHERE name = 'Aino Korhonen'"), 1);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit JOIN visitor ON visitor.id = visit.visitor_id "
                           "WHERE visitor.name = 'Aino Korhonen'"),
              2);
}

TEST(VisitFlows, OneTapCountsAnAnonymousVisitInTheChosenGroup)
{
    OffscreenKiosk kiosk;
    start_sign_in(kiosk, "partner");
    kiosk.tap("name/anonymous");
    ASSERT_EQ(kiosk.ui().screen_name(), "thanks");
    EXPECT_TRUE(kiosk.shows_text("Käyntisi on laskettu mukaan."));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit WHERE visitor_id IS NULL AND group_id = 'partner'"), 1);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visitor"), 0);
    EXPECT_EQ(text_of(kiosk, "SELECT kind FROM outbox"), "visit.counted");
    EXPECT_EQ(kiosk.services().staff().anonymous_visits_today(), 1);

    // A slip of the finger is taken back with one tap, and the day's count says so.
    kiosk.tap("thanks/undo");
    ASSERT_EQ(kiosk.ui().screen_name(), "thanks");
    EXPECT_TRUE(kiosk.shows_text("Laskenta peruttu"));
    EXPECT_TRUE(kiosk.shows_text("Käyntiäsi ei lasketa mukaan."));
    EXPECT_FALSE(kiosk.has_target("thanks/undo")) << "nothing more to take back";
    EXPECT_EQ(kiosk.services().staff().anonymous_visits_today(), 0);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'visit.withdrawn' AND "
                           "json_extract(payload, '$.visit') = (SELECT key FROM visit)"),
              1);
}

// On the 7" panel the privacy note has no room under the answers: a button beside them
// shows it on a page of its own, and "Takaisin" leads back to the same question.
TEST(VisitFlows, TheSevenInchPanelShowsWhatANameIsKeptForFromTheGroupAndConfirmScreens)
{
    OffscreenKiosk kiosk; // 800x480, 7"
    kiosk.choose("size/extra_large");
    kiosk.advance_ms(1000);
    const std::string note_start = "Nimesi ja käyntiaikasi tallennetaan";
    kiosk.tap("visit/sign_in");
    kiosk.advance_ms(600);
    for (int page = 0; page < 5 && !kiosk.has_target("choices/footnote"); ++page) {
        kiosk.tap("choices/later");
        kiosk.advance_ms(600);
    }
    ASSERT_TRUE(kiosk.has_target("choices/footnote"));
    EXPECT_FALSE(kiosk.shows_text(note_start));
    kiosk.tap("choices/footnote");
    ASSERT_EQ(kiosk.ui().screen_name(), "footnote");
    EXPECT_TRUE(kiosk.shows_text(note_start));
    EXPECT_TRUE(kiosk.shows_text("etunimesi"));
    for (const std::string& problem : frame_problems(kiosk))
        ADD_FAILURE() << problem;
    kiosk.advance_ms(600);
    kiosk.tap("choices/back");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_group");
    kiosk.advance_ms(600);
    kiosk.tap("choices/back");
    kiosk.advance_ms(600);

    start_sign_in(kiosk, "resident");
    kiosk.type("aino");
    kiosk.tap("name/done");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_confirm");
    EXPECT_FALSE(kiosk.shows_text(note_start));
    for (const std::string& problem : frame_problems(kiosk))
        ADD_FAILURE() << problem;
    kiosk.advance_ms(600);
    kiosk.tap("confirm/note");
    ASSERT_EQ(kiosk.ui().screen_name(), "footnote");
    EXPECT_TRUE(kiosk.shows_text(note_start));
    kiosk.advance_ms(600);
    kiosk.tap("choices/back");
    confirm(kiosk);
    EXPECT_EQ(count(kiosk, "SELECT COUNT(*) FROM visit"), 1);
}

TEST(VisitFlows, ARelativeIsAskedWhomTheyCameToSee)
{
    OffscreenKiosk kiosk;
    start_sign_in(kiosk, "relative");
    kiosk.type("lars åberg");
    kiosk.tap("name/done");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_whom");
    EXPECT_TRUE(kiosk.shows_text("Ketä tulit tapaamaan?"));
    kiosk.advance_ms(600);
    kiosk.tap("choice/resident");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_confirm");
    EXPECT_TRUE(kiosk.shows_text("Asukasta"));
    confirm(kiosk);
    EXPECT_TRUE(kiosk.shows_text("Kiitos, Lars!"));
    EXPECT_EQ(text_of(kiosk, "SELECT whom FROM visit"), "resident");
    EXPECT_EQ(text_of(kiosk, "SELECT name FROM visitor"), "Lars Åberg");
}

TEST(VisitFlows, ANamesakeOfARegularPicksAMarkerAndIsToldApartByIt)
{
    OffscreenKiosk kiosk;
    seed_visitor(kiosk, "Aino Korhonen", "resident");
    start_sign_in(kiosk, "resident");
    kiosk.type("aino koskinen");
    kiosk.tap("name/done");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_marker");
    EXPECT_TRUE(kiosk.shows_text("Toinenkin Aino K. käy täällä."));
    kiosk.advance_ms(600);
    kiosk.tap("choice/rose");
    confirm(kiosk);
    EXPECT_EQ(text_of(kiosk, "SELECT marker_id FROM visitor WHERE name = 'Aino Koskinen'"), "rose");

    // Next time both are offered, and the screen tells them apart without their names.
    kiosk.advance_ms(kiosk.services().config().thank_you_seconds * 1000LL);
    kiosk.pause_after_unasked_change();
    start_sign_in(kiosk, "resident");
    kiosk.type("aino");
    EXPECT_EQ(kiosk.targets_starting("name/visitor/").size(), 2u);
    EXPECT_FALSE(kiosk.target_showing("Ruusu", "name/visitor/").empty()) << "the marker tells the two apart";
}

TEST(VisitFlows, AnEmptyOrLetterlessNameGetsAGentleMessageAndNothingIsStored)
{
    OffscreenKiosk kiosk;
    start_sign_in(kiosk, "other");
    kiosk.tap("name/done");
    EXPECT_EQ(kiosk.ui().screen_name(), "sign_in_name");
    EXPECT_TRUE(kiosk.shows_text("Kirjoita ensin nimesi."));
    EXPECT_TRUE(kiosk.has_target("name/anonymous")) << "counting without a name stays on offer";
    kiosk.advance_ms(600);
    kiosk.type("-");
    kiosk.tap("name/done");
    EXPECT_TRUE(kiosk.shows_text("Kirjoita nimesi kirjaimin."));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit"), 0);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox"), 0);
}

TEST(VisitFlows, ANameStopsAtItsLengthLimit)
{
    OffscreenKiosk kiosk;
    start_sign_in(kiosk, "other");
    for (int i = 0; i < 35; ++i)
        kiosk.type("ab");
    kiosk.tap("name/done");
    confirm(kiosk);
    EXPECT_EQ(count(kiosk, "SELECT length(name) FROM visitor"), static_cast<std::int64_t>(max_name_characters));
}

// The store refuses writes (as with a full disk or a file turned read-only): the
// visitor is told kindly, stays where they were, loses nothing already stored, and the
// same confirm works once writing works again — still one record.
TEST(VisitFlows, ASignInThatCannotBeStoredSaysSoAndCanBeConfirmedAgain)
{
    OffscreenKiosk kiosk;
    seed_visitor(kiosk, "Lars Åberg", "relative");
    start_sign_in(kiosk, "resident");
    kiosk.type("aino");
    kiosk.tap("name/done");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_confirm");
    kiosk.refuse_writes(true);
    kiosk.advance_ms(600);
    kiosk.tap("confirm/yes");
    EXPECT_EQ(kiosk.ui().screen_name(), "sign_in_confirm");
    EXPECT_TRUE(kiosk.shows_text("Tallennus ei onnistunut."));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit"), 1) << "the earlier visit is still there";

    kiosk.refuse_writes(false);
    kiosk.advance_ms(600);
    kiosk.tap("confirm/yes");
    ASSERT_EQ(kiosk.ui().screen_name(), "thanks");
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit"), 2);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox"), 2);
}

TEST(VisitFlows, AnAnonymousCountOrSignOutThatCannotBeStoredSaysSo)
{
    OffscreenKiosk kiosk;
    seed_visitor(kiosk, "Lars Åberg", "relative");
    start_sign_in(kiosk, "other");
    kiosk.refuse_writes(true);
    kiosk.tap("name/anonymous");
    EXPECT_EQ(kiosk.ui().screen_name(), "sign_in_name");
    EXPECT_TRUE(kiosk.shows_text("Tallennus ei onnistunut."));

    kiosk.advance_ms(kiosk.services().config().ask_to_continue_after_seconds * 1000LL); // asked to go on
    kiosk.advance_ms(kiosk.services().config().answer_seconds * 1000LL);       // no answer: home
    ASSERT_EQ(kiosk.ui().screen_name(), "today");
    kiosk.pause_after_unasked_change();
    kiosk.tap("visit/sign_out");
    kiosk.advance_ms(600);
    kiosk.tap(kiosk.target_showing("Lars Å.", "choice/"));
    kiosk.advance_ms(600);
    kiosk.tap("confirm/yes");
    EXPECT_EQ(kiosk.ui().screen_name(), "sign_out_confirm");
    EXPECT_TRUE(kiosk.shows_text("Tallennus ei onnistunut."));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit WHERE signed_out_at IS NULL"), 1);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox"), 1);
}

TEST(VisitFlows, AVisitorSignsOutByPickingTheirShortNameFromTodaysList)
{
    OffscreenKiosk kiosk;
    seed_visitor(kiosk, "Aino Korhonen", "resident");
    seed_visitor(kiosk, "Lars Åberg", "relative");
    kiosk.tap("visit/sign_out");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_out_list");
    EXPECT_TRUE(kiosk.shows_text("Aino K."));
    EXPECT_FALSE(kiosk.shows_text("Korhonen"));
    kiosk.advance_ms(600);
    kiosk.tap(kiosk.target_showing("Lars Å.", "choice/"));
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_out_confirm");
    kiosk.advance_ms(600);
    kiosk.tap("confirm/yes");
    ASSERT_EQ(kiosk.ui().screen_name(), "thanks");
    EXPECT_TRUE(kiosk.shows_text("Näkemiin, Lars!"));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit WHERE signed_out_at IS NOT NULL AND sign_out_automatic = 0"),
              1);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'visit.sign_out'"), 1);

    kiosk.advance_ms(kiosk.services().config().thank_you_seconds * 1000LL);
    kiosk.pause_after_unasked_change();
    kiosk.tap("visit/sign_out");
    EXPECT_FALSE(kiosk.shows_text("Lars Å."));
    EXPECT_TRUE(kiosk.shows_text("Aino K."));
}

TEST(VisitFlows, NobodySignedInSaysSoKindly)
{
    OffscreenKiosk kiosk;
    kiosk.tap("visit/sign_out");
    EXPECT_TRUE(kiosk.shows_text("Kukaan ei ole nyt kirjautuneena sisään.")) << kiosk.screen_text();
}

TEST(VisitFlows, AtClosingTimeEveryoneStillInIsSignedOutAutomatically)
{
    OffscreenKiosk kiosk; // Tuesday 10.15
    seed_visitor(kiosk, "Aino Korhonen", "resident");
    seed_visitor(kiosk, "Lars Åberg", "relative");
    // To 19.59: still in.
    kiosk.advance_ms((9 * 60 + 44) * 60 * 1000LL);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit WHERE signed_out_at IS NULL"), 2);
    // Past 20.00, the closing time of the bundled configuration.
    kiosk.advance_ms(2 * 60 * 1000LL);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit WHERE sign_out_automatic = 1"), 2);
    const UnixSeconds closing = kiosk.services().zone().to_instant({{2026, 11, 24}, {20, 0, 0}});
    EXPECT_EQ(count(kiosk, "SELECT max(signed_out_at) FROM visit"), closing);
    kiosk.tap("visit/sign_out");
    EXPECT_TRUE(kiosk.shows_text("Kukaan ei ole nyt kirjautuneena sisään.")) << kiosk.screen_text();
}

TEST(VisitFlows, AVisitorWhoStopsIsAskedBeforeTheirTypingIsWiped)
{
    OffscreenKiosk kiosk;
    start_sign_in(kiosk, "relative");
    kiosk.type("marj");
    const std::int64_t ask_after = kiosk.services().config().ask_to_continue_after_seconds * 1000LL;
    const std::int64_t answer = kiosk.services().config().answer_seconds * 1000LL;
    kiosk.advance_ms(ask_after);
    ASSERT_EQ(kiosk.ui().screen_name(), "continue");
    EXPECT_TRUE(kiosk.shows_text("Jatketaanko?"));
    EXPECT_FALSE(kiosk.shows_text("Marj")) << "the question covers what was typed";
    kiosk.tap("continue/no");
    EXPECT_EQ(kiosk.ui().screen_name(), "continue") << "a tap as the question appears was meant for the name";

    // Twenty seconds to answer at the least; one tap goes back to the name as it was.
    kiosk.advance_ms(20'000);
    ASSERT_EQ(kiosk.ui().screen_name(), "continue");
    kiosk.tap("continue/yes");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_name");
    EXPECT_TRUE(kiosk.shows_text("Marj"));

    // Asked again, and no answer this time: home, and the next visitor sees nothing.
    kiosk.advance_ms(ask_after);
    ASSERT_EQ(kiosk.ui().screen_name(), "continue");
    kiosk.advance_ms(answer);
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
    kiosk.pause_after_unasked_change();
    start_sign_in(kiosk, "relative");
    EXPECT_FALSE(kiosk.shows_text("Marj"));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit"), 0);
}

TEST(VisitFlows, SwedishVisitorsSignInInSwedish)
{
    OffscreenKiosk kiosk;
    kiosk.choose("language/sv");
    kiosk.advance_ms(600);
    kiosk.tap("visit/sign_in");
    EXPECT_TRUE(kiosk.shows_text("Vem är du?"));
    EXPECT_TRUE(kiosk.shows_text("Anhörig eller vän"));
    kiosk.advance_ms(600);
    kiosk.tap("choice/relative");
    kiosk.type("lars");
    kiosk.tap("name/done");
    kiosk.advance_ms(600);
    kiosk.tap("choices/back");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_name");
    EXPECT_TRUE(kiosk.shows_text("Lars")) << "back keeps what was typed";
}

} // namespace
} // namespace olohuone::testing
