// The Today screen driven as a visitor drives it: fingers on the glass (injected SDL
// touch events), time passing (virtual), and what the screen shows afterwards.
#include <gtest/gtest.h>

#include "offscreen_kiosk.h"
#include "ui/layout/theme.h"

namespace olohuone::testing {
namespace {

int font_px_of(OffscreenKiosk& kiosk, const std::string& needle)
{
    for (const ui::TextCommand& text : kiosk.frame().texts())
        if (text.text.find(needle) != std::string::npos)
            return text.font.px;
    return 0;
}

TEST(TouchFlows, OrientationHeaderSaysDayDateTimeAndPartOfDay)
{
    OffscreenKiosk kiosk({1280, 800, 10.1});
    EXPECT_TRUE(kiosk.shows_text("Tiistai 24. marraskuuta 2026"));
    EXPECT_TRUE(kiosk.shows_text("klo 10.15 · aamupäivä"));
}

TEST(TouchFlows, ASevenInchPanelKeepsTheWholeOrientationOnOneLine)
{
    OffscreenKiosk kiosk; // 800x480, 7"
    EXPECT_TRUE(kiosk.shows_text("Tiistai 24.11. · klo 10.15 · aamupäivä"));
}

TEST(TouchFlows, AQuietOfflineNoteAppearsOnlyAfterTheServerHasBeenSilentForAWhile)
{
    OffscreenKiosk kiosk({1280, 800, 10.1});
    EXPECT_FALSE(kiosk.shows_text("Ei verkkoyhteyttä")) << "a kiosk without a server has nothing to say";
    kiosk.sync_with_unreachable_server();
    kiosk.advance_ms(10 * 60 * 1000);
    EXPECT_FALSE(kiosk.shows_text("Ei verkkoyhteyttä")) << "a short outage passes unseen";
    kiosk.advance_ms(6 * 60 * 1000);
    EXPECT_TRUE(kiosk.shows_text("Ei verkkoyhteyttä")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Tiistai 24. marraskuuta 2026")) << "the orientation stays whole beside it";
    EXPECT_LT(font_px_of(kiosk, "Ei verkkoyhteyttä"), font_px_of(kiosk, "Tiistai"));

    // Signing in still works: what visitors do is kept for later.
    kiosk.tap("visit/sign_in");
    EXPECT_FALSE(kiosk.shows_text("Ei verkkoyhteyttä")) << "only the programme's header carries it";
}

TEST(TouchFlows, TodayShowsNowNextPastAndCancelled)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    EXPECT_TRUE(kiosk.shows_text("Nyt"));
    EXPECT_TRUE(kiosk.shows_text("Seuraavaksi"));
    EXPECT_TRUE(kiosk.shows_text("Peruttu"));
    EXPECT_TRUE(kiosk.shows_text("Siirretty, oli klo 13.00"));
    // What is over is a page back: the list begins with what is on now.
    EXPECT_FALSE(kiosk.shows_text("Päättynyt"));
    EXPECT_TRUE(kiosk.shows_text("2–6 / 6")) << kiosk.screen_text();
    kiosk.tap("list/earlier");
    EXPECT_TRUE(kiosk.shows_text("Päättynyt"));
    EXPECT_FALSE(kiosk.shows_text("/ 6")) << "the whole day fits: no position to give";
}

// The 7" panel at 10.15: chair gymnastics on now, the children's visit next, and the
// sing-along after; the morning's ended event is a page back.
TEST(TouchFlows, TheSevenInchTodayShowsNowAndNextTogetherWithItsPosition)
{
    OffscreenKiosk kiosk;
    EXPECT_GE(kiosk.targets_starting(event_rows).size(), 3u) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Nyt"));
    EXPECT_TRUE(kiosk.shows_text("Seuraavaksi"));
    EXPECT_TRUE(kiosk.shows_text("2–4")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("/ 6")) << kiosk.screen_text();
    for (const char* control : {"visit/sign_in", "visit/sign_out", "day/next", "settings/open"})
        EXPECT_TRUE(kiosk.has_target(control)) << control;
    kiosk.tap("list/later");
    EXPECT_TRUE(kiosk.shows_text("5–6")) << kiosk.screen_text();
    kiosk.advance_ms(1000);
    kiosk.tap("list/earlier");
    EXPECT_TRUE(kiosk.shows_text("Nyt")) << kiosk.screen_text();
    kiosk.advance_ms(1000);

    kiosk.choose("size/extra_large");
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
    EXPECT_EQ(kiosk.ui().text_size(), ui::TextSize::ExtraLarge);
    EXPECT_GE(kiosk.targets_starting(event_rows).size(), 2u) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Nyt"));
    EXPECT_TRUE(kiosk.shows_text("Seuraavaksi"));
    for (const char* control : {"visit/sign_in", "visit/sign_out", "day/next", "settings/open"})
        EXPECT_TRUE(kiosk.has_target(control)) << control;
}

// Text size and language are one tap away, and take effect on the settings screen itself.
TEST(TouchFlows, TheSevenInchSettingsAreOneTapAwayAndShowTheirEffectAtOnce)
{
    OffscreenKiosk kiosk;
    EXPECT_FALSE(kiosk.has_target("size/large"));
    kiosk.tap("settings/open");
    ASSERT_EQ(kiosk.ui().screen_name(), "settings");
    EXPECT_TRUE(kiosk.shows_text("Tekstin koko"));
    kiosk.advance_ms(600);
    kiosk.tap("language/sv");
    EXPECT_TRUE(kiosk.shows_text("Textstorlek")) << kiosk.screen_text();
    kiosk.advance_ms(600);
    kiosk.tap("size/large");
    EXPECT_EQ(kiosk.ui().text_size(), ui::TextSize::Large);
    EXPECT_EQ(kiosk.ui().screen_name(), "settings");
    kiosk.advance_ms(600);
    kiosk.tap("settings/done");
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
    EXPECT_TRUE(kiosk.shows_text("Stolgymnastik")) << kiosk.screen_text();
    kiosk.advance_ms(600);
    kiosk.tap("settings/open");
    kiosk.advance_ms(600);
    kiosk.tap("staff/enter");
    EXPECT_EQ(kiosk.ui().screen_name(), "staff_pin");
}

// On the 7" panel at the largest text the children's visit takes pages; each ends where
// a sentence of the description does, and together they hold all of it.
TEST(TouchFlows, ADescriptionPagesAtTheEndOfASentence)
{
    OffscreenKiosk kiosk;
    kiosk.choose("size/extra_large");
    kiosk.advance_ms(600);
    kiosk.tap(kiosk.target_showing("Päiväkoti", event_rows));
    ASSERT_EQ(kiosk.ui().screen_name(), "event_detail");
    const std::string description = "Päiväkoti Tenavien eskarit laulavat joululauluja ja tuovat itse tekemiään "
                                    "joulukortteja. Lapset jäävät hetkeksi juttelemaan ja piirtämään.";
    // Description lines: regular weight, and part of the description.
    const auto description_lines = [&] {
        std::vector<std::string> lines;
        for (const ui::TextCommand& text : kiosk.frame().texts())
            if (text.font.weight == ui::FontWeight::Regular && description.find(text.text) != std::string::npos)
                lines.push_back(text.text);
        return lines;
    };
    std::string all;
    int pages_with_more = 0;
    for (int page = 0; page < 6; ++page) {
        const std::vector<std::string> lines = description_lines();
        for (const std::string& line : lines)
            all += (all.empty() ? "" : " ") + line;
        if (!kiosk.has_target("detail/more"))
            break;
        ++pages_with_more;
        if (!lines.empty()) {
            EXPECT_EQ(lines.back().back(), '.') << "page " << page + 1 << " ends mid-sentence: " << kiosk.screen_text();
        }
        kiosk.advance_ms(600);
        kiosk.tap("detail/more");
    }
    EXPECT_GE(pages_with_more, 1) << "the description is meant to take more than one page here";
    EXPECT_EQ(all, description) << "every word, once, in order";
}

// The room under the day's last event shows the next day's first events under that
// day's name, whole rows only, above the controls; a tap opens the event.
TEST(TouchFlows, RoomUnderTheDaysLastEventShowsTomorrowsFirstEvents)
{
    const std::string next_day_rows = "today/next_day/";
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    EXPECT_TRUE(kiosk.shows_text("Huomenna · keskiviikko 25.11.")) << kiosk.screen_text();
    const std::vector<std::string> next = kiosk.targets_starting(next_day_rows);
    ASSERT_GE(next.size(), 3u) << kiosk.screen_text();
    int today_bottom = 0;
    for (const std::string& row : kiosk.targets_starting(event_rows))
        today_bottom = std::max(today_bottom, kiosk.frame().find_target(row)->drawn.bottom());
    const int controls_top = kiosk.frame().find_target("visit/sign_in")->drawn.y;
    for (const std::string& row : next) {
        EXPECT_GT(kiosk.frame().find_target(row)->drawn.y, today_bottom) << row;
        EXPECT_LT(kiosk.frame().find_target(row)->drawn.bottom(), controls_top) << row;
    }
    kiosk.tap(kiosk.target_showing("Aamukahvi", next_day_rows));
    ASSERT_EQ(kiosk.ui().screen_name(), "event_detail");
    EXPECT_TRUE(kiosk.shows_text("keskiviikko 25.11.")) << kiosk.screen_text();
    kiosk.advance_ms(1000);
    kiosk.tap("detail/back");
    // The day's own events come first: while the list has a later page, no preview.
    EXPECT_TRUE(OffscreenKiosk().targets_starting(next_day_rows).empty()) << "the 7\" morning list has pages";

    // On the 7" panel in the evening the film night is all that is left of the day.
    KioskSetup evening;
    evening.at = {{2026, 11, 24}, {18, 30, 0}};
    OffscreenKiosk small(evening);
    EXPECT_TRUE(small.shows_text("Elokuvailta"));
    EXPECT_FALSE(small.targets_starting(next_day_rows).empty()) << small.screen_text();
    EXPECT_TRUE(small.shows_text("Aamukahvi")) << small.screen_text();
    // Its position is the one row it is, not a range of one.
    EXPECT_TRUE(small.shows_text("6 / 6")) << small.screen_text();
    EXPECT_FALSE(small.shows_text("6–6")) << small.screen_text();
}

TEST(TouchFlows, TappingAnEventOpensItsDetailAndTakaisinReturns)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    kiosk.tap(kiosk.target_showing("Tuolijumppa", event_rows));
    ASSERT_EQ(kiosk.ui().screen_name(), "event_detail");
    EXPECT_TRUE(kiosk.shows_text("Tuolijumppa"));
    EXPECT_TRUE(kiosk.shows_text("Paikka: Sali"));
    EXPECT_FALSE(kiosk.frame().images().empty()) << "the chair gymnastics picture is shown";
    kiosk.advance_ms(1000);
    kiosk.tap("detail/back");
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
}

TEST(TouchFlows, DayButtonsStepToTomorrowAndBack)
{
    OffscreenKiosk kiosk;
    ASSERT_FALSE(kiosk.has_target("day/previous"));
    kiosk.tap("day/next");
    EXPECT_TRUE(kiosk.shows_text("Huomenna"));
    // The weekday inside the heading's sentence is written small, as Finnish writes it.
    EXPECT_TRUE(kiosk.shows_text("keskiviikko 25.11.")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("Keskiviikko 25.11.")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.has_target("day/previous"));
    kiosk.advance_ms(1000);
    kiosk.tap("day/next");
    EXPECT_TRUE(kiosk.shows_text("Torstai 26.11."));
    kiosk.advance_ms(1000);
    kiosk.tap("day/previous");
    kiosk.advance_ms(1000);
    kiosk.tap("day/previous");
    EXPECT_FALSE(kiosk.has_target("day/previous")) << "back on today";
}

TEST(TouchFlows, AnEventOfSeveralDaysSaysItsFirstAndLastDay)
{
    KioskSetup setup;
    setup.at = {{2026, 12, 2}, {10, 15, 0}}; // Wednesday, in the Christmas fair's week
    OffscreenKiosk kiosk(setup);
    kiosk.tap(kiosk.target_showing("Joulumyyjäisviikko", event_rows));
    ASSERT_EQ(kiosk.ui().screen_name(), "event_detail");
    // DTEND of an all-day event is the day after its last (RFC 5545 3.6.1).
    EXPECT_TRUE(kiosk.shows_text("maanantai 30.11. – perjantai 4.12.")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("5.12.")) << kiosk.screen_text();
}

TEST(TouchFlows, DayButtonsStopAtTheLastDayShown)
{
    OffscreenKiosk kiosk;
    const int days = kiosk.services().config().days_ahead;
    for (int day = 0; day < days; ++day) {
        kiosk.tap("day/next");
        kiosk.advance_ms(1000);
    }
    EXPECT_FALSE(kiosk.has_target("day/next"));
}

TEST(TouchFlows, TextSizeButtonsEnlargeTheProgramme)
{
    OffscreenKiosk kiosk;
    const int normal = font_px_of(kiosk, "Tuolijumppa");
    kiosk.choose("size/large");
    const int large = font_px_of(kiosk, "Tuolijumppa");
    kiosk.advance_ms(1000);
    kiosk.choose("size/extra_large");
    const int extra_large = font_px_of(kiosk, "Tuolijumppa");
    EXPECT_GT(large, normal);
    EXPECT_GT(extra_large, large);
}

TEST(TouchFlows, LanguageButtonsSwitchToSwedishAndEnglish)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    kiosk.choose("language/sv");
    EXPECT_TRUE(kiosk.shows_text("Tisdag 24 november 2026"));
    EXPECT_TRUE(kiosk.shows_text("Stolgymnastik"));
    kiosk.advance_ms(1000);
    kiosk.choose("language/en");
    EXPECT_TRUE(kiosk.shows_text("Tuesday 24 November 2026"));
    EXPECT_TRUE(kiosk.has_target("language/fi"));
}

TEST(TouchFlows, IdleReturnsToTodayAtDefaultSizeAndLanguage)
{
    OffscreenKiosk kiosk;
    kiosk.choose("language/sv");
    kiosk.advance_ms(1000);
    kiosk.choose("size/extra_large");
    kiosk.advance_ms(1000);
    kiosk.tap("day/next");
    kiosk.advance_ms(1000);
    const std::vector<std::string> rows = kiosk.targets_starting(event_rows);
    ASSERT_FALSE(rows.empty());
    kiosk.tap(rows.front());
    ASSERT_EQ(kiosk.ui().screen_name(), "event_detail");

    const std::int64_t idle_ms = kiosk.services().config().idle_timeout_seconds * 1000LL;
    kiosk.advance_ms(idle_ms - 2000);
    EXPECT_EQ(kiosk.ui().screen_name(), "event_detail") << "not yet idle";
    kiosk.advance_ms(2000);
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
    EXPECT_EQ(kiosk.ui().language(), "fi");
    EXPECT_EQ(kiosk.ui().text_size(), ui::TextSize::Normal);
    EXPECT_TRUE(kiosk.shows_text("Tiistai 24.11."));
    EXPECT_FALSE(kiosk.has_target("day/previous"));
}

TEST(TouchFlows, TremorDoubleTapIsIgnoredButADeliberateSecondTapIsNot)
{
    OffscreenKiosk kiosk;
    kiosk.tap("day/next"); // 120 ms press
    kiosk.advance_ms(150);
    kiosk.tap("day/next"); // lands 270 ms after the first: a tremor's bounce
    EXPECT_TRUE(kiosk.shows_text("Huomenna"));
    // Tomorrow's next-day button names Thursday; two days on it would name Friday.
    EXPECT_FALSE(kiosk.shows_text("Perjantai 27.11.")) << "the second tap must not skip a day";

    kiosk.advance_ms(600);
    kiosk.tap("day/next");
    EXPECT_TRUE(kiosk.shows_text("Perjantai 27.11.")) << kiosk.screen_text();
}

TEST(TouchFlows, DoubleTapThatOpensAScreenDoesNotAlsoPressWhatIsUnderneath)
{
    OffscreenKiosk kiosk;
    const ui::Point row = kiosk.center_of(kiosk.target_showing("Tuolijumppa", event_rows));
    kiosk.touch_down(row);
    kiosk.touch_up(row);
    ASSERT_EQ(kiosk.ui().screen_name(), "event_detail");
    kiosk.advance_ms(100);
    kiosk.touch_down(row);
    kiosk.touch_up(row);
    EXPECT_EQ(kiosk.ui().screen_name(), "event_detail");
}

TEST(TouchFlows, TapFiresOnReleaseNotOnPress)
{
    OffscreenKiosk kiosk;
    const ui::Point button = kiosk.center_of("day/next");
    kiosk.touch_down(button);
    EXPECT_FALSE(kiosk.has_target("day/previous")) << "nothing happens while the finger is down";
    kiosk.touch_up(button);
    EXPECT_TRUE(kiosk.has_target("day/previous"));
}

TEST(TouchFlows, FingerSlidingAwayCancelsTheTap)
{
    OffscreenKiosk kiosk;
    const ui::Point button = kiosk.center_of("day/next");
    const int far = static_cast<int>(15 * kiosk.dpi() / 25.4); // 15 mm
    kiosk.touch_down(button);
    kiosk.touch_move({button.x, button.y + far});
    kiosk.touch_up({button.x, button.y + far});
    EXPECT_FALSE(kiosk.has_target("day/previous"));
}

TEST(TouchFlows, ShakyFingerWithinSlopStillTaps)
{
    OffscreenKiosk kiosk;
    const ui::Point button = kiosk.center_of("day/next");
    const int wobble = static_cast<int>(4 * kiosk.dpi() / 25.4); // 4 mm
    kiosk.touch_down(button);
    kiosk.touch_move({button.x + wobble, button.y});
    kiosk.touch_up({button.x + wobble, button.y - wobble});
    EXPECT_TRUE(kiosk.shows_text("Huomenna"));
}

TEST(TouchFlows, TouchJustOutsideAButtonStillCountsForIt)
{
    OffscreenKiosk kiosk;
    // The bar's last button, touched in the screen's edge beside it, where nothing else is.
    const ui::TouchTarget* settings = kiosk.frame().find_target("settings/open");
    ASSERT_NE(settings, nullptr);
    const int off = static_cast<int>(1.5 * kiosk.dpi() / 25.4);
    const ui::Point beside{settings->drawn.right() + off, settings->drawn.center().y};
    ASSERT_LT(beside.x, kiosk.width());
    kiosk.touch_down(beside);
    kiosk.touch_up(beside);
    EXPECT_EQ(kiosk.ui().screen_name(), "settings");
}

TEST(TouchFlows, MouseClicksWorkLikeTouches)
{
    OffscreenKiosk kiosk;
    const ui::Point button = kiosk.center_of("day/next");
    for (Uint32 type : {SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP}) {
        SDL_Event event{};
        event.type = type;
        event.button.which = 0;
        event.button.button = SDL_BUTTON_LEFT;
        event.button.x = button.x;
        event.button.y = button.y;
        ASSERT_EQ(SDL_PushEvent(&event), 1);
        kiosk.loop().pump();
    }
    EXPECT_TRUE(kiosk.shows_text("Huomenna"));
}

TEST(TouchFlows, ClockAdvancesEachMinuteAndNowMovesOn)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    EXPECT_TRUE(kiosk.shows_text("klo 10.15"));
    kiosk.advance_ms(60'000);
    EXPECT_TRUE(kiosk.shows_text("klo 10.16"));
    // At 11.00 chair gymnastics is over and the children's visit is on.
    kiosk.advance_ms(44 * 60'000);
    EXPECT_TRUE(kiosk.shows_text("klo 11.00"));
    const ui::DrawList& frame = kiosk.frame();
    bool now_badge_after_gymnastics = false;
    bool seen_gymnastics = false;
    for (const ui::TextCommand& text : frame.texts()) {
        if (text.text == "Tuolijumppa")
            seen_gymnastics = true;
        if (seen_gymnastics && text.text == "Nyt")
            now_badge_after_gymnastics = true;
    }
    EXPECT_TRUE(now_badge_after_gymnastics);
}

TEST(TouchFlows, IdleKioskDrawsOnlyWhenTheMinuteChanges)
{
    OffscreenKiosk kiosk;
    const int frames = kiosk.loop().frames_drawn();
    // 40 s into 10.15: nothing to draw until 10.16.
    kiosk.advance_ms(40'000);
    kiosk.advance_ms(10'000);
    EXPECT_EQ(kiosk.loop().frames_drawn(), frames);
    EXPECT_LE(kiosk.ui().wait_budget_ms(), 10'000);
    kiosk.advance_ms(10'000);
    EXPECT_EQ(kiosk.loop().frames_drawn(), frames + 1);
}

TEST(TouchFlows, DescriptionPagesWhenLong)
{
    OffscreenKiosk kiosk({800, 480, 7.0});
    kiosk.choose("size/extra_large");
    kiosk.advance_ms(1000);
    kiosk.tap(kiosk.target_showing("Tuolijumppa", event_rows));
    ASSERT_EQ(kiosk.ui().screen_name(), "event_detail");
    if (!kiosk.has_target("detail/more"))
        GTEST_FAIL() << "an extra-large description on a 7\" screen should need a second page";
    kiosk.advance_ms(1000);
    kiosk.tap("detail/more");
    EXPECT_TRUE(kiosk.has_target("detail/less"));
}

} // namespace
} // namespace olohuone::testing
