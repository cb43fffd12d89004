// Two kiosks of one site, two real olohuone-kiosk programs, share the places of the
// site's activities through the real server. Online, two visitors confirm "Tulen mukaan"
// for the last place on both kiosks at the same moment, twenty times: each time the
// place is given once, and each visitor's thank-you says what the server decided.
// Offline, both kiosks give the last place; once the server is back it settles the double
// allocation by the order the registrations reached it, and the loser's kiosk shows the
// visitor waiting, with the move noted for staff.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "core/programme_import.h"
#include "kiosk_process.h"
#include "durability_support.h"
#include "store/activity_log.h"
#include "store/store.h"
#include "support/instants.h"
#include "sync/sync_site.h"

namespace olohuone::testing {
namespace {

using namespace std::chrono_literals;

constexpr int races = 20;
const CivilDate tuesday{2026, 11, 24};
const CivilDate wednesday{2026, 11, 25};

// Activities of one place each from Wednesday on, four a day so that each day's list
// shows them all: the first, early on Wednesday, for the offline run, then one for
// each race.
std::string one_place_activities()
{
    std::ostringstream ics;
    ics << "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone test//FI\r\n";
    for (int i = 0; i <= races; ++i) {
        const int day = i == 0 ? 25 : 25 + (i - 1) / 4;
        const int hour = i == 0 ? 8 : 9 + (i - 1) % 4;
        char start[32];
        std::snprintf(start, sizeof start, "202611%02dT%02d0000", day, hour);
        ics << "BEGIN:VEVENT\r\nUID:kisa-" << i << "@test\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Helsinki:"
            << start << "\r\nDURATION:PT30M\r\nSUMMARY:Kisa " << i << "\r\nLOCATION:Sali\r\nX-OLOHUONE-CAPACITY:1\r\n"
            << "END:VEVENT\r\n";
    }
    ics << "END:VCALENDAR\r\n";
    return ics.str();
}

struct Kiosk {
    std::string state_dir;
    std::string config;

    std::int64_t count(const std::string& sql) const
    {
        auto store = store::Store::open(state_dir + "/olohuone.sqlite3");
        if (!store)
            return -1;
        auto count = store->database().query_int(sql);
        return count ? count.value() : -1;
    }
};

class SharedPlaces : public ::testing::Test {
protected:
    SyncSite site;
    const TimeZone zone = TimeZone::named("Europe/Helsinki").value();
    std::vector<Occurrence> activities; // in order: the offline run's, then one per race
    Kiosk lobby;
    Kiosk dining_room;

    void SetUp() override
    {
        std::ofstream(site.file("kisat.ics")) << one_place_activities();
        ASSERT_NE(site.admin("import-programme --site " + site.site_id + " " + site.file("kisat.ics")).find("imported"),
                  std::string::npos);
        auto files = std::vector<CalendarFile>{{"kisat.ics", one_place_activities()}};
        auto programme =
            import_programme(files, zone, {zone.start_of_day(wednesday), zone.start_of_day(wednesday.plus_days(6))});
        ASSERT_TRUE(programme.ok());
        activities = programme->occurrences;
        ASSERT_EQ(activities.size(), static_cast<std::size_t>(races + 1));
        const std::string second_token = site.add_kiosk("ruokasali");
        lobby = kiosk_of("lobby", site.token);
        dining_room = kiosk_of("dining-room", second_token);
        site.start_server();
    }

    Kiosk kiosk_of(const std::string& name, const std::string& token)
    {
        const std::string token_file = site.file(name + "-token");
        std::ofstream(token_file) << token << "\n";
        chmod(token_file.c_str(), 0600);
        Kiosk kiosk{site.file(name + "-state"), site.file(name + ".toml")};
        // A long interval: what makes the place known at once is the registration itself.
        std::ofstream(kiosk.config) << "[display]\ndiagonal_inches = 15.6\nwindow_width = 1080\nwindow_height = 1920\n"
                                    << "[sync]\nserver_url = \"https://127.0.0.1:" << site.port() << "\"\nsite = "
                                    << site.site_id << "\ntoken_file = \"" << token_file << "\"\nca_file = \""
                                    << site.certificates().ca << "\"\ninterval_seconds = 600\n";
        return kiosk;
    }

    // The kiosk program, started on Tuesday at `at` and showing the site's programme.
    std::unique_ptr<KioskProcess> start(const Kiosk& kiosk, const std::string& at = "2026-11-24T10:15")
    {
        auto process = std::make_unique<KioskProcess>(kiosk.state_dir, kiosk.config, std::vector<std::string>{"--at", at});
        EXPECT_TRUE(process->wait_for_screen("today", 20s));
        EXPECT_TRUE(eventually([&] { return kiosk.count("SELECT count(*) FROM server_calendar") == 1; }, 30))
            << "the kiosk fetched the site's programme";
        return process;
    }

    // From Today to the confirmation of `name`'s registration for `activity`.
    void up_to_confirm(KioskProcess& kiosk, const Occurrence& activity, const std::string& name) const
    {
        const std::size_t from = kiosk.screens().size();
        // Day by day to the activity's, at a person's pace: the kiosk takes a second tap
        // on the same spot within 400 ms for a shaky hand's.
        bool opened = false;
        for (int step = 0; step < 10 && !opened; ++step) {
            kiosk.send("tap today/event/" + activity.key());
            kiosk.say(5s); // the tap has been handled when the kiosk answers this
            opened = kiosk.wait_for_screen("event_detail", 0ms, from);
            if (!opened) {
                kiosk.send("tap day/next");
                std::this_thread::sleep_for(450ms);
            }
        }
        ASSERT_TRUE(opened) << name << ": " << ::testing::PrintToString(kiosk.errors());
        kiosk.send("tap activity/register");
        ASSERT_TRUE(kiosk.wait_for_screen("identify_group", 5s, from)) << name;
        kiosk.send("tap choice/resident");
        ASSERT_TRUE(kiosk.wait_for_screen("sign_in_name", 5s, from)) << name;
        for (const char letter : name)
            kiosk.send(std::string("tap key/") + letter);
        kiosk.send("tap name/done");
        ASSERT_TRUE(kiosk.wait_for_screen("register_confirm", 5s, from)) << name;
    }

    // What the thank-you says once it no longer checks the place with the server.
    static std::string settled_thanks(KioskProcess& kiosk, std::size_t from)
    {
        EXPECT_TRUE(kiosk.wait_for_screen("thanks", 10s, from));
        std::string said;
        const bool settled = eventually(
            [&] {
                said = kiosk.say(5s).value_or("");
                return said.find("Kiitos") != std::string::npos && said.find("Varmistetaan") == std::string::npos;
            },
            15);
        EXPECT_TRUE(settled) << said;
        for (std::size_t bar; (bar = said.find(" | ")) != std::string::npos;)
            said.replace(bar, 3, " ");
        return said;
    }

    // Taps `id` until `screen` follows: a second tap at the same spot within a moment is
    // taken for a shaky hand's, as it should be, and a person taps again.
    static bool tap_until(KioskProcess& kiosk, const std::string& id, const std::string& screen)
    {
        const std::size_t from = kiosk.screens().size();
        return eventually([&] {
            kiosk.send("tap " + id);
            return kiosk.wait_for_screen(screen, 300ms, from);
        }, 10);
    }

    static bool says_coming(const std::string& said) { return said.find("Olet tulossa") != std::string::npos; }
    static bool says_first_in_queue(const std::string& said)
    {
        return said.find("Olet jonossa sijalla\u00A01.") != std::string::npos;
    }

    std::int64_t coming_on_server(const Occurrence& activity) const
    {
        return site.on_server("SELECT count(*) FROM place WHERE uid = '" + activity.uid + "' AND instance = "
                              + std::to_string(activity.instance) + " AND cancelled = 0 AND decided = 1 AND coming = 1");
    }
};

TEST_F(SharedPlaces, TwoKiosksRacingForTheLastPlaceGiveItOnce)
{
    auto lobby_kiosk = start(lobby);
    auto dining_kiosk = start(dining_room);
    // The kiosks' clocks began at 10.15 as they started; the server's begins now, a
    // moment behind them, as clocks set by NTP are.
    site.set_server_wall_clock(zone.to_instant({tuesday, {10, 15, 0}}));
    int lobby_won = 0;
    for (int race = 0; race < races; ++race) {
        SCOPED_TRACE("race " + std::to_string(race + 1));
        const Occurrence& activity = activities[static_cast<std::size_t>(race + 1)];
        // Both visitors on their way at once, as at two screens.
        auto lobby_visitor = std::async(std::launch::async,
                                        [&] { up_to_confirm(*lobby_kiosk, activity, name_for(2 * race + 100)); });
        up_to_confirm(*dining_kiosk, activity, name_for(2 * race + 101));
        lobby_visitor.get();
        ASSERT_FALSE(HasFailure());
        const std::size_t lobby_from = lobby_kiosk->screens().size();
        const std::size_t dining_from = dining_kiosk->screens().size();
        // Both visitors tap "Kyllä" at the same moment.
        lobby_kiosk->send("tap confirm/yes");
        dining_kiosk->send("tap confirm/yes");
        const std::string lobby_said = settled_thanks(*lobby_kiosk, lobby_from);
        const std::string dining_said = settled_thanks(*dining_kiosk, dining_from);

        EXPECT_NE(says_coming(lobby_said), says_coming(dining_said)) << lobby_said << "\n" << dining_said;
        EXPECT_TRUE(says_coming(lobby_said) || says_first_in_queue(lobby_said)) << lobby_said;
        EXPECT_TRUE(says_coming(dining_said) || says_first_in_queue(dining_said)) << dining_said;
        EXPECT_EQ(coming_on_server(activity), 1);
        lobby_won += says_coming(lobby_said) ? 1 : 0;
        ASSERT_TRUE(tap_until(*lobby_kiosk, "thanks/close", "today"));
        ASSERT_TRUE(tap_until(*dining_kiosk, "thanks/close", "today"));
    }
    std::printf("the lobby's visitor got the place in %d of %d races\n", lobby_won, races);
    // Every registration was decided by the server, none by a kiosk alone, and nobody was
    // told one thing and then another: no moves for staff or the week page.
    EXPECT_EQ(site.on_server("SELECT count(*) FROM place WHERE decided = 1"), 2 * races);
    EXPECT_EQ(lobby.count("SELECT count(*) FROM registration WHERE key NOT IN (SELECT registration_key FROM site_place)"),
              0);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM place_move"), 0);
    for (const Kiosk* kiosk : {&lobby, &dining_room})
        EXPECT_EQ(kiosk->count("SELECT count(*) FROM registration_move"), 0);
}

TEST_F(SharedPlaces, PlacesGivenTwiceOfflineAreSettledByTheServerInTheOrderTheyArrive)
{
    auto lobby_kiosk = start(lobby);
    auto dining_kiosk = start(dining_room);
    site.set_server_wall_clock(zone.to_instant({tuesday, {10, 15, 0}}));
    site.stop_server();
    const Occurrence& activity = activities.front();
    for (auto [kiosk, name] : {std::pair{lobby_kiosk.get(), std::string("aino")},
                               std::pair{dining_kiosk.get(), std::string("helmi")}}) {
        up_to_confirm(*kiosk, activity, name);
        ASSERT_FALSE(HasFailure());
        const std::size_t from = kiosk->screens().size();
        kiosk->send("tap confirm/yes");
        const std::string said = settled_thanks(*kiosk, from);
        EXPECT_TRUE(says_coming(said)) << "without the server the kiosk decides alone: " << said;
        ASSERT_TRUE(tap_until(*kiosk, "thanks/close", "today"));
    }
    for (const Kiosk* kiosk : {&lobby, &dining_room})
        EXPECT_EQ(kiosk->count("SELECT count(*) FROM registration WHERE key IN (SELECT registration_key FROM site_place)"),
                  0)
            << "decided on the kiosk alone, which staff's list says";

    // The lobby reaches the server first (it starts again first, and a kiosk syncs as it
    // starts): Aino keeps the place and Helmi, who reached it second, waits.
    // Both stop first, so neither retries before its turn.
    lobby_kiosk->stop(5s);
    dining_kiosk->stop(5s);
    site.start_server();
    site.set_server_wall_clock(zone.to_instant({tuesday, {10, 20, 0}}));
    const std::string this_activity = "uid = '" + activity.uid + "' AND instance = " + std::to_string(activity.instance);
    lobby_kiosk = start(lobby, "2026-11-24T10:20");
    ASSERT_TRUE(eventually([&] { return site.on_server("SELECT count(*) FROM place WHERE " + this_activity) == 1; }));
    dining_kiosk = start(dining_room, "2026-11-24T10:20");
    ASSERT_TRUE(eventually([&] {
        return dining_room.count("SELECT count(*) FROM registration_move WHERE by_server = 1 AND promoted = 0") == 1;
    })) << "the dining room's staff see that Helmi's place went to a registration that reached the server first";
    EXPECT_EQ(coming_on_server(activity), 1);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM place_move WHERE promoted = 0 AND queue_position = 1 AND "
                             + this_activity),
              1);

    // Each kiosk shows its visitor's true state: the places it shows come from its own
    // database, which has the server's answer now.
    const auto standing_on = [&](const Kiosk& kiosk) {
        auto store = store::Store::open(kiosk.state_dir + "/olohuone.sqlite3");
        EXPECT_TRUE(store.ok());
        store::ActivityLog log(store->database());
        auto registrants = log.registrants(activity);
        EXPECT_TRUE(registrants.ok());
        EXPECT_EQ(registrants->size(), 1u);
        return registrants->empty() ? Registrant{} : registrants->front();
    };
    const Registrant aino = standing_on(lobby);
    EXPECT_TRUE(aino.coming);
    EXPECT_TRUE(aino.known_to_server);
    const Registrant helmi = standing_on(dining_room);
    EXPECT_FALSE(helmi.coming);
    EXPECT_EQ(helmi.queue_position, 1);
    EXPECT_TRUE(helmi.known_to_server);
}

} // namespace
} // namespace olohuone::testing
