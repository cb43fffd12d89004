// Walks every screen a visitor can reach in the coming days, in every language and text
// size, on small and large displays in both orientations, and checks each frame for
// overflowing or clipped text, low contrast and small touch targets.
#include <gtest/gtest.h>

#include "earlier_records.h"
#include "frame_checks.h"
#include "offscreen_kiosk.h"
#include "ui/screens/keyboard.h"

#include <filesystem>
#include <map>
#include <tuple>

namespace olohuone::testing {
namespace {

struct Display {
    int width;
    int height;
    double diagonal_inches;
};

void PrintTo(const Display& d, std::ostream* out) { *out << d.width << "x" << d.height << " " << d.diagonal_inches << "\""; }

class EveryScreenTest : public ::testing::TestWithParam<Display> {};

// Failing frames are saved next to the test binary for a look.
void expect_readable(OffscreenKiosk& kiosk, const std::string& context)
{
    static int saved = 0;
    const std::vector<std::string> problems = frame_problems(kiosk);
    for (const std::string& problem : problems)
        ADD_FAILURE() << context << ": " << problem;
    if (!problems.empty() && saved < 20) {
        std::filesystem::create_directories("screenshots");
        const std::string path = "screenshots/problem_" + std::to_string(saved++) + ".png";
        (void)kiosk.display().save_png(path);
        ADD_FAILURE() << context << ": frame saved as " << path;
    }
}

TEST_P(EveryScreenTest, TheOfflineNoteIsReadableInEveryLanguageAndSize)
{
    const Display display = GetParam();
    OffscreenKiosk kiosk({display.width, display.height, display.diagonal_inches});
    kiosk.sync_with_unreachable_server();
    const std::map<std::string, std::string> notes = {
        {"fi", "Ei verkkoyhteyttä"}, {"sv", "Ingen nätförbindelse"}, {"en", "Offline"}};
    for (const auto& [language, note] : notes) {
        for (const char* size : {"normal", "large", "extra_large"}) {
            kiosk.advance_ms(kiosk.services().config().sync.offline_after_minutes * 60'000LL + 1000);
            if (language != "fi")
                kiosk.choose("language/" + language);
            kiosk.choose(std::string("size/") + size);
            EXPECT_TRUE(kiosk.shows_text(note)) << language << "/" << size << ": " << kiosk.screen_text();
            expect_readable(kiosk, "offline/" + language + "/" + size);
        }
    }
}

// One test per display and language, so ctest walks them side by side.
class EveryDayTest : public ::testing::TestWithParam<std::tuple<Display, std::string>> {};

TEST_P(EveryDayTest, EveryDayEveryEventEverySize)
{
    const auto& [display, language] = GetParam();
    OffscreenKiosk kiosk({display.width, display.height, display.diagonal_inches});
    const int days = kiosk.services().config().days_ahead;
    for (const char* size : {"normal", "large", "extra_large"}) {
        // The idle reset brings back Finnish and normal text at the start of each round.
        kiosk.advance_ms(kiosk.services().config().idle_timeout_seconds * 1000LL + 1000);
        if (language != "fi")
            kiosk.choose("language/" + language);
        kiosk.choose(std::string("size/") + size);
        ASSERT_EQ(kiosk.ui().language(), language);
        for (int day = 0; day <= days; ++day) {
            const std::string where = language + "/" + size + "/day+" + std::to_string(day);
            // Every page of the day's list, and every event's detail.
            for (int page = 0; page < 20; ++page) {
                expect_readable(kiosk, where);
                const std::vector<std::string> events = kiosk.targets_starting(event_rows);
                for (const std::string& event : events) {
                    kiosk.advance_ms(500);
                    kiosk.tap(event);
                    EXPECT_EQ(kiosk.ui().screen_name(), "event_detail") << where << " " << event;
                    expect_readable(kiosk, where + " " + event);
                    for (int more = 0; more < 10 && kiosk.has_target("detail/more"); ++more) {
                        kiosk.advance_ms(500);
                        kiosk.tap("detail/more");
                        expect_readable(kiosk, where + " " + event + " more");
                    }
                    kiosk.advance_ms(500);
                    kiosk.tap("detail/back");
                }
                if (!kiosk.has_target("list/later"))
                    break;
                kiosk.advance_ms(500);
                kiosk.tap("list/later");
            }
            if (day < days) {
                kiosk.advance_ms(500);
                kiosk.tap("day/next");
            }
        }
    }
}

// A tap and the pause a person leaves before the next.
void tap(OffscreenKiosk& kiosk, const std::string& id)
{
    kiosk.tap(id);
    kiosk.advance_ms(600);
}

// A visitor's round: the idle reset brings back Finnish and normal text, then the
// language and size are chosen. Returns "sv/large" for messages.
std::string start_round(OffscreenKiosk& kiosk, const std::string& language, const std::string& size)
{
    kiosk.advance_ms(kiosk.services().config().idle_timeout_seconds * 1000LL + 1000);
    if (language != "fi")
        kiosk.choose("language/" + language);
    kiosk.choose("size/" + size);
    return language + "/" + size;
}

// Every page of a question's answers; returns the id of the first answer.
std::string every_page_of_answers(OffscreenKiosk& kiosk, const std::string& where)
{
    expect_readable(kiosk, where);
    const std::vector<std::string> first_page = kiosk.targets_starting("choice/");
    for (int page = 1; page < 10 && kiosk.has_target("choices/later"); ++page) {
        tap(kiosk, "choices/later");
        expect_readable(kiosk, where + " page " + std::to_string(page + 1));
    }
    while (kiosk.has_target("choices/earlier"))
        tap(kiosk, "choices/earlier");
    return first_page.empty() ? std::string() : first_page.front();
}

// A late or second tap on a thank-you (a shaky hand, or the screen closing under a
// finger) must not do anything on Today: only Today's list, which only shows more, may
// lie under the thank-you's buttons.
void close_thanks_where_no_action_lies_under(OffscreenKiosk& kiosk, const std::string& where)
{
    ASSERT_EQ(kiosk.ui().screen_name(), "thanks") << where;
    const std::vector<ui::TouchTarget> thanks = kiosk.frame().targets();
    tap(kiosk, "thanks/close");
    ASSERT_EQ(kiosk.ui().screen_name(), "today") << where;
    const auto overlap = [](const ui::Rect& a, const ui::Rect& b) {
        return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
    };
    for (const ui::TouchTarget& action : kiosk.frame().targets()) {
        if (action.id.starts_with(event_rows) || action.id.starts_with("list/"))
            continue;
        for (const ui::TouchTarget& button : thanks)
            EXPECT_FALSE(overlap(button.hit, action.hit))
                << where << ": the thank-you's " << button.id << " lies over Today's " << action.id << " ("
                << button.hit.x << "," << button.hit.y << " " << button.hit.w << "x" << button.hit.h << " over "
                << action.hit.x << "," << action.hit.y << " " << action.hit.w << "x" << action.hit.h << ")";
    }
}

TEST_P(EveryScreenTest, EverySignInAndSignOutScreenEveryLanguageAndSize)
{
    const Display display = GetParam();
    OffscreenKiosk kiosk({display.width, display.height, display.diagonal_inches});
    sign_in_earlier(kiosk, {"Aino Korhonen", "Anna-Liisa Virtanen", "Aili Nieminen", "Lars Åberg", "Ainikki Salo"},
                    "relative");
    for (const char* language : {"fi", "sv", "en"}) {
        for (const char* size : {"normal", "large", "extra_large"}) {
            const std::string where = start_round(kiosk, language, size);

            tap(kiosk, "visit/sign_in");
            every_page_of_answers(kiosk, where + " groups");
            tap(kiosk, "choice/relative");
            expect_readable(kiosk, where + " name");
            if (display.height > display.width) {
                // The keys start under the suggestions' row, not at the foot of the screen.
                const int buttons_bottom = std::max(kiosk.frame().find_target("name/back")->drawn.bottom(),
                                                    kiosk.frame().find_target("name/done")->drawn.bottom());
                int keys_top = display.height;
                for (const std::string& key : kiosk.targets_starting(std::string(ui::key_prefix)))
                    keys_top = std::min(keys_top, kiosk.frame().find_target(key)->drawn.y);
                EXPECT_LE((keys_top - buttons_bottom) / (kiosk.dpi() / 25.4), 30.0)
                    << where << ": the keyboard is far below the name";
            }
            kiosk.type("ai");
            expect_readable(kiosk, where + " suggestions");
            kiosk.type("no kallio");
            tap(kiosk, "name/done");
            ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_marker") << where;
            const std::string marker = every_page_of_answers(kiosk, where + " markers");
            tap(kiosk, marker);
            ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_whom") << where;
            const std::string whom = every_page_of_answers(kiosk, where + " whom");
            tap(kiosk, whom);
            ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_confirm") << where;
            expect_readable(kiosk, where + " confirm");
            kiosk.advance_ms(kiosk.services().config().ask_to_continue_after_seconds * 1000LL);
            ASSERT_EQ(kiosk.ui().screen_name(), "continue") << where;
            expect_readable(kiosk, where + " continue");
            kiosk.pause_after_unasked_change();
            tap(kiosk, "continue/yes");
            tap(kiosk, "confirm/yes");
            ASSERT_EQ(kiosk.ui().screen_name(), "thanks") << where;
            expect_readable(kiosk, where + " thanks");
            close_thanks_where_no_action_lies_under(kiosk, where + " thanks");

            tap(kiosk, "visit/sign_out");
            const std::string someone = every_page_of_answers(kiosk, where + " sign-out list");
            tap(kiosk, someone);
            ASSERT_EQ(kiosk.ui().screen_name(), "sign_out_confirm") << where;
            expect_readable(kiosk, where + " sign-out confirm");
            tap(kiosk, "confirm/back");
            tap(kiosk, "choices/back");

            // Counted without a name, and that taken back: both thank-yous.
            for (const bool taken_back : {false, true}) {
                tap(kiosk, "visit/sign_in");
                tap(kiosk, "choice/relative");
                tap(kiosk, "name/anonymous");
                ASSERT_EQ(kiosk.ui().screen_name(), "thanks") << where;
                expect_readable(kiosk, where + " counted");
                if (taken_back) {
                    tap(kiosk, "thanks/undo");
                    expect_readable(kiosk, where + " count taken back");
                }
                close_thanks_where_no_action_lies_under(kiosk, where + (taken_back ? " taken back" : " counted"));
            }
        }
    }
}

// Opens the occurrence's row, paging the day's list as a visitor would.
void open_occurrence(OffscreenKiosk& kiosk, const Occurrence& occurrence, const std::string& where)
{
    const std::string row = std::string(event_rows) + occurrence.key();
    for (int page = 0; page < 20 && !kiosk.has_target(row) && kiosk.has_target("list/later"); ++page)
        tap(kiosk, "list/later");
    tap(kiosk, row);
    ASSERT_EQ(kiosk.ui().screen_name(), "event_detail") << where;
    expect_readable(kiosk, where + " detail");
}

TEST_P(EveryScreenTest, EveryActivityScreenEveryLanguageAndSize)
{
    const Display display = GetParam();
    OffscreenKiosk kiosk({display.width, display.height, display.diagonal_inches});
    sign_in_earlier(kiosk, {"Aino Korhonen", "Anna-Liisa Virtanen", "Lars Åberg"}, "relative");
    const Occurrence gymnastics = occurrence_titled(kiosk, {2026, 11, 24}, "Tuolijumppa");
    const Occurrence outdoors = occurrence_titled(kiosk, {2026, 11, 25}, "Ulkoiluryhmä");
    const Occurrence circle = occurrence_titled(kiosk, {2026, 11, 25}, "Iltalukupiiri: marraskuun kirja");
    register_earlier(kiosk, gymnastics, activity_regulars(12));
    register_earlier(kiosk, outdoors, activity_regulars(9));
    register_earlier(kiosk, circle, activity_regulars(4));

    for (const char* language : {"fi", "sv", "en"}) {
        for (const char* size : {"normal", "large", "extra_large"}) {
            const std::string where = start_round(kiosk, language, size);

            // Today's session, on now: "Olen paikalla".
            open_occurrence(kiosk, gymnastics, where + " gymnastics");
            tap(kiosk, "activity/here");
            // Counted without a name and that taken back, each thank-you closing back to
            // the list; a tap on a name there still asks before it marks anyone.
            tap(kiosk, "attendance/plus_one");
            ASSERT_EQ(kiosk.ui().screen_name(), "thanks") << where;
            expect_readable(kiosk, where + " attendance counted");
            tap(kiosk, "thanks/undo");
            expect_readable(kiosk, where + " attendance count taken back");
            tap(kiosk, "thanks/close");
            ASSERT_EQ(kiosk.ui().screen_name(), "attendance_list") << where;
            const std::string registrant = every_page_of_answers(kiosk, where + " attendance list");
            tap(kiosk, registrant);
            ASSERT_EQ(kiosk.ui().screen_name(), "attendance_confirm") << where;
            expect_readable(kiosk, where + " attendance confirm");
            tap(kiosk, "confirm/back");
            tap(kiosk, "attendance/walk_in");
            const std::string walk_in = every_page_of_answers(kiosk, where + " walk-in list");
            tap(kiosk, "identify/type");
            every_page_of_answers(kiosk, where + " walk-in groups");
            tap(kiosk, "choices/back");
            tap(kiosk, walk_in);
            tap(kiosk, "confirm/yes");
            ASSERT_EQ(kiosk.ui().screen_name(), "thanks") << where;
            expect_readable(kiosk, where + " welcome");
            close_thanks_where_no_action_lies_under(kiosk, where + " welcome");

            // Tomorrow: a full activity (the queue) and one with room, and cancelling.
            tap(kiosk, "day/next");
            open_occurrence(kiosk, outdoors, where + " outdoors");
            tap(kiosk, "activity/register");
            tap(kiosk, every_page_of_answers(kiosk, where + " who comes"));
            ASSERT_EQ(kiosk.ui().screen_name(), "register_confirm") << where;
            expect_readable(kiosk, where + " queue confirm");
            tap(kiosk, "confirm/back");
            tap(kiosk, "choices/back");
            tap(kiosk, "activity/cancel");
            tap(kiosk, every_page_of_answers(kiosk, where + " who cancels"));
            ASSERT_EQ(kiosk.ui().screen_name(), "cancel_not_registered") << where;
            expect_readable(kiosk, where + " not registered");
            tap(kiosk, "choices/back");
            tap(kiosk, "identify/type");
            tap(kiosk, "choice/resident");
            kiosk.type(activity_regulars(1).front());
            tap(kiosk, "name/done");
            ASSERT_EQ(kiosk.ui().screen_name(), "cancel_confirm") << where;
            expect_readable(kiosk, where + " cancel confirm");
            tap(kiosk, "confirm/back");
            tap(kiosk, "name/back");
            tap(kiosk, "choices/back");
            tap(kiosk, "choices/back");
            tap(kiosk, "detail/back");
            open_occurrence(kiosk, circle, where + " reading circle");
            tap(kiosk, "activity/register");
            tap(kiosk, every_page_of_answers(kiosk, where + " who comes"));
            tap(kiosk, "confirm/yes");
            ASSERT_EQ(kiosk.ui().screen_name(), "thanks") << where;
            expect_readable(kiosk, where + " registered");
            close_thanks_where_no_action_lies_under(kiosk, where + " registered");
        }
    }
}

// Staff's programme screens from the staff home and back: every page of the day's list,
// an occurrence, its times, places and numbers of places, the question before
// cancelling it, and the templates.
void walk_programme_screens(OffscreenKiosk& kiosk, const std::string& where)
{
    const auto every_page = [&](const std::string& what) {
        expect_readable(kiosk, where + " " + what);
        for (int page = 2; page < 10 && kiosk.has_target("choices/later"); ++page) {
            tap(kiosk, "choices/later");
            expect_readable(kiosk, where + " " + what + " page " + std::to_string(page));
        }
    };
    tap(kiosk, "staff/programme");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_programme") << where;
    every_page("programme");
    // The last occurrence of the day, and each thing that can be changed about it.
    const std::vector<std::string> occurrences = kiosk.targets_starting("choice/");
    ASSERT_FALSE(occurrences.empty()) << where;
    tap(kiosk, occurrences.back());
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_edit") << where;
    expect_readable(kiosk, where + " occurrence");
    for (const char* change : {"choice/time", "choice/place", "choice/capacity"}) {
        if (!kiosk.has_target(change))
            continue;
        tap(kiosk, change);
        every_page(change);
        tap(kiosk, "choices/back");
    }
    // Cancelling asks first; "no" goes back to the day's list.
    for (int page = 0; page < 4 && !kiosk.has_target("choice/cancel"); ++page)
        tap(kiosk, "choices/later");
    tap(kiosk, "choice/cancel");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_confirm_cancel") << where;
    expect_readable(kiosk, where + " cancel question");
    tap(kiosk, "choice/no");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_programme") << where;
    tap(kiosk, "programme/add");
    every_page("templates");
    tap(kiosk, kiosk.targets_starting("choice/").front());
    every_page("start times");
    tap(kiosk, "choices/back");
    tap(kiosk, "choices/back");
    tap(kiosk, "choices/back");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_home") << where;
}

TEST_P(EveryScreenTest, EveryStaffScreenEveryLanguageAndSize)
{
    const Display display = GetParam();
    OffscreenKiosk kiosk({display.width, display.height, display.diagonal_inches});
    sign_in_earlier(kiosk, {"Aino Korhonen", "Anna-Liisa Virtanen-Kallioniemi", "Lars Åberg", "Aili Nieminen",
                            "Ainikki Salo", "Markku Saarinen", "Veikko Kallio", "Kerttu Mäkinen", "Eero Lahti",
                            "Sirkka Hämäläinen", "Toivo Rantanen", "Helmi Laaksonen"},
                    "relative");
    set_staff_pin_earlier(kiosk, "2468");
    // An activity under way with people registered, some here, one who came unregistered
    // with a long name, and some counted without a name.
    const Occurrence gymnastics = occurrence_titled(kiosk, {2026, 11, 24}, "Tuolijumppa");
    register_earlier(kiosk, gymnastics, activity_regulars(7));
    mark_here_earlier(kiosk, gymnastics, activity_regulars(3), 2);
    mark_here_earlier(kiosk, gymnastics, {"Anna-Liisa Virtanen-Kallioniemi"}, 0, "relative");
    kiosk.sync_with_unreachable_server();
    for (const char* language : {"fi", "sv", "en"}) {
        for (const char* size : {"normal", "large", "extra_large"}) {
            const std::string where = start_round(kiosk, language, size);
            expect_readable(kiosk, where + " today with the staff button");
            kiosk.choose("staff/enter");
            expect_readable(kiosk, where + " PIN pad");
            type_staff_pin(kiosk, "1111");
            expect_readable(kiosk, where + " wrong PIN");
            type_staff_pin(kiosk, "2468");
            ASSERT_EQ(kiosk.ui().screen_name(), "staff_home") << where;
            expect_readable(kiosk, where + " staff home");
            // A clock not set: staff home says why registration is closed, and the
            // clock screen sets it.
            kiosk.clock().set_synchronised(false);
            kiosk.advance_ms(60'000);
            expect_readable(kiosk, where + " staff home, clock unset");
            tap(kiosk, "staff/clock");
            ASSERT_EQ(kiosk.ui().screen_name(), "staff_clock") << where;
            expect_readable(kiosk, where + " clock");
            tap(kiosk, "clock/ten_on");
            expect_readable(kiosk, where + " clock moved");
            tap(kiosk, "clock/back");
            kiosk.clock().set_synchronised(true);
            tap(kiosk, "staff/present");
            expect_readable(kiosk, where + " who is here");
            for (int page = 2; page < 10 && kiosk.has_target("present/later"); ++page) {
                tap(kiosk, "present/later");
                expect_readable(kiosk, where + " who is here page " + std::to_string(page));
            }
            tap(kiosk, "present/roll_call");
            ASSERT_EQ(kiosk.ui().screen_name(), "staff_roll_call") << where;
            tap(kiosk, every_page_of_answers(kiosk, where + " roll call"));
            expect_readable(kiosk, where + " roll call, one found");
            tap(kiosk, "roll_call/end");
            tap(kiosk, "present/back");
            tap(kiosk, "staff/attendance");
            expect_readable(kiosk, where + " activities");
            const std::string& title = gymnastics.title.in(language);
            for (int page = 2; page < 10 && !kiosk.shows_text(title) && kiosk.has_target("choices/later"); ++page) {
                tap(kiosk, "choices/later");
                expect_readable(kiosk, where + " activities page " + std::to_string(page));
            }
            tap(kiosk, kiosk.target_showing(title, "choice/"));
            ASSERT_EQ(kiosk.ui().screen_name(), "staff_attendance") << where;
            expect_readable(kiosk, where + " attendance");
            for (int page = 2; page < 10 && kiosk.has_target("choices/later"); ++page) {
                tap(kiosk, "choices/later");
                expect_readable(kiosk, where + " attendance page " + std::to_string(page));
            }
            tap(kiosk, "choices/back");
            tap(kiosk, "choices/back");
            walk_programme_screens(kiosk, where);
            tap(kiosk, "staff/sync");
            expect_readable(kiosk, where + " sync");
            tap(kiosk, "staff/leave");
            ASSERT_EQ(kiosk.ui().screen_name(), "today") << where;
        }
    }
    // The pad shut after wrong PINs, in each language.
    for (const char* language : {"fi", "sv", "en"}) {
        const std::string where = start_round(kiosk, language, "large");
        kiosk.choose("staff/enter");
        for (int attempt = 0; attempt < 3; ++attempt)
            type_staff_pin(kiosk, "0000");
        expect_readable(kiosk, where + " PIN pad shut");
        kiosk.advance_ms(61 * 60'000); // past the hour after which wrong PINs are forgotten
        ASSERT_EQ(kiosk.ui().screen_name(), "today") << where << ": the pad closes by itself";
    }
}

const auto displays = ::testing::Values(Display{800, 480, 7.0}, Display{480, 800, 7.0}, Display{1080, 1920, 15.6},
                                        Display{1920, 1080, 15.6}, Display{1280, 800, 10.1});

std::string display_name(const Display& display)
{
    return std::to_string(display.width) + "x" + std::to_string(display.height);
}

INSTANTIATE_TEST_SUITE_P(Displays, EveryScreenTest, displays,
                         [](const ::testing::TestParamInfo<Display>& info) { return display_name(info.param); });

INSTANTIATE_TEST_SUITE_P(Displays, EveryDayTest, ::testing::Combine(displays, ::testing::Values("fi", "sv", "en")),
                         [](const ::testing::TestParamInfo<EveryDayTest::ParamType>& info) {
                             return display_name(std::get<0>(info.param)) + "_" + std::get<1>(info.param);
                         });

} // namespace
} // namespace olohuone::testing
