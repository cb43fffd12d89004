// A Raspberry Pi without a battery clock, with the real kiosk sync and the real server
// over real HTTPS: visitors sign in before NTP has set the clock, so their records carry
// a time years off; once the clock is set, the kiosk's next heartbeat lets the server put
// those records at their true time, which is what the coordinators' reports count by.
#include <gtest/gtest.h>

#include "store/outbox.h"
#include "store/record_key.h"
#include "store/visit_log.h"
#include "support/instants.h"
#include "sync_site.h"

namespace olohuone::testing {
namespace {

// What the Pi's clock says after a power cut: the last time it saved, long ago.
const UnixSeconds stale_clock = test::utc(2021, 3, 1, 8, 0);
// The true time when NTP answers.
const UnixSeconds true_time = test::utc(2026, 11, 24, 8, 15); // 10.15 in Helsinki

class SyncClockCorrection : public ::testing::Test {
protected:
    SyncSite site;
    ManualClock clock{stale_clock};

    void SetUp() override
    {
        site.start_server();
        clock.set_synchronised(false);
    }

    std::unique_ptr<sync::SyncEngine> engine() { return site.engine(site.settings(), clock); }

    // A sign-in as the screens make it, with the clock's time as it is now.
    std::string sign_in(const std::string& name)
    {
        store::VisitLog log(site.kiosk().database());
        SignInDraft draft;
        draft.key = store::new_record_key();
        draft.group_id = "resident";
        draft.typed_name = name;
        const auto signed_in = log.sign_in(draft, store::record_time_now(clock));
        EXPECT_TRUE(signed_in.ok()) << (signed_in.ok() ? "" : signed_in.error().message);
        return draft.key;
    }

    // The time the server holds for the sign-in `visit_key`.
    std::int64_t server_time_of(const std::string& visit_key, const std::string& field = "at")
    {
        return site.on_server("SELECT json_extract(payload, '$.time." + field
                              + "') FROM record WHERE kind = 'visit.sign_in' AND json_extract(payload, '$.visit') = '"
                              + visit_key + "'");
    }

    void sync_once()
    {
        const sync::SyncPass pass = engine()->run_once();
        ASSERT_TRUE(pass.ok()) << pass.problem;
    }
};

TEST_F(SyncClockCorrection, SignInsBeforeTheClockWasSetGetTheirTrueTimeFromTheFirstSynchronisedHeartbeat)
{
    clock.advance_ms(90'000); // the Pi has been up a minute and a half
    const std::string aino = sign_in("Aino Korhonen");
    clock.advance_ms(30'000);
    const std::string pekka = sign_in("Pekka Virtanen");
    clock.advance_ms(60'000);

    // Delivered while the clock is still unset: the server keeps the kiosk's times.
    sync_once();
    EXPECT_EQ(server_time_of(aino), stale_clock + 90);
    EXPECT_EQ(server_time_of(pekka), stale_clock + 120);

    // NTP sets the clock; a minute later the kiosk's sync runs again.
    clock.set(true_time);
    clock.set_synchronised(true);
    clock.advance_ms(60'000);
    sync_once();

    // The heartbeat said: 4 minutes after boot it was true_time + 60 s. So the boot
    // began at true_time - 180 s, Aino came 90 s after it and Pekka 30 s later.
    EXPECT_EQ(server_time_of(aino), true_time - 90);
    EXPECT_EQ(server_time_of(pekka), true_time - 60);
    EXPECT_EQ(server_time_of(aino, "kiosk_at"), stale_clock + 90);
    // The reports count visits by time.at: none is left in 2021.
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record WHERE json_extract(payload, '$.time.at') < "
                             + std::to_string(test::utc(2026, 1, 1))),
              0);

    // A sign-in on the set clock is stored as made, and a later heartbeat of the same
    // boot moves nothing again.
    const std::string matti = sign_in("Matti Nieminen");
    clock.advance_ms(10LL * 60 * 1000);
    sync_once();
    EXPECT_EQ(server_time_of(matti), true_time + 60);
    EXPECT_EQ(server_time_of(aino), true_time - 90);
}

TEST_F(SyncClockCorrection, ABootThatEndedBeforeTheClockWasSetKeepsTheKiosksTimes)
{
    clock.advance_ms(45'000);
    const std::string aino = sign_in("Aino Korhonen");
    // The power goes before the network comes: nothing of that boot is ever anchored.
    clock.reboot("9d3c4b5a-1e2f-4a6b-8c7d-0e1f2a3b4c5d");
    clock.advance_ms(30'000);
    const std::string pekka = sign_in("Pekka Virtanen");
    clock.advance_ms(30'000);
    clock.set(true_time);
    clock.set_synchronised(true);
    sync_once();

    EXPECT_EQ(server_time_of(pekka), true_time - 30);
    // Aino's time cannot be known; it stays as the kiosk had it, flagged for the reader.
    EXPECT_EQ(server_time_of(aino), stale_clock + 45);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record WHERE clock_synced = 0 AND time_corrected_at IS NULL"), 1);
}

} // namespace
} // namespace olohuone::testing
