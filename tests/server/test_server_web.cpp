// The coordinators' pages on the real server over real HTTPS (docs/web.md): logging in
// and out, the session cookie, the login throttle, session expiry, CSRF and origin
// checks, per-site authorisation, the security headers, the week page's upload and feed
// forms, and the kiosks page's warning for a silent kiosk.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <regex>

#include "core/clock.h"
#include "tokens.h"
#include "web_fixture.h"
#include "support/test_paths.h"

namespace olohuone::testing {
namespace {

using namespace std::chrono_literals;

const std::string ics_dir = std::string(olohuone::test::data_dir()) + "/ics/";

// A weekly coffee morning on Tuesdays and a choir on Thursdays since 2025, so every week
// the page can show has both; the choir of the week of 2026-12-03 is cancelled.
std::string weekly_calendar(const std::string& description = "Tervetuloa!")
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone//test//FI\r\n"
           "BEGIN:VEVENT\r\nUID:kahvi@test\r\nDTSTAMP:20250101T000000Z\r\n"
           "DTSTART;TZID=Europe/Helsinki:20250107T100000\r\nDTEND;TZID=Europe/Helsinki:20250107T113000\r\n"
           "RRULE:FREQ=WEEKLY\r\nSUMMARY:Kahviaamu <ja> pulla\r\nLOCATION:Olohuone\r\nDESCRIPTION:"
        + description
        + "\r\nEND:VEVENT\r\n"
          "BEGIN:VEVENT\r\nUID:kuoro@test\r\nDTSTAMP:20250101T000000Z\r\n"
          "DTSTART;TZID=Europe/Helsinki:20250109T140000\r\nDTEND;TZID=Europe/Helsinki:20250109T150000\r\n"
          "RRULE:FREQ=WEEKLY\r\nSUMMARY:Kuoro\r\nEND:VEVENT\r\n"
          "END:VCALENDAR\r\n";
}

class ServerWebTest : public WebFixture {
protected:
    void SetUp() override
    {
        add_coordinator("maija.virtanen", {{std::stoll(site_1)}, false, {}});
        add_coordinator("kaisa@espoo.fi", {{}, true, {}});
    }

    ServerProcess server{config, log_file()};
    WebClient browser{server.port(), certificates.ca};

    // The week page of `site` as the signed-in browser sees it.
    HttpAnswer week(const std::string& site, const std::string& week = {})
    {
        return browser.get("/sites/" + site + "/week" + (week.empty() ? "" : "?week=" + week));
    }
    std::string csrf() { return WebClient::csrf_of(browser.get("/kiosks").body); }

    HttpAnswer kiosk_programme(const std::string& token, const std::string& site)
    {
        return send({.url = url(server, "/v1/sites/" + site + "/programme"),
                     .token = token,
                     .ca = certificates.ca,
                     .get = true});
    }
};

TEST_F(ServerWebTest, EveryPageButTheLoginAndTheStylesheetSendsAStrangerToTheLoginPage)
{
    for (const std::string path : {"/", "/kiosks", "/programme", "/sites/1/week", "/sites/2/week?week=2026-W48"}) {
        const HttpAnswer answer = browser.get(path);
        EXPECT_EQ(answer.status, 303) << path;
        EXPECT_EQ(answer.header("Location"), "/login") << path;
        EXPECT_EQ(answer.body.find("Kioskit"), std::string::npos) << path;
    }
    const HttpAnswer login = browser.get("/login");
    EXPECT_EQ(login.status, 200);
    EXPECT_NE(visible_text(login.body).find("Käyttäjätunnus"), std::string::npos);
    EXPECT_FALSE(WebClient::csrf_of(login.body).empty());
    const HttpAnswer css = browser.get("/static/olohuone.css");
    EXPECT_EQ(css.status, 200);
    EXPECT_EQ(css.header("Content-Type").rfind("text/css", 0), 0u);
    // A form to change something without a session changes nothing either.
    const HttpAnswer feed = browser.post_form("/sites/1/feed", {{"url", "https://calendar.example/a.ics"}});
    EXPECT_EQ(feed.status, 303);
    EXPECT_EQ(feed.header("Location"), "/login");
    EXPECT_EQ(stored("SELECT count(*) FROM site_feed"), 0);
}

TEST_F(ServerWebTest, ALoginStartsANewSessionWhoseCookieOnlyThisSiteCanReadOrSend)
{
    const HttpAnswer answer = browser.log_in("Maija.Virtanen", good_password);
    ASSERT_EQ(answer.status, 303) << answer.body;
    EXPECT_EQ(answer.header("Location"), "/kiosks");
    std::optional<SetCookie> session;
    for (const SetCookie& cookie : WebClient::set_cookies(answer))
        if (cookie.name == "__Host-olohuone_session")
            session = cookie;
    ASSERT_TRUE(session.has_value()) << answer.headers;
    for (const char* attribute : {"; Secure", "; HttpOnly", "; SameSite=Strict", "; Path=/"})
        EXPECT_NE(session->attributes.find(attribute), std::string::npos) << attribute << " in " << session->attributes;
    EXPECT_EQ(session->attributes.find("Domain"), std::string::npos);
    // 32 random bytes; the database holds only their hash.
    EXPECT_EQ(session->value.size(), 43u);
    EXPECT_EQ(stored("SELECT count(*) FROM web_session WHERE token_hash = '" + server::hash_hex(session->value) + "'"),
              1);
    EXPECT_EQ(stored("SELECT count(*) FROM web_session WHERE token_hash = '" + session->value + "' OR csrf_token = '"
                     + session->value + "'"),
              0);

    const HttpAnswer kiosks = browser.get("/kiosks");
    ASSERT_EQ(kiosks.status, 200);
    EXPECT_NE(visible_text(kiosks.body).find("maija.virtanen"), std::string::npos);

    // A login always starts a new session: a cookie someone planted before is not taken
    // over, and a session still open in the browser ends.
    const std::string first = browser.cookie("__Host-olohuone_session");
    const std::string planted = server::new_token();
    WebClient victim{server.port(), certificates.ca};
    victim.set_cookie("__Host-olohuone_session", planted);
    ASSERT_EQ(victim.log_in("maija.virtanen", good_password).status, 303);
    EXPECT_NE(victim.cookie("__Host-olohuone_session"), planted);
    EXPECT_EQ(stored("SELECT count(*) FROM web_session WHERE token_hash = '" + server::hash_hex(planted) + "'"), 0);

    browser.set_cookie("__Host-olohuone_session", "");
    const std::string form = WebClient::csrf_of(browser.get("/login").body);
    browser.set_cookie("__Host-olohuone_session", first);
    ASSERT_EQ(
        browser.post_form("/login", {{"login", "maija.virtanen"}, {"password", good_password}, {"csrf", form}}).status,
        303);
    EXPECT_NE(browser.cookie("__Host-olohuone_session"), first);
    EXPECT_EQ(stored("SELECT count(*) FROM web_session WHERE token_hash = '" + server::hash_hex(first) + "'"), 0);
    WebClient stale{server.port(), certificates.ca};
    stale.set_cookie("__Host-olohuone_session", first);
    EXPECT_EQ(stale.get("/kiosks").status, 303);
    EXPECT_EQ(browser.get("/kiosks").status, 200);
}

TEST_F(ServerWebTest, AWrongPasswordAnUnknownLoginAndADisabledAccountGetTheSameAnswer)
{
    std::vector<std::string> answers;
    for (const auto& [login, password] :
         {std::pair{"maija.virtanen", "väärä salasana 2026"}, std::pair{"nobody.here", good_password.c_str()},
          std::pair{"not a login!", good_password.c_str()}}) {
        WebClient someone{server.port(), certificates.ca};
        const HttpAnswer answer = someone.log_in(login, password);
        EXPECT_EQ(answer.status, 401) << login;
        EXPECT_TRUE(someone.cookie("__Host-olohuone_session").empty()) << login;
        answers.push_back(visible_text(answer.body));
        EXPECT_NE(answers.back().find("Väärä käyttäjätunnus tai salasana."), std::string::npos) << login;
    }
    // Word for word the same page: nothing tells a wrong password from an unknown name.
    EXPECT_EQ(answers[0], answers[1]);
    EXPECT_EQ(answers[0], answers[2]);

    auto store = server::open_sqlite_server_store(database());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(server::disable_coordinator_account(*store.value(), "kaisa@espoo.fi", SystemClock().now()).ok());
    const HttpAnswer disabled = browser.log_in("kaisa@espoo.fi", good_password);
    EXPECT_EQ(disabled.status, 401);
    EXPECT_NE(visible_text(disabled.body).find("Väärä käyttäjätunnus tai salasana."), std::string::npos);
    EXPECT_EQ(stored("SELECT count(*) FROM web_session"), 0);
}

TEST_F(ServerWebTest, RepeatedFailuresSlowTheNextTryAndThenLockTheLogin)
{
    EXPECT_EQ(browser.log_in("maija.virtanen", "väärä salasana 1").status, 401);
    // Straight after a failure even the right password must wait.
    const HttpAnswer hurried = browser.log_in("maija.virtanen", good_password);
    EXPECT_EQ(hurried.status, 429);
    EXPECT_NE(visible_text(hurried.body).find("Odota"), std::string::npos);
    EXPECT_TRUE(browser.cookie("__Host-olohuone_session").empty());

    server.advance_clock(1100ms);
    EXPECT_EQ(browser.log_in("maija.virtanen", "väärä salasana 2").status, 401);
    // The pause doubles with each failure.
    EXPECT_EQ(browser.log_in("maija.virtanen", good_password).status, 429);
    server.advance_clock(2100ms);
    EXPECT_EQ(browser.log_in("maija.virtanen", "väärä salasana 3").status, 401);
    // Three failures: locked for the configured minute, the right password too.
    const HttpAnswer locked = browser.log_in("maija.virtanen", good_password);
    EXPECT_EQ(locked.status, 429);
    EXPECT_NE(visible_text(locked.body).find("Kirjautuminen on estetty 1 minuutiksi."), std::string::npos)
        << visible_text(locked.body);
    EXPECT_TRUE(browser.cookie("__Host-olohuone_session").empty());
    EXPECT_TRUE(eventually([&] {
        return log().find("login \"maija.virtanen\" locked for 1 minutes") != std::string::npos;
    })) << log();
    EXPECT_EQ(log().find(good_password), std::string::npos);
    EXPECT_EQ(log().find("väärä salasana"), std::string::npos);

    // Another coordinator at the same address is not locked out with her.
    EXPECT_EQ(browser.log_in("kaisa@espoo.fi", good_password).status, 303);
}

TEST_F(ServerWebTest, ASessionEndsAfterItsIdleTimeAndAfterItsLongestLife)
{
    ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
    ASSERT_EQ(browser.get("/kiosks").status, 200);
    // Thirty-one minutes without a request.
    change_database("UPDATE web_session SET last_used_at = last_used_at - 31 * 60, created_at = created_at - 31 * 60");
    const HttpAnswer idle = browser.get("/kiosks");
    EXPECT_EQ(idle.status, 303);
    EXPECT_EQ(idle.header("Location"), "/login?ended=1");
    EXPECT_TRUE(browser.cookie("__Host-olohuone_session").empty());
    EXPECT_EQ(stored("SELECT count(*) FROM web_session"), 0);
    EXPECT_NE(visible_text(browser.get("/login?ended=1").body).find("Istuntosi päättyi."), std::string::npos);

    // Used all the time, but logged in twelve hours ago.
    ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
    change_database("UPDATE web_session SET created_at = created_at - 12 * 3600");
    EXPECT_EQ(browser.get("/kiosks").header("Location"), "/login?ended=1");

    // Twenty-nine idle minutes are still fine.
    ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
    change_database("UPDATE web_session SET last_used_at = last_used_at - 29 * 60, created_at = created_at - 29 * 60");
    EXPECT_EQ(browser.get("/kiosks").status, 200);
}

TEST_F(ServerWebTest, LogoutEndsTheSessionForGood)
{
    ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
    const std::string token = browser.cookie("__Host-olohuone_session");
    const HttpAnswer out = browser.post_form("/logout", {{"csrf", csrf()}});
    EXPECT_EQ(out.status, 303);
    EXPECT_EQ(out.header("Location"), "/login?out=1");
    EXPECT_TRUE(browser.cookie("__Host-olohuone_session").empty());
    EXPECT_EQ(stored("SELECT count(*) FROM web_session"), 0);
    EXPECT_NE(visible_text(browser.get("/login?out=1").body).find("Olet kirjautunut ulos."), std::string::npos);
    // The old cookie, kept by someone, opens nothing.
    browser.set_cookie("__Host-olohuone_session", token);
    EXPECT_EQ(browser.get("/kiosks").status, 303);
}

TEST_F(ServerWebTest, AFormWithoutItsTokenOrFromAnotherSiteIsRefusedAndChangesNothing)
{
    ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
    const std::string token = csrf();
    ASSERT_FALSE(token.empty());
    WebClient other{server.port(), certificates.ca};
    ASSERT_EQ(other.log_in("kaisa@espoo.fi", good_password).status, 303);
    const std::string others_token = WebClient::csrf_of(other.get("/kiosks").body);

    const std::string feed = "/sites/" + site_1 + "/feed";
    const std::string url = "https://calendar.example/a.ics";
    const std::vector<std::pair<std::string, HttpAnswer>> refused = {
        {"no token", browser.post_form(feed, {{"url", url}})},
        {"a wrong token", browser.post_form(feed, {{"url", url}, {"csrf", token.substr(1) + "x"}})},
        {"another session's token", browser.post_form(feed, {{"url", url}, {"csrf", others_token}})},
        {"the token in the address", browser.post_form(feed + "?csrf=" + token, {{"url", url}})},
        {"another origin", browser.post_form(feed, {{"url", url}, {"csrf", token}}, FormOrigin::OtherSite)},
        {"no origin at all", browser.post_form(feed, {{"url", url}, {"csrf", token}}, FormOrigin::NoneAtAll)},
        {"a logout from another origin", browser.post_form("/logout", {{"csrf", token}}, FormOrigin::OtherSite)},
        {"an upload without a token",
         browser.post_files("/sites/" + site_1 + "/calendars", {}, {{"calendars", "a.ics", weekly_calendar()}})},
    };
    for (const auto& [what, answer] : refused) {
        EXPECT_EQ(answer.status, 403) << what;
        EXPECT_NE(visible_text(answer.body).find("Lomaketta ei hyväksytty"), std::string::npos) << what;
    }
    EXPECT_EQ(stored("SELECT count(*) FROM site_feed"), 0);
    EXPECT_EQ(stored("SELECT count(*) FROM site_calendar"), 0);
    EXPECT_EQ(browser.get("/kiosks").status, 200); // still signed in

    // A login form needs its own token (in its cookie and in the form) and origin too.
    WebClient stranger{server.port(), certificates.ca};
    EXPECT_EQ(stranger.post_form("/login", {{"login", "maija.virtanen"}, {"password", good_password}}).status, 403);
    const std::string login_token = WebClient::csrf_of(stranger.get("/login").body);
    EXPECT_EQ(stranger
                  .post_form("/login",
                             {{"login", "maija.virtanen"}, {"password", good_password}, {"csrf", login_token}},
                             FormOrigin::OtherSite)
                  .status,
              403);

    // A browser that sends a Referer but no Origin is taken at its Referer.
    const HttpAnswer by_referer = browser.post_form(feed, {{"url", url}, {"csrf", token}}, FormOrigin::RefererOnly);
    EXPECT_EQ(by_referer.status, 303);
    EXPECT_EQ(stored("SELECT count(*) FROM site_feed"), 1);
}

TEST_F(ServerWebTest, ACoordinatorSeesAndChangesOnlyTheSitesOfTheirAccount)
{
    ASSERT_EQ(
        send({.url = url(server, "/v1/heartbeat"),
              .body
              = R"({"version":"0.5.0","uptime_seconds":1,"queue_length":0,"last_sync_at":null,"free_disk_bytes":1})",
              .token = kiosk_2,
              .ca = certificates.ca})
            .status,
        200);
    ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
    const std::string kiosks = visible_text(browser.get("/kiosks").body);
    EXPECT_NE(kiosks.find("Olohuone Leppävaara"), std::string::npos);
    EXPECT_NE(kiosks.find("aula"), std::string::npos);
    EXPECT_EQ(kiosks.find("Tapiola"), std::string::npos);
    EXPECT_EQ(kiosks.find("kirjasto"), std::string::npos);

    EXPECT_EQ(week(site_1).status, 200);
    EXPECT_EQ(week(site_2).status, 404);
    EXPECT_EQ(week("3").status, 404);
    EXPECT_EQ(browser.get("/programme").header("Location"), "/sites/" + site_1 + "/week");
    const std::string token = csrf();
    const HttpAnswer feed = browser.post_form("/sites/" + site_2 + "/feed",
                                              {{"url", "https://calendar.example/a.ics"}, {"csrf", token}});
    EXPECT_EQ(feed.status, 404);
    const HttpAnswer upload = browser.post_files("/sites/" + site_2 + "/calendars", {{"csrf", token}},
                                                 {{"calendars", "viikko.ics", weekly_calendar()}});
    EXPECT_EQ(upload.status, 404);
    EXPECT_EQ(stored("SELECT count(*) FROM site_feed"), 0);
    EXPECT_EQ(stored("SELECT count(*) FROM site_calendar"), 0);

    // An account for all the organisation's sites sees both, and a site added later.
    const std::string site_3 = make_site("Olohuone Matinkylä");
    WebClient all{server.port(), certificates.ca};
    ASSERT_EQ(all.log_in("kaisa@espoo.fi", good_password).status, 303);
    const std::string everything = visible_text(all.get("/kiosks").body);
    EXPECT_NE(everything.find("kirjasto"), std::string::npos);
    EXPECT_NE(everything.find("aula"), std::string::npos);
    EXPECT_EQ(all.get("/sites/" + site_3 + "/week").status, 200);
    const std::string choice = visible_text(all.get("/programme").body);
    EXPECT_NE(choice.find("Olohuone Matinkylä"), std::string::npos);
    EXPECT_NE(choice.find("Olohuone Tapiola"), std::string::npos);
}

TEST_F(ServerWebTest, EveryPageCarriesTheSecurityHeadersAndNoScript)
{
    WebClient stranger{server.port(), certificates.ca};
    std::vector<std::pair<std::string, HttpAnswer>> pages = {{"login", stranger.get("/login")},
                                                             {"not found", stranger.get("/no/such/page")}};
    ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
    pages.push_back({"kiosks", browser.get("/kiosks")});
    pages.push_back({"week", week(site_1)});
    pages.push_back({"other site", week(site_2)});
    pages.push_back({"refused form", browser.post_form("/logout", {})});
    for (const auto& [what, page] : pages) {
        const std::string policy = page.header("Content-Security-Policy");
        EXPECT_NE(policy.find("default-src 'none'"), std::string::npos) << what << ": " << policy;
        EXPECT_NE(policy.find("style-src 'self'"), std::string::npos) << what;
        EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << what;
        EXPECT_EQ(policy.find("unsafe"), std::string::npos) << what;
        EXPECT_EQ(page.header("X-Frame-Options"), "DENY") << what;
        EXPECT_EQ(page.header("X-Content-Type-Options"), "nosniff") << what;
        EXPECT_EQ(page.header("Referrer-Policy"), "same-origin") << what;
        EXPECT_EQ(page.header("Cache-Control"), "no-store") << what;
        EXPECT_EQ(page.header("Content-Type"), "text/html; charset=utf-8") << what;
        EXPECT_EQ(page.body.find("<script"), std::string::npos) << what;
        EXPECT_EQ(page.body.find(" style="), std::string::npos) << what;
        EXPECT_NE(page.body.find(R"(<meta name="viewport" content="width=device-width, initial-scale=1">)"),
                  std::string::npos)
            << what;
        // Every text came from the catalog: a missing one would show as its key.
        std::smatch key;
        const std::string text = visible_text(page.body);
        EXPECT_FALSE(std::regex_search(
            text, key,
            std::regex(R"(\b(page|nav|login|kiosks|time|duration|programme|week|upload|feed|error)\.[a-z_.]+)")))
            << what << ": " << key.str();
    }
    // The kiosks' API answers as before, in JSON.
    const HttpAnswer api = send(
        {.url = url(server, "/v1/nothing"), .body = "{}", .token = kiosk_1, .ca = certificates.ca});
    EXPECT_EQ(api.status, 404);
    EXPECT_EQ(nlohmann::json::parse(api.body, nullptr, false).value("error", ""), "not_found");
}

TEST_F(ServerWebTest, AnUploadReplacesTheProgrammeAndABadFileLeavesItAsItWas)
{
    ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
    const std::string token = csrf();
    const std::string calendars = "/sites/" + site_1 + "/calendars";
    const HttpAnswer uploaded = browser.post_files(calendars, {{"csrf", token}, {"week", "2026-W49"}},
                                                   {{"calendars", "viikko-ohjelma.ics", weekly_calendar()}});
    ASSERT_EQ(uploaded.status, 303) << uploaded.body;
    EXPECT_EQ(uploaded.header("Location"), "/sites/" + site_1 + "/week?week=2026-W49");
    const std::string page = week(site_1, "2026-W49").body;
    // The week's days as they read on any date: on the day itself its heading also says
    // "tänään" (the server's clock is the real one).
    std::string text = visible_text(page);
    for (auto at = text.find(" tänään "); at != std::string::npos; at = text.find(" tänään "))
        text.erase(at, std::string(" tänään").size());
    EXPECT_NE(text.find("Ohjelma vaihdettu. Kalentereita 1,"), std::string::npos) << text;
    // Week 49 of 2026: Tuesday 1 December and Thursday 3 December; the title escaped.
    EXPECT_NE(text.find("Tiistai 1.12. 10.00–11.30 Kahviaamu <ja> pulla Paikka: Olohuone"), std::string::npos) << text;
    EXPECT_NE(page.find("Kahviaamu &lt;ja&gt; pulla"), std::string::npos);
    EXPECT_NE(text.find("Torstai 3.12. 14.00–15.00 Kuoro"), std::string::npos) << text;
    EXPECT_NE(text.find("Maanantai 30.11. Ei ohjelmaa."), std::string::npos) << text;
    EXPECT_NE(text.find("viikko-ohjelma.ics (ladattu tiedosto)"), std::string::npos);
    // The notice is shown once.
    EXPECT_EQ(visible_text(week(site_1, "2026-W49").body).find("Ohjelma vaihdettu"), std::string::npos);
    const HttpAnswer served = kiosk_programme(kiosk_1, site_1);
    ASSERT_EQ(served.status, 200);
    const std::string etag = served.header("ETag");

    for (const std::string bad : {"not_calendar.ics", "truncated.ics"}) {
        const HttpAnswer refused = browser.post_files(calendars, {{"csrf", token}},
                                                      {{"calendars", bad, read_file(ics_dir + bad)}});
        ASSERT_EQ(refused.status, 303) << bad;
        const std::string after = visible_text(week(site_1, "2026-W49").body);
        EXPECT_NE(after.find("Ohjelmaa ei vaihdettu, entinen ohjelma on yhä käytössä. Syy: " + bad), std::string::npos)
            << after;
        EXPECT_NE(after.find("Kahviaamu <ja> pulla"), std::string::npos) << bad;
        EXPECT_EQ(kiosk_programme(kiosk_1, site_1).header("ETag"), etag) << bad;
    }
    // A name a kiosk cannot use is refused too, naming it.
    browser.post_files(calendars, {{"csrf", token}}, {{"calendars", "feed", weekly_calendar()}});
    EXPECT_NE(visible_text(week(site_1).body).find("Syy: feed: the name \"feed\" is kept"), std::string::npos);
    // An empty form says what to do.
    browser.post_files(calendars, {{"csrf", token}}, {});
    EXPECT_NE(visible_text(week(site_1).body).find("Valitse ensin vähintään yksi .ics-tiedosto."), std::string::npos);
    EXPECT_EQ(kiosk_programme(kiosk_1, site_1).header("ETag"), etag);
}

TEST_F(ServerWebTest, TheUploadFormTakesALargerBodyThanTheApiButNotWithoutLimit)
{
    ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
    const std::string token = csrf();
    // 150 KiB: above the server's 64 KiB for other bodies, below the upload's 256 KiB.
    const HttpAnswer large = browser.post_files(
        "/sites/" + site_1 + "/calendars", {{"csrf", token}},
        {{"calendars", "iso.ics", weekly_calendar(std::string(150 * 1024, 'x'))}});
    EXPECT_EQ(large.status, 303);
    EXPECT_NE(visible_text(week(site_1).body).find("Ohjelma vaihdettu"), std::string::npos);

    const HttpAnswer too_large = browser.post_files(
        "/sites/" + site_1 + "/calendars", {{"csrf", token}},
        {{"calendars", "liian-iso.ics", weekly_calendar(std::string(300 * 1024, 'x'))}});
    EXPECT_EQ(too_large.status, 413);
    EXPECT_NE(visible_text(too_large.body).find("Lähetys on liian suuri"), std::string::npos);
    EXPECT_NE(visible_text(too_large.body).find("256 KiB"), std::string::npos);
    const HttpAnswer other_form = browser.post_form("/sites/" + site_1 + "/feed",
                                                    {{"csrf", token}, {"url", std::string(100 * 1024, 'a')}});
    EXPECT_EQ(other_form.status, 413);
    EXPECT_NE(visible_text(other_form.body).find("64 KiB"), std::string::npos);
    const std::string huge(70 * 1024, 'x');
    const HttpAnswer api = send({.url = url(server, "/v1/records"),
                                 .body = "{\"records\":[],\"pad\":\"" + huge + "\"}",
                                 .token = kiosk_1,
                                 .ca = certificates.ca});
    EXPECT_EQ(api.status, 413);
    EXPECT_EQ(nlohmann::json::parse(api.body, nullptr, false).value("error", ""), "too_large");
    EXPECT_NE(visible_text(week(site_1).body).find("iso.ics (ladattu tiedosto)"), std::string::npos);
}

TEST_F(ServerWebTest, TheFeedIsSetWithoutShowingItsTokenAndRemoved)
{
    ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
    const std::string token = csrf();
    const std::string feed = "/sites/" + site_1 + "/feed";
    ASSERT_EQ(browser.post_form(feed, {{"csrf", token}, {"url", "ftp://calendar.example/a.ics"}}).status, 303);
    EXPECT_NE(visible_text(week(site_1).body).find("Syötettä ei tallennettu."), std::string::npos);
    EXPECT_EQ(stored("SELECT count(*) FROM site_feed"), 0);

    ASSERT_EQ(browser.post_form(feed, {{"csrf", token}, {"url", "https://calendar.example/olohuone.ics?token=s3cret"}})
                  .status,
              303);
    EXPECT_EQ(stored("SELECT count(*) FROM site_feed WHERE url = 'https://calendar.example/olohuone.ics?token=s3cret'"),
              1);
    const std::string page = week(site_1).body;
    EXPECT_NE(visible_text(page).find("Syöte tallennettu."), std::string::npos);
    EXPECT_NE(visible_text(page).find("Nykyinen syöte: https://calendar.example/olohuone.ics"), std::string::npos);
    EXPECT_EQ(page.find("s3cret"), std::string::npos);

    ASSERT_EQ(browser.post_form(feed + "/remove", {{"csrf", token}}).status, 303);
    EXPECT_EQ(stored("SELECT count(*) FROM site_feed"), 0);
    EXPECT_NE(visible_text(week(site_1).body).find("Syöte poistettu"), std::string::npos);
}

TEST_F(ServerWebTest, AnAccountMadeWithTheAdminToolLogsInUntilItIsDisabled)
{
    // The password goes in on standard input, as an admin pipes or types it.
    const std::string password_file = dir.file("password.txt");
    std::ofstream(password_file) << "Kevät tulee 2027\n";
    const AdminRun added = run_admin_command(
        config, "add-coordinator --login Aino.Korhonen --site " + site_2 + " < " + password_file);
    ASSERT_EQ(added.exit_code, 0) << added.output;
    EXPECT_EQ(added.output, "coordinator aino.korhonen: site " + site_2 + "\n");
    const AdminRun listed = run_admin_command(config, "list-coordinators");
    EXPECT_NE(listed.output.find("aino.korhonen\tEspoon kaupunki\t" + site_2 + "\tactive\n"), std::string::npos)
        << listed.output;

    ASSERT_EQ(browser.log_in("aino.korhonen", "Kevät tulee 2027").status, 303);
    EXPECT_NE(visible_text(browser.get("/kiosks").body).find("kirjasto"), std::string::npos);

    const AdminRun disabled = run_admin_command(config, "disable-coordinator --login aino.korhonen");
    ASSERT_EQ(disabled.exit_code, 0) << disabled.output;
    EXPECT_EQ(browser.get("/kiosks").status, 303); // the open session ended with it
    EXPECT_EQ(browser.log_in("aino.korhonen", "Kevät tulee 2027").status, 401);

    // A password too short is refused before anything is stored.
    std::ofstream(password_file) << "lyhyt\n";
    const AdminRun refused = run_admin_command(
        config, "add-coordinator --login lauri --site " + site_1 + " < " + password_file);
    EXPECT_EQ(refused.exit_code, 65);
    EXPECT_NE(refused.output.find("12 to 128 characters"), std::string::npos) << refused.output;
    EXPECT_EQ(stored("SELECT count(*) FROM coordinator WHERE login = 'lauri'"), 0);
}

TEST_F(ServerWebTest, AKioskSilentLongerThanTheLimitIsFlagged)
{
    const std::string quiet = make_kiosk(site_1, "kahvila");
    make_kiosk(site_1, "uusi"); // never heard from
    for (const std::string& token : {kiosk_1, quiet})
        ASSERT_EQ(send({.url = url(server, "/v1/heartbeat"),
                        .body = R"({"version":"0.5.3","uptime_seconds":7200,"queue_length":17,)"
                                R"("last_sync_at":null,"free_disk_bytes":123456789})",
                        .token = token,
                        .ca = certificates.ca})
                      .status,
                  200);
    // The kahvila kiosk's last word was three hours ago.
    change_database("UPDATE kiosk_heartbeat SET received_at = received_at - 3 * 3600 WHERE kiosk_id = 3; "
                    "UPDATE kiosk SET last_seen_at = last_seen_at - 3 * 3600 WHERE id = 3;");
    ASSERT_EQ(stored("SELECT count(*) FROM kiosk WHERE id = 3 AND name = 'kahvila'"), 1);

    ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
    const std::string page = browser.get("/kiosks").body;
    EXPECT_NE(visible_text(page).find("2 kioskia ei ole ollut yhteydessä palvelimeen yli 1 h."), std::string::npos)
        << visible_text(page);
    // Each kiosk's card, by its name.
    std::map<std::string, std::string> cards;
    std::regex card(R"re(<section class="(card[^"]*)"><h3>([^<]*)</h3>(.*?)</section>)re");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), card); it != std::sregex_iterator(); ++it)
        cards[(*it)[2]] = (*it)[1].str() + " " + visible_text((*it)[3]);
    ASSERT_EQ(cards.size(), 3u) << page;
    EXPECT_EQ(cards["kahvila"].rfind("card warning", 0), 0u) << cards["kahvila"];
    EXPECT_NE(cards["kahvila"].find("Ei yhteyttä 3 h"), std::string::npos) << cards["kahvila"];
    EXPECT_NE(cards["kahvila"].find("(3 h sitten)"), std::string::npos) << cards["kahvila"];
    EXPECT_NE(cards["uusi"].find("Ei ole ottanut yhteyttä"), std::string::npos) << cards["uusi"];
    EXPECT_EQ(cards["aula"].rfind("card warning", 0), std::string::npos) << cards["aula"];
    EXPECT_EQ(cards["aula"].find("Ei yhteyttä"), std::string::npos) << cards["aula"];
    for (const char* fact : {"Versio 0.5.3", "Lähettämättömiä kirjauksia 17", "Viimeisin synkronointi ei koskaan",
                             "Käynnissä 2 h", "Vapaata levytilaa 117,7 MiB", "(juuri nyt)"})
        EXPECT_NE(cards["aula"].find(fact), std::string::npos) << fact << " in " << cards["aula"];
}

TEST_F(ServerWebTest, AnEventAcrossDaysIsOnEachOfItsDaysOnTheWeekPage)
{
    // A camp from Thursday 18.00 to Saturday 12.00 in week 48 of 2026.
    const std::string camp = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone//test//FI\r\n"
                             "BEGIN:VEVENT\r\nUID:leiri@test\r\nDTSTAMP:20250101T000000Z\r\n"
                             "DTSTART;TZID=Europe/Helsinki:20261126T180000\r\n"
                             "DTEND;TZID=Europe/Helsinki:20261128T120000\r\nSUMMARY:Leiri\r\nEND:VEVENT\r\n"
                             "END:VCALENDAR\r\n";
    ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
    ASSERT_EQ(browser.post_files("/sites/" + site_1 + "/calendars", {{"csrf", csrf()}}, {{"calendars", "leiri.ics", camp}})
                  .status,
              303);
    const std::string text = visible_text(week(site_1, "2026-W48").body);
    EXPECT_NE(text.find("Torstai 26.11. 18.00–la 12.00 Leiri"), std::string::npos) << text;
    EXPECT_NE(text.find("Perjantai 27.11. Jatkuu koko päivän Leiri"), std::string::npos) << text;
    EXPECT_NE(text.find("Lauantai 28.11. to 18.00–12.00 Leiri"), std::string::npos) << text;
}

} // namespace
} // namespace olohuone::testing
