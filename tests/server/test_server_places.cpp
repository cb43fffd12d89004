// Places at a site's activities decided by the real server across the site's kiosks
// (docs/api.md, "Places"): two kiosks' records, made by the kiosk's own store code and
// posted as their sync posts them, give the places in the order they reach the server;
// a double allocation made offline is settled by that order and is a move; a
// cancellation moves the first in the queue up and a restored one takes its place back;
// GET places tells the kiosks; the week page shows the moves; the report counts the
// restored registration.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <ctime>

#include "kiosk_edit_records.h"
#include "store/activity_log.h"
#include "store/record_key.h"
#include "web/iso_week.h"
#include "web_fixture.h"

namespace olohuone::testing {
namespace {

// A kiosk's database and what of its outbox has been posted.
struct KioskSide {
    test::TempDir dir;
    store::Store store = store::Store::open(dir.file("olohuone.sqlite3")).value();
    store::ActivityLog log{store.database()};
    std::string token;
    std::int64_t posted_up_to = 0;
};

class ServerPlacesTest : public WebFixture {
protected:
    ServerProcess server{config, log_file()};
    const TimeZone helsinki = TimeZone::named("Europe/Helsinki").value();
    const UnixSeconds now = std::time(nullptr);
    // Bingo with one place, on the day after tomorrow at 14.00: in the places' window
    // and on the week page whatever day the test runs.
    const CivilDate bingo_day = helsinki.to_local(now).date.plus_days(2);
    Occurrence bingo = [this] {
        Occurrence activity;
        activity.uid = "bingo@test";
        activity.instance = helsinki.to_instant({bingo_day, {14, 0, 0}});
        activity.start = activity.instance;
        activity.end = activity.start + 3600;
        activity.capacity = 1;
        activity.title.set_default("Bingo");
        return activity;
    }();
    KioskSide lobby;
    KioskSide dining_room;

    void SetUp() override
    {
        lobby.token = kiosk_1;
        dining_room.token = make_kiosk(site_1, "ruokasali");
        // The site's programme has the bingo: the week page shows its moves under it.
        char start[32];
        std::snprintf(start, sizeof start, "%04d%02d%02dT140000", bingo_day.year, bingo_day.month, bingo_day.day);
        const std::string ics = std::string("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone//test//FI\r\n")
            + "BEGIN:VEVENT\r\nUID:bingo@test\r\nDTSTAMP:20250101T000000Z\r\nDTSTART;TZID=Europe/Helsinki:" + start
            + "\r\nDURATION:PT1H\r\nSUMMARY:Bingo\r\nX-OLOHUONE-CAPACITY:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        const std::string csrf = WebClient::csrf_of(browser().get("/kiosks").body);
        ASSERT_EQ(browser()
                      .post_files("/sites/" + site_1 + "/calendars", {{"csrf", csrf}}, {{"calendars", "bingo.ics", ics}})
                      .status,
                  303);
    }

    // A registration made `ago` seconds before it is delivered: one made offline reaches
    // the server later; one delivered at once had its thank-you showing the server's place.
    std::string registration_of(KioskSide& kiosk, const std::string& name, UnixSeconds ago = 0)
    {
        const std::string key = store::new_record_key();
        auto receipt = kiosk.log.register_visitor(bingo, VisitorIdentity{std::nullopt, name, "resident", ""}, key,
                                                  {now - ago, true});
        EXPECT_TRUE(receipt.ok());
        return key;
    }

    // Posts the kiosk's records not yet posted, in order, as its sync does.
    void deliver(KioskSide& kiosk)
    {
        auto select = kiosk.store.database().prepare(
            "SELECT id, key, kind, payload, created_at, clock_synced FROM outbox WHERE id > ? ORDER BY id");
        select->bind(1, kiosk.posted_up_to);
        while (select->step().value()) {
            kiosk.posted_up_to = select->column_int(0);
            const nlohmann::json record = {{"key", select->column_text(1)},
                                           {"kind", select->column_text(2)},
                                           {"payload", nlohmann::json::parse(select->column_text(3))},
                                           {"created_at", select->column_int(4)},
                                           {"clock_synced", select->column_int(5) != 0}};
            EXPECT_EQ(post_record(url(server, "/v1/records"), certificates.ca, kiosk.token, record).value("status", ""),
                      "stored");
        }
    }

    // GET places with the kiosk's token, as its sync asks.
    nlohmann::json places_for(const std::string& token, const std::string& site)
    {
        const HttpAnswer answer =
            send({.url = url(server, "/v1/sites/" + site + "/places"), .token = token, .ca = certificates.ca,
                  .get = true});
        if (answer.status != 200)
            return answer.status;
        return nlohmann::json::parse(answer.body, nullptr, false);
    }

    // The server's order of bingo's registrations: key and whether cancelled.
    std::vector<SitePlace> server_order()
    {
        const nlohmann::json answer = places_for(lobby.token, site_1);
        std::vector<SitePlace> order;
        for (const auto& activity : answer.value("activities", nlohmann::json::array()))
            if (activity["uid"] == bingo.uid && activity["instance"] == bingo.instance) {
                EXPECT_EQ(activity["capacity"], 1);
                for (const auto& registration : activity["registrations"])
                    order.push_back({registration["key"], registration["cancelled"]});
            }
        return order;
    }

    void kiosk_takes_places(KioskSide& kiosk)
    {
        store::SiteActivityPlaces answer{bingo.uid, bingo.instance, std::optional<int>(1), server_order()};
        EXPECT_TRUE(kiosk.log.take_site_places({answer}, now).ok());
    }

    std::int64_t coming(const std::string& registration)
    {
        return stored("SELECT coming FROM place WHERE decided = 1 AND registration = '" + registration + "'");
    }

    std::string week_text()
    {
        const std::string week = server::web::iso_week_text(server::web::iso_week_of(bingo_day));
        return visible_text(browser().get("/sites/" + site_1 + "/week?week=" + week).body);
    }

    WebClient& browser()
    {
        if (!m_browser) {
            add_coordinator("maija.virtanen", {{std::stoll(site_1)}, false, {}});
            m_browser = std::make_unique<WebClient>(server.port(), certificates.ca);
            EXPECT_EQ(m_browser->log_in("maija.virtanen", good_password).status, 303);
        }
        return *m_browser;
    }

private:
    std::unique_ptr<WebClient> m_browser;
};

TEST_F(ServerPlacesTest, TheLastPlaceGivenOnTwoKiosksOfflineGoesToTheRegistrationThatArrivedFirst)
{
    // Offline ten minutes ago, each kiosk gave its visitor the one place.
    const std::string aino = registration_of(lobby, "Aino Korhonen", 600);
    const std::string helmi = registration_of(dining_room, "Helmi Laine", 600);
    EXPECT_TRUE(lobby.log.places(bingo)->of(1)->coming);
    EXPECT_TRUE(dining_room.log.places(bingo)->of(1)->coming);

    deliver(dining_room); // the dining room is back first
    deliver(lobby);
    EXPECT_EQ(coming(helmi), 1);
    EXPECT_EQ(coming(aino), 0);
    EXPECT_EQ(stored("SELECT queue_position FROM place WHERE registration = '" + aino + "'"), 1);
    EXPECT_EQ(stored("SELECT count(*) FROM place_move WHERE promoted = 0 AND registration = '" + aino + "'"), 1)
        << "Aino was told she had the place: a move";
    const std::vector<SitePlace> order = server_order();
    ASSERT_EQ(order.size(), 2u);
    EXPECT_EQ(order[0].key, helmi);
    EXPECT_EQ(order[1].key, aino);

    // The lobby learns it: Aino waits, and the lobby's staff see why.
    kiosk_takes_places(lobby);
    const auto registrants = lobby.log.registrants(bingo).value();
    ASSERT_EQ(registrants.size(), 1u);
    EXPECT_FALSE(registrants[0].coming);
    EXPECT_EQ(registrants[0].queue_position, 1);
    const auto changes = lobby.log.place_changes(bingo).value();
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_TRUE(changes[0].by_server);
    EXPECT_NE(week_text().find("Bingo Aino Korhonen siirtyi jonoon, 1. sijalle"), std::string::npos) << week_text();
}

TEST_F(ServerPlacesTest, ACancellationOnOneKioskMovesUpTheOthersVisitorAndARestoreTakesThePlaceBack)
{
    const std::string helmi = registration_of(dining_room, "Helmi Laine");
    deliver(dining_room);
    kiosk_takes_places(lobby);
    const std::string aino = registration_of(lobby, "Aino Korhonen");
    EXPECT_FALSE(lobby.log.places(bingo)->of(1)->coming) << "the lobby knew the dining room's place was taken";
    deliver(lobby);
    kiosk_takes_places(lobby); // as the lobby's sync fetches the places right after
    EXPECT_EQ(stored("SELECT count(*) FROM place_move"), 0) << "Aino was told she waits: no move";

    // Helmi cancels in the dining room: Aino has the place, on the server and in the lobby.
    const std::int64_t helmi_id = dining_room.store.database().query_int("SELECT id FROM visitor").value();
    const std::string cancel_key = store::new_record_key();
    ASSERT_TRUE(dining_room.log.cancel(bingo, helmi_id, cancel_key, {now + 60, true}).ok());
    deliver(dining_room);
    EXPECT_EQ(coming(aino), 1);
    kiosk_takes_places(lobby);
    ASSERT_EQ(lobby.log.registrants(bingo).value().size(), 1u);
    EXPECT_TRUE(lobby.log.registrants(bingo).value()[0].coming);
    ASSERT_EQ(lobby.log.place_changes(bingo).value().size(), 1u);
    EXPECT_TRUE(lobby.log.place_changes(bingo).value()[0].promoted);
    EXPECT_NE(week_text().find("Aino Korhonen pääsi mukaan jonosta"), std::string::npos) << week_text();

    // Staff in the dining room undo the cancellation: Helmi's original place, Aino waits.
    ASSERT_TRUE(dining_room.log.restore(bingo, helmi, store::new_record_key(), {now + 120, true}).ok());
    deliver(dining_room);
    EXPECT_EQ(coming(helmi), 1);
    EXPECT_EQ(coming(aino), 0);
    EXPECT_NE(week_text().find("Aino Korhonen siirtyi jonoon, 1. sijalle"), std::string::npos) << week_text();

    // The coordinators' report counts two registrations, the restored one among them.
    const std::string day = std::to_string(bingo_day.day) + "." + std::to_string(bingo_day.month) + "."
        + std::to_string(bingo_day.year);
    const HttpAnswer activities =
        browser().get("/reports/csv?table=activities&from=" + day + "&to=" + day + "&site=" + site_1 + "&sep=semicolon");
    ASSERT_EQ(activities.status, 200) << activities.body;
    EXPECT_NE(activities.body.find(";Bingo;bingo@test;2;0;0;0;"), std::string::npos) << activities.body;
}

TEST_F(ServerPlacesTest, TwoKiosksOnlineGiveTheLastPlaceOnceAndNobodyIsMoved)
{
    // Both made at the same moment; the dining room's record reaches the server first.
    // Each visitor's thank-you showed the server's place: neither was told otherwise.
    const std::string helmi = registration_of(dining_room, "Helmi Laine");
    const std::string aino = registration_of(lobby, "Aino Korhonen");
    deliver(dining_room);
    deliver(lobby);
    EXPECT_EQ(coming(helmi), 1);
    EXPECT_EQ(coming(aino), 0);
    EXPECT_EQ(stored("SELECT count(*) FROM place_move"), 0);
    kiosk_takes_places(lobby);
    ASSERT_EQ(lobby.log.registrants(bingo).value().size(), 1u);
    EXPECT_EQ(lobby.log.registrants(bingo).value()[0].queue_position, 1);
    EXPECT_TRUE(lobby.log.place_changes(bingo).value().empty()) << "nothing for staff: Aino saw she waits";
}

TEST_F(ServerPlacesTest, OnlyTheKioskThatTookARegistrationCancelsIt)
{
    const std::string helmi = registration_of(dining_room, "Helmi Laine");
    deliver(dining_room);
    // The lobby knows Helmi's registration key from the places, not her: a cancellation
    // of it under the lobby's token is stored but changes no place.
    const nlohmann::json cancel = {
        {"key", store::new_record_key()},
        {"kind", "registration.cancel"},
        {"payload",
         {{"registration", helmi},
          {"activity", {{"uid", bingo.uid}, {"instance", bingo.instance}, {"start", bingo.start}}},
          {"time", {{"at", now}, {"clock_synced", true}}}}},
        {"created_at", now},
        {"clock_synced", true}};
    EXPECT_EQ(post_record(url(server, "/v1/records"), certificates.ca, lobby.token, cancel).value("status", ""),
              "stored");
    EXPECT_EQ(coming(helmi), 1);
    EXPECT_EQ(stored("SELECT cancelled FROM place WHERE registration = '" + helmi + "'"), 0);
}

TEST_F(ServerPlacesTest, PlacesAreForTheKiosksOfTheSiteOnly)
{
    registration_of(lobby, "Aino Korhonen");
    deliver(lobby);
    EXPECT_EQ(places_for(lobby.token, site_2), 403);
    EXPECT_EQ(places_for("not-a-token", site_1), 401);
    EXPECT_EQ(places_for(lobby.token, "01"), 404);
    // The other site's kiosk sees none of site 1's places.
    EXPECT_EQ(places_for(kiosk_2, site_2)["activities"].size(), 0u);
    EXPECT_EQ(places_for(lobby.token, site_1)["activities"].size(), 1u);
}

} // namespace
} // namespace olohuone::testing
