// A Raspberry Pi has no battery clock: after a power cut it starts with the last time it
// saved, and NTP sets the right one only once the network answers. Until then the
// screens show no time of day that may be false, and the records say which boot and how
// long after it they were made, for the server to put right (docs/architecture.md).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <memory>

#include "earlier_records.h"
#include "flow_steps.h"
#include "offscreen_kiosk.h"
#include "support/temp_dir.h"

namespace olohuone::testing {
namespace {

constexpr std::int64_t one_minute_ms = 60'000;

TEST(UnsetClock, TheScreenShowsTheDateButNoTimeOfDayUntilTheClockIsSet)
{
    OffscreenKiosk kiosk;
    kiosk.clock().set_synchronised(false);
    kiosk.advance_ms(one_minute_ms);
    EXPECT_TRUE(kiosk.shows_text("Tiistai 24.11.")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("kellonaika ei ole vielä tiedossa")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("klo 10.16")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("aamupäivä")) << kiosk.screen_text();
    // Nor does the programme say what is on now, next or over: the day is shown from
    // its first event, the 9.00 coffee, which a set clock would call over at 10.16.
    EXPECT_TRUE(kiosk.shows_text("Aamukahvi")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("Päättynyt")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("Nyt")) << kiosk.screen_text();

    // NTP answers: the next minute's redraw shows the time again.
    kiosk.clock().set_synchronised(true);
    kiosk.advance_ms(one_minute_ms);
    EXPECT_TRUE(kiosk.shows_text("klo 10.17")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Nyt")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("kellonaika ei ole vielä tiedossa")) << kiosk.screen_text();
}

// The rules of registering and "Olen paikalla" go by the time: with a clock not yet set
// they wait for it, and the activity says so in plain words instead of missing buttons.
TEST(UnsetClock, RegistrationWaitsForTheClockAndSaysWhy)
{
    OffscreenKiosk kiosk({1080, 1920, 15.6});
    kiosk.clock().set_synchronised(false);
    kiosk.advance_ms(one_minute_ms);
    kiosk.tap(kiosk.target_showing("Tuolijumppa", event_rows));
    kiosk.advance_ms(1000);
    ASSERT_EQ(kiosk.ui().screen_name(), "event_detail");
    EXPECT_TRUE(kiosk.shows_text("kioskin kellonaika ei ole tiedossa")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Henkilökunta voi asettaa kellon.")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.has_target("activity/register"));
    EXPECT_FALSE(kiosk.has_target("activity/here"));
    // The desk refuses too, not only the screen.
    const Occurrence shown = kiosk.services().programme().occurrences_on({2026, 11, 24}).front();
    EXPECT_FALSE(kiosk.services().activities().register_visitor(
                                                  shown, {std::nullopt, "Aino Korhonen", "resident", ""}, "a-key")
                     .ok());

    // NTP answers: the next redraw offers it.
    kiosk.clock().set_synchronised(true);
    kiosk.advance_ms(one_minute_ms);
    EXPECT_FALSE(kiosk.shows_text("kioskin kellonaika ei ole tiedossa")) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.has_target("activity/here") || kiosk.has_target("activity/register")) << kiosk.screen_text();
}

// Without network staff set the clock on the kiosk: big steps from the clock's guess,
// "Aseta kello", and the kiosk trusts it until the next boot; records say who set it.
TEST(UnsetClock, StaffSetTheClockAndRegistrationOpens)
{
    test::TempDir state;
    KioskSetup setup{1080, 1920, 15.6};
    setup.state_dir = state.path();
    setup.keep_state_dir = true;
    auto first = std::make_unique<OffscreenKiosk>(setup);
    OffscreenKiosk& kiosk = *first;
    set_staff_pin_earlier(kiosk, test_staff_pin);
    kiosk.clock().set_synchronised(false);
    kiosk.advance_ms(one_minute_ms); // the guess: 10.16; the true time is 11.30
    kiosk.choose("staff/enter");
    type_staff_pin(kiosk, test_staff_pin);
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_home");
    EXPECT_TRUE(kiosk.shows_text("Kellonaika ei ole tiedossa, joten ilmoittautuminen on kiinni.")) << kiosk.screen_text();
    tap(kiosk, "staff/clock");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_clock");
    EXPECT_TRUE(kiosk.shows_text("Tiistai 24. marraskuuta 2026 klo 10.16")) << kiosk.screen_text();
    tap(kiosk, "clock/hour_on");
    tap(kiosk, "clock/ten_on");
    tap(kiosk, "clock/ten_on");
    tap(kiosk, "clock/minute_back");
    tap(kiosk, "clock/minute_back");
    tap(kiosk, "clock/day_on");
    tap(kiosk, "clock/day_back");
    EXPECT_TRUE(kiosk.shows_text("Tiistai 24. marraskuuta 2026 klo 11.34")) << kiosk.screen_text();
    for (int i = 0; i < 4; ++i)
        tap(kiosk, "clock/minute_back");
    EXPECT_TRUE(kiosk.shows_text("klo 11.30")) << kiosk.screen_text();
    tap(kiosk, "clock/set");
    ASSERT_EQ(kiosk.ui().screen_name(), "staff_home");
    EXPECT_FALSE(kiosk.has_target("staff/clock")) << "the clock is known now";
    EXPECT_EQ(kiosk.services().zone().to_local(kiosk.clock().now()).time.hour, 11);
    EXPECT_EQ(kiosk.services().zone().to_local(kiosk.clock().now()).time.minute, 30);

    // Registration is open, and its record says the time was set by staff.
    tap(kiosk, "staff/leave");
    kiosk.advance_ms(1000);
    EXPECT_TRUE(kiosk.shows_text("klo 11.30")) << kiosk.screen_text();
    const Occurrence circle = occurrence_titled(kiosk, {2026, 11, 25}, "Iltalukupiiri: marraskuun kirja");
    ASSERT_TRUE(kiosk.services()
                    .activities()
                    .register_visitor(circle, {std::nullopt, "Aino Korhonen", "resident", ""},
                                      kiosk.services().visits().new_key())
                    .ok());
    const auto record = nlohmann::json::parse(kiosk.services().store().database().query_text(
        "SELECT payload FROM outbox WHERE kind = 'registration.add'").value());
    EXPECT_EQ(record["time"]["clock_synced"], true);
    EXPECT_EQ(record["time"]["clock_set_by_staff"], true);

    // The kiosk started again in the same boot (an upgrade) still trusts it.
    first.reset();
    OffscreenKiosk restarted(setup);
    restarted.clock().set_synchronised(false);
    EXPECT_TRUE(restarted.services().activities().status(circle).can_register());

    // After a power cut the guess is back, and so is the question.
    restarted.clock().reboot("a-new-boot");
    EXPECT_FALSE(restarted.services().activities().status(circle).can_register());
}

TEST(UnsetClock, ASignInIsThankedWithoutATimeAndItsRecordCarriesItsBootAndUptime)
{
    OffscreenKiosk kiosk;
    kiosk.clock().set_synchronised(false);
    kiosk.advance_ms(1000);
    kiosk.tap("visit/sign_in");
    kiosk.advance_ms(600);
    kiosk.tap("choice/resident");
    kiosk.advance_ms(600);
    kiosk.type("aino korhonen");
    kiosk.tap("name/done");
    kiosk.advance_ms(600);
    kiosk.tap("confirm/yes");

    ASSERT_EQ(kiosk.ui().screen_name(), "thanks");
    EXPECT_TRUE(kiosk.shows_text("Kiitos, Aino!"));
    EXPECT_TRUE(kiosk.shows_text("Olet kirjautunut sisään.")) << kiosk.screen_text();
    EXPECT_FALSE(kiosk.shows_text("klo")) << kiosk.screen_text();

    auto payload = kiosk.services().store().database().query_text(
        "SELECT payload FROM outbox WHERE kind = 'visit.sign_in'");
    ASSERT_TRUE(payload.ok());
    const auto time = nlohmann::json::parse(payload.value()).at("time");
    EXPECT_FALSE(time.at("clock_synced").get<bool>());
    EXPECT_EQ(time.at("boot").get<std::string>(), kiosk.clock().since_boot().boot_id);
    // Made in the last few seconds of virtual time, not at its start.
    const std::int64_t uptime = time.at("uptime_ms").get<std::int64_t>();
    EXPECT_GT(uptime, 0);
    EXPECT_LE(uptime, kiosk.clock().since_boot().uptime_ms);
}

} // namespace
} // namespace olohuone::testing
