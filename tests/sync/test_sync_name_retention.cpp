// Names leaving both ends (docs/privacy.md), with the kiosk syncing to the real
// olohuone-server over HTTPS: the server erases the names of old records, a kiosk that
// never heard the answer sends the same records again and they are acknowledged as
// duplicates without the names coming back; thirty days after delivery the kiosk erases
// its own copies, except for the visitors still signed in.
#include <gtest/gtest.h>

#include "name_retention.h"
#include "server_store.h"
#include "store/name_retention.h"
#include "store/record_key.h"
#include "store/visit_log.h"
#include "support/instants.h"
#include "sync_site.h"

namespace olohuone::testing {
namespace {

using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki
constexpr UnixSeconds day = 24 * 3600;

TEST(SyncNameRetention, NamesGoOnBothSidesAndARepeatedDeliveryDoesNotBringThemBack)
{
    SyncSite site;
    site.start_server();
    ManualClock clock{tuesday_morning};
    const std::vector<std::string> visits = site.sign_in_visitors(3, tuesday_morning);
    store::VisitLog log(site.kiosk().database());
    ASSERT_TRUE(log.sign_out(visits[0], store::new_record_key(), {tuesday_morning + 3600, true}).ok());
    auto kiosk = site.engine(site.settings(), clock);
    const sync::SyncPass first = kiosk->run_once();
    ASSERT_TRUE(first.ok()) << first.problem;
    ASSERT_EQ(first.delivered, 4);
    const std::string named_on_server =
        "SELECT count(*) FROM record WHERE json_extract(payload, '$.visitor.name') IS NOT NULL";
    ASSERT_EQ(site.on_server(named_on_server), 3);

    // The server's retention, run as if 401 days had passed since it received them.
    auto server_store = server::open_sqlite_server_store(site.file("server-state") + "/olohuone-server.sqlite3");
    ASSERT_TRUE(server_store.ok()) << server_store.error().message;
    const server::FigureQuery query{{std::stoll(site.site_id)}, tuesday_morning - day, tuesday_morning + day};
    const std::int64_t unique_before = server_store.value()->attendance_figures(query)->unique_visitors;
    ManualClock server_clock{SystemClock().now() + 401 * day};
    EXPECT_EQ(server::erase_expired_names(*server_store.value(), 400, server_clock).value(), 3);
    EXPECT_EQ(site.on_server(named_on_server), 0);
    EXPECT_EQ(server_store.value()->attendance_figures(query)->unique_visitors, unique_before);

    // The kiosk lost the answer (its commit cut short): everything goes out again.
    ASSERT_TRUE(site.kiosk().database().execute_script("UPDATE outbox SET sent_at = NULL").ok());
    const sync::SyncPass again = kiosk->run_once();
    ASSERT_TRUE(again.ok()) << again.problem;
    EXPECT_EQ(again.delivered, 4);
    EXPECT_EQ(site.on_kiosk("SELECT count(*) FROM outbox WHERE rejected_reason IS NOT NULL"), 0);
    EXPECT_EQ(site.on_server(named_on_server), 0);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record"), 4);

    // Thirty days on, the kiosk erases the one who left; the two still signed in stay.
    auto erased = store::erase_expired_names(site.kiosk().database(),
                                             {store::RetentionStart::FromDelivery, 30}, tuesday_morning + 31 * day);
    ASSERT_TRUE(erased.ok()) << erased.error().message;
    EXPECT_EQ(erased->visitors, 1);
    EXPECT_EQ(site.on_kiosk("SELECT count(*) FROM visitor WHERE name_erased_at IS NULL"), 2);
    EXPECT_EQ(site.on_kiosk("SELECT count(*) FROM outbox WHERE json_extract(payload, '$.visitor.name_erased') = 1"),
              1);
}

} // namespace
} // namespace olohuone::testing
