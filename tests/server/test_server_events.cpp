// Editing events on the week page (docs/web.md, "Editing events") on the real server
// over real HTTPS: new one-off and weekly events, one occurrence or the whole event
// changed, cancelled and restored, events of an uploaded calendar, refused input, other
// sites, and edits whose event left its calendar. After each change the week page
// shows it, and the kiosks' programme carries it: read back with the kiosk's own
// importer, as a kiosk would read it.
#include <gtest/gtest.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "core/programme_import.h"
#include "core/time_zone.h"
#include "edits_calendar.h"
#include "site_programme.h"
#include "support/instants.h"
#include "web_fixture.h"

namespace olohuone::testing {
namespace {

using test::utc;

// A weekly coffee morning on Tuesdays 10.00–11.30 and a choir on Thursdays 14.00–15.00
// since 2025; the choir of Thursday 10 December 2026 is cancelled by the calendar.
std::string events_calendar(bool with_coffee = true)
{
    std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone//test//FI\r\n";
    if (with_coffee)
        ics += "BEGIN:VEVENT\r\nUID:kahvi@test\r\nDTSTAMP:20250101T000000Z\r\n"
               "DTSTART;TZID=Europe/Helsinki:20250107T100000\r\nDTEND;TZID=Europe/Helsinki:20250107T113000\r\n"
               "RRULE:FREQ=WEEKLY\r\nSUMMARY:Kahviaamu <ja> pulla\r\nLOCATION:Olohuone\r\n"
               "X-OLOHUONE-SUMMARY;LANGUAGE=sv:Kaffe\r\nEND:VEVENT\r\n";
    ics += "BEGIN:VEVENT\r\nUID:kuoro@test\r\nDTSTAMP:20250101T000000Z\r\n"
           "DTSTART;TZID=Europe/Helsinki:20250109T140000\r\nDTEND;TZID=Europe/Helsinki:20250109T150000\r\n"
           "RRULE:FREQ=WEEKLY\r\nSUMMARY:Kuoro\r\nEND:VEVENT\r\n"
           "BEGIN:VEVENT\r\nUID:kuoro@test\r\nDTSTAMP:20250101T000000Z\r\n"
           "RECURRENCE-ID;TZID=Europe/Helsinki:20261210T140000\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n"
           "END:VCALENDAR\r\n";
    return ics;
}

// Tuesday 1 December 2026 10.00 in Helsinki (EET), the coffee morning of week 49.
const UnixSeconds coffee_1_12 = utc(2026, 12, 1, 8);
const UnixSeconds coffee_8_12 = utc(2026, 12, 8, 8);
const UnixSeconds choir_10_12 = utc(2026, 12, 10, 12);

class ServerEventsTest : public WebFixture {
protected:
    void SetUp() override
    {
        // The weeks these tests edit are the server's next ones, whatever day the tests
        // run on: a week with today in it marks the day "tänään", and a past day takes
        // no new event.
        server.set_wall_clock(std::chrono::system_clock::from_time_t(1795168800)); // Fri 2026-11-20 12.00
        add_coordinator("maija.virtanen", {{std::stoll(site_1)}, false, {}});
        add_coordinator("tapio.tapiola", {{std::stoll(site_2)}, false, {}});
        ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
        token = WebClient::csrf_of(browser.get("/kiosks").body);
    }

    ServerProcess server{config, log_file()};
    WebClient browser{server.port(), certificates.ca};
    std::string token;
    const TimeZone helsinki = TimeZone::named("Europe/Helsinki").value();

    std::string events(const std::string& rest = {}) { return "/sites/" + site_1 + "/events" + rest; }

    HttpAnswer post(const std::string& path, std::vector<std::pair<std::string, std::string>> fields)
    {
        fields.emplace_back("csrf", token);
        return browser.post_form(path, fields);
    }

    std::string week_text(const std::string& week)
    {
        return visible_text(browser.get("/sites/" + site_1 + "/week?week=" + week).body);
    }

    void upload(const std::string& ics)
    {
        const HttpAnswer uploaded = browser.post_files("/sites/" + site_1 + "/calendars", {{"csrf", token}},
                                                       {{"calendars", "viikko.ics", ics}});
        ASSERT_EQ(uploaded.status, 303);
        ASSERT_NE(visible_text(browser.get(uploaded.header("Location")).body).find("Ohjelma vaihdettu"),
                  std::string::npos);
    }

    HttpAnswer kiosk_answer()
    {
        return send({.url = url(server, "/v1/sites/" + site_1 + "/programme"),
                     .token = kiosk_1,
                     .ca = certificates.ca,
                     .get = true});
    }

    // What a kiosk of site 1 would show from 30 November 2026 to 31 January 2027: the
    // programme it fetches, read with its own importer.
    std::vector<Occurrence> kiosk_shows()
    {
        const HttpAnswer answer = kiosk_answer();
        EXPECT_EQ(answer.status, 200);
        const auto json = nlohmann::json::parse(answer.body, nullptr, false);
        std::vector<CalendarFile> files;
        for (const auto& calendar : json.value("calendars", nlohmann::json::array()))
            files.push_back({calendar.value("name", ""), calendar.value("ics", "")});
        auto imported = import_programme(files, helsinki, {utc(2026, 11, 29, 22), utc(2027, 1, 31, 22)});
        EXPECT_TRUE(imported.ok()) << (imported.ok() ? "" : imported.error().message);
        if (!imported)
            return {};
        EXPECT_TRUE(imported->warnings.empty()) << imported->warnings.front();
        return imported->occurrences;
    }

    static std::vector<Occurrence> titled(const std::vector<Occurrence>& all, const std::string& title)
    {
        std::vector<Occurrence> found;
        for (const Occurrence& occurrence : all)
            if (occurrence.title.default_text() == title)
                found.push_back(occurrence);
        return found;
    }

    static std::optional<Occurrence> instance(const std::vector<Occurrence>& all, const std::string& uid,
                                              UnixSeconds instance)
    {
        for (const Occurrence& occurrence : all)
            if (occurrence.uid == uid && occurrence.instance == instance)
                return occurrence;
        return std::nullopt;
    }

    std::string edit_page(const std::string& uid, UnixSeconds instance)
    {
        const HttpAnswer page =
            browser.get(events("/edit?uid=" + uid + "&instance=" + std::to_string(instance) + "&week=2026-W49"));
        EXPECT_EQ(page.status, 200) << uid;
        return page.body;
    }

    std::string etag() { return kiosk_answer().header("ETag"); }
};

TEST_F(ServerEventsTest, AOneOffEventMadeOnThePageIsOnTheWeekAndOnTheKiosks)
{
    const std::string before = etag();
    const HttpAnswer made = post(events(), {{"title", "Joulujuhla"},
                                            {"date", "4.12.2026"},
                                            {"start", "13.00"},
                                            {"end", "15.30"},
                                            {"location", "Sali"},
                                            {"host", "Maija, Kaisa; Aino"},
                                            {"description", "Glögiä ja\npiparia"},
                                            {"capacity", "40"},
                                            {"week", "2026-W48"}});
    ASSERT_EQ(made.status, 303) << made.body;
    EXPECT_EQ(made.header("Location"), "/sites/" + site_1 + "/week?week=2026-W49");
    const std::string text = week_text("2026-W49");
    EXPECT_NE(text.find("Tapahtuma lisätty: Joulujuhla."), std::string::npos) << text;
    EXPECT_NE(text.find("Perjantai 4.12. 13.00–15.30 Joulujuhla Paikka: Sali Vetäjä: Maija, Kaisa; Aino"),
              std::string::npos)
        << text;
    EXPECT_NE(etag(), before);

    const auto party = titled(kiosk_shows(), "Joulujuhla");
    ASSERT_EQ(party.size(), 1u);
    EXPECT_EQ(party[0].start, utc(2026, 12, 4, 11));
    EXPECT_EQ(party[0].end, utc(2026, 12, 4, 13, 30));
    EXPECT_EQ(party[0].location.default_text(), "Sali");
    EXPECT_EQ(party[0].host.default_text(), "Maija, Kaisa; Aino");
    EXPECT_EQ(party[0].description.default_text(), "Glögiä ja\npiparia");
    EXPECT_EQ(party[0].capacity, 40);
    EXPECT_EQ(party[0].status, EventStatus::Scheduled);
}

TEST_F(ServerEventsTest, AWeeklyEventRepeatsOnItsWeekdaysUntilItsLastDayOrForGood)
{
    ASSERT_EQ(post(events(), {{"title", "Tuolijumppa"},
                              {"date", "30.11.2026"},
                              {"start", "9.00"},
                              {"end", "9.45"},
                              {"weekday", "1"},
                              {"weekday", "3"},
                              {"until", "9.12.2026"}})
                  .status,
              303);
    // Starts on the first chosen weekday after the date given: Tuesday 1 December.
    ASSERT_EQ(post(events(), {{"title", "Lukupiiri"},
                              {"date", "28.11.2026"},
                              {"start", "17.00"},
                              {"end", "18.00"},
                              {"weekday", "2"}})
                  .status,
              303);
    const auto shown = kiosk_shows();
    std::vector<UnixSeconds> gym;
    for (const Occurrence& occurrence : titled(shown, "Tuolijumppa"))
        gym.push_back(occurrence.start);
    // Mondays and Wednesdays 9.00 EET, through Wednesday 9 December.
    EXPECT_EQ(gym, (std::vector<UnixSeconds>{utc(2026, 11, 30, 7), utc(2026, 12, 2, 7), utc(2026, 12, 7, 7),
                                             utc(2026, 12, 9, 7)}));
    const auto reading = titled(shown, "Lukupiiri");
    ASSERT_EQ(reading.size(), 9u); // every Tuesday from 1 December to 26 January
    EXPECT_EQ(reading.front().start, utc(2026, 12, 1, 15));
    EXPECT_EQ(reading.back().start, utc(2027, 1, 26, 15));

    const std::string text = week_text("2026-W50");
    EXPECT_NE(text.find("Maanantai 7.12. 9.00–9.45 Tuolijumppa"), std::string::npos) << text;
    EXPECT_NE(text.find("Keskiviikko 9.12. 9.00–9.45 Tuolijumppa"), std::string::npos) << text;
    EXPECT_NE(text.find("Tiistai 8.12. 17.00–18.00 Lukupiiri"), std::string::npos) << text;
    EXPECT_EQ(week_text("2026-W51").find("Tuolijumppa"), std::string::npos);
}

TEST_F(ServerEventsTest, OneOccurrenceOfACalendarsEventMovesAndTheWholeEventChangesAroundIt)
{
    upload(events_calendar());
    const std::string before = etag();
    const std::string page = edit_page("kahvi@test", coffee_1_12);
    EXPECT_NE(page.find("value=\"10.00\""), std::string::npos);
    EXPECT_NE(page.find("value=\"Olohuone\""), std::string::npos);

    const HttpAnswer moved = post(events("/occurrence"), {{"uid", "kahvi@test"},
                                                         {"instance", std::to_string(coffee_1_12)},
                                                         {"week", "2026-W49"},
                                                         {"title", "Kahviaamu <ja> pulla"},
                                                         {"date", "1.12.2026"},
                                                         {"start", "10.30"},
                                                         {"end", "12.00"},
                                                         {"location", "Kirjasto"}});
    ASSERT_EQ(moved.status, 303) << moved.body;
    std::string text = week_text("2026-W49");
    EXPECT_NE(text.find("Tiistai 1.12. 10.30–12.00 Kahviaamu <ja> pulla Paikka: Kirjasto"), std::string::npos)
        << text;
    EXPECT_NE(text.find("Siirretty, alun perin ti 1.12. klo 10.00"), std::string::npos) << text;
    EXPECT_NE(week_text("2026-W50").find("Tiistai 8.12. 10.00–11.30 Kahviaamu <ja> pulla Paikka: Olohuone"),
              std::string::npos);
    const std::string after_occurrence = etag();
    EXPECT_NE(after_occurrence, before);
    auto shown = kiosk_shows();
    auto first = instance(shown, "kahvi@test", coffee_1_12);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->start, utc(2026, 12, 1, 8, 30));
    EXPECT_EQ(first->location.default_text(), "Kirjasto");
    EXPECT_EQ(first->title.in("sv"), "Kaffe"); // the calendar's translation of an unchanged title
    EXPECT_EQ(instance(shown, "kahvi@test", coffee_8_12)->location.default_text(), "Olohuone");

    // The whole event: a new place and title, an hour earlier; the occurrence changed on
    // its own keeps what it was given.
    const HttpAnswer series = post(events("/series"), {{"uid", "kahvi@test"},
                                                       {"instance", std::to_string(coffee_8_12)},
                                                       {"week", "2026-W50"},
                                                       {"title", "Kahviaamu"},
                                                       {"start", "9.00"},
                                                       {"end", "10.00"},
                                                       {"location", "Aula"},
                                                       {"capacity", "12"}});
    ASSERT_EQ(series.status, 303) << series.body;
    text = week_text("2026-W50");
    EXPECT_NE(text.find("Koko tapahtuma tallennettu: Kahviaamu."), std::string::npos) << text;
    EXPECT_NE(text.find("Tiistai 8.12. 9.00–10.00 Kahviaamu Paikka: Aula"), std::string::npos) << text;
    EXPECT_NE(etag(), after_occurrence);
    shown = kiosk_shows();
    const auto coffee = titled(shown, "Kahviaamu");
    ASSERT_EQ(coffee.size(), 8u); // 8 December to 26 January
    EXPECT_EQ(coffee.front().start, utc(2026, 12, 8, 7));
    EXPECT_EQ(coffee.front().capacity, 12);
    EXPECT_TRUE(coffee.front().title.in("sv") == "Kahviaamu"); // a changed title drops the old translation
    first = instance(shown, "kahvi@test", utc(2026, 12, 1, 7));
    ASSERT_TRUE(first.has_value()) << "the occurrence edit follows its event to 9.00";
    EXPECT_EQ(first->start, utc(2026, 12, 1, 8, 30));
    EXPECT_EQ(first->location.default_text(), "Kirjasto");
    // Once a week, never twice.
    int on_first = 0;
    for (const Occurrence& occurrence : shown)
        if (occurrence.uid == "kahvi@test" && helsinki.to_local(occurrence.start).date == CivilDate{2026, 12, 1})
            ++on_first;
    EXPECT_EQ(on_first, 1);
}

TEST_F(ServerEventsTest, AnOccurrenceAndAWholeEventAreCancelledAndRestored)
{
    upload(events_calendar());
    const auto cancel = [&](const std::string& uid, UnixSeconds at, const std::string& scope,
                            const std::string& action) {
        return post(events("/cancel"), {{"uid", uid},
                                        {"instance", std::to_string(at)},
                                        {"week", "2026-W50"},
                                        {"scope", scope},
                                        {"action", action}})
            .status;
    };
    const std::string before = etag();
    ASSERT_EQ(cancel("kahvi@test", coffee_8_12, "occurrence", "cancel"), 303);
    std::string text = week_text("2026-W50");
    EXPECT_NE(text.find("Kerta peruttu: Kahviaamu <ja> pulla."), std::string::npos) << text;
    EXPECT_NE(text.find("Tiistai 8.12. 10.00–11.30 Kahviaamu <ja> pulla Peruttu"), std::string::npos) << text;
    EXPECT_NE(etag(), before);
    auto shown = kiosk_shows();
    EXPECT_EQ(instance(shown, "kahvi@test", coffee_8_12)->status, EventStatus::Cancelled);
    EXPECT_EQ(instance(shown, "kahvi@test", coffee_1_12)->status, EventStatus::Scheduled);
    EXPECT_NE(edit_page("kahvi@test", coffee_8_12).find("Palauta tämä kerta"), std::string::npos);

    ASSERT_EQ(cancel("kahvi@test", coffee_8_12, "occurrence", "restore"), 303);
    EXPECT_NE(week_text("2026-W50").find("Tiistai 8.12. 10.00–11.30 Kahviaamu <ja> pulla Paikka"), std::string::npos);
    EXPECT_EQ(instance(kiosk_shows(), "kahvi@test", coffee_8_12)->status, EventStatus::Scheduled);

    // An occurrence the calendar itself cancelled comes back too.
    ASSERT_EQ(instance(kiosk_shows(), "kuoro@test", choir_10_12)->status, EventStatus::Cancelled);
    ASSERT_EQ(cancel("kuoro@test", choir_10_12, "occurrence", "restore"), 303);
    EXPECT_EQ(instance(kiosk_shows(), "kuoro@test", choir_10_12)->status, EventStatus::Scheduled);
    EXPECT_NE(week_text("2026-W50").find("Torstai 10.12. 14.00–15.00 Kuoro Muokkaa"), std::string::npos);

    // The whole event.
    ASSERT_EQ(cancel("kahvi@test", coffee_1_12, "series", "cancel"), 303);
    shown = kiosk_shows();
    const auto coffee = titled(shown, "Kahviaamu <ja> pulla");
    ASSERT_EQ(coffee.size(), 9u);
    for (const Occurrence& occurrence : coffee)
        EXPECT_EQ(occurrence.status, EventStatus::Cancelled) << occurrence.start;
    EXPECT_NE(week_text("2026-W51").find("Kahviaamu <ja> pulla Peruttu"), std::string::npos);
    const std::string cancelled_page = visible_text(edit_page("kahvi@test", coffee_1_12));
    EXPECT_NE(cancelled_page.find("Palauta koko tapahtuma"), std::string::npos);
    // One occurrence cannot be restored alone while its whole event is cancelled.
    EXPECT_NE(cancelled_page.find("Koko tapahtuma on peruttu, joten tämäkin kerta on peruttu."), std::string::npos);
    EXPECT_EQ(cancelled_page.find("Palauta tämä kerta"), std::string::npos);
    ASSERT_EQ(cancel("kahvi@test", coffee_1_12, "series", "restore"), 303);
    for (const Occurrence& occurrence : titled(kiosk_shows(), "Kahviaamu <ja> pulla"))
        EXPECT_EQ(occurrence.status, EventStatus::Scheduled) << occurrence.start;
}

TEST_F(ServerEventsTest, AnEventMadeOnThePageIsEditedCancelledAndDeleted)
{
    ASSERT_EQ(post(events(), {{"title", "Bingo"}, {"date", "2.12.2026"}, {"start", "13.00"}, {"end", "14.00"},
                              {"weekday", "3"}})
                  .status,
              303);
    auto bingo = titled(kiosk_shows(), "Bingo");
    ASSERT_FALSE(bingo.empty());
    const std::string uid = bingo.front().uid;
    const UnixSeconds second = bingo[1].instance; // Wednesday 9 December
    const std::string page = edit_page(uid, second);
    EXPECT_NE(page.find("value=\"2.12.2026\""), std::string::npos);
    EXPECT_NE(page.find("name=\"weekday\" value=\"3\" checked"), std::string::npos);

    // Every Wednesday and Friday from now on, at 14.00.
    ASSERT_EQ(post(events("/series"), {{"uid", uid}, {"instance", std::to_string(second)}, {"title", "Bingo!"},
                                       {"date", "2.12.2026"}, {"start", "14.00"}, {"end", "15.00"},
                                       {"weekday", "3"}, {"weekday", "5"}, {"until", "31.12.2026"}})
                  .status,
              303);
    bingo = titled(kiosk_shows(), "Bingo!");
    ASSERT_EQ(bingo.size(), 9u); // 2, 4, 9, 11, 16, 18, 23, 25 and 30 December
    EXPECT_EQ(bingo[1].start, utc(2026, 12, 4, 12));
    EXPECT_EQ(bingo.back().start, utc(2026, 12, 30, 12));

    ASSERT_EQ(post(events("/cancel"), {{"uid", uid}, {"instance", std::to_string(bingo[1].instance)},
                                       {"scope", "occurrence"}, {"action", "cancel"}})
                  .status,
              303);
    EXPECT_EQ(titled(kiosk_shows(), "Bingo!")[1].status, EventStatus::Cancelled);
    EXPECT_NE(week_text("2026-W49").find("Perjantai 4.12. 14.00–15.00 Bingo! Peruttu"), std::string::npos);

    ASSERT_EQ(post(events("/forget"), {{"uid", uid}, {"instance", "0"}, {"scope", "series"}}).status, 303);
    EXPECT_TRUE(titled(kiosk_shows(), "Bingo!").empty());
    EXPECT_EQ(stored("SELECT count(*) FROM site_event_edit"), 0);
    EXPECT_EQ(stored("SELECT count(*) FROM site_calendar WHERE name = 'edits'"), 0);
}

TEST_F(ServerEventsTest, WrongInputIsExplainedInFinnishWithWhatWasTypedAndNothingChanges)
{
    upload(events_calendar());
    const std::string before = etag();
    const HttpAnswer refused = post(events(), {{"title", "  "},
                                               {"date", "31.2.2026"},
                                               {"start", "14.00"},
                                               {"end", "13.00"},
                                               {"capacity", "1000"},
                                               {"location", std::string(201, 'x')},
                                               {"weekday", "8"},
                                               {"until", "huomenna"}});
    EXPECT_EQ(refused.status, 400);
    const std::string text = visible_text(refused.body);
    for (const char* message : {"Tarkista lomake. Mitään ei vielä tallennettu:", "Anna tapahtumalle nimi.",
                                "Päivä ei ole oikea päivämäärä. Kirjoita esimerkiksi 1.12.2026.",
                                "Päättymisajan pitää olla alkamisajan jälkeen samana päivänä.",
                                "Paikkoja pitää olla 1–999", "Paikka on liian pitkä: enintään 200 merkkiä",
                                "Viikonpäivien valinta ei kelpaa.",
                                "Toistumisen loppupäivä ei ole oikea päivämäärä."})
        EXPECT_NE(text.find(message), std::string::npos) << message << " in " << text;
    EXPECT_NE(refused.body.find("value=\"31.2.2026\""), std::string::npos);
    EXPECT_NE(refused.body.find("value=\"huomenna\""), std::string::npos);
    EXPECT_NE(refused.body.find("value=\"1000\""), std::string::npos);

    const HttpAnswer too_far = post(events(), {{"title", "Retki"}, {"date", "1.12.2026"}, {"start", "9.00"},
                                               {"end", "17.00"}, {"weekday", "2"}, {"until", "1.12.2031"}});
    EXPECT_EQ(too_far.status, 400);
    EXPECT_NE(visible_text(too_far.body).find("enintään kolmen vuoden päässä"), std::string::npos);
    const HttpAnswer until_alone = post(events(), {{"title", "Retki"}, {"date", "1.12.2026"}, {"start", "9.00"},
                                                   {"end", "17.00"}, {"until", "8.12.2026"}});
    EXPECT_EQ(until_alone.status, 400);
    EXPECT_NE(visible_text(until_alone.body).find("valitse myös viikonpäivät"), std::string::npos);

    const HttpAnswer occurrence = post(events("/occurrence"), {{"uid", "kahvi@test"},
                                                              {"instance", std::to_string(coffee_1_12)},
                                                              {"title", "Kahviaamu"},
                                                              {"date", "1.12.2026"},
                                                              {"start", "25.00"},
                                                              {"end", "11.00"},
                                                              {"description", std::string(4001, 'a')}});
    EXPECT_EQ(occurrence.status, 400);
    const std::string occurrence_text = visible_text(occurrence.body);
    EXPECT_NE(occurrence_text.find("Alkamisaika ei ole kellonaika. Kirjoita esimerkiksi 10.30."), std::string::npos)
        << occurrence_text;
    EXPECT_NE(occurrence_text.find("Kuvaus on liian pitkä: enintään 4000 merkkiä"), std::string::npos);
    EXPECT_NE(occurrence.body.find("value=\"25.00\""), std::string::npos);

    EXPECT_EQ(stored("SELECT count(*) FROM site_event_edit"), 0);
    EXPECT_EQ(etag(), before);
    // Nothing that names no event of the site.
    EXPECT_EQ(post(events("/occurrence"), {{"uid", "kahvi@test"}, {"instance", "12345"}, {"title", "X"}}).status,
              404);
    EXPECT_EQ(browser.get(events("/edit?uid=ei@test&instance=" + std::to_string(coffee_1_12))).status, 404);
    EXPECT_EQ(post(events("/cancel"), {{"uid", "kahvi@test"}, {"instance", std::to_string(coffee_1_12)},
                                       {"scope", "everything"}, {"action", "cancel"}})
                  .status,
              404);
    // The edits calendar's name is not an upload's.
    browser.post_files("/sites/" + site_1 + "/calendars", {{"csrf", token}},
                       {{"calendars", "edits", events_calendar()}});
    EXPECT_NE(week_text("2026-W49").find("the name \"edits\" is kept"), std::string::npos);
    EXPECT_EQ(etag(), before);
}

TEST_F(ServerEventsTest, AnotherSitesCoordinatorFindsNoEventsAndChangesNothing)
{
    upload(events_calendar());
    const std::string before = etag();
    WebClient other{server.port(), certificates.ca};
    ASSERT_EQ(other.log_in("tapio.tapiola", good_password).status, 303);
    const std::string other_token = WebClient::csrf_of(other.get("/kiosks").body);
    const std::string instance = std::to_string(coffee_1_12);
    EXPECT_EQ(other.get(events("/new")).status, 404);
    EXPECT_EQ(other.get(events("/edit?uid=kahvi@test&instance=" + instance)).status, 404);
    const std::vector<std::pair<std::string, std::string>> fields{
        {"csrf", other_token}, {"uid", "kahvi@test"}, {"instance", instance}, {"title", "Kaapattu"},
        {"date", "1.12.2026"}, {"start", "10.00"},    {"end", "11.00"},       {"scope", "series"},
        {"action", "cancel"}};
    for (const std::string path : {"", "/occurrence", "/series", "/cancel", "/forget"}) {
        const HttpAnswer answer = other.post_form(events(path), fields);
        EXPECT_EQ(answer.status, 404) << path;
        EXPECT_EQ(answer.body.find("Kahviaamu"), std::string::npos) << path;
    }
    // The site's own coordinator, without the form's token or from another site: 403.
    EXPECT_EQ(browser.post_form(events("/occurrence"), {{"uid", "kahvi@test"}, {"instance", instance}}).status, 403);
    EXPECT_EQ(browser
                  .post_form(events("/cancel"),
                             {{"csrf", token}, {"uid", "kahvi@test"}, {"instance", instance}, {"scope", "series"},
                              {"action", "cancel"}},
                             FormOrigin::OtherSite)
                  .status,
              403);
    EXPECT_EQ(stored("SELECT count(*) FROM site_event_edit"), 0);
    EXPECT_EQ(etag(), before);
}

TEST_F(ServerEventsTest, AnEditWhoseEventLeftItsCalendarIsListedUntilRemoved)
{
    upload(events_calendar());
    ASSERT_EQ(post(events("/occurrence"), {{"uid", "kahvi@test"},
                                           {"instance", std::to_string(coffee_1_12)},
                                           {"title", "Kahviaamu <ja> pulla"},
                                           {"date", "1.12.2026"},
                                           {"start", "10.30"},
                                           {"end", "12.00"},
                                           {"location", "Kirjasto"}})
                  .status,
              303);
    EXPECT_EQ(week_text("2026-W49").find("Muutoksia tapahtumiin, joita ei enää ole kalenterissa"), std::string::npos);

    upload(events_calendar(false));
    std::string text = week_text("2026-W49");
    EXPECT_NE(text.find("Muutoksia tapahtumiin, joita ei enää ole kalenterissa"), std::string::npos) << text;
    EXPECT_NE(text.find("Kahviaamu <ja> pulla, ti 1.12. klo 10.00 Poista muutos"), std::string::npos) << text;
    // Until then the kiosks keep the occurrence as the coordinator left it.
    auto kept = instance(kiosk_shows(), "kahvi@test", coffee_1_12);
    ASSERT_TRUE(kept.has_value());
    EXPECT_EQ(kept->location.default_text(), "Kirjasto");
    EXPECT_EQ(titled(kiosk_shows(), "Kahviaamu <ja> pulla").size(), 1u);

    const std::string before = etag();
    ASSERT_EQ(post(events("/forget"), {{"uid", "kahvi@test"}, {"instance", std::to_string(coffee_1_12)},
                                       {"week", "2026-W49"}})
                  .status,
              303);
    text = week_text("2026-W49");
    EXPECT_NE(text.find("Muutos poistettu: Kahviaamu <ja> pulla."), std::string::npos) << text;
    EXPECT_EQ(text.find("Muutoksia tapahtumiin, joita ei enää ole kalenterissa"), std::string::npos);
    EXPECT_TRUE(titled(kiosk_shows(), "Kahviaamu <ja> pulla").empty());
    EXPECT_NE(etag(), before);
}

// The edits calendar on its own, read back with the kiosk's importer.
TEST(EditsCalendar, AWeeklyEventKeepsItsWallClockTimeAcrossTheChangeToSummerTime)
{
    const TimeZone helsinki = TimeZone::named("Europe/Helsinki").value();
    server::EventEdit gym;
    gym.uid = "jumppa@olohuone";
    gym.texts.title = "Tuolijumppa";
    gym.first_date = {2027, 3, 22};
    gym.weekdays = 1 << 0; // Mondays
    gym.until = CivilDate{2027, 4, 5};
    gym.start_time = CivilTime{10, 0, 0};
    gym.end_time = CivilTime{11, 0, 0};
    gym.updated_at = utc(2026, 11, 27);
    const auto ics = server::write_edits_calendar({gym}, helsinki);
    ASSERT_TRUE(ics.ok()) << ics.error().message;
    const auto imported = import_programme({{"edits", ics.value()}}, helsinki, {utc(2027, 3, 1), utc(2027, 5, 1)});
    ASSERT_TRUE(imported.ok());
    std::vector<UnixSeconds> starts;
    for (const Occurrence& occurrence : imported->occurrences)
        starts.push_back(occurrence.start);
    // 10.00 EET = 08.00Z before 28 March, 10.00 EEST = 07.00Z after; the last on the until day.
    EXPECT_EQ(starts, (std::vector<UnixSeconds>{utc(2027, 3, 22, 8), utc(2027, 3, 29, 7), utc(2027, 4, 5, 7)}));
}

// An event from a calendar with its own time zone definition (as Outlook writes them):
// the whole-event edit takes the definition along, so the copy reads the same.
TEST(EditsCalendar, AWholeEventEditKeepsTheTimeZoneItsCalendarDefines)
{
    const TimeZone helsinki = TimeZone::named("Europe/Helsinki").value();
    const std::string outlook =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
        "BEGIN:VTIMEZONE\r\nTZID:FLE Standard Time\r\n"
        "BEGIN:STANDARD\r\nDTSTART:16011028T040000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
        "TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:16010325T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:kuoro@outlook\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART;TZID=FLE Standard Time:20261203T140000\r\nDTEND;TZID=FLE Standard Time:20261203T150000\r\n"
        "RRULE:FREQ=WEEKLY\r\nSUMMARY:Kuoro\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const std::vector<server::SiteCalendar> calendars{
        server::make_site_calendar("kuoro.ics", outlook, server::CalendarSource::Upload)};
    const auto copy = server::copy_of_calendar_event(calendars, "kuoro@outlook");
    ASSERT_TRUE(copy.has_value());
    const auto facts = server::read_calendar_event(*copy, helsinki);
    ASSERT_TRUE(facts.ok()) << facts.error().message;
    EXPECT_EQ(facts->first_date, (CivilDate{2026, 12, 3}));
    EXPECT_EQ(facts->start_time, (CivilTime{14, 0, 0}));
    EXPECT_TRUE(facts->recurring);

    server::EventEdit choir;
    choir.kind = server::EditKind::Series;
    choir.uid = "kuoro@outlook";
    choir.base_event = *copy;
    choir.texts = facts->texts;
    choir.texts.location = "Juhlasali";
    const auto ics = server::write_edits_calendar({choir}, helsinki);
    ASSERT_TRUE(ics.ok()) << ics.error().message;
    const auto imported = import_programme({{"kuoro.ics", outlook}, {"edits", ics.value()}}, helsinki,
                                           {utc(2027, 3, 20), utc(2027, 4, 2)});
    ASSERT_TRUE(imported.ok());
    EXPECT_TRUE(imported->warnings.empty()) << imported->warnings.front();
    ASSERT_EQ(imported->occurrences.size(), 2u);
    EXPECT_EQ(imported->occurrences[0].start, utc(2027, 3, 25, 12)); // 14.00 EET
    EXPECT_EQ(imported->occurrences[1].start, utc(2027, 4, 1, 11));  // 14.00 EEST
    EXPECT_EQ(imported->occurrences[1].location.default_text(), "Juhlasali");
}

} // namespace
} // namespace olohuone::testing
