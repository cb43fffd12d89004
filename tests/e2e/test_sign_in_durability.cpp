// Nothing confirmed is lost, nothing is stored twice: the real kiosk program signs
// visitors in and is killed with SIGKILL at random moments, hundreds of times, and
// started again on the same database. The rounds are run in sign_in_shards side by side, each on
// a database of its own. Every sign-in whose "Kiitos" screen was shown must
// be in the database exactly once; none may be there twice.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <random>

#include "core/visitor_name.h"
#include "durability_support.h"
#include "kiosk_process.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace olohuone::testing {
namespace {

using namespace std::chrono_literals;

class SignInDurability : public ::testing::TestWithParam<int> {};

TEST_P(SignInDurability, EveryThankedSignInIsStoredExactlyOnceThroughKills)
{
    const RoundRange range = shard_of(GetParam(), shard_count(rounds()), rounds());
    test::TempDir dir;
    const std::string config = dir.file("kiosk.toml");
    std::ofstream(config) << "[display]\ndiagonal_inches = 15.6\n";
    const std::string state = dir.file("state");

    std::mt19937 random(20261123 + GetParam());
    std::map<std::string, int> thanked; // folded name → rounds that showed "Kiitos"
    int confirm_rounds = 0;
    const int total = range.end - range.first;
    for (int round = range.first; round < range.end; ++round) {
        const std::string name = name_for(round);
        const auto kill_at = static_cast<KillAt>(random() % 3);
        KioskProcess kiosk(state, config);
        ASSERT_TRUE(kiosk.wait_for_screen("today", 20s)) << "round " << round << ": the kiosk did not start";

        kiosk.send("tap visit/sign_in");
        ASSERT_TRUE(kiosk.wait_for_screen("sign_in_group", 5s)) << "round " << round;
        kiosk.send("tap choice/resident");
        ASSERT_TRUE(kiosk.wait_for_screen("sign_in_name", 5s)) << "round " << round;
        if (type_and_confirm(kiosk, name, kill_at, "sign_in_confirm", random))
            ++confirm_rounds;
        ASSERT_FALSE(HasFailure()) << "round " << round;
        kiosk.kill_now();
        if (kiosk.saw_screen("thanks"))
            ++thanked[fold_name(normalize_name(name))];
    }

    // What the database holds, opened as the kiosk opens it after a power cut.
    auto store = store::Store::open(state + "/olohuone.sqlite3");
    ASSERT_TRUE(store.ok()) << store.error().message;
    sql::Database& db = store->database();
    EXPECT_EQ(db.query_text("PRAGMA integrity_check").value(), "ok");
    const StoredPerName stored = stored_per_name(
        db, "SELECT visitor.fold_key, count(visit.id), (SELECT count(*) FROM outbox WHERE outbox.key IN "
            "(SELECT key FROM visit v2 WHERE v2.visitor_id = visitor.id)) FROM visitor LEFT JOIN visit ON "
            "visit.visitor_id = visitor.id GROUP BY visitor.id");
    expect_thanked_stored_once(thanked, stored, "visits", total, confirm_rounds);
    for (const auto& [name, counts] : stored) {
        EXPECT_EQ(counts.first, 1) << name << " is stored " << counts.first << " times";
        EXPECT_EQ(counts.second, counts.first) << name << ": every visit has its outbox row";
    }
    std::printf("%d rounds, %d confirmed: %zu thanked, %zu stored (the rest killed before the record was written)\n",
                total, confirm_rounds, thanked.size(), stored.size());
}

INSTANTIATE_TEST_SUITE_P(Shards, SignInDurability, ::testing::Range(0, shard_count(rounds())));

} // namespace
} // namespace olohuone::testing
