// The fire alarm's roll call on a staff member's phone: a real kiosk's sign-ins, its
// "Olen paikalla" and a sign-out, delivered over real HTTPS to the real server, and the
// server's "Paikalla nyt" page for the site, read as a coordinator's browser reads it.
#include <gtest/gtest.h>

#include <fstream>

#include "earlier_records.h"
#include "offscreen_kiosk.h"
#include "web_client.h"
#include "web_fixture.h"
#include "support/test_paths.h"
#include "sync_site.h"

namespace olohuone::testing {
namespace {

TEST(RollCallPage, TheServerListsWhoIsInTheBuildingFromWhatTheKiosksDelivered)
{
    SyncSite site;
    site.start_server();
    OffscreenKiosk kiosk; // Tuesday 24.11.2026 10.15
    site.set_server_wall_clock(kiosk.clock().now());
    const std::string password_file = site.file("password");
    std::ofstream(password_file) << "pitkä salasana hoitajalle\n";
    ASSERT_NE(site.admin("add-coordinator --login hoitaja --site " + site.site_id + " < " + password_file)
                  .find("hoitaja"),
              std::string::npos);

    // The site's programme on the server is the one the kiosk shows.
    const std::string programme = std::string(olohuone::test::source_dir()) + "/content/programme/";
    ASSERT_NE(site.admin("import-programme --site " + site.site_id + " " + programme + "weekly.ics " + programme
                         + "november-december-2026.ics " + programme + "partners.ics")
                  .find("imported"),
              std::string::npos);

    sign_in_earlier(kiosk, {"Veikko Virtanen", "Eero Mäkelä"}, "resident");
    for (const OpenVisit& visit : kiosk.services().visits().signed_in_today()) {
        if (visit.public_name == "Eero M.") {
            ASSERT_TRUE(kiosk.services().visits().sign_out(visit.visit_key, kiosk.services().visits().new_key()).ok());
        }
    }
    // Helmi goes straight to chair gymnastics and marks herself there.
    const Occurrence gymnastics = occurrence_titled(kiosk, {2026, 11, 24}, "Tuolijumppa");
    ASSERT_TRUE(kiosk.services()
                    .activities()
                    .mark_here(gymnastics, VisitorIdentity{std::nullopt, "Helmi Laine", "resident", ""},
                               kiosk.services().visits().new_key())
                    .ok());
    kiosk.sync_with(site.settings());
    ASSERT_TRUE(eventually(
        [&] { return site.on_server("SELECT count(*) FROM record WHERE kind = 'attendance.here'") == 1; }, 30));

    WebClient browser(site.port(), site.certificates().ca);
    ASSERT_EQ(browser.log_in("hoitaja", "pitkä salasana hoitajalle").status, 303);
    const HttpAnswer page = browser.get("/present");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.header("Cache-Control"), "no-store") << "names, and a list that must be current";
    const std::string text = visible_text(page.body);
    EXPECT_NE(text.find("Paikalla nyt: 2"), std::string::npos) << text;
    EXPECT_NE(text.find("Helmi Laine resident Tuolijumppa, Sali"), std::string::npos) << text;
    EXPECT_NE(text.find("Veikko Virtanen resident Kirjautui sisään"), std::string::npos) << text;
    EXPECT_EQ(text.find("Eero"), std::string::npos) << "signed out: " << text;
    EXPECT_LT(text.find("Helmi"), text.find("Veikko")) << "by name";
    EXPECT_NE(text.find("Kioski olohuone: tiedot toimitettu viimeksi"), std::string::npos)
        << "how current it is: " << text;
    // The site's other kiosk, at another site, is not this coordinator's.
    EXPECT_EQ(text.find("Kivenlahti"), std::string::npos) << text;

    // Nobody but a signed-in coordinator sees it.
    WebClient stranger(site.port(), site.certificates().ca);
    EXPECT_EQ(stranger.get("/present").status, 303);
}

} // namespace
} // namespace olohuone::testing
