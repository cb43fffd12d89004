// Every screen at both reference resolutions and every text size, compared with the
// reference images in tests/ui/reference/ and checked for overflow, contrast and
// target sizes. One table (`screens`) names each screen and how it is reached.
#include <gtest/gtest.h>

#include <functional>

#include "database_template.h"
#include "earlier_records.h"
#include "frame_checks.h"
#include "offscreen_kiosk.h"
#include "reference_images.h"

namespace olohuone::testing {
namespace {

struct Resolution {
    const char* name;
    int width;
    int height;
    double diagonal_inches;
};

// A 7" landscape panel (the Raspberry Pi touch display) and a 15.6" portrait one.
constexpr Resolution resolutions[] = {{"800x480", 800, 480, 7.0}, {"1080x1920", 1080, 1920, 15.6}};
constexpr const char* text_sizes[] = {"normal", "large", "extra_large"};

// Regulars, so that the suggestions and the sign-out list have people in them.
void seed_regulars(OffscreenKiosk& kiosk)
{
    // In this order, so the lists show the same people in the same places.
    sign_in_earlier(kiosk, {"Aino Korhonen"}, "resident");
    sign_in_earlier(kiosk, {"Aili Nieminen"}, "volunteer");
    sign_in_earlier(kiosk, {"Lars Åberg", "Anna-Liisa Virtanen"}, "relative");
    sign_in_earlier(kiosk, {"Ainikki Salo"}, "partner");
    sign_in_earlier(kiosk, {"Markku Saarinen"}, "volunteer");
}

// A tap, then the pause a person leaves before the next one.
void tap(OffscreenKiosk& kiosk, const std::string& id)
{
    kiosk.tap(id);
    kiosk.advance_ms(600);
}

// On a small screen the choice may be on a later page.
void page_until(OffscreenKiosk& kiosk, const std::function<bool()>& shown)
{
    for (int page = 0; page < 5 && !shown(); ++page)
        tap(kiosk, "choices/later");
}

void tap_choice(OffscreenKiosk& kiosk, const std::string& id)
{
    page_until(kiosk, [&] { return kiosk.has_target("choice/" + id); });
    tap(kiosk, "choice/" + id);
}

// Activities with people in them: today's chair gymnastics full with two waiting and
// some already here, tomorrow's outdoor group full, the evening reading circle half full,
// and tomorrow's cancelled chair gymnastics with the registrations it had.
void seed_activities(OffscreenKiosk& kiosk)
{
    const CivilDate tomorrow{2026, 11, 25};
    const Occurrence gymnastics = occurrence_titled(kiosk, today, "Tuolijumppa");
    register_earlier(kiosk, gymnastics, activity_regulars(12));
    register_earlier(kiosk, gymnastics, {"Aino Korhonen"}, "resident");
    register_earlier(kiosk, gymnastics, {"Markku Saarinen"}, "volunteer");
    mark_here_earlier(kiosk, gymnastics, activity_regulars(3), 2);
    const Occurrence outdoors = occurrence_titled(kiosk, tomorrow, "Ulkoiluryhmä");
    register_earlier(kiosk, outdoors, activity_regulars(9));
    register_earlier(kiosk, occurrence_titled(kiosk, tomorrow, "Iltalukupiiri: marraskuun kirja"),
                     activity_regulars(5));
    register_earlier(kiosk, occurrence_titled(kiosk, tomorrow, "Tuolijumppa"), activity_regulars(3));
}

void open_tomorrow(OffscreenKiosk& kiosk, const std::string& title)
{
    tap(kiosk, "day/next");
    for (int page = 0; page < 8 && !kiosk.shows_text(title); ++page)
        tap(kiosk, "list/later");
    tap(kiosk, kiosk.target_showing(title, event_rows));
}

void pick_person(OffscreenKiosk& kiosk, const std::string& public_name)
{
    page_until(kiosk, [&] { return kiosk.shows_text(public_name); });
    tap(kiosk, kiosk.target_showing(public_name, "choice/"));
}

// Staff mode open, as staff open it. At the largest text on a portrait screen the staff
// button gives way; staff tap the smallest "A" to bring it back.
void open_staff_pad(OffscreenKiosk& kiosk)
{
    kiosk.choose("staff/enter");
}

void open_staff_mode(OffscreenKiosk& kiosk)
{
    open_staff_pad(kiosk);
    type_staff_pin(kiosk, test_staff_pin);
}

void back_to_first_page(OffscreenKiosk& kiosk)
{
    for (int page = 0; page < 5 && kiosk.has_target("choices/earlier"); ++page)
        tap(kiosk, "choices/earlier");
}

// Staff's programme list after they cancelled the evening film.
void programme_with_film_cancelled(OffscreenKiosk& kiosk)
{
    open_staff_mode(kiosk);
    tap(kiosk, "staff/programme");
    pick_person(kiosk, "Elokuvailta");
    tap(kiosk, "choice/cancel");
    tap(kiosk, "choice/yes");
}

// The sing-along's new time being chosen.
void moving_the_sing_along(OffscreenKiosk& kiosk)
{
    programme_with_film_cancelled(kiosk);
    back_to_first_page(kiosk);
    pick_person(kiosk, "Yhteislaulu");
    tap(kiosk, "choice/time");
}

void sign_in_as(OffscreenKiosk& kiosk, const std::string& group)
{
    tap(kiosk, "visit/sign_in");
    tap_choice(kiosk, group);
}

// A relative's sign-in up to "whom are you visiting?".
void relative_typed_a_name(OffscreenKiosk& kiosk)
{
    sign_in_as(kiosk, "relative");
    kiosk.type("anna-liisa virtanen");
    tap(kiosk, "name/done");
}

void relative_at_confirm(OffscreenKiosk& kiosk)
{
    relative_typed_a_name(kiosk);
    tap_choice(kiosk, "resident");
}

void registering_for_the_reading_circle(OffscreenKiosk& kiosk)
{
    open_tomorrow(kiosk, "Iltalukupiiri");
    tap(kiosk, "activity/register");
}

void cancelling_a_reading_circle_place(OffscreenKiosk& kiosk)
{
    open_tomorrow(kiosk, "Iltalukupiiri");
    tap(kiosk, "activity/cancel");
    tap(kiosk, "identify/type");
    tap_choice(kiosk, "resident");
    kiosk.type("kerttu mäkelä");
    tap(kiosk, "name/done");
}

// "Olen paikalla" on the chair gymnastics on now.
void at_attendance(OffscreenKiosk& kiosk)
{
    tap(kiosk, kiosk.target_showing("Tuolijumppa", event_rows));
    tap(kiosk, "activity/here");
}

// The server silent past [sync] offline_after_minutes; then a visitor comes and picks a
// text size (the idle reset has put the kiosk back to its defaults).
void out_of_touch(OffscreenKiosk& kiosk)
{
    kiosk.sync_with_unreachable_server();
    kiosk.advance_ms(16 * 60 * 1000);
}

using Steps = void (*)(OffscreenKiosk&);

// Every screen a visitor or staff can reach, and how: the one list the test, its
// reference images and docs/screenshots/ (tools/dev/update-screenshots) go by.
struct Screen {
    const char* name;     // the reference image's name
    const char* expected; // the screen the kiosk says it shows
    Steps reach;          // the taps from Today, at the chosen text size
    bool documented = false; // shown in docs/screenshots/ (normal and extra large text)
    Steps before = nullptr;  // what happened before the visitor chose the text size
    bool seven_inch_only = false; // a screen only the 7" panel has
};

const Screen screens[] = {
    {"today", "today", [](OffscreenKiosk&) {}, true},
    // Text size and language, one tap from Today on the 7" panel.
    {"settings", "settings", [](OffscreenKiosk& k) { tap(k, "settings/open"); }, true, nullptr, true},
    // The chair gymnastics on now, which has a picture.
    {"event", "event_detail", [](OffscreenKiosk& k) { tap(k, k.target_showing("Tuolijumppa", event_rows)); }, true},
    {"tomorrow", "today", [](OffscreenKiosk& k) { tap(k, "day/next"); }},
    {"sign_in_group", "sign_in_group", [](OffscreenKiosk& k) { tap(k, "visit/sign_in"); }, true},
    {"sign_in_name", "sign_in_name", [](OffscreenKiosk& k) { sign_in_as(k, "resident"); }},
    {"sign_in_suggestions", "sign_in_name",
     [](OffscreenKiosk& k) {
         sign_in_as(k, "resident");
         k.type("ai");
     },
     true},
    {"sign_in_marker", "sign_in_marker",
     [](OffscreenKiosk& k) {
         sign_in_as(k, "resident");
         k.type("aino kallio");
         tap(k, "name/done");
     }},
    {"sign_in_whom", "sign_in_whom", relative_typed_a_name},
    {"sign_in_confirm", "sign_in_confirm", relative_at_confirm},
    {"thanks", "thanks",
     [](OffscreenKiosk& k) {
         relative_at_confirm(k);
         tap(k, "confirm/yes");
     },
     true},
    // Counted without a name: "Peru laskenta" beside "Valmis" takes a slip back.
    {"counted", "thanks",
     [](OffscreenKiosk& k) {
         sign_in_as(k, "resident");
         tap(k, "name/anonymous");
     },
     true},
    {"sign_out_list", "sign_out_list", [](OffscreenKiosk& k) { tap(k, "visit/sign_out"); }, true},
    {"sign_out_confirm", "sign_out_confirm",
     [](OffscreenKiosk& k) {
         tap(k, "visit/sign_out");
         pick_person(k, "Lars Å.");
     }},
    {"continue", "continue",
     [](OffscreenKiosk& k) {
         sign_in_as(k, "resident");
         k.type("ai");
         k.advance_ms(k.services().config().ask_to_continue_after_seconds * 1000LL);
     }},
    {"event_open", "event_detail", [](OffscreenKiosk& k) { open_tomorrow(k, "Iltalukupiiri"); }, true},
    {"event_cancelled", "event_detail", [](OffscreenKiosk& k) { open_tomorrow(k, "Tuolijumppa"); }},
    {"register_who", "identify_list", registering_for_the_reading_circle},
    {"register_group", "identify_group",
     [](OffscreenKiosk& k) {
         registering_for_the_reading_circle(k);
         tap(k, "identify/type");
     }},
    {"register_confirm", "register_confirm",
     [](OffscreenKiosk& k) {
         registering_for_the_reading_circle(k);
         pick_person(k, "Lars Å.");
     },
     true},
    {"registered", "thanks",
     [](OffscreenKiosk& k) {
         registering_for_the_reading_circle(k);
         pick_person(k, "Lars Å.");
         tap(k, "confirm/yes");
     }},
    // Where the server decides the site's places, the thank-you checks with it first.
    {"registered_checking", "thanks",
     [](OffscreenKiosk& k) {
         registering_for_the_reading_circle(k);
         pick_person(k, "Lars Å.");
         tap(k, "confirm/yes");
     },
     false, [](OffscreenKiosk& k) { k.sync_with_unreachable_server(); }},
    {"register_queue", "register_confirm",
     [](OffscreenKiosk& k) {
         open_tomorrow(k, "Ulkoiluryhmä");
         tap(k, "activity/register");
         pick_person(k, "Lars Å.");
     },
     true},
    {"cancel_list", "identify_list",
     [](OffscreenKiosk& k) {
         open_tomorrow(k, "Iltalukupiiri");
         tap(k, "activity/cancel");
     },
     true},
    {"cancel_not_registered", "cancel_not_registered",
     [](OffscreenKiosk& k) {
         open_tomorrow(k, "Iltalukupiiri");
         tap(k, "activity/cancel");
         pick_person(k, "Lars Å.");
     },
     true},
    {"cancel_confirm", "cancel_confirm", cancelling_a_reading_circle_place},
    {"cancelled", "thanks",
     [](OffscreenKiosk& k) {
         cancelling_a_reading_circle_place(k);
         tap(k, "confirm/yes");
     }},
    {"attendance_list", "attendance_list", at_attendance, true},
    {"attendance_confirm", "attendance_confirm",
     [](OffscreenKiosk& k) {
         at_attendance(k);
         pick_person(k, "Veikko K.");
     }},
    {"event_closed", "event_detail",
     [](OffscreenKiosk& k) {
         // The children's visit at 11.00: registration closed at 10.00.
         for (int page = 0; page < 8 && !k.shows_text("Päiväkoti"); ++page)
             tap(k, "list/later");
         tap(k, k.target_showing("Päiväkoti", event_rows));
     }},
    {"welcome", "thanks",
     [](OffscreenKiosk& k) {
         at_attendance(k);
         pick_person(k, "Veikko K.");
         tap(k, "confirm/yes");
     }},
    {"attendance_counted", "thanks",
     [](OffscreenKiosk& k) {
         at_attendance(k);
         tap(k, "attendance/plus_one");
     }},
    {"walk_in_who", "identify_list",
     [](OffscreenKiosk& k) {
         at_attendance(k);
         tap(k, "attendance/walk_in");
     }},
    {"today_offline", "today", [](OffscreenKiosk&) {}, true, out_of_touch},
    // A Raspberry Pi started without a network: NTP has not set the clock.
    {"today_clock_unset", "today", [](OffscreenKiosk&) {}, true,
     [](OffscreenKiosk& k) { k.clock().set_synchronised(false); }},
    {"event_clock_unset", "event_detail", [](OffscreenKiosk& k) { open_tomorrow(k, "Iltalukupiiri"); }, true,
     [](OffscreenKiosk& k) { k.clock().set_synchronised(false); }},
    {"staff_pin", "staff_pin",
     [](OffscreenKiosk& k) {
         open_staff_pad(k);
         tap(k, "pin/digit/2");
         tap(k, "pin/digit/4");
     },
     true},
    {"staff_pin_shut", "staff_pin",
     [](OffscreenKiosk& k) {
         open_staff_pad(k);
         for (int attempt = 0; attempt < 3; ++attempt)
             type_staff_pin(k, "0000");
     },
     true},
    {"staff_home", "staff_home", open_staff_mode, true},
    {"staff_present", "staff_present",
     [](OffscreenKiosk& k) {
         open_staff_mode(k);
         tap(k, "staff/present");
     },
     true},
    {"staff_clock", "staff_clock",
     [](OffscreenKiosk& k) {
         open_staff_mode(k);
         tap(k, "staff/clock");
         tap(k, "clock/hour_on");
     },
     true, [](OffscreenKiosk& k) { k.clock().set_synchronised(false); }},
    {"staff_home_clock_unset", "staff_home", open_staff_mode, true,
     [](OffscreenKiosk& k) { k.clock().set_synchronised(false); }},
    {"staff_roll_call", "staff_roll_call",
     [](OffscreenKiosk& k) {
         open_staff_mode(k);
         tap(k, "staff/present");
         tap(k, "present/roll_call");
         tap(k, k.target_showing("Ainikki Salo", "choice/"));
     },
     true},
    {"staff_sync", "staff_sync",
     [](OffscreenKiosk& k) {
         open_staff_mode(k);
         tap(k, "staff/sync");
     },
     true, out_of_touch},
    {"staff_activities", "staff_activities",
     [](OffscreenKiosk& k) {
         open_staff_mode(k);
         tap(k, "staff/attendance");
     }},
    // Chair gymnastics, one more registered visitor marked here by staff just now, seen
    // from the list's first page.
    {"staff_attendance", "staff_attendance",
     [](OffscreenKiosk& k) {
         open_staff_mode(k);
         tap(k, "staff/attendance");
         pick_person(k, "Tuolijumppa");
         pick_person(k, "Veikko K.");
         back_to_first_page(k);
     },
     true},
    // Film night: Helmi's cancellation this morning moved Irja up from the queue. Staff see
    // the move, and Helmi's cancellation to restore on the list's last page.
    {"staff_attendance_moves", "staff_attendance",
     [](OffscreenKiosk& k) {
         open_staff_mode(k);
         tap(k, "staff/attendance");
         pick_person(k, "Elokuvailta");
         page_until(k, [&] { return k.shows_text("Peruttu klo 10.15"); });
     },
     true, [](OffscreenKiosk& k) { helmi_cancelled(k, film_night_of_six(k)); }},
    {"staff_restore", "staff_restore",
     [](OffscreenKiosk& k) {
         open_staff_mode(k);
         tap(k, "staff/attendance");
         pick_person(k, "Elokuvailta");
         pick_person(k, "Helmi L.");
     },
     true, [](OffscreenKiosk& k) { helmi_cancelled(k, film_night_of_six(k)); }},
    {"staff_programme", "staff_programme",
     [](OffscreenKiosk& k) {
         programme_with_film_cancelled(k);
         back_to_first_page(k);
     },
     true},
    // The same list at the film, cancelled here and not yet taken by the server.
    {"staff_programme_cancelled", "staff_programme", programme_with_film_cancelled},
    // The sing-along moved half an hour.
    {"staff_edit", "staff_edit",
     [](OffscreenKiosk& k) {
         moving_the_sing_along(k);
         pick_person(k, "15.00–16.00");
         back_to_first_page(k);
     },
     true},
    // The question before chair gymnastics, with 14 people registered, is cancelled.
    {"staff_confirm_cancel", "staff_confirm_cancel",
     [](OffscreenKiosk& k) {
         open_staff_mode(k);
         tap(k, "staff/programme");
         pick_person(k, "Tuolijumppa");
         pick_person(k, "Peru tapahtuma");
     }},
    {"staff_edit_time", "staff_edit_time",
     [](OffscreenKiosk& k) {
         moving_the_sing_along(k);
         back_to_first_page(k);
     }},
    {"staff_add_event", "staff_add_event",
     [](OffscreenKiosk& k) {
         programme_with_film_cancelled(k);
         tap(k, "programme/add");
         back_to_first_page(k);
     }},
};

// The documented screens are shown at these text sizes.
bool documented_size(const std::string& text_size) { return text_size == "normal" || text_size == "extra_large"; }

struct Case {
    Resolution resolution;
    const char* text_size;
    const Screen* screen;
};

std::string case_name(const Case& c)
{
    return std::string(c.screen->name) + "_" + c.resolution.name + "_" + c.text_size;
}

void PrintTo(const Case& c, std::ostream* out) { *out << case_name(c); }

// Every case starts from the same records: regulars, activities with people in them and
// the staff PIN, seeded once (database_template.h).
void seed_records(OffscreenKiosk& kiosk)
{
    seed_regulars(kiosk);
    seed_activities(kiosk);
    set_staff_pin_earlier(kiosk, test_staff_pin);
}

class ScreenshotTest : public ::testing::TestWithParam<Case> {};

TEST_P(ScreenshotTest, MatchesReferenceAndIsReadable)
{
    const Case c = GetParam();
    KioskSetup setup{c.resolution.width, c.resolution.height, c.resolution.diagonal_inches};
    setup.state_dir = state_dir_from_template("screenshots", seed_records);
    OffscreenKiosk kiosk(setup);
    if (c.screen->before)
        c.screen->before(kiosk);
    kiosk.choose(std::string("size/") + c.text_size);
    kiosk.advance_ms(1000);
    c.screen->reach(kiosk);
    EXPECT_EQ(kiosk.ui().screen_name(), c.screen->expected);

    for (const std::string& problem : frame_problems(kiosk))
        ADD_FAILURE() << problem;
    const bool documented = c.screen->documented && documented_size(c.text_size);
    const ImageComparison comparison = compare_with_reference(kiosk.display().surface(), case_name(c),
                                                              documented ? Documented::Yes : Documented::No);
    EXPECT_TRUE(comparison.matches) << comparison.message;
}

std::vector<Case> all_cases()
{
    std::vector<Case> cases;
    for (const Resolution& resolution : resolutions)
        for (const char* size : text_sizes)
            for (const Screen& screen : screens)
                if (!screen.seven_inch_only || resolution.diagonal_inches < 8)
                    cases.push_back({resolution, size, &screen});
    return cases;
}

INSTANTIATE_TEST_SUITE_P(Screens, ScreenshotTest, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return case_name(info.param); });

} // namespace
} // namespace olohuone::testing
