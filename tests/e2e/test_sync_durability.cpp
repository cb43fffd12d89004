// The real olohuone-kiosk program syncing with the real server, killed (SIGKILL) again
// and again in the middle of its uploads and started again: in the end every record is
// on the server exactly once and nothing waits on the kiosk.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <random>
#include <thread>

#include "kiosk_process.h"
#include "support/instants.h"
#include "sync/sync_site.h"

namespace olohuone::testing {
namespace {

TEST(SyncDurability, AKioskKilledMidSyncAndRestartedDeliversEveryRecordOnce)
{
    SyncSite site;
    const int made = 3000;
    site.sign_in_visitors(made, test::utc(2026, 11, 24, 8, 15));
    site.start_server();

    const std::string token_file = site.file("kiosk-token");
    std::ofstream(token_file) << site.token << "\n";
    chmod(token_file.c_str(), 0600);
    const std::string config = site.file("kiosk.toml");
    std::ofstream(config) << "[sync]\nserver_url = \"https://127.0.0.1:" << site.port() << "\"\nsite = " << site.site_id
                          << "\ntoken_file = \"" << token_file << "\"\nca_file = \"" << site.certificates().ca
                          << "\"\nbatch_size = 20\ninterval_seconds = 5\n";
    // The sign-ins made here. The kiosk adds records of its own (the automatic sign-outs
    // at closing time, once the test's day is over), which must arrive once too.
    const auto on_server = [&] { return site.on_server("SELECT count(*) FROM record WHERE kind = 'visit.sign_in'"); };

    std::mt19937 random(20261124);
    int kills_mid_upload = 0;
    for (int round = 0; round < 20 && on_server() < made; ++round) {
        KioskProcess kiosk(site.kiosk_state_dir(), config);
        ASSERT_TRUE(kiosk.wait_for_screen("today", std::chrono::seconds(20)));
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(50, 700)(random)));
        kiosk.kill_now();
        const std::int64_t stored = on_server();
        if (stored > 0 && stored < made)
            ++kills_mid_upload;
    }
    EXPECT_GE(kills_mid_upload, 2) << "the kiosk was killed while it was uploading";

    // A last run, left to finish.
    const auto waiting = [&] {
        return site.on_kiosk("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND rejected_reason IS NULL");
    };
    {
        KioskProcess kiosk(site.kiosk_state_dir(), config);
        EXPECT_TRUE(eventually([&] { return waiting() == 0; }, 120));
        kiosk.kill_now();
    }
    EXPECT_EQ(on_server(), made);
    const std::int64_t kiosk_made = site.on_kiosk("SELECT count(*) FROM outbox");
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record"), kiosk_made);
    EXPECT_EQ(site.on_server("SELECT count(DISTINCT key) FROM record"), kiosk_made);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM conflict"), 0);
    EXPECT_EQ(waiting(), 0);
}

} // namespace
} // namespace olohuone::testing
