// import-programme on a kiosk without a server: calendar files become the programme the
// running kiosk shows (its ProgrammeSource notices the new ETag), all or nothing.
#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>

#include "app/programme_source.h"
#include "core/clock.h"
#include "kiosk_fixture.h"
#include "store/programme_cache.h"
#include "store/sync_state.h"
#include "support/test_paths.h"

namespace olohuone::testing {
namespace {

std::string calendar(const std::string& events)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + events + "END:VCALENDAR\r\n";
}

// Every day at 10:00 in Helsinki since January: one occurrence on each day shown.
const std::string daily = calendar("BEGIN:VEVENT\r\nUID:aamukahvi\r\nDTSTAMP:20260101T000000Z\r\n"
                                   "DTSTART;TZID=Europe/Helsinki:20260101T100000\r\n"
                                   "DTEND;TZID=Europe/Helsinki:20260101T110000\r\nRRULE:FREQ=DAILY\r\n"
                                   "SUMMARY:Aamukahvi\r\nEND:VEVENT\r\n");

// One event at 12:00 UTC three days from now, in UTC's calendar: two or three days ahead
// in Helsinki, inside the seven days a kiosk shows either way.
std::string one_trip(UnixSeconds now)
{
    const std::time_t later = now + 3 * 24 * 3600;
    std::tm day{};
    gmtime_r(&later, &day);
    char date[16];
    std::strftime(date, sizeof date, "%Y%m%d", &day);
    return calendar(std::string("BEGIN:VEVENT\r\nUID:retki\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:") + date
                    + "T120000Z\r\nDTEND:" + date + "T140000Z\r\nSUMMARY:Syysretki Nuuksioon\r\nEND:VEVENT\r\n");
}

const std::string bundled = calendar("BEGIN:VEVENT\r\nUID:bundled\r\nDTSTAMP:20260101T000000Z\r\n"
                                     "DTSTART;TZID=Europe/Helsinki:20260101T090000\r\n"
                                     "DTEND;TZID=Europe/Helsinki:20260101T093000\r\nRRULE:FREQ=DAILY\r\n"
                                     "SUMMARY:Esimerkki\r\nEND:VEVENT\r\n");

class ImportProgrammeTest : public KioskFixture {
protected:
    std::string file(const std::string& name, const std::string& text)
    {
        const std::string path = dir.file(name);
        std::filesystem::create_directories(std::filesystem::path(path).parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    std::string etag() { return store::read_sync_state(store().database()).value().programme_etag; }
    std::set<std::string> cached_uids(UnixSeconds from, UnixSeconds to)
    {
        store::ProgrammeCache cache(store().database());
        auto cached = cache.between(from, to);
        EXPECT_TRUE(cached.ok());
        std::set<std::string> uids;
        if (cached.ok())
            for (const Occurrence& occurrence : cached.value())
                uids.insert(occurrence.uid);
        return uids;
    }
};

TEST_F(ImportProgrammeTest, TheFilesBecomeTheProgrammeTheRunningKioskShows)
{
    write_programme("bundled.ics", bundled);
    const UnixSeconds now = std::time(nullptr);
    // The kiosk is running with its bundled programme.
    ManualClock clock(now);
    store::ProgrammeCache cache(store().database());
    app::ProgrammeSource source(cache, store().database(), helsinki(), clock, content_dir, 6);
    source.refresh_if_needed();
    ASSERT_EQ(cached_uids(now, now + 2 * 24 * 3600), std::set<std::string>{"bundled"});

    const CtlRun run = kiosk({"import-programme", file("viikko.ics", daily), file("retket.ics", one_trip(now))});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    // Seven days of coffee (today and the six ahead) and the trip.
    EXPECT_EQ(run.out, "imported 2 calendars, 8 occurrences in the next 7 days\n");
    EXPECT_EQ(number("SELECT count(*) FROM server_calendar WHERE name IN ('viikko.ics', 'retket.ics')"), 2);
    EXPECT_EQ(etag().rfind("local-", 0), 0u) << etag();

    // Within the minute the kiosk looks again, and shows the new programme only.
    clock.advance_ms(61'000);
    source.refresh_if_needed();
    EXPECT_EQ(cached_uids(now, now + 4 * 24 * 3600), (std::set<std::string>{"aamukahvi", "retki"}));
}

TEST_F(ImportProgrammeTest, TheSameFilesAgainKeepTheETagAndAnEditedOneChangesIt)
{
    const std::string weekly = file("viikko.ics", daily);
    ASSERT_EQ(kiosk({"import-programme", weekly}).exit_code, 0);
    const std::string first = etag();
    ASSERT_EQ(kiosk({"import-programme", weekly}).exit_code, 0);
    EXPECT_EQ(etag(), first);
    file("viikko.ics", calendar("BEGIN:VEVENT\r\nUID:aamukahvi\r\nDTSTAMP:20260101T000000Z\r\n"
                                "DTSTART;TZID=Europe/Helsinki:20260101T100000\r\n"
                                "DTEND;TZID=Europe/Helsinki:20260101T110000\r\nRRULE:FREQ=DAILY\r\n"
                                "SUMMARY:Aamukahvi ja lehdet\r\nEND:VEVENT\r\n"));
    const CtlRun edited = kiosk({"import-programme", weekly});
    ASSERT_EQ(edited.exit_code, 0) << edited.err;
    EXPECT_EQ(edited.out, "imported 1 calendar, 7 occurrences in the next 7 days\n");
    EXPECT_NE(etag(), first);
}

TEST_F(ImportProgrammeTest, AMissingFileIsExit66AndACorruptOneExit65AndNothingChanges)
{
    ASSERT_EQ(kiosk({"import-programme", file("viikko.ics", daily)}).exit_code, 0);
    const std::string before = etag();

    const std::string missing = dir.file("ei-ole.ics");
    const CtlRun absent = kiosk({"import-programme", file("retket.ics", one_trip(std::time(nullptr))), missing});
    EXPECT_EQ(absent.exit_code, 66);
    EXPECT_NE(absent.err.find(missing + ": cannot read the file"), std::string::npos) << absent.err;

    for (const std::string bad : {"not_calendar.ics", "truncated.ics", "utf16.ics"}) {
        const std::string path = std::string(olohuone::test::data_dir()) + "/ics/" + bad;
        const CtlRun corrupt = kiosk({"import-programme", dir.file("retket.ics"), path});
        EXPECT_EQ(corrupt.exit_code, 65) << bad;
        EXPECT_NE(corrupt.err.find(path), std::string::npos) << corrupt.err;
        EXPECT_NE(corrupt.err.find("nothing was changed"), std::string::npos) << corrupt.err;
    }
    const CtlRun twice = kiosk({"import-programme", dir.file("viikko.ics"), file("muu/viikko.ics", daily)});
    EXPECT_EQ(twice.exit_code, 65);
    EXPECT_NE(twice.err.find("also named viikko.ics"), std::string::npos) << twice.err;

    EXPECT_EQ(etag(), before);
    EXPECT_EQ(number("SELECT count(*) FROM server_calendar"), 1);
}

TEST_F(ImportProgrammeTest, AKioskWithAServerIsToldToImportThere)
{
    write_config("[sync]\nserver_url = \"https://olohuone.example\"\nsite = 3\ntoken_file = \"" + dir.file("token")
                 + "\"\n");
    const CtlRun run = kiosk({"import-programme", file("viikko.ics", daily)});
    EXPECT_EQ(run.exit_code, 64);
    EXPECT_NE(run.err.find("gets its programme from the server"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("olohuonectl server import-programme --site 3"), std::string::npos) << run.err;
    EXPECT_FALSE(std::filesystem::exists(state_dir + "/olohuone.sqlite3"));
}

TEST_F(ImportProgrammeTest, AWrongConfigurationIsExit78NamingTheKey)
{
    std::ofstream(config_path) << "[kiosk]\nidle_timeout_seconds = 5\n";
    const CtlRun run = kiosk({"import-programme", file("viikko.ics", daily)});
    EXPECT_EQ(run.exit_code, 78);
    EXPECT_NE(run.err.find("kiosk.idle_timeout_seconds"), std::string::npos) << run.err;
    const CtlRun missing = run_ctl({"kiosk", "-c", dir.file("no-such.toml"), "present"});
    EXPECT_EQ(missing.exit_code, 78);
    EXPECT_NE(missing.err.find(dir.file("no-such.toml")), std::string::npos) << missing.err;
}

} // namespace
} // namespace olohuone::testing
