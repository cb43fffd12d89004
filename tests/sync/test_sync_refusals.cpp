// What the kiosk refuses to talk to, and what the server refuses from it: a server it
// cannot trust gets no data; a refused kiosk keeps its records; a record the server
// refuses for good is set aside with the reason, neither retried forever nor dropped.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

#include "store/outbox.h"
#include "store/record_key.h"
#include "support/instants.h"
#include "sync_site.h"

namespace olohuone::testing {
namespace {

using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki

class SyncRefusals : public ::testing::Test {
protected:
    SyncSite site;
    SystemClock clock;

    std::unique_ptr<sync::SyncEngine> engine(sync::SyncSettings settings) { return site.engine(std::move(settings), clock); }

    std::int64_t waiting()
    {
        return site.on_kiosk("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND rejected_reason IS NULL");
    }

    // Nothing of the kiosk's reached the server: no record, and no request that got as
    // far as its token.
    void expect_nothing_sent()
    {
        EXPECT_EQ(site.on_server("SELECT count(*) FROM record"), 0);
        EXPECT_EQ(site.on_server("SELECT count(*) FROM kiosk WHERE last_seen_at IS NOT NULL"), 0);
        EXPECT_EQ(waiting(), 5);
    }
};

TEST_F(SyncRefusals, AServerCertifiedByAnotherAuthorityGetsNoData)
{
    site.sign_in_visitors(5, tuesday_morning);
    site.start_server();
    std::filesystem::create_directory(site.file("elsewhere"));
    sync::SyncSettings settings = site.settings();
    settings.trust.ca_file = make_test_certificates(site.file("elsewhere"), "IP:127.0.0.1", Authority::Other).ca;
    const sync::SyncPass pass = engine(settings)->run_once();
    EXPECT_FALSE(pass.ok());
    EXPECT_FALSE(pass.server_answered);
    EXPECT_NE(pass.problem.find("certificate"), std::string::npos) << pass.problem;
    expect_nothing_sent();
}

TEST_F(SyncRefusals, AServerUnderAnotherNameGetsNoData)
{
    site.sign_in_visitors(5, tuesday_morning);
    site.start_server();
    sync::SyncSettings settings = site.settings();
    // The certificate names 127.0.0.1 only.
    settings.server_url = "https://localhost:" + std::to_string(site.port());
    const sync::SyncPass pass = engine(settings)->run_once();
    EXPECT_FALSE(pass.ok());
    EXPECT_FALSE(pass.server_answered);
    expect_nothing_sent();
}

TEST_F(SyncRefusals, AnExpiredCertificateGetsNoData)
{
    site.sign_in_visitors(5, tuesday_morning);
    // Re-issued by the same authority with a validity that ended yesterday.
    const std::string folder = std::filesystem::path(site.certificates().ca).parent_path().string();
    const std::string command = "openssl x509 -req -in " + folder + "/server.csr -CA " + site.certificates().ca
        + " -CAkey " + folder + "/ca-key.pem -CAcreateserial -days -1 -extfile " + folder + "/ext.cnf -out "
        + site.certificates().certificate + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    site.start_server();
    const sync::SyncPass pass = engine(site.settings())->run_once();
    EXPECT_FALSE(pass.ok());
    EXPECT_NE(pass.problem.find("expired"), std::string::npos) << pass.problem;
    expect_nothing_sent();
}

TEST_F(SyncRefusals, AWrongPinnedKeyGetsNoDataAndTheRightOneDelivers)
{
    site.sign_in_visitors(5, tuesday_morning);
    site.start_server();
    sync::SyncSettings settings = site.settings();
    settings.trust.pinned_public_key = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    const sync::SyncPass pinned_wrong = engine(settings)->run_once();
    EXPECT_FALSE(pinned_wrong.ok());
    expect_nothing_sent();

    settings.trust.pinned_public_key = site.server_pin();
    const sync::SyncPass pinned_right = engine(settings)->run_once();
    EXPECT_TRUE(pinned_right.ok()) << pinned_right.problem;
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record"), 5);
}

TEST_F(SyncRefusals, ABadOrRevokedTokenIsRefusedAndTheRecordsAreKept)
{
    site.sign_in_visitors(5, tuesday_morning);
    site.start_server();
    sync::SyncSettings settings = site.settings();
    settings.token = std::string(43, 'A');
    const sync::SyncPass wrong = engine(settings)->run_once();
    EXPECT_FALSE(wrong.ok());
    EXPECT_TRUE(wrong.server_answered);
    EXPECT_NE(wrong.problem.find("HTTP 401"), std::string::npos) << wrong.problem;
    EXPECT_EQ(waiting(), 5);

    ASSERT_NE(site.admin("revoke-kiosk --kiosk 1").find("revoked"), std::string::npos);
    const sync::SyncPass revoked = engine(site.settings())->run_once();
    EXPECT_FALSE(revoked.ok());
    EXPECT_NE(revoked.problem.find("HTTP 401"), std::string::npos) << revoked.problem;
    EXPECT_EQ(waiting(), 5) << "the records stay for a kiosk given a new token";
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record"), 0);
}

TEST_F(SyncRefusals, AnotherSitesProgrammeIsForbidden)
{
    site.start_server();
    sync::SyncSettings settings = site.settings();
    settings.site = std::stoll(site.other_site_id);
    const sync::SyncPass pass = engine(settings)->run_once();
    EXPECT_FALSE(pass.ok());
    EXPECT_NE(pass.problem.find("HTTP 403"), std::string::npos) << pass.problem;
    EXPECT_FALSE(pass.programme_changed);
}

TEST_F(SyncRefusals, RecordsTheServerRefusesAreSetAsideWithTheReasonAndTheRestDelivered)
{
    site.sign_in_visitors(6, tuesday_morning);
    // A record no server would take: a sign-in that names no one and no group.
    {
        auto transaction = sql::Transaction::begin(site.kiosk().database());
        ASSERT_TRUE(store::add_to_outbox(site.kiosk().database(), store::new_record_key(), "visit.sign_in",
                                         nlohmann::json::object(), {tuesday_morning, true})
                        .ok());
        // And one larger than the server takes in a request at all.
        ASSERT_TRUE(store::add_to_outbox(site.kiosk().database(), store::new_record_key(), "visit.sign_in",
                                         {{"note", std::string(2 * 1024 * 1024, 'x')}}, {tuesday_morning, true})
                        .ok());
        ASSERT_TRUE(transaction->commit().ok());
    }
    site.sign_in_visitors(6, tuesday_morning + 600);
    site.start_server();
    auto kiosk = engine(site.settings());
    const sync::SyncPass pass = kiosk->run_once();
    EXPECT_TRUE(pass.ok()) << pass.problem;
    EXPECT_EQ(pass.delivered, 12);
    EXPECT_EQ(pass.set_aside, 2);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record"), 12);
    EXPECT_EQ(waiting(), 0) << "a refused record is not retried forever";

    const auto set_aside = store::outbox_set_aside(site.kiosk().database(), 10);
    ASSERT_TRUE(set_aside.ok());
    ASSERT_EQ(set_aside->size(), 2u);
    for (const store::SetAsideRecord& record : set_aside.value()) {
        EXPECT_FALSE(record.reason.empty());
        EXPECT_TRUE(record.rejected_at.has_value());
    }
    EXPECT_EQ(kiosk->status().set_aside, 2);
    EXPECT_EQ(kiosk->run_once().delivered, 0);
}

} // namespace
} // namespace olohuone::testing
