// "Tulen mukaan", "Peru ilmoittautuminen" and "Olen paikalla" as a visitor does them:
// finger taps on the real kiosk drawing into memory, a real SQLite file underneath,
// virtual time. Every test ends by asking the database what it holds.
#include <gtest/gtest.h>

#include <algorithm>

#include "earlier_records.h"
#include "flow_steps.h"
#include "offscreen_kiosk.h"

namespace olohuone::testing {
namespace {

constexpr CivilDate tomorrow{2026, 11, 25};
const std::string reading_circle = "Iltalukupiiri: marraskuun kirja";

void open_event(OffscreenKiosk& kiosk, const std::string& title, bool next_day)
{
    if (next_day)
        tap(kiosk, "day/next");
    // The list may be paged either way from where the visitor left it.
    for (int page = 0; page < 8 && !kiosk.shows_text(title) && kiosk.has_target("list/earlier"); ++page)
        tap(kiosk, "list/earlier");
    for (int page = 0; page < 8 && !kiosk.shows_text(title); ++page)
        tap(kiosk, "list/later");
    tap(kiosk, kiosk.target_showing(title, event_rows));
    ASSERT_EQ(kiosk.ui().screen_name(), "event_detail");
}

void pick(OffscreenKiosk& kiosk, const std::string& public_name)
{
    for (int page = 0; page < 6 && !kiosk.shows_text(public_name); ++page)
        tap(kiosk, "choices/later");
    tap(kiosk, kiosk.target_showing(public_name, "choice/"));
}

// Active registrations of `name` for the activity `title` (any day).
std::int64_t registrations_of(OffscreenKiosk& kiosk, const std::string& name, const Occurrence& activity)
{
    return count(kiosk, "SELECT count(*) FROM registration JOIN visitor ON visitor.id = registration.visitor_id "
                        "WHERE visitor.name = '" + name + "' AND event_uid = '" + activity.uid
                            + "' AND instance = " + std::to_string(activity.instance) + " AND cancelled_at IS NULL");
}

TEST(ActivityFlows, AVisitorSignedInTodayRegistersWithTwoTaps)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    sign_in_earlier(kiosk, {"Lars Åberg"}, "relative");
    const Occurrence circle = occurrence_titled(kiosk, tomorrow, reading_circle);
    register_earlier(kiosk, circle, activity_regulars(5));

    open_event(kiosk, "Iltalukupiiri", true);
    EXPECT_TRUE(kiosk.shows_text("5 / 10 tulossa"));
    tap(kiosk, "activity/register");
    ASSERT_EQ(kiosk.ui().screen_name(), "identify_list");
    pick(kiosk, "Lars Å.");
    ASSERT_EQ(kiosk.ui().screen_name(), "register_confirm");
    EXPECT_TRUE(kiosk.shows_text("5 paikkaa vapaana"));
    tap(kiosk, "confirm/yes");
    ASSERT_EQ(kiosk.ui().screen_name(), "thanks");
    EXPECT_TRUE(kiosk.shows_text("Kiitos, Lars!"));
    EXPECT_TRUE(kiosk.shows_text("Olet tulossa"));

    EXPECT_EQ(registrations_of(kiosk, "Lars Åberg", circle), 1);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'registration.add'"), 6);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visitor WHERE name = 'Lars Åberg'"), 1);

    // Back on the programme, tomorrow's row says so at a glance.
    tap(kiosk, "thanks/close");
    tap(kiosk, "day/next");
    for (int page = 0; page < 8 && !kiosk.shows_text("Iltalukupiiri"); ++page)
        tap(kiosk, "list/later");
    EXPECT_TRUE(kiosk.shows_text("6 / 10 tulossa · 4 vapaana")) << kiosk.screen_text();
}

TEST(ActivityFlows, SomeoneNotSignedInTypesTheirName)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    const Occurrence circle = occurrence_titled(kiosk, tomorrow, reading_circle);
    open_event(kiosk, "Iltalukupiiri", true);
    tap(kiosk, "activity/register");
    // Nobody signed in today: straight to who they are.
    ASSERT_EQ(kiosk.ui().screen_name(), "identify_group");
    tap(kiosk, "choice/resident");
    ASSERT_EQ(kiosk.ui().screen_name(), "sign_in_name");
    EXPECT_FALSE(kiosk.has_target("name/anonymous")); // a registration needs a name
    kiosk.type("helga sundström");
    tap(kiosk, "name/done");
    ASSERT_EQ(kiosk.ui().screen_name(), "register_confirm");
    EXPECT_TRUE(kiosk.shows_text("Helga Sundström"));
    tap(kiosk, "confirm/yes");
    EXPECT_TRUE(kiosk.shows_text("Kiitos, Helga!"));
    EXPECT_EQ(registrations_of(kiosk, "Helga Sundström", circle), 1);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visit"), 0); // registering is not signing in
}

TEST(ActivityFlows, AFullActivityOffersTheQueueAndACancellationMovesItUp)
{
    OffscreenKiosk kiosk;
    sign_in_earlier(kiosk, {"Lars Åberg"}, "relative");
    const Occurrence outdoors = occurrence_titled(kiosk, tomorrow, "Ulkoiluryhmä");
    register_earlier(kiosk, outdoors, activity_regulars(8));

    open_event(kiosk, "Ulkoiluryhmä", true);
    EXPECT_TRUE(kiosk.shows_text("tulossa · täynnä")) << "lower case mid-sentence";
    tap(kiosk, "activity/register");
    pick(kiosk, "Lars Å.");
    EXPECT_TRUE(kiosk.shows_text("Pääset jonoon sijalle 1."));
    EXPECT_TRUE(kiosk.shows_text("Kyllä, jonoon"));
    tap(kiosk, "confirm/yes");
    EXPECT_TRUE(kiosk.shows_text("Olet jonossa sijalla 1."));
    tap(kiosk, "thanks/close");

    // Helmi cannot come after all: Lars gets her place. Cancelling asks who you are, as
    // registering does; nobody is offered a list of the others' places to cancel.
    open_event(kiosk, "Ulkoiluryhmä", true);
    EXPECT_TRUE(kiosk.shows_text("· 1 jonossa")) << kiosk.screen_text();
    tap(kiosk, "activity/cancel");
    ASSERT_EQ(kiosk.ui().screen_name(), "identify_list");
    EXPECT_TRUE(kiosk.shows_text("Kuka peruu?")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("Helmi L.")) << "the registrants are not listed";
    tap(kiosk, "identify/type");
    tap(kiosk, "choice/resident");
    kiosk.type("helmi laine");
    tap(kiosk, "name/done");
    ASSERT_EQ(kiosk.ui().screen_name(), "cancel_confirm") << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Helmi L.")) << "the confirmation names the person";
    EXPECT_TRUE(kiosk.shows_text("Ulkoiluryhmä")) << "and the activity";
    tap(kiosk, "confirm/yes");
    EXPECT_TRUE(kiosk.shows_text("Selvä, Helmi."));
    tap(kiosk, "thanks/close");

    // Someone with no registration is told so, and nothing is cancelled.
    open_event(kiosk, "Ulkoiluryhmä", true);
    tap(kiosk, "activity/cancel");
    tap(kiosk, "identify/type");
    tap(kiosk, "choice/volunteer");
    kiosk.type("eero mäkelä");
    tap(kiosk, "name/done");
    ASSERT_EQ(kiosk.ui().screen_name(), "cancel_not_registered") << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Ilmoittautumista ei löytynyt")) << kiosk.screen_text();
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM visitor WHERE name = 'Eero Mäkelä'"), 0) << "nobody added";

    EXPECT_EQ(registrations_of(kiosk, "Helmi Laine", outdoors), 0);
    const Places places = kiosk.services().activities().status(outdoors).places;
    EXPECT_EQ(places.coming, 8);
    EXPECT_EQ(places.waiting, 0);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'registration.promoted'"), 1);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'registration.cancel'"), 1);
}

TEST(ActivityFlows, AShakyDoubleTapOnConfirmRegistersOnce)
{
    OffscreenKiosk kiosk;
    sign_in_earlier(kiosk, {"Lars Åberg"}, "relative");
    open_event(kiosk, "Iltalukupiiri", true);
    tap(kiosk, "activity/register");
    pick(kiosk, "Lars Å.");
    kiosk.tap_shakily("confirm/yes", 6);
    EXPECT_EQ(kiosk.ui().screen_name(), "thanks");
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM registration"), 1);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind LIKE 'registration.%'"), 1);
}

TEST(ActivityFlows, RegistrationClosesBeforeTheStartEvenWithTheConfirmationOpen)
{
    // 13.29.30: the sing-along at 14.30 closes its registration at 13.30.
    OffscreenKiosk kiosk(KioskSetup{800, 480, 7.0, {today, {13, 29, 30}}});
    sign_in_earlier(kiosk, {"Lars Åberg"}, "relative");
    open_event(kiosk, "Yhteislaulu", false);
    tap(kiosk, "activity/register");
    pick(kiosk, "Lars Å.");
    ASSERT_EQ(kiosk.ui().screen_name(), "register_confirm");
    kiosk.advance_ms(40 * 1000); // reading it slowly
    tap(kiosk, "confirm/yes");
    EXPECT_TRUE(kiosk.shows_text("Ilmoittautuminen on päättynyt."));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM registration"), 0);

    // The detail screen no longer offers it.
    tap(kiosk, "thanks/close");
    open_event(kiosk, "Yhteislaulu", false);
    EXPECT_FALSE(kiosk.has_target("activity/register"));
    EXPECT_TRUE(kiosk.shows_text("Ilmoittautuminen on päättynyt."));
}

TEST(ActivityFlows, ACancelledActivityTakesNoRegistrationsAndShowsTheOnesItHad)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    // Registered before staff cancelled tomorrow's session.
    register_earlier(kiosk, occurrence_titled(kiosk, tomorrow, "Tuolijumppa"), activity_regulars(3));
    open_event(kiosk, "Tuolijumppa", true);
    EXPECT_FALSE(kiosk.has_target("activity/register"));
    EXPECT_FALSE(kiosk.has_target("activity/cancel"));
    EXPECT_TRUE(kiosk.shows_text("Tapahtuma on peruttu. Ilmoittautuneita oli 3."));
}

TEST(ActivityFlows, RegisteredWalkInAndAnonymousAttendanceAreRecordedApart)
{
    OffscreenKiosk kiosk;
    sign_in_earlier(kiosk, {"Lars Åberg"}, "relative");
    const Occurrence gymnastics = occurrence_titled(kiosk, today, "Tuolijumppa");
    register_earlier(kiosk, gymnastics, activity_regulars(4));

    // Veikko registered yesterday and taps his name.
    open_event(kiosk, "Tuolijumppa", false);
    tap(kiosk, "activity/here");
    ASSERT_EQ(kiosk.ui().screen_name(), "attendance_list");
    pick(kiosk, "Veikko K.");
    ASSERT_EQ(kiosk.ui().screen_name(), "attendance_confirm");
    tap(kiosk, "confirm/yes");
    EXPECT_TRUE(kiosk.shows_text("Tervetuloa, Veikko!"));
    tap(kiosk, "thanks/close");

    // Lars did not register; he is signed in, so he picks himself.
    open_event(kiosk, "Tuolijumppa", false);
    tap(kiosk, "activity/here");
    EXPECT_FALSE(kiosk.shows_text("Veikko K.")); // here already: no longer listed
    tap(kiosk, "attendance/walk_in");
    ASSERT_EQ(kiosk.ui().screen_name(), "identify_list");
    pick(kiosk, "Lars Å.");
    tap(kiosk, "confirm/yes");
    EXPECT_TRUE(kiosk.shows_text("Tervetuloa, Lars!"));
    tap(kiosk, "thanks/close");

    // Three people who would rather not give a name.
    open_event(kiosk, "Tuolijumppa", false);
    tap(kiosk, "activity/here");
    // Each is thanked, and the thank-you goes back to the list for the next one: by
    // "Valmis", or by itself.
    for (int i = 0; i < 3; ++i) {
        tap(kiosk, "attendance/plus_one");
        ASSERT_EQ(kiosk.ui().screen_name(), "thanks");
        EXPECT_TRUE(kiosk.shows_text("Kiitos!"));
        EXPECT_TRUE(kiosk.shows_text("Sinut on laskettu mukaan."));
        if (i == 0)
            tap(kiosk, "thanks/close");
        else
            kiosk.advance_ms(kiosk.services().config().thank_you_seconds * 1000LL);
        ASSERT_EQ(kiosk.ui().screen_name(), "attendance_list");
        kiosk.pause_after_unasked_change();
    }
    EXPECT_TRUE(kiosk.shows_text("Paikalla: 2 nimellä, 3 ilman nimeä"));
    // A fourth tap was a slip of the finger: one tap takes it back.
    tap(kiosk, "attendance/plus_one");
    EXPECT_TRUE(kiosk.shows_text("Peru laskenta"));
    tap(kiosk, "thanks/undo");
    EXPECT_TRUE(kiosk.shows_text("Laskenta peruttu"));
    EXPECT_TRUE(kiosk.shows_text("Sinua ei lasketa mukaan."));
    EXPECT_FALSE(kiosk.has_target("thanks/undo"));
    tap(kiosk, "thanks/close");
    ASSERT_EQ(kiosk.ui().screen_name(), "attendance_list");
    EXPECT_TRUE(kiosk.shows_text("Paikalla: 2 nimellä, 3 ilman nimeä"));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'attendance.withdrawn'"), 1);

    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM attendance WHERE visitor_id IS NULL AND withdrawn_at IS NULL"), 3);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM attendance WHERE visitor_id IS NOT NULL"), 2);
    // Registered and came: the record names the registration; the walk-in's does not.
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'attendance.here' AND "
                           "json_extract(payload, '$.registration') IS NOT NULL"),
              1);
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM outbox WHERE kind = 'attendance.counted'"), 4);
    // Registered and did not come: three of the four.
    const auto registrants = kiosk.services().activities().registrants(gymnastics);
    EXPECT_EQ(std::count_if(registrants.begin(), registrants.end(), [](const Registrant& r) { return !r.here; }), 3);
}

TEST(ActivityFlows, AttendanceIsOfferedOnlyAroundTheStart)
{
    OffscreenKiosk kiosk;
    open_event(kiosk, "Yhteislaulu", false); // 14.30, and it is 10.15
    EXPECT_FALSE(kiosk.has_target("activity/here"));
    EXPECT_TRUE(kiosk.has_target("activity/register"));
    tap(kiosk, "detail/back");
    open_event(kiosk, "Tuolijumppa", false); // on now
    EXPECT_TRUE(kiosk.has_target("activity/here"));
    EXPECT_FALSE(kiosk.has_target("activity/register"));
}

TEST(ActivityFlows, ARegistrationTheStoreRefusesSaysSoAndLosesNothing)
{
    OffscreenKiosk kiosk;
    sign_in_earlier(kiosk, {"Lars Åberg"}, "relative");
    const Occurrence circle = occurrence_titled(kiosk, tomorrow, reading_circle);
    register_earlier(kiosk, circle, activity_regulars(2));
    open_event(kiosk, "Iltalukupiiri", true);
    tap(kiosk, "activity/register");
    pick(kiosk, "Lars Å.");
    kiosk.refuse_writes(true);
    tap(kiosk, "confirm/yes");
    EXPECT_EQ(kiosk.ui().screen_name(), "register_confirm");
    EXPECT_TRUE(kiosk.shows_text("Tallennus ei onnistunut"));
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM registration"), 2);

    kiosk.refuse_writes(false);
    tap(kiosk, "confirm/yes");
    EXPECT_EQ(kiosk.ui().screen_name(), "thanks");
    EXPECT_EQ(count(kiosk, "SELECT count(*) FROM registration"), 3);
    EXPECT_EQ(registrations_of(kiosk, "Lars Åberg", circle), 1);
}

} // namespace
} // namespace olohuone::testing
