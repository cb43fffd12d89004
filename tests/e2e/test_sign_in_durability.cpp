// Nothing confirmed is lost, nothing is stored twice: the real kiosk program signs
// visitors in and is killed with SIGKILL at random moments, hundreds of times, and
// started again on the same database. Every sign-in whose "Kiitos" screen was shown must
// be in the database exactly once; none may be there twice.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "core/visitor_name.h"
#include "durability_support.h"
#include "kiosk_process.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace olohuone::testing {
namespace {

using namespace std::chrono_literals;

// When in the round the kiosk dies.
enum class KillAt { WhileTyping, JustAfterConfirm, AroundThanks };

TEST(SignInDurability, EveryThankedSignInIsStoredExactlyOnceThroughHundredsOfKills)
{
    test::TempDir dir;
    const std::string config = dir.file("kiosk.toml");
    std::ofstream(config) << "[display]\ndiagonal_inches = 15.6\n";
    const std::string state = dir.file("state");

    std::mt19937 random(20261123);
    std::map<std::string, int> thanked; // folded name → rounds that showed "Kiitos"
    int confirm_rounds = 0;
    const int total = rounds();
    for (int round = 0; round < total; ++round) {
        const std::string name = name_for(round);
        const auto kill_at = static_cast<KillAt>(random() % 3);
        KioskProcess kiosk(state, config);
        ASSERT_TRUE(kiosk.wait_for_screen("today", 20s)) << "round " << round << ": the kiosk did not start";

        kiosk.send("tap visit/sign_in");
        ASSERT_TRUE(kiosk.wait_for_screen("sign_in_group", 5s)) << "round " << round;
        kiosk.send("tap choice/resident");
        ASSERT_TRUE(kiosk.wait_for_screen("sign_in_name", 5s)) << "round " << round;
        for (std::size_t i = 0; i < name.size(); ++i) {
            kiosk.send(name[i] == ' ' ? "tap key/space" : std::string("tap key/") + name[i]);
            if (kill_at == KillAt::WhileTyping && i == random() % name.size())
                break;
        }
        if (kill_at != KillAt::WhileTyping) {
            kiosk.send("tap name/done");
            ASSERT_TRUE(kiosk.wait_for_screen("sign_in_confirm", 5s)) << "round " << round;
            kiosk.send("tap confirm/yes");
            if (kill_at == KillAt::JustAfterConfirm)
                std::this_thread::sleep_for(std::chrono::microseconds(random() % 30'000));
            else
                std::this_thread::sleep_for(std::chrono::microseconds(30'000 + random() % 100'000));
            ++confirm_rounds;
        }
        kiosk.kill_now();
        if (kiosk.saw_screen("thanks"))
            ++thanked[fold_name(normalize_name(name))];
    }

    // What the database holds, opened as the kiosk opens it after a power cut.
    auto store = store::Store::open(state + "/olohuone.sqlite3");
    ASSERT_TRUE(store.ok()) << store.error().message;
    sql::Database& db = store->database();
    EXPECT_EQ(db.query_text("PRAGMA integrity_check").value(), "ok");
    auto per_visitor = db.prepare(
        "SELECT visitor.fold_key, count(visit.id), (SELECT count(*) FROM outbox WHERE outbox.key IN "
        "(SELECT key FROM visit v2 WHERE v2.visitor_id = visitor.id)) FROM visitor LEFT JOIN visit ON "
        "visit.visitor_id = visitor.id GROUP BY visitor.id");
    ASSERT_TRUE(per_visitor.ok());
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> stored; // visits, outbox rows
    while (per_visitor->step().value())
        stored[per_visitor->column_text(0)] = {per_visitor->column_int(1), per_visitor->column_int(2)};

    for (const auto& [name, times] : thanked) {
        ASSERT_EQ(times, 1) << name << " was thanked in two rounds: the test's names must differ";
        const auto found = stored.find(name);
        ASSERT_NE(found, stored.end()) << name << " was thanked but is not in the database";
        EXPECT_EQ(found->second.first, 1) << name << " has " << found->second.first << " visits";
        EXPECT_EQ(found->second.second, 1) << name << " has " << found->second.second << " outbox rows";
    }
    for (const auto& [name, counts] : stored) {
        EXPECT_EQ(counts.first, 1) << name << " is stored " << counts.first << " times";
        EXPECT_EQ(counts.second, counts.first) << name << ": every visit has its outbox row";
    }
    // The run must have exercised both sides of the race, or it proved nothing.
    EXPECT_GT(thanked.size(), static_cast<std::size_t>(total / 10)) << "too few rounds reached the thank-you";
    EXPECT_LT(thanked.size(), static_cast<std::size_t>(confirm_rounds))
        << "no round was killed between confirming and thanking";
    std::printf("%d rounds: %zu thanked, %zu stored (the rest killed before the record was written)\n", total,
                thanked.size(), stored.size());
}

} // namespace
} // namespace olohuone::testing
