// The kiosk's sync against the real olohuone-server over real HTTPS: records made on
// the kiosk reach the server exactly once, and the site's programme comes back.
#include <gtest/gtest.h>

#include <fstream>

#include "app/programme_source.h"
#include "store/activity_log.h"
#include "store/outbox.h"
#include "store/programme_cache.h"
#include "store/record_key.h"
#include "store/sync_state.h"
#include "store/visit_log.h"
#include "support/instants.h"
#include "sync/sync_messages.h"
#include "sync_site.h"
#include "support/test_paths.h"

namespace olohuone::testing {
namespace {

using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki

class SyncRoundTrip : public ::testing::Test {
protected:
    SyncSite site;
    ManualClock clock{tuesday_morning};
    int programme_notices = 0;

    void SetUp() override { site.start_server(); }

    std::unique_ptr<sync::SyncEngine> engine(sync::SyncSettings settings, sync::ProgrammeCheck check = nullptr)
    {
        if (!check)
            check = [](const std::vector<CalendarFile>&) { return Result<void>(); };
        return std::make_unique<sync::SyncEngine>(std::move(settings), site.kiosk_database(), clock, check,
                                                  [this] { ++programme_notices; });
    }

    std::int64_t waiting() { return site.on_kiosk("SELECT count(*) FROM outbox WHERE sent_at IS NULL"); }
};

TEST_F(SyncRoundTrip, RecordsMadeOnTheKioskReachTheServerExactlyOnce)
{
    const std::vector<std::string> keys = site.sign_in_visitors(25, tuesday_morning);
    store::VisitLog visits(site.kiosk().database());
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(visits.sign_out(keys[static_cast<std::size_t>(i)], store::new_record_key(),
                                    {tuesday_morning + 3600, true}));
    store::ActivityLog activities(site.kiosk().database());
    Occurrence choir;
    choir.uid = "kuoro@olohuone";
    choir.instance = choir.start = tuesday_morning + 7 * 3600;
    choir.end = choir.start + 3600;
    choir.capacity = 12;
    auto registered = activities.register_visitor(choir, {{}, "Aino Korhonen", "resident", ""},
                                                  store::new_record_key(), {tuesday_morning + 60, true});
    ASSERT_TRUE(registered.ok()) << registered.error().message;
    const std::int64_t made = site.on_kiosk("SELECT count(*) FROM outbox");
    ASSERT_EQ(made, 25 + 5 + 1);

    sync::SyncSettings settings = site.settings();
    settings.batch_size = 7; // several batches
    auto kiosk = engine(settings);
    const sync::SyncPass pass = kiosk->run_once();
    EXPECT_TRUE(pass.ok()) << pass.problem;
    EXPECT_EQ(pass.delivered, made);
    EXPECT_EQ(waiting(), 0);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record"), made);
    EXPECT_EQ(site.on_server("SELECT count(DISTINCT key) FROM record"), made);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record WHERE kind = 'visit.sign_out'"), 5);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record WHERE kind = 'registration.add'"), 1);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record WHERE key = '" + keys.back() + "'"), 1);

    const sync::SyncPass again = kiosk->run_once();
    EXPECT_TRUE(again.ok()) << again.problem;
    EXPECT_EQ(again.delivered, 0) << "nothing is sent twice";
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record"), made);
    EXPECT_TRUE(kiosk->status().last_success_at.has_value());
    EXPECT_EQ(kiosk->status().queued, 0);
}

TEST_F(SyncRoundTrip, AttendanceStaffTookBackReachesTheServerNamingTheMark)
{
    store::ActivityLog activities(site.kiosk().database());
    Occurrence gymnastics;
    gymnastics.uid = "tuolijumppa@olohuone";
    gymnastics.instance = gymnastics.start = tuesday_morning - 15 * 60;
    gymnastics.end = gymnastics.start + 3600;
    const std::string here_key = store::new_record_key();
    const std::string counted_key = store::new_record_key();
    ASSERT_TRUE(activities.mark_here(gymnastics, VisitorIdentity{{}, "Eero Mäkinen", "resident", ""}, here_key,
                                     {tuesday_morning, true})
                    .ok());
    ASSERT_TRUE(activities.mark_here(gymnastics, std::nullopt, counted_key, {tuesday_morning + 5, true}).ok());
    const std::int64_t eero = site.on_kiosk("SELECT id FROM visitor WHERE name = 'Eero Mäkinen'");
    const store::RecordTime later{tuesday_morning + 60, true};
    ASSERT_TRUE(activities.withdraw(gymnastics, eero, store::new_record_key(), later).value());
    ASSERT_TRUE(activities.withdraw(gymnastics, std::nullopt, store::new_record_key(), later).value());

    const sync::SyncPass pass = engine(site.settings())->run_once();
    ASSERT_TRUE(pass.ok()) << pass.problem;
    EXPECT_EQ(pass.delivered, 4);
    EXPECT_EQ(site.on_kiosk("SELECT count(*) FROM outbox WHERE rejected_at IS NOT NULL"), 0) << "none refused";
    const std::string withdrawn_marks = "SELECT count(*) FROM record WHERE kind = 'attendance.withdrawn' AND "
                                        "json_extract(payload, '$.attendance') IN ('"
        + here_key + "', '" + counted_key + "')";
    EXPECT_EQ(site.on_server(withdrawn_marks), 2);
}

TEST_F(SyncRoundTrip, TheSameBatchSentTwiceIsStoredOnce)
{
    site.sign_in_visitors(12, tuesday_morning);
    auto records = store::outbox_next(site.kiosk().database(), 100);
    ASSERT_TRUE(records.ok());
    const std::string body = sync::batch_body(records.value());
    const sync::SyncSettings settings = site.settings();
    const std::atomic<bool> stopping{false};
    sync::HttpClient client(settings.trust, settings.limits, settings.token, stopping);
    const sync::HttpRequest request{sync::HttpRequest::Method::Post, settings.server_url + "/v1/records", body, {}};

    const auto first = client.send(request);
    const auto second = client.send(request);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(second->status, 200);
    auto outcomes = sync::read_batch_answer(second->body, records.value());
    ASSERT_TRUE(outcomes.ok()) << outcomes.error().message;
    for (const store::OutboxOutcome& outcome : outcomes.value())
        EXPECT_FALSE(outcome.refused_reason.has_value()) << "a repeat is acknowledged, not refused";
    EXPECT_NE(second->body.find("\"duplicate\""), std::string::npos) << second->body;
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record"), 12);

    // The kiosk never heard the answers: it sends them a third time and is done.
    const sync::SyncPass pass = engine(settings)->run_once();
    EXPECT_TRUE(pass.ok()) << pass.problem;
    EXPECT_EQ(pass.delivered, 12);
    EXPECT_EQ(waiting(), 0);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM record"), 12);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM conflict"), 0);
}

std::string calendar_with(const std::string& uid, const std::string& title, const std::string& start)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone test//FI\r\nBEGIN:VEVENT\r\nUID:" + uid
        + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Helsinki:" + start
        + "\r\nDURATION:PT1H\r\nSUMMARY:" + title + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
}

TEST_F(SyncRoundTrip, ProgrammeChangesOnTheServerAppearOnTheKiosk)
{
    const TimeZone zone = TimeZone::named("Europe/Helsinki").value();
    store::ProgrammeCache cache(site.kiosk().database());
    app::ProgrammeSource programme(cache, site.kiosk().database(), zone, clock,
                                   std::string(olohuone::test::source_dir()) + "/content", 6);
    const CivilDate tuesday{2026, 11, 24};
    const auto titles = [&] {
        std::vector<std::string> seen;
        for (const Occurrence& occurrence : programme.occurrences_on(tuesday))
            seen.push_back(occurrence.title.default_text());
        return seen;
    };
    const std::vector<std::string> bundled = titles();
    ASSERT_FALSE(bundled.empty()) << "the bundled programme shows until the server has one";

    std::ofstream(site.file("bingo.ics")) << calendar_with("bingo-1@test", "Bingo palvelimelta", "20261124T140000");
    ASSERT_NE(site.admin("import-programme --site " + site.site_id + " " + site.file("bingo.ics")).find("imported"),
              std::string::npos);
    auto kiosk = engine(site.settings(), [&](const std::vector<CalendarFile>& calendars) {
        return programme.check(calendars);
    });
    const sync::SyncPass first = kiosk->run_once();
    EXPECT_TRUE(first.ok()) << first.problem;
    EXPECT_TRUE(first.programme_changed);
    EXPECT_EQ(programme_notices, 1);
    programme.notice_new_calendars();
    EXPECT_EQ(titles(), std::vector<std::string>{"Bingo palvelimelta"}) << "the site's programme replaces the bundled one";

    const sync::SyncPass unchanged = kiosk->run_once();
    EXPECT_TRUE(unchanged.ok()) << unchanged.problem;
    EXPECT_FALSE(unchanged.programme_changed) << "an unchanged programme is not downloaded again (304)";

    std::ofstream(site.file("bingo.ics")) << calendar_with("bingo-1@test", "Bingo siirtyi iltapäivään", "20261124T150000");
    ASSERT_NE(site.admin("import-programme --site " + site.site_id + " " + site.file("bingo.ics")).find("imported"),
              std::string::npos);
    const sync::SyncPass changed = kiosk->run_once();
    EXPECT_TRUE(changed.programme_changed) << changed.problem;
    programme.notice_new_calendars();
    EXPECT_EQ(titles(), std::vector<std::string>{"Bingo siirtyi iltapäivään"});

    // A restart reads the stored download: no network needed.
    store::ProgrammeCache cache_after(site.kiosk().database());
    app::ProgrammeSource restarted(cache_after, site.kiosk().database(), zone, clock,
                                   std::string(olohuone::test::source_dir()) + "/content", 6);
    ASSERT_EQ(restarted.occurrences_on(tuesday).size(), 1u);
    EXPECT_EQ(restarted.occurrences_on(tuesday).front().title.default_text(), "Bingo siirtyi iltapäivään");
}

TEST_F(SyncRoundTrip, TheSyncThreadDeliversWhileTheScreensKeepWriting)
{
    sync::SyncSettings settings = site.settings();
    settings.interval_seconds = 1;
    auto kiosk = engine(settings);
    kiosk->start();
    store::VisitLog visits(site.kiosk().database());
    for (int i = 0; i < 40; ++i) {
        SignInDraft draft;
        draft.key = store::new_record_key();
        draft.group_id = "resident";
        draft.typed_name = "Asukas " + letters_for(i);
        ASSERT_TRUE(visits.sign_in(draft, {tuesday_morning + i, true}).ok()) << "the screen never waits for the sync";
    }
    EXPECT_TRUE(eventually([&] { return site.on_server("SELECT count(*) FROM record") == 40 && waiting() == 0; }));
    kiosk->stop();
    EXPECT_EQ(site.on_server("SELECT count(DISTINCT key) FROM record"), 40);
}

TEST_F(SyncRoundTrip, HeartbeatsTellTheServerHowTheKioskIsDoing)
{
    site.sign_in_visitors(3, tuesday_morning);
    const sync::SyncPass pass = engine(site.settings())->run_once();
    ASSERT_TRUE(pass.ok()) << pass.problem;
    const std::string kiosks = site.admin("list-kiosks");
    EXPECT_NE(kiosks.find("0.1.0-test"), std::string::npos) << kiosks;
    EXPECT_TRUE(store::read_sync_state(site.kiosk().database())->last_heartbeat_at.has_value());
}

} // namespace
} // namespace olohuone::testing
