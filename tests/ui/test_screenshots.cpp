// Every screen at both reference resolutions and every text size, compared with the
// reference images in tests/ui/reference/ and checked for overflow, contrast and
// target sizes.
#include <gtest/gtest.h>

#include <functional>

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

// Every screen a visitor can reach, each reached by taps from Today.
enum class ScreenName {
    Today,
    EventDetail,
    Tomorrow,
    SignInGroup,
    SignInName,
    SignInSuggestions,
    SignInMarker,
    SignInWhom,
    SignInConfirm,
    Thanks,
    SignOutList,
    SignOutConfirm,
    Continue,
    EventOpen,
    EventCancelled,
    RegisterWho,
    RegisterGroup,
    RegisterConfirm,
    Registered,
    RegisterQueue,
    CancelList,
    CancelConfirm,
    AttendanceList,
    AttendanceConfirm,
    EventClosed,
    Cancelled,
    Welcome,
    AttendanceCounted,
    WalkInWho,
    TodayOffline,
    TodayClockUnset,
    StaffPin,
    StaffPinShut,
    StaffHome,
    StaffPresent,
    StaffSync,
    StaffActivities,
    StaffAttendance,
    StaffProgramme,
    StaffEdit,
    StaffEditTime,
    StaffAddEvent,
};

struct ScreenCase {
    ScreenName screen;
    const char* name;     // the reference image's name
    const char* expected; // the screen the kiosk says it shows
};

constexpr ScreenCase screen_names[] = {
    {ScreenName::Today, "today", "today"},
    {ScreenName::EventDetail, "event", "event_detail"},
    {ScreenName::Tomorrow, "tomorrow", "today"},
    {ScreenName::SignInGroup, "sign_in_group", "sign_in_group"},
    {ScreenName::SignInName, "sign_in_name", "sign_in_name"},
    {ScreenName::SignInSuggestions, "sign_in_suggestions", "sign_in_name"},
    {ScreenName::SignInMarker, "sign_in_marker", "sign_in_marker"},
    {ScreenName::SignInWhom, "sign_in_whom", "sign_in_whom"},
    {ScreenName::SignInConfirm, "sign_in_confirm", "sign_in_confirm"},
    {ScreenName::Thanks, "thanks", "thanks"},
    {ScreenName::SignOutList, "sign_out_list", "sign_out_list"},
    {ScreenName::SignOutConfirm, "sign_out_confirm", "sign_out_confirm"},
    {ScreenName::Continue, "continue", "continue"},
    {ScreenName::EventOpen, "event_open", "event_detail"},
    {ScreenName::EventCancelled, "event_cancelled", "event_detail"},
    {ScreenName::RegisterWho, "register_who", "identify_list"},
    {ScreenName::RegisterGroup, "register_group", "identify_group"},
    {ScreenName::RegisterConfirm, "register_confirm", "register_confirm"},
    {ScreenName::Registered, "registered", "thanks"},
    {ScreenName::RegisterQueue, "register_queue", "register_confirm"},
    {ScreenName::CancelList, "cancel_list", "cancel_list"},
    {ScreenName::CancelConfirm, "cancel_confirm", "cancel_confirm"},
    {ScreenName::AttendanceList, "attendance_list", "attendance_list"},
    {ScreenName::AttendanceConfirm, "attendance_confirm", "attendance_confirm"},
    {ScreenName::EventClosed, "event_closed", "event_detail"},
    {ScreenName::Cancelled, "cancelled", "thanks"},
    {ScreenName::Welcome, "welcome", "thanks"},
    {ScreenName::AttendanceCounted, "attendance_counted", "attendance_list"},
    {ScreenName::WalkInWho, "walk_in_who", "identify_list"},
    {ScreenName::TodayOffline, "today_offline", "today"},
    {ScreenName::TodayClockUnset, "today_clock_unset", "today"},
    {ScreenName::StaffPin, "staff_pin", "staff_pin"},
    {ScreenName::StaffPinShut, "staff_pin_shut", "staff_pin"},
    {ScreenName::StaffHome, "staff_home", "staff_home"},
    {ScreenName::StaffPresent, "staff_present", "staff_present"},
    {ScreenName::StaffSync, "staff_sync", "staff_sync"},
    {ScreenName::StaffActivities, "staff_activities", "staff_activities"},
    {ScreenName::StaffAttendance, "staff_attendance", "staff_attendance"},
    {ScreenName::StaffProgramme, "staff_programme", "staff_programme"},
    {ScreenName::StaffEdit, "staff_edit", "staff_edit"},
    {ScreenName::StaffEditTime, "staff_edit_time", "staff_edit_time"},
    {ScreenName::StaffAddEvent, "staff_add_event", "staff_add_event"},
};

constexpr const char* screenshot_staff_pin = "2468";

bool is_staff_screen(ScreenName screen)
{
    for (const ScreenCase& known : screen_names)
        if (known.screen == screen)
            return std::string_view(known.expected).starts_with("staff");
    return false;
}

struct Case {
    Resolution resolution;
    const char* text_size;
    ScreenName screen;
};

const ScreenCase& screen_case(ScreenName screen)
{
    for (const ScreenCase& known : screen_names)
        if (known.screen == screen)
            return known;
    return screen_names[0];
}

std::string case_name(const Case& c)
{
    return std::string(screen_case(c.screen).name) + "_" + c.resolution.name + "_" + c.text_size;
}

void PrintTo(const Case& c, std::ostream* out) { *out << case_name(c); }

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
    const CivilDate today{2026, 11, 24};
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

bool go_to_activity(OffscreenKiosk& kiosk, ScreenName screen)
{
    switch (screen) {
    case ScreenName::EventOpen:
        open_tomorrow(kiosk, "Iltalukupiiri");
        return true;
    case ScreenName::EventCancelled:
        open_tomorrow(kiosk, "Tuolijumppa");
        return true;
    case ScreenName::RegisterWho:
    case ScreenName::RegisterGroup:
    case ScreenName::RegisterConfirm:
    case ScreenName::Registered:
        open_tomorrow(kiosk, "Iltalukupiiri");
        tap(kiosk, "activity/register");
        if (screen == ScreenName::RegisterGroup)
            tap(kiosk, "identify/type");
        if (screen == ScreenName::RegisterConfirm || screen == ScreenName::Registered)
            pick_person(kiosk, "Lars Å.");
        if (screen == ScreenName::Registered)
            tap(kiosk, "confirm/yes");
        return true;
    case ScreenName::RegisterQueue:
        open_tomorrow(kiosk, "Ulkoiluryhmä");
        tap(kiosk, "activity/register");
        pick_person(kiosk, "Lars Å.");
        return true;
    case ScreenName::CancelList:
    case ScreenName::CancelConfirm:
    case ScreenName::Cancelled:
        open_tomorrow(kiosk, "Iltalukupiiri");
        tap(kiosk, "activity/cancel");
        if (screen != ScreenName::CancelList)
            pick_person(kiosk, "Kerttu M.");
        if (screen == ScreenName::Cancelled)
            tap(kiosk, "confirm/yes");
        return true;
    case ScreenName::AttendanceList:
    case ScreenName::AttendanceConfirm:
    case ScreenName::Welcome:
    case ScreenName::AttendanceCounted:
    case ScreenName::WalkInWho:
        tap(kiosk, kiosk.target_showing("Tuolijumppa", event_rows));
        tap(kiosk, "activity/here");
        if (screen == ScreenName::AttendanceConfirm || screen == ScreenName::Welcome)
            pick_person(kiosk, "Veikko K.");
        if (screen == ScreenName::Welcome)
            tap(kiosk, "confirm/yes");
        if (screen == ScreenName::AttendanceCounted)
            tap(kiosk, "attendance/plus_one");
        if (screen == ScreenName::WalkInWho)
            tap(kiosk, "attendance/walk_in");
        return true;
    case ScreenName::EventClosed:
        // The children's visit at 11.00: registration closed at 10.00.
        for (int page = 0; page < 8 && !kiosk.shows_text("Päiväkoti"); ++page)
            tap(kiosk, "list/later");
        tap(kiosk, kiosk.target_showing("Päiväkoti", event_rows));
        return true;
    default:
        return false;
    }
}

bool go_to_staff(OffscreenKiosk& kiosk, ScreenName screen)
{
    if (!is_staff_screen(screen))
        return false;
    // At the largest text on a portrait screen the staff button gives way; staff tap
    // the smallest "A" to bring it back.
    if (!kiosk.has_target("staff/enter"))
        tap(kiosk, "size/normal");
    switch (screen) {
    case ScreenName::StaffPin:
        tap(kiosk, "staff/enter");
        tap(kiosk, "pin/digit/2");
        tap(kiosk, "pin/digit/4");
        return true;
    case ScreenName::StaffPinShut:
        tap(kiosk, "staff/enter");
        for (int attempt = 0; attempt < 3; ++attempt)
            type_staff_pin(kiosk, "0000");
        return true;
    case ScreenName::StaffHome:
    case ScreenName::StaffPresent:
    case ScreenName::StaffSync:
    case ScreenName::StaffActivities:
    case ScreenName::StaffAttendance:
    case ScreenName::StaffProgramme:
    case ScreenName::StaffEdit:
    case ScreenName::StaffEditTime:
    case ScreenName::StaffAddEvent:
        tap(kiosk, "staff/enter");
        type_staff_pin(kiosk, screenshot_staff_pin);
        if (screen == ScreenName::StaffPresent)
            tap(kiosk, "staff/present");
        if (screen == ScreenName::StaffSync)
            tap(kiosk, "staff/sync");
        if (screen == ScreenName::StaffActivities || screen == ScreenName::StaffAttendance)
            tap(kiosk, "staff/attendance");
        if (screen == ScreenName::StaffProgramme || screen == ScreenName::StaffEdit
            || screen == ScreenName::StaffEditTime || screen == ScreenName::StaffAddEvent) {
            // The evening film cancelled by staff; then the sing-along moved half an hour.
            tap(kiosk, "staff/programme");
            pick_person(kiosk, "Elokuvailta");
            tap(kiosk, "choice/cancel");
            tap(kiosk, "choices/back");
            if (screen == ScreenName::StaffAddEvent)
                tap(kiosk, "programme/add");
            if (screen == ScreenName::StaffEdit || screen == ScreenName::StaffEditTime) {
                for (int page = 0; page < 5 && kiosk.has_target("choices/earlier"); ++page)
                    tap(kiosk, "choices/earlier");
                pick_person(kiosk, "Yhteislaulu");
                tap(kiosk, "choice/time");
                if (screen == ScreenName::StaffEdit)
                    pick_person(kiosk, "15.00–16.00");
            }
            for (int page = 0; page < 5 && kiosk.has_target("choices/earlier"); ++page)
                tap(kiosk, "choices/earlier");
        }
        if (screen == ScreenName::StaffAttendance) {
            // Chair gymnastics, one more registered visitor marked here by staff just now,
            // seen from the list's first page.
            pick_person(kiosk, "Tuolijumppa");
            pick_person(kiosk, "Veikko K.");
            for (int page = 0; page < 5 && kiosk.has_target("choices/earlier"); ++page)
                tap(kiosk, "choices/earlier");
        }
        return true;
    default:
        return false;
    }
}

void go_to(OffscreenKiosk& kiosk, ScreenName screen)
{
    if (go_to_activity(kiosk, screen) || go_to_staff(kiosk, screen))
        return;
    switch (screen) {
    case ScreenName::Today:
        return;
    case ScreenName::TodayOffline: // out of touch since before the text size was chosen
    case ScreenName::TodayClockUnset:
        return;
    case ScreenName::EventDetail:
        // The chair gymnastics on now, which has a picture.
        tap(kiosk, kiosk.target_showing("Tuolijumppa", event_rows));
        return;
    case ScreenName::Tomorrow:
        tap(kiosk, "day/next");
        return;
    case ScreenName::SignOutList:
    case ScreenName::SignOutConfirm:
        tap(kiosk, "visit/sign_out");
        if (screen == ScreenName::SignOutConfirm) {
            page_until(kiosk, [&] { return kiosk.shows_text("Lars Å."); });
            tap(kiosk, kiosk.target_showing("Lars Å.", "choice/"));
        }
        return;
    default:
        break;
    }
    tap(kiosk, "visit/sign_in");
    if (screen == ScreenName::SignInGroup)
        return;
    const bool relative = screen == ScreenName::SignInWhom || screen == ScreenName::SignInConfirm
        || screen == ScreenName::Thanks;
    tap_choice(kiosk, relative ? "relative" : "resident");
    switch (screen) {
    case ScreenName::SignInName:
        return;
    case ScreenName::SignInSuggestions:
        kiosk.type("ai");
        return;
    case ScreenName::SignInMarker:
        kiosk.type("aino kallio");
        tap(kiosk, "name/done");
        return;
    case ScreenName::Continue:
        kiosk.type("ai");
        kiosk.advance_ms(kiosk.services().config().ask_to_continue_after_seconds * 1000LL);
        return;
    default:
        break;
    }
    kiosk.type("anna-liisa virtanen");
    tap(kiosk, "name/done");
    if (screen == ScreenName::SignInWhom)
        return;
    tap_choice(kiosk, "resident");
    if (screen == ScreenName::Thanks)
        tap(kiosk, "confirm/yes");
}

class ScreenshotTest : public ::testing::TestWithParam<Case> {};

TEST_P(ScreenshotTest, MatchesReferenceAndIsReadable)
{
    const Case c = GetParam();
    OffscreenKiosk kiosk({c.resolution.width, c.resolution.height, c.resolution.diagonal_inches});
    seed_regulars(kiosk);
    seed_activities(kiosk);
    if (is_staff_screen(c.screen))
        set_staff_pin_earlier(kiosk, screenshot_staff_pin); // hashing takes a moment: only where needed
    if (c.screen == ScreenName::TodayOffline || c.screen == ScreenName::StaffSync) {
        // The server silent past [sync] offline_after_minutes; then a visitor comes and
        // picks a text size (the idle reset has put the kiosk back to its defaults).
        kiosk.sync_with_unreachable_server();
        kiosk.advance_ms(16 * 60 * 1000);
    }
    // A Raspberry Pi started without a network: NTP has not set the clock.
    if (c.screen == ScreenName::TodayClockUnset)
        kiosk.clock().set_synchronised(false);
    kiosk.tap(std::string("size/") + c.text_size);
    kiosk.advance_ms(1000);
    go_to(kiosk, c.screen);
    EXPECT_EQ(kiosk.ui().screen_name(), screen_case(c.screen).expected);

    for (const std::string& problem : frame_problems(kiosk))
        ADD_FAILURE() << problem;
    const ImageComparison comparison = compare_with_reference(kiosk.display().surface(), case_name(c));
    EXPECT_TRUE(comparison.matches) << comparison.message;
}

std::vector<Case> all_cases()
{
    std::vector<Case> cases;
    for (const Resolution& resolution : resolutions)
        for (const char* size : text_sizes)
            for (const ScreenCase& screen : screen_names)
                cases.push_back({resolution, size, screen.screen});
    return cases;
}

INSTANTIATE_TEST_SUITE_P(Screens, ScreenshotTest, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return case_name(info.param); });

} // namespace
} // namespace olohuone::testing
