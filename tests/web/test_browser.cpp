// A coordinator's visit in a real browser: Debian's headless Chromium, driven through
// chromedriver, against the real server over HTTPS. It logs in, reads the kiosks page
// (a silent kiosk flagged), opens a site's week, uploads a calendar through the form and
// sees its events, tries a file that is no calendar and is told so while the programme
// stays, and logs out. Each page is saved as a PNG at desktop and phone size (in the
// build folder's screenshots/), and no page is wider than the phone.
#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>
#include <fstream>

#include "chromedriver_process.h"
#include "core/programme_edit.h"
#include "core/time_zone.h"
#include "kiosk_edit_records.h"
#include "store/record_key.h"
#include "webdriver_session.h"
#include "report_records.h"
#include "support/test_paths.h"
#include "web_fixture.h"

namespace olohuone::testing {
namespace {

constexpr int phone_width = 390;
constexpr int phone_height = 844;

// Every week has a coffee morning on Tuesday, choir on Thursday, and a walk on Fridays
// that has been cancelled.
const std::string weekly_programme
    = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone//browser test//FI\r\n"
      "BEGIN:VEVENT\r\nUID:kahvi@test\r\nDTSTAMP:20250101T000000Z\r\n"
      "DTSTART;TZID=Europe/Helsinki:20250107T100000\r\nDTEND;TZID=Europe/Helsinki:20250107T113000\r\n"
      "RRULE:FREQ=WEEKLY\r\nSUMMARY:Kahviaamu ja pulla\r\nLOCATION:Olohuone\r\n"
      "X-OLOHUONE-HOST:Eläkeläisyhdistys\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:kuoro@test\r\nDTSTAMP:20250101T000000Z\r\n"
      "DTSTART;TZID=Europe/Helsinki:20250109T140000\r\nDTEND;TZID=Europe/Helsinki:20250109T150000\r\n"
      "RRULE:FREQ=WEEKLY\r\nSUMMARY:Kuoro\r\nLOCATION:Juhlasali, 2. kerros\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:ulkoilu@test\r\nDTSTAMP:20250101T000000Z\r\n"
      "DTSTART;TZID=Europe/Helsinki:20250110T130000\r\nDTEND;TZID=Europe/Helsinki:20250110T140000\r\n"
      "RRULE:FREQ=WEEKLY\r\nSUMMARY:Ulkoilu\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n";

class BrowserTest : public WebFixture {
protected:
    void SetUp() override
    {
        if (!chromedriver_installed())
            GTEST_SKIP() << "chromedriver is not installed (tools/dev/install-deps test installs it)";
        add_coordinator("kaisa.koordinaattori", {{}, true, {}});
        std::filesystem::create_directories(screenshots);
    }

    std::string screenshots = std::string(olohuone::test::build_dir()) + "/web/screenshots";

    // Saves the page at desktop and at phone size, and checks that on the phone nothing
    // is wider than the screen.
    void capture(WebDriverSession& browser, const std::string& name)
    {
        browser.emulate_screen(1280, 900, false);
        EXPECT_TRUE(browser.save_screenshot(screenshots + "/" + name + "_desktop.png")) << browser.last_error();
        browser.emulate_screen(phone_width, phone_height, true);
        EXPECT_LE(browser.content_width(), phone_width) << name << " is wider than a phone's screen";
        EXPECT_TRUE(browser.save_screenshot(screenshots + "/" + name + "_phone.png")) << browser.last_error();
        browser.emulate_screen(1280, 900, false);
    }

    void heartbeat(const ServerProcess& server, const std::string& token, int queue)
    {
        const HttpAnswer answer = send({.url = url(server, "/v1/heartbeat"),
                                        .body = R"({"version":"0.5.3","uptime_seconds":93600,"queue_length":)"
                                            + std::to_string(queue)
                                            + R"(,"last_sync_at":1790000000,"free_disk_bytes":12884901888})",
                                        .token = token,
                                        .ca = certificates.ca});
        ASSERT_EQ(answer.status, 200) << answer.body;
    }
};

TEST_F(BrowserTest, ACoordinatorLogsInReadsTheKiosksUploadsTheWeeksProgrammeAndLogsOut)
{
    ServerProcess server{config, log_file()};
    const std::string kahvila = make_kiosk(site_1, "kahvila");
    heartbeat(server, kiosk_1, 0);
    heartbeat(server, kiosk_2, 3);
    heartbeat(server, kahvila, 42);
    // The kahvila kiosk has not been heard from since yesterday evening.
    change_database("UPDATE kiosk_heartbeat SET received_at = received_at - 26 * 3600 WHERE kiosk_id = 3; "
                    "UPDATE kiosk SET last_seen_at = last_seen_at - 26 * 3600 WHERE id = 3;");
    const std::string calendar = dir.file("viikko-ohjelma.ics");
    std::ofstream(calendar, std::ios::binary) << weekly_programme;
    const std::string not_a_calendar = dir.file("muistio.ics");
    std::ofstream(not_a_calendar, std::ios::binary) << "Kahvit keitetään klo 9.30.\n";

    ChromeDriverProcess driver;
    ASSERT_TRUE(driver.ready()) << "chromedriver did not start";
    std::filesystem::create_directories(dir.file("chromium"));
    WebDriverSession browser(driver.url(), {dir.file("chromium"), server.pin()});
    ASSERT_TRUE(browser.started()) << browser.last_error();
    const std::string site = "https://127.0.0.1:" + std::to_string(server.port());

    // A stranger is sent to the login form.
    browser.go_to(site + "/kiosks");
    EXPECT_EQ(browser.current_url(), site + "/login");
    capture(browser, "login");
    ASSERT_TRUE(browser.type(browser.find("#login"), "kaisa.koordinaattori")) << browser.last_error();
    ASSERT_TRUE(browser.type(browser.find("#password"), "väärä salasana")) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("main button[type=submit]"))) << browser.last_error();
    EXPECT_NE(browser.page_text().find("Väärä käyttäjätunnus tai salasana."), std::string::npos);
    capture(browser, "login_failed");
    server.advance_clock(std::chrono::milliseconds(1100)); // past the throttle's wait after one failure
    // The form kept the name typed: only the password again.
    ASSERT_TRUE(browser.type(browser.find("#password"), good_password)) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("main button[type=submit]"))) << browser.last_error();

    // The kiosks: the silent one flagged, the others with their heartbeat.
    EXPECT_EQ(browser.current_url(), site + "/kiosks");
    const std::string kiosks = browser.page_text();
    EXPECT_NE(kiosks.find("1 kioski ei ole ollut yhteydessä palvelimeen yli 1 h."), std::string::npos) << kiosks;
    EXPECT_NE(kiosks.find("Ei yhteyttä 26 h"), std::string::npos) << kiosks;
    EXPECT_NE(kiosks.find("Lähettämättömiä kirjauksia\n42"), std::string::npos) << kiosks;
    EXPECT_NE(kiosks.find("Olohuone Tapiola"), std::string::npos) << kiosks;
    EXPECT_NE(kiosks.find("kirjasto"), std::string::npos) << kiosks;
    EXPECT_EQ(browser.find_all(".card.warning").size(), 1u);
    capture(browser, "kiosks");

    // The roll call a phone opens in a fire alarm: each site with how current its
    // kiosks' deliveries are (the people in it: tests/sync/test_roll_call_page.cpp).
    ASSERT_TRUE(browser.click_to_new_page(browser.find("header nav a[href='/present']"))) << browser.last_error();
    const std::string present = browser.page_text();
    EXPECT_NE(present.find("Paikalla nyt: 0"), std::string::npos) << present;
    EXPECT_NE(present.find("Kioski kahvila: ei ole vielä toimittanut tietoja"), std::string::npos) << present;
    capture(browser, "present");

    // The programme: first the site, then its week, with no calendars yet.
    ASSERT_TRUE(browser.click_to_new_page(browser.find("header nav a[href='/programme']"))) << browser.last_error();
    EXPECT_EQ(browser.find_all("ul.sites a").size(), 2u);
    capture(browser, "sites");
    ASSERT_TRUE(browser.click_to_new_page(browser.find("ul.sites a[href='/sites/" + site_1 + "/week']")))
        << browser.last_error();
    EXPECT_EQ(browser.current_url(), site + "/sites/" + site_1 + "/week");
    EXPECT_NE(browser.page_text().find("Toimipisteellä ei ole kalentereita palvelimella"), std::string::npos);

    // An upload through the form: the week fills in.
    ASSERT_TRUE(browser.type(browser.find("#calendars"), calendar)) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("form[enctype='multipart/form-data'] button[type=submit]")))
        << browser.last_error();
    const std::string week = browser.page_text();
    EXPECT_NE(week.find("Ohjelma vaihdettu. Kalentereita 1,"), std::string::npos) << week;
    EXPECT_NE(week.find("Kahviaamu ja pulla"), std::string::npos) << week;
    EXPECT_NE(week.find("Vetäjä: Eläkeläisyhdistys"), std::string::npos) << week;
    EXPECT_NE(week.find("Paikka: Juhlasali, 2. kerros"), std::string::npos) << week;
    EXPECT_EQ(browser.find_all("li.cancelled").size(), 1u);
    EXPECT_EQ(browser.find_all(".events li").size(), 3u);
    capture(browser, "week");

    // The next week has them too.
    ASSERT_TRUE(browser.click_to_new_page(browser.find(".weeknav a:nth-child(2)"))) << browser.last_error();
    EXPECT_NE(browser.current_url().find("/week?week="), std::string::npos);
    EXPECT_EQ(browser.find_all(".events li").size(), 3u);

    // A file that is no calendar: refused, named, and the programme stays.
    ASSERT_TRUE(browser.type(browser.find("#calendars"), not_a_calendar)) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("form[enctype='multipart/form-data'] button[type=submit]")))
        << browser.last_error();
    const std::string refused = browser.page_text();
    EXPECT_NE(refused.find("Ohjelmaa ei vaihdettu, entinen ohjelma on yhä käytössä. Syy: muistio.ics"),
              std::string::npos)
        << refused;
    EXPECT_EQ(browser.find_all(".events li").size(), 3u);
    capture(browser, "week_refused");

    // Logging out ends it: the kiosks page asks for a login again.
    ASSERT_TRUE(browser.click_to_new_page(browser.find("header form button"))) << browser.last_error();
    EXPECT_EQ(browser.current_url(), site + "/login?out=1");
    EXPECT_NE(browser.page_text().find("Olet kirjautunut ulos."), std::string::npos);
    capture(browser, "logged_out");
    browser.go_to(site + "/kiosks");
    EXPECT_EQ(browser.current_url(), site + "/login");
}

// The coffee morning of this week moved to 10.30 in the library, a weekly chair gym
// added on Mondays and Wednesdays (after a mistake the form explains), and its
// Wednesday cancelled: each change on the week page as soon as it is saved.
TEST_F(BrowserTest, ACoordinatorEditsMakesAndCancelsEventsOnTheWeekPage)
{
    ServerProcess server{config, log_file()};
    const std::string calendar = dir.file("viikko-ohjelma.ics");
    std::ofstream(calendar, std::ios::binary) << weekly_programme;
    const TimeZone helsinki = TimeZone::named("Europe/Helsinki").value();
    const CivilDate today = helsinki.to_local(static_cast<UnixSeconds>(std::time(nullptr))).date;
    const CivilDate monday = today.plus_days(-static_cast<int>(today.weekday()));
    const std::string monday_text =
        std::to_string(monday.day) + "." + std::to_string(monday.month) + "." + std::to_string(monday.year);

    ChromeDriverProcess driver;
    ASSERT_TRUE(driver.ready()) << "chromedriver did not start";
    std::filesystem::create_directories(dir.file("chromium"));
    WebDriverSession browser(driver.url(), {dir.file("chromium"), server.pin()});
    ASSERT_TRUE(browser.started()) << browser.last_error();
    const std::string site = "https://127.0.0.1:" + std::to_string(server.port());
    browser.go_to(site + "/login");
    ASSERT_TRUE(browser.type(browser.find("#login"), "kaisa.koordinaattori")) << browser.last_error();
    ASSERT_TRUE(browser.type(browser.find("#password"), good_password)) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("main button[type=submit]"))) << browser.last_error();
    browser.go_to(site + "/sites/" + site_1 + "/week");
    ASSERT_TRUE(browser.type(browser.find("#calendars"), calendar)) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("form[enctype='multipart/form-data'] button[type=submit]")))
        << browser.last_error();
    ASSERT_EQ(browser.find_all(".events li").size(), 3u);

    // This week's coffee morning, moved and in another place.
    ASSERT_TRUE(browser.click_to_new_page(browser.find("a.edit[aria-label='Muokkaa: Kahviaamu ja pulla']")))
        << browser.last_error();
    EXPECT_NE(browser.page_text().find("Vain tämä kerta"), std::string::npos);
    capture(browser, "event_edit");
    for (const auto& [field, value] : {std::pair{"#occurrence-start", "10.30"}, {"#occurrence-end", "12.00"},
                                       {"#occurrence-location", "Kirjasto"}}) {
        ASSERT_TRUE(browser.clear(browser.find(field))) << browser.last_error();
        ASSERT_TRUE(browser.type(browser.find(field), value)) << browser.last_error();
    }
    ASSERT_TRUE(browser.click_to_new_page(browser.find("#occurrence form.stacked button[type=submit]")))
        << browser.last_error();
    std::string week = browser.page_text();
    EXPECT_NE(week.find("Tämä kerta tallennettu: Kahviaamu ja pulla."), std::string::npos) << week;
    EXPECT_NE(week.find("10.30–12.00\nKahviaamu ja pulla\nPaikka: Kirjasto"), std::string::npos) << week;
    capture(browser, "event_week_edited");

    // A weekly event: the first try ends before it starts, and the form says so.
    ASSERT_TRUE(browser.click_to_new_page(browser.find("a[href*='/events/new']"))) << browser.last_error();
    capture(browser, "event_new");
    for (const auto& [field, value] : {std::pair{"#new-title", "Tuolijumppa"}, {"#new-date", monday_text.c_str()},
                                       {"#new-start", "9.00"}, {"#new-end", "8.45"}, {"#new-location", "Sali"},
                                       {"#new-host", "Liisa Laine"}, {"#new-capacity", "15"}})
        ASSERT_TRUE(browser.type(browser.find(field), value)) << browser.last_error();
    ASSERT_TRUE(browser.click(browser.find("label[for='new-weekday-1']"))) << browser.last_error();
    ASSERT_TRUE(browser.click(browser.find("label[for='new-weekday-3']"))) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("main form button[type=submit]"))) << browser.last_error();
    const std::string refused = browser.page_text();
    EXPECT_NE(refused.find("Päättymisajan pitää olla alkamisajan jälkeen samana päivänä."), std::string::npos)
        << refused;
    EXPECT_EQ(browser.find_all("input[name=weekday]:checked").size(), 2u);
    capture(browser, "event_new_refused");
    ASSERT_TRUE(browser.clear(browser.find("#new-end"))) << browser.last_error();
    ASSERT_TRUE(browser.type(browser.find("#new-end"), "9.45")) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("main form button[type=submit]"))) << browser.last_error();
    week = browser.page_text();
    EXPECT_NE(week.find("Tapahtuma lisätty: Tuolijumppa."), std::string::npos) << week;
    EXPECT_EQ(browser.find_all("a.edit[aria-label='Muokkaa: Tuolijumppa']").size(), 2u);
    EXPECT_EQ(browser.find_all(".events li").size(), 5u);

    // Its Wednesday cancelled.
    const auto gym = browser.find_all("a.edit[aria-label='Muokkaa: Tuolijumppa']");
    ASSERT_EQ(gym.size(), 2u);
    ASSERT_TRUE(browser.click_to_new_page(gym[1])) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("#occurrence form.inline button.danger")))
        << browser.last_error();
    week = browser.page_text();
    EXPECT_NE(week.find("Kerta peruttu: Tuolijumppa."), std::string::npos) << week;
    EXPECT_EQ(browser.find_all("li.cancelled").size(), 2u); // with the walk the calendar cancelled
    EXPECT_NE(week.find("9.00–9.45\nTuolijumppa Peruttu"), std::string::npos) << week;
    capture(browser, "event_week_cancelled");

    // A new calendar without the coffee morning: its moved occurrence is listed.
    std::string without_coffee = weekly_programme;
    const auto coffee = without_coffee.find("BEGIN:VEVENT\r\nUID:kahvi@test");
    without_coffee.erase(coffee, without_coffee.find("END:VEVENT\r\n", coffee) + 12 - coffee);
    const std::string replacement = dir.file("uusi-ohjelma.ics");
    std::ofstream(replacement, std::ios::binary) << without_coffee;
    ASSERT_TRUE(browser.type(browser.find("#calendars"), replacement)) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("form[enctype='multipart/form-data'] button[type=submit]")))
        << browser.last_error();
    ASSERT_EQ(browser.find_all("#orphaned li").size(), 1u);
    EXPECT_NE(browser.text(browser.find("#orphaned li")).find("Kahviaamu ja pulla"), std::string::npos);
    capture(browser, "event_orphaned");
}

// Staff's edits from a kiosk: this week's coffee morning moved and a bingo added show
// on the week page marked as the kiosk's; a change of the choir older than the
// coordinator's cancellation of it, and a cancellation of an event the programme does
// not have, are listed in their own box.
TEST_F(BrowserTest, KioskEditsAreMarkedAndThoseThatDidNotComeIntoEffectListed)
{
    ServerProcess server{config, log_file()};
    WebClient coordinator{server.port(), certificates.ca};
    ASSERT_EQ(coordinator.log_in("kaisa.koordinaattori", good_password).status, 303);
    const std::string csrf = WebClient::csrf_of(coordinator.get("/kiosks").body);
    ASSERT_EQ(coordinator
                  .post_files("/sites/" + site_1 + "/calendars", {{"csrf", csrf}},
                              {{"calendars", "viikko-ohjelma.ics", weekly_programme}})
                  .status,
              303);
    const TimeZone helsinki = TimeZone::named("Europe/Helsinki").value();
    const UnixSeconds now = std::time(nullptr);
    const CivilDate today = helsinki.to_local(now).date;
    const CivilDate monday = today.plus_days(-static_cast<int>(today.weekday()));
    const UnixSeconds coffee = helsinki.to_instant({monday.plus_days(1), {10, 0, 0}});
    const UnixSeconds choir = helsinki.to_instant({monday.plus_days(3), {14, 0, 0}});
    ASSERT_EQ(coordinator
                  .post_form("/sites/" + site_1 + "/events/cancel",
                             {{"uid", "kuoro@test"}, {"instance", std::to_string(choir)}, {"scope", "occurrence"},
                              {"action", "cancel"}, {"csrf", csrf}})
                  .status,
              303);

    test::TempDir kiosk_dir;
    store::Store kiosk = store::Store::open(kiosk_dir.file("olohuone.sqlite3")).value();
    const auto deliver = [&](const ProgrammeEdit& edit, store::RecordTime time) {
        const nlohmann::json result =
            post_record(url(server, "/v1/records"), certificates.ca, kiosk_1, kiosk_edit_record(kiosk, edit, time));
        EXPECT_EQ(result.value("status", ""), "stored") << result.dump();
    };
    ProgrammeEdit moved = programme_edit(EditAction::Change, "kahvi@test", coffee);
    moved.start = coffee + 1800;
    moved.end = coffee + 7200;
    moved.location = "Kirjasto";
    moved.capacity = 12;
    deliver(moved, {now - 900, true});
    ProgrammeEdit bingo = programme_edit(EditAction::Add, store::new_record_key() + "@kiosk.olohuone",
                                         helsinki.to_instant({monday.plus_days(2), {13, 0, 0}}));
    bingo.start = bingo.instance;
    bingo.end = bingo.start + 3600;
    bingo.title = LocalizedText("Bingo");
    bingo.location = "Olohuone";
    deliver(bingo, {now - 800, true});
    ProgrammeEdit choir_moved = programme_edit(EditAction::Change, "kuoro@test", choir);
    choir_moved.start = choir + 3600;
    choir_moved.end = choir + 7200;
    choir_moved.capacity = 30;
    deliver(choir_moved, {now - 3600, true}); // before the coordinator cancelled it
    deliver(programme_edit(EditAction::Cancel, "jooga@vanha-kalenteri", coffee), {now - 600, true});

    ChromeDriverProcess driver;
    ASSERT_TRUE(driver.ready()) << "chromedriver did not start";
    std::filesystem::create_directories(dir.file("chromium"));
    WebDriverSession browser(driver.url(), {dir.file("chromium"), server.pin()});
    ASSERT_TRUE(browser.started()) << browser.last_error();
    const std::string site = "https://127.0.0.1:" + std::to_string(server.port());
    browser.go_to(site + "/login");
    ASSERT_TRUE(browser.type(browser.find("#login"), "kaisa.koordinaattori")) << browser.last_error();
    ASSERT_TRUE(browser.type(browser.find("#password"), good_password)) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("main button[type=submit]"))) << browser.last_error();
    browser.go_to(site + "/sites/" + site_1 + "/week");
    const std::string week = browser.page_text();
    EXPECT_NE(week.find("10.30–12.00\nKahviaamu ja pulla\nPaikka: Kirjasto"), std::string::npos) << week;
    EXPECT_NE(week.find("Muutettu kioskilla aula"), std::string::npos) << week;
    EXPECT_NE(week.find("13.00–14.00\nBingo\nPaikka: Olohuone\nLisätty kioskilla aula"), std::string::npos) << week;
    const auto listed = browser.find_all("#kiosk-edits li");
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_NE(browser.text(listed[0]).find("Ei voimassa: tapahtumaa ei ole ohjelmassa."), std::string::npos)
        << browser.text(listed[0]);
    EXPECT_NE(browser.text(listed[1]).find("Kuoro"), std::string::npos) << browser.text(listed[1]);
    EXPECT_NE(browser.text(listed[1]).find("Ei voimassa: samaa kertaa muutettiin myöhemmin tällä sivulla."),
              std::string::npos)
        << browser.text(listed[1]);
    capture(browser, "kiosk_edits");
}

// A coordinator of both sites opens the reports, asks for site 1's period of the report
// records (report_records.cpp) with a comma as the CSV separator, reads the tables and
// the chart, downloads the weekly visits as a CSV file and finds in it what the page
// said; a period too long is explained.
TEST_F(BrowserTest, ACoordinatorChoosesAPeriodReadsTheReportAndDownloadsACsv)
{
    ServerProcess server{config, log_file()};
    deliver_report_records(url(server, "/v1/records"), certificates.ca, kiosk_1, kiosk_2);
    WebClient uploader{server.port(), certificates.ca};
    ASSERT_EQ(uploader.log_in("kaisa.koordinaattori", good_password).status, 303);
    ASSERT_EQ(uploader
                  .post_files("/sites/" + site_1 + "/calendars",
                              {{"csrf", WebClient::csrf_of(uploader.get("/kiosks").body)}},
                              {{"calendars", "ohjelma.ics", report_programme_ics()}})
                  .status,
              303);

    ChromeDriverProcess driver;
    ASSERT_TRUE(driver.ready()) << "chromedriver did not start";
    std::filesystem::create_directories(dir.file("chromium"));
    WebDriverSession browser(driver.url(), {dir.file("chromium"), server.pin()});
    ASSERT_TRUE(browser.started()) << browser.last_error();
    const std::string downloads = dir.file("downloads");
    std::filesystem::create_directories(downloads);
    ASSERT_TRUE(browser.allow_downloads(downloads)) << browser.last_error();
    const std::string site = "https://127.0.0.1:" + std::to_string(server.port());
    browser.go_to(site + "/login");
    ASSERT_TRUE(browser.type(browser.find("#login"), "kaisa.koordinaattori")) << browser.last_error();
    ASSERT_TRUE(browser.type(browser.find("#password"), good_password)) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("main button[type=submit]"))) << browser.last_error();

    // The top bar leads to the reports: this month so far on both sites.
    ASSERT_TRUE(browser.click_to_new_page(browser.find("header nav a[href='/reports']"))) << browser.last_error();
    EXPECT_EQ(browser.current_url(), site + "/reports");
    EXPECT_EQ(browser.find_all("input[name=site]:checked").size(), 2u);

    // Site 1 only, 26.10.–10.11.2026, commas for an English spreadsheet.
    ASSERT_TRUE(browser.clear(browser.find("#from"))) << browser.last_error();
    ASSERT_TRUE(browser.type(browser.find("#from"), "26.10.2026")) << browser.last_error();
    ASSERT_TRUE(browser.clear(browser.find("#to"))) << browser.last_error();
    ASSERT_TRUE(browser.type(browser.find("#to"), "10.11.2026")) << browser.last_error();
    ASSERT_TRUE(browser.click(browser.find("label[for='site-" + site_2 + "']"))) << browser.last_error();
    ASSERT_TRUE(browser.click(browser.find("#sep option[value=comma]"))) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("form.report-form button[type=submit]")))
        << browser.last_error();
    EXPECT_NE(browser.current_url().find("/reports?from=26.10.2026&to=10.11.2026&site=" + site_1 + "&sep=comma"),
              std::string::npos)
        << browser.current_url();

    // The figures as report_records.cpp's comments count them: 6 sign-ins and 3 counted
    // visits by 3 people; week 44 had 5 + 2.
    const std::string summary = browser.text(browser.find("#summary dl"));
    EXPECT_NE(summary.find("Käyntejä yhteensä\n9\nKäyntejä nimellä\n6\nKäyntejä ilman nimeä\n3\n"
                           "Eri kävijöitä (nimellä)\n3"),
              std::string::npos)
        << summary;
    const std::string visits = browser.text(browser.find("#visits"));
    EXPECT_NE(visits.find("Viikko 44 (26.10.2026–1.11.2026) 5 2 7"), std::string::npos) << visits;
    EXPECT_NE(visits.find("lokakuu 2026 4 2 6"), std::string::npos) << visits;
    // The chart has a column for each of the 16 days, with named visits on five of them.
    EXPECT_EQ(browser.find_all("svg.columns rect.named").size(), 5u);
    EXPECT_EQ(browser.find_all("svg.columns rect.anonymous").size(), 2u);
    const std::string ranking = browser.text(browser.find("#ranking"));
    EXPECT_NE(ranking.find("Tuolijumppa, ti 27.10.2026 klo 10.00"), std::string::npos) << ranking;
    EXPECT_EQ(browser.find_all("#activities tbody tr").size(), 5u);
    EXPECT_EQ(browser.find_all("#activities tr.cancelled").size(), 1u);
    capture(browser, "reports");

    // The weekly visits as a file, with commas as chosen.
    ASSERT_TRUE(browser.click(browser.find("a[href^='/reports/csv?table=weeks']"))) << browser.last_error();
    const std::string file = downloads + "/kaynnit-viikoittain_2026-10-26_2026-11-10.csv";
    EXPECT_TRUE(eventually([&] { return std::filesystem::exists(file); }, std::chrono::seconds(20)))
        << "no download in " << downloads;
    EXPECT_EQ(read_file(file),
              "\xEF\xBB\xBFViikko,Ensimmäinen päivä,Viimeinen päivä,Käyntejä nimellä,Käyntejä ilman nimeä,"
              "Käyntejä yhteensä\r\n"
              "2026-W44,2026-10-26,2026-11-01,5,2,7\r\n"
              "2026-W45,2026-11-02,2026-11-08,0,1,1\r\n"
              "2026-W46,2026-11-09,2026-11-10,1,0,1\r\n");

    // A period over a year: told so, with the form to fix it.
    ASSERT_TRUE(browser.clear(browser.find("#from"))) << browser.last_error();
    ASSERT_TRUE(browser.type(browser.find("#from"), "1.1.2025")) << browser.last_error();
    ASSERT_TRUE(browser.click_to_new_page(browser.find("form.report-form button[type=submit]")))
        << browser.last_error();
    const std::string refused = browser.page_text();
    EXPECT_NE(refused.find("Jakso on liian pitkä. Raportin jakso voi olla enintään 366 päivää."), std::string::npos)
        << refused;
    EXPECT_TRUE(browser.find_all("#summary").empty());
    capture(browser, "reports_refused");
}

} // namespace
} // namespace olohuone::testing
