// The attendance reports on the real server over real HTTPS (docs/web.md, "Reports"):
// kiosks deliver records for two sites through the API, a coordinator uploads site 1's
// programme through the week page's form, and the report page's tables, chart and CSV
// downloads show the figures worked out by hand from report_records.cpp. A coordinator
// of one site cannot report on another; bad dates and too long periods are explained.
#include <gtest/gtest.h>

#include <regex>

#include "report_records.h"
#include "web_fixture.h"

namespace olohuone::testing {
namespace {

const std::string bom = "\xEF\xBB\xBF";

class ServerReportsTest : public WebFixture {
protected:
    void SetUp() override
    {
        add_coordinator("maija.virtanen", {{std::stoll(site_1)}, false, {}});
        add_coordinator("kaisa@espoo.fi", {{}, true, {}});
        deliver_report_records(url(server, "/v1/records"), certificates.ca, kiosk_1, kiosk_2);
        ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
        const std::string csrf = WebClient::csrf_of(browser.get("/kiosks").body);
        const HttpAnswer upload = browser.post_files("/sites/" + site_1 + "/calendars", {{"csrf", csrf}},
                                                     {{"calendars", "ohjelma.ics", report_programme_ics()}});
        ASSERT_EQ(upload.status, 303) << upload.body;
    }

    ServerProcess server{config, log_file()};
    WebClient browser{server.port(), certificates.ca};

    // The period of the records: 26.10.–10.11.2026.
    std::string period(const std::string& sites, const std::string& separator = "semicolon")
    {
        return "from=26.10.2026&to=10.11.2026" + sites + "&sep=" + separator;
    }
    HttpAnswer csv(WebClient& client, const std::string& table, const std::string& query)
    {
        return client.get("/reports/csv?table=" + table + "&" + query);
    }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t count(const std::string& text, const std::string& part)
{
    std::size_t found = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++found;
    return found;
}

TEST_F(ServerReportsTest, TheReportPageShowsTheSitesFiguresInTablesAndACharts)
{
    const HttpAnswer page = browser.get("/reports?" + period("&site=" + site_1));
    ASSERT_EQ(page.status, 200) << page.body;
    const std::string text = visible_text(page.body);

    // Site 1 in the period: sign-ins by Aino on 26.10., 27.10. and 31.10., Pekka on 27.10.
    // and 10.11., Matti on 1.11. (6); counted on 27.10. twice and 2.11. (3; a third count on
    // 27.10. the visitor took back at once is in no figure, and "other" is in no group); Aino's sign-in
    // on 25.10. and the count on 11.11. are outside. Three different people. Activities held:
    // Tuolijumppa 27.10., 3.11. and 10.11. and Kuoro 29.10. (the one on 5.11. was cancelled);
    // registrations 2 + 1 on Tuolijumppa, 1 on the cancelled Kuoro; attendance 3 + 3.
    EXPECT_TRUE(has(text, "Käyntejä yhteensä 9 Käyntejä nimellä 6 Käyntejä ilman nimeä 3 "
                          "Eri kävijöitä (nimellä) 3 Pidettyjä tapahtumia 4 Ilmoittautumisia 4 "
                          "Osallistumisia tapahtumiin 6"))
        << text;
    // October: 26.10. (1), 27.10. (2 + 2), 31.10. (1); November: 1.11. (1), 2.11. (0 + 1), 10.11. (1).
    EXPECT_TRUE(has(text, "lokakuu 2026 4 2 6")) << text;
    EXPECT_TRUE(has(text, "marraskuu 2026 2 1 3")) << text;
    // Week 44 is 26.10.–1.11., across the months.
    EXPECT_TRUE(has(text, "Viikko 44 (26.10.2026–1.11.2026) 5 2 7")) << text;
    EXPECT_TRUE(has(text, "Viikko 45 (2.11.2026–8.11.2026) 0 1 1")) << text;
    EXPECT_TRUE(has(text, "Viikko 46 (9.11.2026–10.11.2026) 1 0 1")) << text;
    EXPECT_TRUE(has(text, "ma 26.10.2026 1 0 1 ti 27.10.2026 2 2 4 ke 28.10.2026 0 0 0")) << text;
    // Groups, most visits first: resident Aino ×3 + 2 counted; relative Pekka ×2;
    // volunteer Matti + 1 counted.
    EXPECT_TRUE(has(text, "resident 3 2 5 relative 2 0 2 volunteer 1 1 2")) << text;
    EXPECT_FALSE(has(text, "other 0 1 1")) << text;

    // Tuolijumppa 27.10.: Aino and Pekka registered (Matti cancelled), both there, one of
    // two anonymous counts withdrawn. 3.11.: Aino registered, marked here, then absent.
    EXPECT_TRUE(has(text, "ti 27.10.2026 klo 10.00 Tuolijumppa 2 2 1 3 Pidetty")) << text;
    EXPECT_TRUE(has(text, "to 29.10.2026 klo 14.00 Kuoro \"Äänet\", harjoitus 0 0 3 3 Pidetty")) << text;
    EXPECT_TRUE(has(text, "ti 3.11.2026 klo 10.00 Tuolijumppa 1 0 0 0 Pidetty")) << text;
    EXPECT_TRUE(has(text, "to 5.11.2026 klo 14.00 Kuoro \"Äänet\", harjoitus 1 0 0 0 Peruttu")) << text;
    EXPECT_TRUE(has(text, "ti 10.11.2026 klo 10.00 Tuolijumppa 0 0 0 0 Pidetty")) << text;
    EXPECT_FALSE(has(text, "20.10.2026")) << "an activity before the period";
    // Four held: the better half most attended, the rest least; never the cancelled one.
    EXPECT_TRUE(has(text, "Eniten osallistujia Tuolijumppa, ti 27.10.2026 klo 10.00 3 paikalla, 2 ilmoittautunutta "
                          "Kuoro \"Äänet\", harjoitus, to 29.10.2026 klo 14.00 3 paikalla, 0 ilmoittautunutta "
                          "Vähiten osallistujia Tuolijumppa, ti 3.11.2026 klo 10.00 0 paikalla, 1 ilmoittautunutta "
                          "Tuolijumppa, ti 10.11.2026 klo 10.00 0 paikalla, 0 ilmoittautunutta"))
        << text;

    // The chart: a column per day (16), named visits on five days, counted ones on two;
    // 27.10. is the tallest, half named and half counted.
    std::smatch chart;
    ASSERT_TRUE(std::regex_search(page.body, chart, std::regex(R"(<svg class="columns"[\s\S]*?</svg>)")));
    const std::string columns = chart.str();
    EXPECT_TRUE(has(columns, R"(viewBox="0 0 160 100")")) << columns;
    EXPECT_EQ(count(columns, "<rect class=\"named\""), 5u);
    EXPECT_EQ(count(columns, "<rect class=\"anonymous\""), 2u);
    EXPECT_TRUE(has(columns, R"(<rect class="named" x="11" y="50" width="8" height="50"><title>ti 27.10.2026: 4</title>)"))
        << columns;
    EXPECT_TRUE(has(columns, R"(<rect class="anonymous" x="11" y="0" width="8" height="50">)")) << columns;
    EXPECT_TRUE(has(text, "Korkein pylväs: 4 käyntiä"));

    // No scripts and no style attributes, which the page's policy would block anyway.
    EXPECT_FALSE(has(page.body, "<script"));
    EXPECT_FALSE(has(page.body, "style="));
    EXPECT_TRUE(has(page.header("Content-Security-Policy"), "default-src 'none'; style-src 'self'"));
    // Each table's download keeps the period, the site and the separator.
    EXPECT_TRUE(has(page.body, "/reports/csv?table=weeks&amp;from=2026-10-26&amp;to=2026-11-10&amp;site=" + site_1
                                   + "&amp;sep=semicolon"));
}

TEST_F(ServerReportsTest, EverySiteOfTheAccountAddsUpAndPeopleAreCountedPerSite)
{
    WebClient kaisa{server.port(), certificates.ca};
    ASSERT_EQ(kaisa.log_in("kaisa@espoo.fi", good_password).status, 303);
    // Asked with no period: this month so far, both sites ticked.
    const HttpAnswer fresh = kaisa.get("/reports");
    ASSERT_EQ(fresh.status, 200);
    EXPECT_EQ(count(fresh.body, "name=\"site\""), 2u);
    EXPECT_EQ(count(fresh.body, "checked"), 2u);

    const HttpAnswer page = kaisa.get("/reports?" + period("&site=" + site_1 + "&site=" + site_2));
    ASSERT_EQ(page.status, 200) << page.body;
    const std::string text = visible_text(page.body);
    // Site 2 adds Liisa's sign-in on 27.10. and a count on 5.11. Liisa's key is the same
    // text as Aino's at site 1, but she is another person: 3 + 1 different visitors. The
    // reading circle on 4.11. is in no programme but Liisa was there: held, 1 attending.
    EXPECT_TRUE(has(text, "Käyntejä yhteensä 11 Käyntejä nimellä 7 Käyntejä ilman nimeä 4 "
                          "Eri kävijöitä (nimellä) 4 Pidettyjä tapahtumia 5 Ilmoittautumisia 4 "
                          "Osallistumisia tapahtumiin 7"))
        << text;
    EXPECT_TRUE(has(text, "Viikko 44 (26.10.2026–1.11.2026) 6 2 8")) << text;
    EXPECT_TRUE(has(text, "Viikko 45 (2.11.2026–8.11.2026) 0 2 2")) << text;
    EXPECT_TRUE(has(text, "resident 4 3 7")) << text;
    EXPECT_TRUE(has(text, "ke 4.11.2026 klo 15.00 Olohuone Tapiola Tapahtuma ei enää ohjelmassa (@lukupiiri) 0 1 0 1 "
                          "Pidetty"))
        << text;
    // Five held: three most, two least.
    EXPECT_TRUE(has(text, "Tapahtuma ei enää ohjelmassa (@lukupiiri), ke 4.11.2026 klo 15.00 (Olohuone Tapiola) "
                          "1 paikalla, 0 ilmoittautunutta Vähiten osallistujia"))
        << text;

    // The activities as CSV: the site's name, the title with its quotes and comma quoted,
    // and a text that a spreadsheet would run as a formula guarded with an apostrophe.
    const HttpAnswer activities = csv(kaisa, "activities", period("&site=" + site_1 + "&site=" + site_2));
    ASSERT_EQ(activities.status, 200) << activities.body;
    EXPECT_EQ(activities.body,
              bom
                  + "Toimipiste;Päivä;Kellonaika;Tapahtuma;Tapahtuman tunniste;Ilmoittautuneita;Paikalla nimellä;"
                    "Paikalla ilman nimeä;Paikalla yhteensä;Tila\r\n"
                    "Olohuone Leppävaara;2026-10-27;10.00;Tuolijumppa;tuolijumppa@test;2;2;1;3;Pidetty\r\n"
                    "Olohuone Leppävaara;2026-10-29;14.00;\"Kuoro \"\"Äänet\"\", harjoitus\";kuoro@test;0;0;3;3;Pidetty\r\n"
                    "Olohuone Leppävaara;2026-11-03;10.00;Tuolijumppa;tuolijumppa@test;1;0;0;0;Pidetty\r\n"
                    "Olohuone Tapiola;2026-11-04;15.00;;'@lukupiiri;0;1;0;1;Ei ohjelmassa\r\n"
                    "Olohuone Leppävaara;2026-11-05;14.00;\"Kuoro \"\"Äänet\"\", harjoitus\";kuoro@test;1;0;0;0;Peruttu\r\n"
                    "Olohuone Leppävaara;2026-11-10;10.00;Tuolijumppa;tuolijumppa@test;0;0;0;0;Pidetty\r\n");
}

TEST_F(ServerReportsTest, TheCsvFilesOpenInASpreadsheetWithEitherSeparator)
{
    const std::string site = "&site=" + site_1;
    const HttpAnswer weeks = csv(browser, "weeks", period(site));
    ASSERT_EQ(weeks.status, 200) << weeks.body;
    EXPECT_EQ(weeks.header("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(weeks.header("Content-Disposition"),
              "attachment; filename=\"kaynnit-viikoittain_2026-10-26_2026-11-10.csv\"");
    EXPECT_EQ(weeks.header("Cache-Control"), "no-store");
    // The same weeks as the page: 5 + 2, 0 + 1, 1 + 0.
    EXPECT_EQ(weeks.body, bom
                              + "Viikko;Ensimmäinen päivä;Viimeinen päivä;Käyntejä nimellä;Käyntejä ilman nimeä;"
                                "Käyntejä yhteensä\r\n"
                                "2026-W44;2026-10-26;2026-11-01;5;2;7\r\n"
                                "2026-W45;2026-11-02;2026-11-08;0;1;1\r\n"
                                "2026-W46;2026-11-09;2026-11-10;1;0;1\r\n");

    const HttpAnswer months = csv(browser, "months", period(site, "comma"));
    ASSERT_EQ(months.status, 200);
    EXPECT_EQ(months.body, bom
                               + "Kuukausi,Ensimmäinen päivä,Viimeinen päivä,Käyntejä nimellä,Käyntejä ilman nimeä,"
                                 "Käyntejä yhteensä\r\n"
                                 "2026-10,2026-10-26,2026-10-31,4,2,6\r\n"
                                 "2026-11,2026-11-01,2026-11-10,2,1,3\r\n");

    const HttpAnswer summary = csv(browser, "summary", period(site, "comma"));
    EXPECT_EQ(summary.body, bom
                                + "Luku,Arvo\r\nAlkaen,2026-10-26\r\nPäättyen,2026-11-10\r\nKäyntejä yhteensä,9\r\n"
                                  "Käyntejä nimellä,6\r\nKäyntejä ilman nimeä,3\r\nEri kävijöitä (nimellä),3\r\n"
                                  "Pidettyjä tapahtumia,4\r\nIlmoittautumisia,4\r\nOsallistumisia tapahtumiin,6\r\n");

    const HttpAnswer groups = csv(browser, "groups", period(site));
    EXPECT_EQ(groups.body, bom
                               + "Ryhmä;Käyntejä nimellä;Käyntejä ilman nimeä;Käyntejä yhteensä\r\n"
                                 "resident;3;2;5\r\nrelative;2;0;2\r\nvolunteer;1;1;2\r\n");

    const HttpAnswer days = csv(browser, "days", period(site, "comma"));
    ASSERT_EQ(days.status, 200);
    EXPECT_EQ(count(days.body, "\r\n"), 17u); // the header and 16 days
    EXPECT_TRUE(has(days.body, "\r\n2026-10-27,2,2,4\r\n"));
    EXPECT_TRUE(has(days.body, "\r\n2026-11-10,1,0,1\r\n"));

    const HttpAnswer activities = csv(browser, "activities", period(site, "comma"));
    EXPECT_TRUE(has(activities.body, "\r\nOlohuone Leppävaara,2026-10-29,14.00,\"Kuoro \"\"Äänet\"\", harjoitus\","
                                     "kuoro@test,0,0,3,3,Pidetty\r\n"))
        << activities.body;
    EXPECT_EQ(csv(browser, "everything", period(site)).status, 404);
}

TEST_F(ServerReportsTest, ACoordinatorOfOneSiteCannotReportOnAnother)
{
    // Maija's form has her site only, with no choice to make.
    const HttpAnswer own = browser.get("/reports");
    ASSERT_EQ(own.status, 200);
    EXPECT_EQ(count(own.body, "name=\"site\""), 1u);
    EXPECT_FALSE(has(own.body, "Olohuone Tapiola"));

    for (const std::string& path :
         {"/reports?" + period("&site=" + site_2), "/reports?" + period("&site=" + site_1 + "&site=" + site_2),
          "/reports/csv?table=activities&" + period("&site=" + site_2), "/reports?" + period("&site=99"),
          "/reports?" + period("&site=x")}) {
        const HttpAnswer answer = browser.get(path);
        EXPECT_EQ(answer.status, 404) << path;
        EXPECT_TRUE(has(visible_text(answer.body), "Sivua ei löytynyt")) << path;
        EXPECT_FALSE(has(answer.body, "Tapiola")) << path;
        EXPECT_FALSE(has(answer.body, "Liisa")) << path;
    }
    // And without a session, nothing at all.
    WebClient stranger{server.port(), certificates.ca};
    for (const std::string path : {"/reports", "/reports/csv?table=days"}) {
        const HttpAnswer answer = stranger.get(path);
        EXPECT_EQ(answer.status, 303) << path;
        EXPECT_EQ(answer.header("Location"), "/login");
    }
}

TEST_F(ServerReportsTest, BadDatesAndTooLongPeriodsAreExplainedInFinnish)
{
    const std::string site = "&site=" + site_1;
    const struct {
        std::string query;
        std::string message;
    } cases[] = {
        {"from=31.2.2026&to=10.11.2026" + site, "Päivämäärää ei tunnistettu. Kirjoita päivämäärä muodossa 1.10.2026"},
        {"from=&to=10.11.2026" + site, "Päivämäärää ei tunnistettu."},
        {"from=" + std::string(500, '1') + "&to=10.11.2026" + site, "Päivämäärää ei tunnistettu."},
        {"from=10.11.2026&to=26.10.2026" + site, "Jakson viimeinen päivä on ennen ensimmäistä."},
        {"from=1.1.2026&to=2.1.2027" + site, "Jakso on liian pitkä. Raportin jakso voi olla enintään 366 päivää."},
        {"from=1.1.2026&to=2.1.2026", "Valitse vähintään yksi toimipiste."},
        {"from=1.1.2026&to=2.1.2026&sep=tab" + site, "Valitse CSV-tiedostojen erotinmerkiksi puolipiste tai pilkku."},
    };
    for (const auto& bad : cases) {
        const HttpAnswer page = browser.get("/reports?" + bad.query);
        EXPECT_EQ(page.status, 400) << bad.query;
        const std::string text = visible_text(page.body);
        EXPECT_TRUE(has(text, bad.message)) << bad.query << ": " << text;
        EXPECT_FALSE(has(text, "Yhteenveto")) << bad.query;
        // The form is there to fix it, with what was typed (up to a date's length).
        EXPECT_TRUE(has(page.body, "<form class=\"report-form\"")) << bad.query;
        // The download of a bad request is the same explanation, not a file.
        const HttpAnswer download = csv(browser, "days", bad.query);
        EXPECT_EQ(download.status, 400) << bad.query;
        EXPECT_EQ(download.header("Content-Type"), "text/html; charset=utf-8");
        EXPECT_TRUE(has(visible_text(download.body), bad.message)) << bad.query;
    }
    EXPECT_TRUE(has(browser.get("/reports?from=10.11.2026&to=26.10.2026" + site).body, "value=\"10.11.2026\""));
    // A leap year's whole 366 days is a period.
    EXPECT_EQ(browser.get("/reports?from=1.1.2028&to=31.12.2028" + site).status, 200);
}

} // namespace
} // namespace olohuone::testing
