// The network and the server fail in every way the kiosk will meet; each test ends with
// every record on the server exactly once and nothing left waiting on the kiosk.
#include <gtest/gtest.h>

#include "fault_proxy.h"
#include "store/sync_state.h"
#include "support/instants.h"
#include "sync_site.h"

namespace olohuone::testing {
namespace {

using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki

class SyncFaults : public ::testing::Test {
protected:
    SyncSite site;
    SystemClock clock;

    std::unique_ptr<sync::SyncEngine> engine(sync::SyncSettings settings) { return site.engine(std::move(settings), clock); }

    std::unique_ptr<FaultProxy> proxy()
    {
        return std::make_unique<FaultProxy>(site.certificates().certificate, site.certificates().private_key,
                                            site.port(), site.certificates().ca);
    }

    std::int64_t waiting() { return site.on_kiosk("SELECT count(*) FROM outbox WHERE sent_at IS NULL"); }
    std::int64_t on_server() { return site.on_server("SELECT count(*) FROM record"); }

    // Every record made is on the server once, none waits, none was refused.
    void expect_delivered_exactly_once(std::int64_t made)
    {
        EXPECT_EQ(on_server(), made);
        EXPECT_EQ(site.on_server("SELECT count(DISTINCT key) FROM record"), made);
        EXPECT_EQ(site.on_server("SELECT count(*) FROM conflict"), 0);
        EXPECT_EQ(waiting(), 0);
        EXPECT_EQ(site.on_kiosk("SELECT count(*) FROM outbox WHERE rejected_reason IS NOT NULL"), 0);
    }
};

TEST_F(SyncFaults, AServerDownAtStartGetsEverythingOnceItIsUp)
{
    site.sign_in_visitors(30, tuesday_morning);
    auto kiosk = engine(site.settings());
    const sync::SyncPass down = kiosk->run_once();
    EXPECT_FALSE(down.ok());
    EXPECT_FALSE(down.server_answered);
    EXPECT_NE(down.problem.find("cannot reach the server"), std::string::npos) << down.problem;
    EXPECT_EQ(waiting(), 30) << "every record is kept";
    EXPECT_EQ(kiosk->status().queued, 30);

    site.start_server();
    const sync::SyncPass up = kiosk->run_once();
    EXPECT_TRUE(up.ok()) << up.problem;
    EXPECT_EQ(up.delivered, 30);
    expect_delivered_exactly_once(30);
}

TEST_F(SyncFaults, AServerKilledMidUploadAndRestartedEndsWithEveryRecordOnce)
{
    const int made = 6000;
    site.sign_in_visitors(made, tuesday_morning);
    site.start_server();
    sync::SyncSettings settings = site.settings();
    settings.batch_size = 50;
    settings.interval_seconds = 1;
    settings.retry = {1, 2};
    auto kiosk = engine(settings);
    kiosk->start();

    ASSERT_TRUE(eventually([&] { return on_server() > 0; })) << "the upload started";
    site.kill_server();
    const std::int64_t stored_before_kill = on_server();
    EXPECT_LT(stored_before_kill, made) << "the server died in the middle of the upload";
    EXPECT_GT(waiting(), 0);

    site.start_server();
    EXPECT_TRUE(eventually([&] { return waiting() == 0; }, 120));
    kiosk->stop();
    expect_delivered_exactly_once(made);
}

TEST_F(SyncFaults, ServerErrorsAndRetryAfterKeepEveryRecordForTheNextTry)
{
    site.sign_in_visitors(20, tuesday_morning);
    site.start_server();
    auto faulty = proxy();
    auto kiosk = engine(site.settings(faulty->port()));

    faulty->set_fault(Fault::InternalError);
    const sync::SyncPass error = kiosk->run_once();
    EXPECT_FALSE(error.ok());
    EXPECT_TRUE(error.server_answered);
    EXPECT_NE(error.problem.find("HTTP 500"), std::string::npos) << error.problem;
    EXPECT_FALSE(error.retry_after_seconds.has_value());

    faulty->set_fault(Fault::Unavailable);
    const sync::SyncPass busy = kiosk->run_once();
    EXPECT_FALSE(busy.ok());
    EXPECT_EQ(busy.retry_after_seconds, 7) << "the server's Retry-After is kept";
    EXPECT_EQ(on_server(), 0);
    EXPECT_EQ(waiting(), 20);

    faulty->set_fault(Fault::None);
    const sync::SyncPass fine = kiosk->run_once();
    EXPECT_TRUE(fine.ok()) << fine.problem;
    expect_delivered_exactly_once(20);
}

TEST_F(SyncFaults, AnAnswerCutOffMidBodyIsSentAgainAndStoredOnce)
{
    site.sign_in_visitors(25, tuesday_morning);
    site.start_server();
    auto faulty = proxy();
    auto kiosk = engine(site.settings(faulty->port()));

    faulty->set_fault(Fault::CutAnswer);
    const sync::SyncPass cut = kiosk->run_once();
    EXPECT_FALSE(cut.ok());
    EXPECT_EQ(on_server(), 25) << "the server stored the batch before its answer was lost";
    EXPECT_EQ(waiting(), 25) << "without the answer the kiosk cannot know: it keeps them";

    faulty->set_fault(Fault::None);
    const sync::SyncPass again = kiosk->run_once();
    EXPECT_TRUE(again.ok()) << again.problem;
    EXPECT_EQ(again.delivered, 25);
    expect_delivered_exactly_once(25);
}

TEST_F(SyncFaults, AVerySlowServerTimesOutAndNothingIsLostOrDoubled)
{
    site.sign_in_visitors(10, tuesday_morning);
    site.start_server();
    auto faulty = proxy();
    sync::SyncSettings settings = site.settings(faulty->port());
    // libcurl's own timeout, in real time: the shortest the settings take.
    settings.limits.request_timeout_seconds = 1;
    auto kiosk = engine(settings);

    faulty->set_fault(Fault::Slow);
    const sync::SyncPass slow = kiosk->run_once();
    EXPECT_FALSE(slow.ok());
    EXPECT_NE(slow.problem.find("timed out"), std::string::npos) << slow.problem;
    EXPECT_EQ(waiting(), 10);

    // The proxy delivers the late request after the kiosk gave up on it.
    faulty->release_held();
    EXPECT_TRUE(eventually([&] { return on_server() == 10; }));
    faulty->set_fault(Fault::None);
    const sync::SyncPass fine = kiosk->run_once();
    EXPECT_TRUE(fine.ok()) << fine.problem;
    expect_delivered_exactly_once(10);
}

TEST_F(SyncFaults, AMalformedAnswerMarksNothing)
{
    site.sign_in_visitors(8, tuesday_morning);
    site.start_server();
    auto faulty = proxy();
    auto kiosk = engine(site.settings(faulty->port()));

    faulty->set_fault(Fault::MalformedAnswer);
    const sync::SyncPass garbled = kiosk->run_once();
    EXPECT_FALSE(garbled.ok());
    EXPECT_NE(garbled.problem.find("not a list of results"), std::string::npos) << garbled.problem;
    EXPECT_EQ(waiting(), 8);

    faulty->set_fault(Fault::None);
    EXPECT_TRUE(kiosk->run_once().ok());
    expect_delivered_exactly_once(8);
}

TEST_F(SyncFaults, AMalformedProgrammeNeverReplacesTheStoredOne)
{
    site.start_server();
    auto faulty = proxy();
    auto kiosk = engine(site.settings(faulty->port()));
    ASSERT_TRUE(kiosk->run_once().ok());
    ASSERT_TRUE(store::replace_server_programme(site.kiosk().database(), {{"kept.ics", "BEGIN:VCALENDAR"}}, "\"kept\"",
                                                tuesday_morning)
                    .ok());

    faulty->set_fault(Fault::MalformedAnswer);
    const sync::SyncPass garbled = kiosk->run_once();
    EXPECT_FALSE(garbled.ok());
    EXPECT_FALSE(garbled.programme_changed);
    const auto kept = store::server_programme(site.kiosk().database());
    ASSERT_TRUE(kept.ok());
    ASSERT_EQ(kept->size(), 1u);
    EXPECT_EQ(kept->front().name, "kept.ics");
}

} // namespace
} // namespace olohuone::testing
