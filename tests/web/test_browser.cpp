// A coordinator's visit in a real browser: Debian's headless Chromium, driven through
// chromedriver, against the real server over HTTPS. It logs in, reads the kiosks page
// (a silent kiosk flagged), opens a site's week, uploads a calendar through the form and
// sees its events, tries a file that is no calendar and is told so while the programme
// stays, and logs out. Each page is saved as a PNG at desktop and phone size (in the
// build folder's screenshots/), and no page is wider than the phone.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "chromedriver_process.h"
#include "webdriver_session.h"
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

    std::string screenshots = std::string(OLOHUONE_SCREENSHOT_DIR);

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
    std::this_thread::sleep_for(std::chrono::milliseconds(1100)); // the throttle's wait after one failure
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

} // namespace
} // namespace olohuone::testing
