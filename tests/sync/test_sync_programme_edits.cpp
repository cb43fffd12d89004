// Staff's programme edit made on the kiosk, end to end with the real server over real
// HTTPS: recorded by the kiosk's store, sent and the programme fetched in one sync pass;
// the edit is then settled, and the occurrence the kiosk reads from the server's
// programme is as staff left it. A coordinator's later change of the same occurrence
// wins: after the next pass the kiosk's settled edit no longer shows, which is how staff
// see it was overruled.
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>

#include "app/programme_source.h"
#include "core/programme_edit.h"
#include "edits_calendar.h"
#include "site_edits.h"
#include "store/programme_cache.h"
#include "store/programme_edits.h"
#include "store/record_key.h"
#include "support/instants.h"
#include "sync_site.h"
#include "support/test_paths.h"

namespace olohuone::testing {
namespace {

using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki
const UnixSeconds bingo_start = test::utc(2026, 11, 24, 12);       // 14.00 in Helsinki
const CivilDate tuesday{2026, 11, 24};

// An edit of `uid` at `instance` under a new key, as staff mode starts one.
ProgrammeEdit edit_of(EditAction action, std::string uid, UnixSeconds instance)
{
    ProgrammeEdit edit;
    edit.action = action;
    edit.key = store::new_record_key();
    edit.uid = std::move(uid);
    edit.instance = instance;
    return edit;
}

class SyncProgrammeEdits : public ::testing::Test {
protected:
    SyncSite site;
    ManualClock clock{tuesday_morning};
    const TimeZone zone = TimeZone::named("Europe/Helsinki").value();
    store::ProgrammeCache cache{site.kiosk().database()};
    app::ProgrammeSource programme{cache, site.kiosk().database(), zone, clock,
                                   std::string(olohuone::test::source_dir()) + "/content", 6};
    std::unique_ptr<sync::SyncEngine> kiosk;

    void SetUp() override
    {
        site.start_server();
        std::ofstream(site.file("bingo.ics"))
            << "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone test//FI\r\nBEGIN:VEVENT\r\nUID:bingo@test\r\n"
               "DTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Helsinki:20261124T140000\r\nDURATION:PT1H\r\n"
               "SUMMARY:Bingo\r\nLOCATION:Olohuone\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        ASSERT_NE(site.admin("import-programme --site " + site.site_id + " " + site.file("bingo.ics")).find("imported"),
                  std::string::npos);
        kiosk = std::make_unique<sync::SyncEngine>(
            site.settings(), site.kiosk_database(), clock,
            [this](const std::vector<CalendarFile>& calendars) { return programme.check(calendars); },
            [this] { programme.notice_new_calendars(); });
        const sync::SyncPass first = kiosk->run_once();
        ASSERT_TRUE(first.ok()) << first.problem;
        ASSERT_TRUE(bingo()) << "the kiosk shows the site's programme";
    }

    // The bingo as the kiosk's screens read it now.
    std::optional<Occurrence> bingo()
    {
        for (const Occurrence& occurrence : programme.occurrences_on(tuesday))
            if (occurrence.uid == "bingo@test" && occurrence.instance == bingo_start)
                return occurrence;
        return std::nullopt;
    }

    store::EditState state_of(const std::string& key)
    {
        auto edits = store::programme_edits(site.kiosk().database());
        EXPECT_TRUE(edits.ok());
        for (const store::StoredEdit& stored : edits.value())
            if (stored.edit.key == key)
                return stored.state;
        ADD_FAILURE() << "no edit " << key;
        return store::EditState::Refused;
    }

    // A coordinator puts the bingo on again on the week page ("Palauta tämä kerta"): the
    // page's own change of one occurrence, stored through the server's store beside the
    // running server, as the page stores it.
    void coordinator_restores_bingo()
    {
        auto store = server::open_sqlite_server_store(site.file("server-state") + "/olohuone-server.sqlite3");
        ASSERT_TRUE(store.ok()) << store.error().message;
        auto calendars = store.value()->site_programme(std::stoll(site.site_id), server::CalendarTexts::Include);
        ASSERT_TRUE(calendars.ok());
        std::vector<CalendarFile> files;
        for (const server::SiteCalendar& calendar : calendars->calendars)
            files.push_back({calendar.name, calendar.ics});
        auto imported = import_programme(files, zone, {bingo_start - 86400, bingo_start + 86400});
        ASSERT_TRUE(imported.ok());
        std::optional<Occurrence> shown;
        for (const Occurrence& occurrence : imported->occurrences)
            if (occurrence.uid == "bingo@test")
                shown = occurrence;
        ASSERT_TRUE(shown);
        auto changed = store.value()->change_event_edits(
            std::stoll(site.site_id),
            [&](std::vector<server::EventEdit> edits) -> Result<server::ServerStore::EditsAndCalendar> {
                server::set_occurrence_cancelled(edits, *shown, server::Cancellation::Restore, std::time(nullptr));
                auto ics = server::write_edits_calendar(edits, zone);
                if (!ics)
                    return ics.error();
                return server::ServerStore::EditsAndCalendar{std::move(edits), std::move(ics.value())};
            },
            std::time(nullptr));
        ASSERT_TRUE(changed.ok()) << changed.error().message;
    }
};

TEST_F(SyncProgrammeEdits, AnEditSettlesInOnePassAndShowsInTheServersProgramme)
{
    ProgrammeEdit change = edit_of(EditAction::Change, "bingo@test", bingo_start);
    change.start = bingo_start + 3600;
    change.end = bingo_start + 7200;
    change.capacity = 10;
    change.location = "Sali 2";
    ASSERT_TRUE(store::record_programme_edit(site.kiosk().database(), change, {tuesday_morning + 60, true}).ok());
    EXPECT_EQ(state_of(change.key), store::EditState::Local);
    ASSERT_TRUE(bingo());
    EXPECT_TRUE(edit_shows_in(change, *bingo())) << "staff see their edit at once";

    clock.advance_ms(60 * 1000);
    const sync::SyncPass pass = kiosk->run_once();
    ASSERT_TRUE(pass.ok()) << pass.problem;
    EXPECT_EQ(pass.delivered, 1);
    EXPECT_TRUE(pass.programme_changed) << "the server applied the edit before it answered";
    EXPECT_EQ(state_of(change.key), store::EditState::Settled);
    const auto shown = bingo();
    ASSERT_TRUE(shown);
    EXPECT_TRUE(edit_shows_in(change, *shown)) << "now from the server's programme, not laid over it";
    EXPECT_EQ(shown->start, bingo_start + 3600);
    EXPECT_EQ(shown->location.default_text(), "Sali 2");
    EXPECT_EQ(shown->capacity, 10);
    EXPECT_EQ(site.on_server("SELECT count(*) FROM site_event_edit WHERE kiosk_id IS NOT NULL"), 1);
}

TEST_F(SyncProgrammeEdits, ACoordinatorsLaterChangeOverrulesTheKiosksSettledEdit)
{
    const ProgrammeEdit cancel = edit_of(EditAction::Cancel, "bingo@test", bingo_start);
    ASSERT_TRUE(store::record_programme_edit(site.kiosk().database(), cancel, {tuesday_morning + 60, true}).ok());
    clock.advance_ms(60 * 1000);
    ASSERT_TRUE(kiosk->run_once().ok());
    ASSERT_EQ(state_of(cancel.key), store::EditState::Settled);
    ASSERT_TRUE(bingo());
    EXPECT_EQ(bingo()->status, EventStatus::Cancelled);
    EXPECT_TRUE(edit_shows_in(cancel, *bingo()));

    // Later, on the week page: the bingo is on after all.
    coordinator_restores_bingo();
    clock.advance_ms(60 * 1000);
    const sync::SyncPass pass = kiosk->run_once();
    ASSERT_TRUE(pass.ok()) << pass.problem;
    EXPECT_TRUE(pass.programme_changed);
    const auto shown = bingo();
    ASSERT_TRUE(shown);
    EXPECT_EQ(shown->status, EventStatus::Scheduled);
    EXPECT_EQ(state_of(cancel.key), store::EditState::Settled);
    EXPECT_FALSE(edit_shows_in(cancel, *shown)) << "staff see their edit overruled";
}

} // namespace
} // namespace olohuone::testing
