// The kiosk and the server as systemd runs them (Type=notify): each says READY=1 once it
// serves, the kiosk feeds its watchdog from the event loop even when nobody touches the
// screen, and both say STOPPING=1 on SIGTERM. The test plays systemd's part with a
// notify socket of its own; the programs are the real ones.
#include <gtest/gtest.h>

#include <fstream>

#include "kiosk_process.h"
#include "notify_socket.h"
#include "support/temp_dir.h"
#include "sync/sync_site.h"

namespace olohuone::testing {
namespace {

using namespace std::chrono_literals;

TEST(ServiceNotify, TheKioskIsReadyWithItsFirstFrameAndFeedsTheWatchdogWhileIdle)
{
    const test::TempDir dir;
    const std::string config = dir.file("kiosk.toml");
    std::ofstream(config) << "[display]\ndiagonal_inches = 7\n";
    NotifySocket systemd(1000); // WatchdogSec=1s: a beat at least every 0.5 s
    KioskProcess kiosk(dir.file("state"), config);
    ASSERT_TRUE(kiosk.wait_for_screen("today", 20s));

    // Nobody touches the screen for 3 s: the loop still wakes to say it is alive.
    const std::vector<std::string> idle = systemd.receive_for(3s);
    EXPECT_EQ(count_of(idle, "READY=1"), 1) << "ready once, when the first frame is on screen";
    EXPECT_GE(count_of(idle, "WATCHDOG=1"), 4) << "about every half interval";
    EXPECT_LE(count_of(idle, "WATCHDOG=1"), 8) << "and not at every turn of the loop";

    EXPECT_EQ(kiosk.stop(10s), 0);
    EXPECT_EQ(count_of(systemd.receive_for(500ms), "STOPPING=1"), 1);
}

TEST(ServiceNotify, WithoutAWatchdogTheKioskSendsNoBeats)
{
    const test::TempDir dir;
    const std::string config = dir.file("kiosk.toml");
    std::ofstream(config) << "[display]\ndiagonal_inches = 7\n";
    NotifySocket systemd;
    KioskProcess kiosk(dir.file("state"), config);
    ASSERT_TRUE(kiosk.wait_for_screen("today", 20s));
    const std::vector<std::string> messages = systemd.receive_for(1500ms);
    EXPECT_EQ(count_of(messages, "READY=1"), 1);
    EXPECT_EQ(count_of(messages, "WATCHDOG=1"), 0);
}

TEST(ServiceNotify, TheServerIsReadyWhenItListensAndSaysWhenItStops)
{
    NotifySocket systemd;
    SyncSite site;
    site.start_server(); // returns once the server says where it listens
    EXPECT_EQ(count_of(systemd.receive_for(2s), "READY=1"), 1);
    site.stop_server(); // SIGTERM
    EXPECT_EQ(count_of(systemd.receive_for(1s), "STOPPING=1"), 1);
}

} // namespace
} // namespace olohuone::testing
