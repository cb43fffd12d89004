// "Synkronoi nyt" in staff mode with the real server over real HTTPS: the kiosk's screen
// says what waits, the tap wakes the sync, and the screen then shows it delivered.
#include <gtest/gtest.h>

#include "earlier_records.h"
#include "offscreen_kiosk.h"
#include "sync_site.h"

namespace olohuone::testing {
namespace {

void sign_in(OffscreenKiosk& kiosk, const std::string& name)
{
    SignInDraft draft;
    draft.key = kiosk.services().visits().new_key();
    draft.group_id = "resident";
    draft.typed_name = name;
    ASSERT_TRUE(kiosk.services().visits().sign_in(draft).ok());
}

TEST(StaffSync, SyncNowDeliversWhatWaitsAndTheScreenSaysSo)
{
    SyncSite site;
    site.start_server();
    OffscreenKiosk kiosk;
    set_staff_pin_earlier(kiosk, "2468");
    sync::SyncSettings settings = site.settings();
    settings.interval_seconds = 3600; // after the first pass, only a nudge brings the next
    kiosk.sync_with(settings);
    ASSERT_TRUE(eventually([&] { return kiosk.services().staff().sync_status().last_success_at.has_value(); }));

    sign_in(kiosk, "Aino Korhonen");
    sign_in(kiosk, "Veikko Virtanen");
    kiosk.choose("staff/enter");
    type_staff_pin(kiosk, "2468");
    kiosk.tap("staff/sync");
    kiosk.advance_ms(600);
    EXPECT_TRUE(kiosk.shows_text("Palvelin: https://127.0.0.1:" + std::to_string(site.port()))) << kiosk.screen_text();
    EXPECT_TRUE(kiosk.shows_text("Viimeksi onnistunut: tänään klo 10.15"));
    EXPECT_TRUE(kiosk.shows_text("Odottaa lähetystä: 2"));
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record WHERE kind = 'visit.sign_in'"), 0);

    kiosk.tap("sync/now");
    EXPECT_TRUE(kiosk.shows_text("Synkronointia pyydetty."));
    ASSERT_TRUE(eventually([&] { return site.on_server("SELECT count(*) FROM record WHERE kind = 'visit.sign_in'") == 2; }));
    // The screen looks again by itself every few seconds while it is open.
    ASSERT_TRUE(eventually([&] {
        kiosk.advance_ms(2'000);
        return kiosk.shows_text("Odottaa lähetystä: 0");
    }));
    // The note stays for its moment (min_request_notice_seconds), then a look after the
    // pass has ended takes it away: the server has answered since, if within the same
    // second as the pass before. (The records are marked delivered a moment before the
    // pass ends.)
    EXPECT_TRUE(eventually([&] {
        kiosk.advance_ms(2'000);
        return !kiosk.shows_text("Synkronointia pyydetty.");
    })) << "the server has answered since";
}

} // namespace
} // namespace olohuone::testing
