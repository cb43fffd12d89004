// Registrations are as durable as sign-ins: the real kiosk program, its clock started on
// Tuesday 24 November 2026 at 10.15, registers visitors for Wednesday's outdoor group and
// is killed with SIGKILL at random moments. Every registration whose "Kiitos" was shown
// must be stored exactly once with its outbox row, and none may be stored twice.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "app/content.h"
#include "core/programme_import.h"
#include "core/visitor_name.h"
#include "durability_support.h"
#include "kiosk_process.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace olohuone::testing {
namespace {

using namespace std::chrono_literals;

// The row of Wednesday's outdoor group, as the kiosk addresses it.
std::string outdoor_group_row()
{
    const TimeZone zone = TimeZone::named("Europe/Helsinki").value();
    auto files = app::read_calendar_files(std::string(OLOHUONE_SOURCE_DIR) + "/content");
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

enum class KillAt { WhileTyping, JustAfterConfirm, AroundThanks };

TEST(RegistrationDurability, EveryThankedRegistrationIsStoredExactlyOnceThroughKills)
{
    test::TempDir dir;
    const std::string config = dir.file("kiosk.toml");
    std::ofstream(config) << "[display]\ndiagonal_inches = 15.6\nwindow_width = 1080\nwindow_height = 1920\n";
    const std::string state = dir.file("state");
    const std::string row = outdoor_group_row();

    std::mt19937 random(20261124);
    std::map<std::string, int> thanked; // folded name → rounds that showed "Kiitos"
    int confirm_rounds = 0;
    const int total = std::max(1, rounds() / 2);
    for (int round = 0; round < total; ++round) {
        const std::string name = name_for(round);
        const auto kill_at = static_cast<KillAt>(random() % 3);
        KioskProcess kiosk(state, config, {"--at", "2026-11-24T10:15"});
        ASSERT_TRUE(kiosk.wait_for_screen("today", 20s)) << "round " << round << ": the kiosk did not start";

        kiosk.send("tap day/next");
        // Tomorrow's list is drawn after the tap is handled; until then the row is not
        // there to tap (the kiosk answers "no target"), so a person's second try.
        bool opened = false;
        for (int attempt = 0; attempt < 50 && !opened; ++attempt) {
            kiosk.send("tap " + row);
            opened = kiosk.wait_for_screen("event_detail", 100ms);
        }
        ASSERT_TRUE(opened) << "round " << round;
        kiosk.send("tap activity/register");
        // Nobody is signed in: straight to who they are.
        ASSERT_TRUE(kiosk.wait_for_screen("identify_group", 5s)) << "round " << round;
        kiosk.send("tap choice/resident");
        ASSERT_TRUE(kiosk.wait_for_screen("sign_in_name", 5s)) << "round " << round;
        for (std::size_t i = 0; i < name.size(); ++i) {
            kiosk.send(std::string("tap key/") + name[i]);
            if (kill_at == KillAt::WhileTyping && i == random() % name.size())
                break;
        }
        if (kill_at != KillAt::WhileTyping) {
            kiosk.send("tap name/done");
            ASSERT_TRUE(kiosk.wait_for_screen("register_confirm", 5s)) << "round " << round;
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

    auto store = store::Store::open(state + "/olohuone.sqlite3");
    ASSERT_TRUE(store.ok()) << store.error().message;
    sql::Database& db = store->database();
    EXPECT_EQ(db.query_text("PRAGMA integrity_check").value(), "ok");
    auto per_visitor = db.prepare(
        "SELECT visitor.fold_key, count(registration.id), (SELECT count(*) FROM outbox WHERE outbox.kind = "
        "'registration.add' AND outbox.key IN (SELECT key FROM registration r2 WHERE r2.visitor_id = visitor.id)) "
        "FROM visitor LEFT JOIN registration ON registration.visitor_id = visitor.id GROUP BY visitor.id");
    ASSERT_TRUE(per_visitor.ok());
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> stored; // registrations, outbox rows
    while (per_visitor->step().value())
        stored[per_visitor->column_text(0)] = {per_visitor->column_int(1), per_visitor->column_int(2)};

    for (const auto& [name, times] : thanked) {
        ASSERT_EQ(times, 1) << name << " was thanked in two rounds: the test's names must differ";
        const auto found = stored.find(name);
        ASSERT_NE(found, stored.end()) << name << " was thanked but is not in the database";
        EXPECT_EQ(found->second.first, 1) << name << " has " << found->second.first << " registrations";
        EXPECT_EQ(found->second.second, 1) << name << " has " << found->second.second << " outbox rows";
    }
    for (const auto& [name, counts] : stored) {
        EXPECT_LE(counts.first, 1) << name << " is registered " << counts.first << " times";
        EXPECT_EQ(counts.second, counts.first) << name << ": every registration has its outbox row";
    }
    // All of them for the one activity the rounds registered for.
    const auto registrations = db.query_int("SELECT count(*) FROM registration").value();
    EXPECT_EQ(db.query_int("SELECT count(DISTINCT event_uid || instance) FROM registration").value(),
              registrations > 0 ? 1 : 0);
    EXPECT_GT(thanked.size(), static_cast<std::size_t>(total / 10)) << "too few rounds reached the thank-you";
    EXPECT_LT(thanked.size(), static_cast<std::size_t>(confirm_rounds))
        << "no round was killed between confirming and thanking";
    std::printf("%d rounds: %zu thanked, %lld registrations stored\n", total, thanked.size(),
                static_cast<long long>(registrations));
}

} // namespace
} // namespace olohuone::testing
