// The kiosk's name retention as configured: [privacy] read and range-checked, the rule
// that follows from having a server or not, nothing erased on a clock not yet set, and
// the timer's first run at start on its own connection.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app/name_retention_timer.h"
#include "app_test_support.h"
#include "store/outbox.h"
#include "store/record_key.h"
#include "store/store.h"
#include "store/visit_log.h"
#include "support/instants.h"

namespace olohuone::app {
namespace {

using test::fails_naming;
using test::TempDir;

using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki
constexpr UnixSeconds day = 24 * 3600;

TEST(NameRetentionConfig, DefaultsAndKeysAreRead)
{
    const KioskConfig defaults = default_config();
    EXPECT_EQ(defaults.privacy.erase_names_days_after_delivery, 30);
    EXPECT_EQ(defaults.privacy.erase_names_days_standalone, 365);
    const auto config = parse_config("[privacy]\nerase_names_days_after_delivery = 7\n"
                                     "erase_names_days_standalone = 90\n",
                                     "kiosk.toml");
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config->privacy.erase_names_days_after_delivery, 7);
    EXPECT_EQ(config->privacy.erase_names_days_standalone, 90);
}

TEST(NameRetentionConfig, OutOfRangeValuesAreRefusedNamingTheKey)
{
    EXPECT_TRUE(fails_naming(parse_config("[privacy]\nerase_names_days_after_delivery = 0\n", "kiosk.toml"),
                             "privacy.erase_names_days_after_delivery"));
    EXPECT_TRUE(fails_naming(parse_config("[privacy]\nerase_names_days_standalone = 3651\n", "kiosk.toml"),
                             "from 1 to 3650"));
    EXPECT_TRUE(fails_naming(parse_config("[privacy]\nerase_names_days = 30\n", "kiosk.toml"),
                             "erase_names_days"));
}

TEST(NameRetentionConfig, TheRuleFollowsWhetherThereIsAServer)
{
    KioskConfig config = default_config();
    config.privacy.erase_names_days_after_delivery = 10;
    config.privacy.erase_names_days_standalone = 200;
    const store::NameRetentionRule alone = name_retention_rule(config);
    EXPECT_EQ(alone.start, store::RetentionStart::FromLastVisit);
    EXPECT_EQ(alone.days, 200);
    config.sync.server_url = "https://olohuone.example:8443";
    const store::NameRetentionRule connected = name_retention_rule(config);
    EXPECT_EQ(connected.start, store::RetentionStart::FromDelivery);
    EXPECT_EQ(connected.days, 10);
}

class NameRetentionRun : public ::testing::Test {
protected:
    TempDir dir;
    std::string path = dir.file("olohuone.sqlite3");
    store::Store store = store::Store::open(path).value();

    void sign_in_and_out(const std::string& name)
    {
        store::VisitLog visits(store.database());
        SignInDraft draft;
        draft.key = store::new_record_key();
        draft.group_id = "resident";
        draft.typed_name = name;
        ASSERT_TRUE(visits.sign_in(draft, {tuesday_morning, true}).ok());
        ASSERT_TRUE(visits.sign_out(draft.key, store::new_record_key(), {tuesday_morning + 3600, true}).ok());
    }

    std::int64_t names_left()
    {
        return store.database().query_int("SELECT count(*) FROM visitor WHERE name_erased_at IS NULL").value();
    }
};

TEST_F(NameRetentionRun, AClockNotYetSetErasesNothing)
{
    sign_in_and_out("Aino Korhonen");
    const store::NameRetentionRule rule{store::RetentionStart::FromLastVisit, 365};
    // Before NTP answers, a Pi's clock may be years ahead.
    ManualClock clock(tuesday_morning + 2000 * day);
    clock.set_synchronised(false);
    auto skipped = erase_expired_names_now(store.database(), rule, clock);
    ASSERT_TRUE(skipped.ok());
    EXPECT_EQ(skipped->visitors, 0);
    EXPECT_EQ(names_left(), 1);

    clock.set(tuesday_morning + 300 * day);
    clock.set_synchronised(true);
    EXPECT_EQ(erase_expired_names_now(store.database(), rule, clock)->visitors, 0);
    clock.advance_ms(66 * day * 1000);
    EXPECT_EQ(erase_expired_names_now(store.database(), rule, clock)->visitors, 1);
    EXPECT_EQ(names_left(), 0);
}

TEST_F(NameRetentionRun, TheTimerErasesAtStartAndStopsPromptly)
{
    sign_in_and_out("Aino Korhonen");
    sign_in_and_out("Eero Nieminen");
    ManualClock clock(tuesday_morning + 400 * day);
    clock.set_synchronised(true);
    NameRetentionTimer timer(path, {store::RetentionStart::FromLastVisit, 365}, clock);
    timer.start();
    // The first run is on the timer's own thread: wait for it, bounded.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (names_left() > 0 && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(names_left(), 0);
    const auto stopping = std::chrono::steady_clock::now();
    timer.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - stopping, std::chrono::seconds(2)) << "stop waits out the hour";
}

} // namespace
} // namespace olohuone::app
