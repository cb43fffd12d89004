// Registrations are as durable as sign-ins: the real kiosk program, its clock started on
// Tuesday 24 November 2026 at 10.15, registers visitors for Wednesday's outdoor group and
// is killed with SIGKILL at random moments, in registration_shards side by side, each on a database
// of its own. Every registration whose "Kiitos" was shown
// must be stored exactly once with its outbox row, and none may be stored twice.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <random>

#include "app/content.h"
#include "core/programme_import.h"
#include "core/visitor_name.h"
#include "durability_support.h"
#include "kiosk_process.h"
#include "store/store.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

namespace olohuone::testing {
namespace {

using namespace std::chrono_literals;

// The row of Wednesday's outdoor group, as the kiosk addresses it.
std::string outdoor_group_row()
{
    const TimeZone zone = TimeZone::named("Europe/Helsinki").value();
    auto files = app::read_calendar_files(std::string(olohuone::test::source_dir()) + "/content");
    EXPECT_TRUE(files.ok());
    const ImportWindow wednesday{zone.start_of_day({2026, 11, 25}), zone.start_of_day({2026, 11, 26})};
    const auto programme = import_programme(files.value(), zone, wednesday);
    EXPECT_TRUE(programme.ok());
    for (const Occurrence& occurrence : programme->occurrences)
        if (occurrence.title.in("fi") == "Ulkoiluryhmä")
            return "today/event/" + occurrence.key();
    ADD_FAILURE() << "no Ulkoiluryhmä on Wednesday";
    return {};
}

class RegistrationDurability : public ::testing::TestWithParam<int> {};

TEST_P(RegistrationDurability, EveryThankedRegistrationIsStoredExactlyOnceThroughKills)
{
    const int all_rounds = std::max(1, rounds() / 2);
    const RoundRange range = shard_of(GetParam(), shard_count(all_rounds), all_rounds);
    test::TempDir dir;
    const std::string config = dir.file("kiosk.toml");
    std::ofstream(config) << "[display]\ndiagonal_inches = 15.6\nwindow_width = 1080\nwindow_height = 1920\n";
    const std::string state = dir.file("state");
    const std::string row = outdoor_group_row();

    std::mt19937 random(20261124 + GetParam());
    std::map<std::string, int> thanked; // folded name → rounds that showed "Kiitos"
    int confirm_rounds = 0;
    const int total = range.end - range.first;
    for (int round = range.first; round < range.end; ++round) {
        const std::string name = name_for(round);
        const auto kill_at = static_cast<KillAt>(random() % 3);
        KioskProcess kiosk(state, config, {"--at", "2026-11-24T10:15"});
        ASSERT_TRUE(kiosk.wait_for_screen("today", 20s)) << "round " << round << ": the kiosk did not start";

        kiosk.send("tap day/next");
        kiosk.send("tap " + row); // on tomorrow's list, which the first tap showed
        ASSERT_TRUE(kiosk.wait_for_screen("event_detail", 5s)) << "round " << round;
        kiosk.send("tap activity/register");
        // Nobody is signed in: straight to who they are.
        ASSERT_TRUE(kiosk.wait_for_screen("identify_group", 5s)) << "round " << round;
        kiosk.send("tap choice/resident");
        ASSERT_TRUE(kiosk.wait_for_screen("sign_in_name", 5s)) << "round " << round;
        if (type_and_confirm(kiosk, name, kill_at, "register_confirm", random))
            ++confirm_rounds;
        ASSERT_FALSE(HasFailure()) << "round " << round;
        kiosk.kill_now();
        if (kiosk.saw_screen("thanks"))
            ++thanked[fold_name(normalize_name(name))];
    }

    auto store = store::Store::open(state + "/olohuone.sqlite3");
    ASSERT_TRUE(store.ok()) << store.error().message;
    sql::Database& db = store->database();
    EXPECT_EQ(db.query_text("PRAGMA integrity_check").value(), "ok");
    const StoredPerName stored = stored_per_name(
        db, "SELECT visitor.fold_key, count(registration.id), (SELECT count(*) FROM outbox WHERE outbox.kind = "
            "'registration.add' AND outbox.key IN (SELECT key FROM registration r2 WHERE r2.visitor_id = visitor.id)) "
            "FROM visitor LEFT JOIN registration ON registration.visitor_id = visitor.id GROUP BY visitor.id");
    expect_thanked_stored_once(thanked, stored, "registrations", total, confirm_rounds);
    for (const auto& [name, counts] : stored) {
        EXPECT_LE(counts.first, 1) << name << " is registered " << counts.first << " times";
        EXPECT_EQ(counts.second, counts.first) << name << ": every registration has its outbox row";
    }
    // All of them for the one activity the rounds registered for.
    const auto registrations = db.query_int("SELECT count(*) FROM registration").value();
    EXPECT_EQ(db.query_int("SELECT count(DISTINCT event_uid || instance) FROM registration").value(),
              registrations > 0 ? 1 : 0);
    std::printf("%d rounds, %d confirmed: %zu thanked, %lld registrations stored\n", total, confirm_rounds,
                thanked.size(), static_cast<long long>(registrations));
}

INSTANTIATE_TEST_SUITE_P(Shards, RegistrationDurability, ::testing::Range(0, shard_count(std::max(1, rounds() / 2))));

} // namespace
} // namespace olohuone::testing
