// A Raspberry Pi has no battery clock: after a power cut it starts with the last time it
// saved, and NTP sets the right one only once the network answers. Until then the
// screens show no time of day that may be false, and the records say which boot and how
// long after it they were made, for the server to put right (docs/architecture.md).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "offscreen_kiosk.h"

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
