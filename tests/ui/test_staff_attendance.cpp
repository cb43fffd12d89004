// Staff taking an activity's attendance: marking those registered present, taking a mark
// made by mistake back, adding someone who came without registering, and the count
// without a name up and down. Finger taps on the real kiosk drawing into memory, a real
// SQLite file, virtual time (Tuesday 24.11.2026 10.15; Tuolijumppa began at 10.00).
#include <gtest/gtest.h>

#include "earlier_records.h"
#include "store/activity_log.h"
#include "flow_steps.h"
#include "offscreen_kiosk.h"

namespace olohuone::testing {
namespace {


// Staff mode, "Osallistujat", and the activity titled `title`.
void open_attendance_of(OffscreenKiosk& kiosk, const std::string& title)
{
    set_staff_pin_earlier(kiosk, test_staff_pin);
    kiosk.choose("staff/enter");
    type_staff_pin(kiosk, test_staff_pin);
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_home");
    tap(kiosk, "staff/attendance");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_activities");
    for (int page = 0; page < 5 && !kiosk.shows_text(title); ++page)
        tap(kiosk, "choices/later");
    tap(kiosk, kiosk.target_showing(title, "choice/"));
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_attendance") << kiosk.screen_text();
}

// Present now at `activity`, by name and without one, as the records say.
std::pair<int, int> here_counts(OffscreenKiosk& kiosk, const Occurrence& activity)
{
    const ui::AttendanceSheet sheet = kiosk.services().staff().attendance_sheet(activity);
    return {sheet.named_here(), sheet.anonymous};
}

TEST(StaffAttendance, ARegisteredVisitorIsMarkedHereAndAMistakeTakenBackWithATapEach)
{
    OffscreenKiosk kiosk;
    const Occurrence gymnastics = occurrence_titled(kiosk, today, "Tuolijumppa");
    register_earlier(kiosk, gymnastics, activity_regulars(3));
    open_attendance_of(kiosk, "Tuolijumppa");
    EXPECT_TRUE(kiosk.shows_text("Paikalla: 0 nimellä, 0 ilman nimeä"));
    EXPECT_TRUE(kiosk.shows_text("Ei merkitty"));

    tap(kiosk, kiosk.target_showing("Toivo H.", "choice/"));
    EXPECT_TRUE(kiosk.shows_text("Toivo H. merkitty paikalle."));
    EXPECT_TRUE(kiosk.shows_text("✓ Paikalla"));
    EXPECT_TRUE(kiosk.shows_text("Paikalla: 1 nimellä, 0 ilman nimeä"));
    tap(kiosk, kiosk.target_showing("Helmi L.", "choice/"));
    EXPECT_TRUE(kiosk.shows_text("Paikalla: 2 nimellä, 0 ilman nimeä"));

    // Helmi was not there after all: the same button takes the mark back.
    tap(kiosk, kiosk.target_showing("Helmi L.", "choice/"));
    EXPECT_TRUE(kiosk.shows_text("Helmi L. merkitty poissaolevaksi."));
    EXPECT_TRUE(kiosk.shows_text("Paikalla: 1 nimellä, 0 ilman nimeä"));
    EXPECT_EQ(here_counts(kiosk, gymnastics), (std::pair{1, 0}));

    // Each change is its own record for the server, the withdrawal naming the mark.
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'attendance.here'"), 2);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'attendance.withdrawn' AND "
                           "json_extract(payload, '$.attendance') = (SELECT attendance.key FROM attendance JOIN "
                           "visitor ON visitor.id = attendance.visitor_id WHERE visitor.name = 'Helmi Laine')"),
              1);
    // The visitor's own "Olen paikalla" list offers Helmi again, not Toivo.
    const auto registrants = kiosk.services().activities().registrants(gymnastics);
    for (const Registrant& registrant : registrants)
        EXPECT_EQ(registrant.here, registrant.public_name == "Toivo H.") << registrant.public_name;
}

TEST(StaffAttendance, SomeoneWhoCameWithoutRegisteringIsAddedByNameAndListedAsHere)
{
    OffscreenKiosk kiosk;
    sign_in_earlier(kiosk, {"Lars Åberg"}, "relative");
    const Occurrence gymnastics = occurrence_titled(kiosk, today, "Tuolijumppa");
    register_earlier(kiosk, gymnastics, activity_regulars(1));
    open_attendance_of(kiosk, "Tuolijumppa");

    tap(kiosk, "attendance/add_name");
    ASSERT_EQ(kiosk.ui().screen_name(), "identify_list") << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Kuka tuli?"));
    tap(kiosk, kiosk.target_showing("Lars Å.", "choice/"));
    // Straight back to the list: staff are not thanked like a visitor.
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_attendance");
    EXPECT_TRUE(kiosk.shows_text("Lars Å. merkitty paikalle."));
    EXPECT_TRUE(kiosk.shows_text("ei ilmoittautunut")) << kiosk.screen_text();
    EXPECT_EQ(here_counts(kiosk, gymnastics), (std::pair{1, 0}));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'attendance.here' AND "
                           "json_extract(payload, '$.visitor.name') = 'Lars Åberg' AND "
                           "json_extract(payload, '$.registration') IS NULL"),
              1);

    // A walk-in marked by mistake is taken back the same way.
    tap(kiosk, kiosk.target_showing("Lars Å.", "choice/walk_in/"));
    EXPECT_FALSE(kiosk.shows_text("ei ilmoittautunut"));
    EXPECT_EQ(here_counts(kiosk, gymnastics), (std::pair{0, 0}));
}

TEST(StaffAttendance, TheCountWithoutANameGoesUpAndDownButNotBelowZero)
{
    OffscreenKiosk kiosk;
    const Occurrence gymnastics = occurrence_titled(kiosk, today, "Tuolijumppa");
    mark_here_earlier(kiosk, gymnastics, {}, 2);
    open_attendance_of(kiosk, "Tuolijumppa");
    EXPECT_TRUE(kiosk.shows_text("Paikalla: 0 nimellä, 2 ilman nimeä"));

    tap(kiosk, "attendance/plus_one");
    EXPECT_TRUE(kiosk.shows_text("Yksi lisää ilman nimeä."));
    EXPECT_TRUE(kiosk.shows_text("Paikalla: 0 nimellä, 3 ilman nimeä"));
    for (int i = 0; i < 3; ++i)
        tap(kiosk, "attendance/minus_one");
    EXPECT_TRUE(kiosk.shows_text("Paikalla: 0 nimellä, 0 ilman nimeä"));
    tap(kiosk, "attendance/minus_one");
    EXPECT_TRUE(kiosk.shows_text("Ilman nimeä ei ole laskettu ketään."));
    EXPECT_EQ(here_counts(kiosk, gymnastics), (std::pair{0, 0}));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'attendance.counted'"), 3);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'attendance.withdrawn'"), 3);
}

TEST(StaffAttendance, AnActivityLaterTodaySaysFromWhenAndOffersNoMarking)
{
    OffscreenKiosk kiosk;
    const Occurrence carols = occurrence_titled(kiosk, today, "Päiväkoti Tenavien lasten joululauluvierailu");
    open_attendance_of(kiosk, "Päiväkoti");
    // 11.00 start, "Olen paikalla" opens 30 min before.
    EXPECT_TRUE(kiosk.shows_text("Osallistujia voi merkitä klo 10.30 alkaen."));
    EXPECT_FALSE(kiosk.has_target("attendance/plus_one"));
    EXPECT_FALSE(kiosk.has_target("attendance/add_name"));
    // The rule holds in the desk too, not only on the screen.
    EXPECT_FALSE(kiosk.services().staff().mark_present(carols, std::nullopt, "a-key-for-a-test").ok());
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM attendance"), 0);

    // At 10.30 it opens (staff mode has closed itself in the meantime).
    kiosk.advance_ms(15 * 60 * 1000);
    ASSERT_EQ(kiosk.ui().screen_name(), "today");
    open_attendance_of(kiosk, "Päiväkoti");
    EXPECT_TRUE(kiosk.has_target("attendance/plus_one"));
    EXPECT_TRUE(kiosk.has_target("attendance/add_name"));
}

TEST(StaffAttendance, AfterTheActivitysDayItCanNoLongerBeChanged)
{
    OffscreenKiosk kiosk;
    const Occurrence gymnastics = occurrence_titled(kiosk, today, "Tuolijumppa");
    mark_here_earlier(kiosk, gymnastics, {"Helmi Laine"});
    kiosk.advance_ms(14LL * 3600 * 1000); // 00.15 on Wednesday
    EXPECT_FALSE(kiosk.services().staff().attendance_sheet(gymnastics).open);
    const auto taken_back = kiosk.services().staff().withdraw_attendance(gymnastics, std::nullopt, "another-key");
    EXPECT_FALSE(taken_back.ok());
    EXPECT_EQ(here_counts(kiosk, gymnastics), (std::pair{1, 0}));
}

TEST(StaffAttendance, StaffSeeTheQueueMoveAndRestoreACancellationMadeByMistake)
{
    OffscreenKiosk kiosk;
    const Occurrence film = film_night_of_six(kiosk);
    helmi_cancelled(kiosk, film);
    open_attendance_of(kiosk, "Elokuvailta");
    EXPECT_TRUE(kiosk.shows_text("10.15 Irja Hämäläinen pääsi mukaan jonosta.")) << kiosk.screen_text();
    // After those registered, on the list's last page.
    for (int page = 0; page < 5 && !kiosk.shows_text("Peruttu klo"); ++page)
        tap(kiosk, "choices/later");
    EXPECT_TRUE(kiosk.shows_text("Peruttu klo 10.15")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("palauta koskettamalla")) << kiosk.screen_text();

    // The cancellation was a slip: staff restore it, told first whom it puts back.
    tap(kiosk, kiosk.target_showing("Helmi L.", "choice/restore/"));
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_restore");
    EXPECT_TRUE(kiosk.shows_text("Helmi Laine saa alkuperäisen paikkansa takaisin.")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Irja Hämäläinen siirtyy takaisin jonoon.")) << kiosk.screen_text();
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'registration.restore'"), 0)
        << "asking stored nothing";
    tap(kiosk, "choice/restore/yes");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_attendance");
    EXPECT_TRUE(kiosk.shows_text("Helmi Laine: ilmoittautuminen palautettu.")) << kiosk.screen_text();
    EXPECT_NE(kiosk.screen_text().find("10.15 Irja Hämäläinen siirtyi jonoon sijalle"), std::string::npos)
        << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("Peruttu klo")) << "nothing left to restore";

    // Helmi has her own place again, the first of the seven; Irja waits.
    const std::vector<Registrant> registrants = kiosk.services().activities().registrants(film);
    ASSERT_EQ(registrants.size(), 7u);
    EXPECT_EQ(registrants[0].name, "Helmi Laine");
    EXPECT_TRUE(registrants[0].coming);
    EXPECT_EQ(registrants[6].name, "Irja Hämäläinen");
    EXPECT_EQ(registrants[6].queue_position, 1);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'registration.restore'"), 1);
}

TEST(StaffAttendance, PlacesThisKioskGaveWithoutTheServerAreMarkedSo)
{
    OffscreenKiosk kiosk;
    kiosk.sync_with_unreachable_server();
    const Occurrence film = film_night_of_six(kiosk);
    register_earlier(kiosk, film, activity_regulars(2));
    open_attendance_of(kiosk, "Elokuvailta");
    EXPECT_NE(kiosk.screen_text().find("Ei merkitty · paikka päätetty tällä laitteella · Asukas"), std::string::npos)
        << kiosk.screen_text();

    // Once the server's answer has them, the mark goes.
    store::ActivityLog log(kiosk.services().store().database());
    std::vector<SitePlace> order;
    for (const std::string& key :
         {kiosk.services().store().database().query_text("SELECT key FROM registration ORDER BY id LIMIT 1").value(),
          kiosk.services().store().database().query_text("SELECT key FROM registration ORDER BY id DESC LIMIT 1").value()})
        order.push_back({key, false});
    ASSERT_TRUE(log.take_site_places({{film.uid, film.instance, std::optional<int>(6), order}}, kiosk.clock().now()).ok());
    tap(kiosk, "choices/back");
    tap(kiosk, kiosk.target_showing("Elokuvailta", "choice/"));
    EXPECT_EQ(kiosk.screen_text().find("päätetty tällä laitteella"), std::string::npos) << kiosk.screen_text();
}

TEST(StaffAttendance, ACancellationFromAnEarlierDayIsNotOfferedNorRestored)
{
    OffscreenKiosk kiosk;
    const Occurrence film = film_night_of_six(kiosk);
    // Helmi registered last week and cancelled yesterday.
    store::ActivityLog log(kiosk.services().store().database());
    const UnixSeconds yesterday = kiosk.clock().now() - 24 * 3600;
    ASSERT_TRUE(log.register_visitor(film, VisitorIdentity{std::nullopt, "Helmi Laine", "resident", ""},
                                     kiosk.services().visits().new_key(), {yesterday - 6 * 24 * 3600, true})
                    .ok());
    const std::int64_t helmi = count(kiosk, "SELECT id FROM visitor WHERE name = 'Helmi Laine'");
    ASSERT_TRUE(log.cancel(film, helmi, kiosk.services().visits().new_key(), {yesterday, true}).ok());
    EXPECT_TRUE(kiosk.services().staff().attendance_sheet(film).cancellations.empty());
    const std::string key =
        kiosk.services().store().database().query_text("SELECT key FROM registration").value();
    EXPECT_FALSE(kiosk.services().staff().restore_registration(film, key, kiosk.services().visits().new_key(), false).ok());
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM registration WHERE cancelled_at IS NULL"), 0);
}

TEST(StaffAttendance, ACancellationOfAnActivityAlreadyBegunCannotBeRestored)
{
    OffscreenKiosk kiosk;
    const Occurrence film = film_night_of_six(kiosk);
    helmi_cancelled(kiosk, film);
    kiosk.advance_ms((film.start - kiosk.clock().now() + 60) * 1000);
    open_attendance_of(kiosk, "Elokuvailta");
    EXPECT_FALSE(kiosk.shows_text("Peruttu klo")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.services().staff().attendance_sheet(film).cancellations.empty());
    const std::string helmis = kiosk.services()
                                   .store()
                                   .database()
                                   .query_text("SELECT key FROM registration WHERE cancelled_at IS NOT NULL")
                                   .value();
    EXPECT_FALSE(
        kiosk.services().staff().restore_registration(film, helmis, kiosk.services().visits().new_key(), false).ok());
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM registration WHERE cancelled_at IS NULL"), 6);
}

TEST(StaffAttendance, StaffModeStillClosesByItselfOnTheAttendanceList)
{
    OffscreenKiosk kiosk;
    open_attendance_of(kiosk, "Tuolijumppa");
    kiosk.advance_ms(kiosk.services().config().staff_idle_timeout_seconds * 1000LL + 1000);
    EXPECT_EQ(kiosk.ui().screen_name(), "today");
}

} // namespace
} // namespace olohuone::testing
