// export-visits, export-attendance and present through the real olohuonectl against a
// kiosk database seeded through the real store: the CSV a coordinator opens, its
// columns and values computed here by hand, in local (Helsinki) time.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "kiosk_fixture.h"
#include "support/instants.h"
#include "support/file_text.h"

namespace olohuone::testing {
namespace {

using test::utc;

using test::file_text;

// Tuesday 24 November 2026. Helsinki is UTC+2 in November, so 08:15 UTC is 10:15 there.
class ExportTest : public KioskFixture {
protected:
    void seed_visits()
    {
        // 00:30 in Helsinki on the 24th is still the 23rd in UTC: the local date counts.
        sign_in("Eero Mäkinen", "resident", utc(2026, 11, 23, 22, 30));
        const std::string asa = sign_in("Åsa Öhman", "relative", utc(2026, 11, 24, 8, 15), "resident");
        sign_in("Aino Korhonen", "resident", utc(2026, 11, 24, 8, 30), "", "rose");
        count_anonymous("other", utc(2026, 11, 24, 10, 0));
        sign_out(asa, utc(2026, 11, 24, 9, 40));
        // The kiosk's closing time (20:00) passes: the two still in are signed out at it.
        store::VisitLog log(store().database());
        ASSERT_EQ(log.sign_out_automatically({20, 0, 0}, helsinki(), {utc(2026, 11, 24, 19, 0), true}).value(), 2);
        // The next day, and the day before in local time: outside a period of the 24th.
        sign_in("Lars Åberg", "volunteer", utc(2026, 11, 25, 7, 0));
        sign_in("Lars Åberg", "volunteer", utc(2026, 11, 23, 21, 59));
    }
};

TEST_F(ExportTest, VisitsOfADayAreOneRowEachInLocalTimeWithFinnishLabels)
{
    seed_visits();
    const CtlRun run = kiosk({"export-visits", "--from", "2026-11-24", "--to", "2026-11-24"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    const std::vector<std::string> expected = {
        "date;signed_in;signed_out;name;group;whom;marker;anonymous;signed_out_automatically;signed_out_time_unknown",
        "2026-11-24;00:30;20:00;Eero Mäkinen;Asukas;;;0;1;0",
        "2026-11-24;10:15;11:40;Åsa Öhman;Omainen tai ystävä;Asukasta;;0;0;0",
        "2026-11-24;10:30;20:00;Aino Korhonen;Asukas;;Ruusu;0;1;0",
        "2026-11-24;12:00;;;Muu kävijä;;;1;0;0",
    };
    EXPECT_EQ(csv_lines(run.out), expected);
}

TEST_F(ExportTest, ACommaSeparatorAndAFileOfTwoDays)
{
    seed_visits();
    const std::string file = dir.file("käynnit.csv");
    const CtlRun run = kiosk({"export-visits", "--from", "2026-11-24", "--to", "2026-11-25", "--separator", ",", "-o",
                              file});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "wrote 5 visits to " + file + "\n");
    const std::vector<std::string> lines = csv_lines(file_text(file));
    ASSERT_EQ(lines.size(), 6u);
    EXPECT_EQ(lines[0], "date,signed_in,signed_out,name,group,whom,marker,anonymous,signed_out_automatically,signed_out_time_unknown");
    EXPECT_EQ(lines[2], "2026-11-24,10:15,11:40,Åsa Öhman,Omainen tai ystävä,Asukasta,,0,0,0");
    EXPECT_EQ(lines[5], "2026-11-25,09:00,,Lars Åberg,Vapaaehtoinen,,,0,0,0");
    EXPECT_TRUE(std::filesystem::directory_iterator(dir.path()) != std::filesystem::directory_iterator());
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << "left behind: " << entry.path();
}

// The clock stepped back between a sign-in and its sign-out (a restart without the
// network): the visit ends at its start, flagged, never before it began.
TEST_F(ExportTest, ASignOutOnAClockSteppedBackEndsAtTheStartAndSaysSo)
{
    const std::string matti = sign_in("Matti Virtanen", "resident", utc(2026, 11, 24, 8, 15));
    sign_out(matti, utc(2026, 11, 24, 7, 0)); // 09:00 in Helsinki, before his 10:15
    const CtlRun run = kiosk({"export-visits", "--from", "2026-11-24", "--to", "2026-11-24"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::vector<std::string> lines = csv_lines(run.out);
    ASSERT_EQ(lines.size(), 2u) << run.out;
    EXPECT_EQ(lines[1], "2026-11-24;10:15;10:15;Matti Virtanen;Asukas;;;0;0;1");
}

TEST_F(ExportTest, APeriodWithoutVisitsIsTheHeaderAlone)
{
    seed_visits();
    const CtlRun run = kiosk({"export-visits", "--from", "2026-12-01", "--to", "2026-12-31"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(csv_lines(run.out).size(), 1u);
}

const char* programme_ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                            "BEGIN:VEVENT\r\nUID:tuolijumppa\r\nDTSTAMP:20261101T000000Z\r\n"
                            "DTSTART;TZID=Europe/Helsinki:20261103T110000\r\n"
                            "DTEND;TZID=Europe/Helsinki:20261103T120000\r\n"
                            "RRULE:FREQ=WEEKLY\r\nSUMMARY:Tuolijumppa ja venyttely\r\nEND:VEVENT\r\n"
                            "BEGIN:VEVENT\r\nUID:bingo\r\nDTSTAMP:20261101T000000Z\r\n"
                            "DTSTART;TZID=Europe/Helsinki:20261124T140000\r\n"
                            "DTEND;TZID=Europe/Helsinki:20261124T150000\r\n"
                            "SUMMARY:Bingo\\; kahvi ja pulla\r\nEND:VEVENT\r\n"
                            "END:VCALENDAR\r\n";

TEST_F(ExportTest, AttendancePerActivityWithTitlesFromTheProgramme)
{
    write_programme("viikko.ics", programme_ics);
    const Occurrence gym = activity("tuolijumppa", utc(2026, 11, 24, 9, 0), 2);
    const Occurrence bingo = activity("bingo", utc(2026, 11, 24, 12, 0));
    const Occurrence trip = activity("retki-poistettu", utc(2026, 11, 24, 14, 0));
    const Occurrence next_week = activity("tuolijumppa", utc(2026, 12, 1, 9, 0), 2);
    const UnixSeconds morning = utc(2026, 11, 23, 8, 0);
    register_for(gym, "Aino Korhonen", "resident", morning);
    register_for(gym, "Åsa Öhman", "relative", morning + 60);
    register_for(gym, "Eero Mäkinen", "resident", morning + 120); // waits: two places
    cancel(gym, "Åsa Öhman", "relative", morning + 600);          // Eero moves up
    mark_here(gym, "Aino Korhonen", "resident", utc(2026, 11, 24, 8, 50));
    mark_here(gym, "Lars Åberg", "volunteer", utc(2026, 11, 24, 8, 55)); // came without registering
    count_here(gym, utc(2026, 11, 24, 8, 56));
    count_here(gym, utc(2026, 11, 24, 8, 57));
    // Marked by mistake, and taken back by staff: neither counts.
    mark_here(gym, "Eero Mäkinen", "resident", utc(2026, 11, 24, 9, 0));
    withdraw(gym, "Eero Mäkinen", "resident", utc(2026, 11, 24, 9, 5));
    count_here(gym, utc(2026, 11, 24, 9, 1));
    withdraw(gym, "", "", utc(2026, 11, 24, 9, 6));
    count_here(bingo, utc(2026, 11, 24, 11, 55));
    count_here(trip, utc(2026, 11, 24, 13, 55));
    register_for(next_week, "Aino Korhonen", "resident", morning);

    const CtlRun run = kiosk({"export-attendance", "--from", "2026-11-24", "--to", "2026-11-24"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::vector<std::string> expected = {
        "date;time;activity;registered;cancelled;present_by_name;of_them_registered;anonymous;present_total;"
        "activity_id",
        // Aino and Eero registered, Åsa cancelled; Aino (registered) and Lars came, two counted.
        "2026-11-24;11:00;Tuolijumppa ja venyttely;2;1;2;1;2;4;tuolijumppa",
        "2026-11-24;14:00;\"Bingo; kahvi ja pulla\";0;0;0;0;1;1;bingo",
        // No longer on the programme: shown by its id.
        "2026-11-24;16:00;;0;0;0;0;1;1;retki-poistettu",
    };
    EXPECT_EQ(csv_lines(run.out), expected);
}

// The wall clock in Helsinki for `at`, from the C library.
std::string helsinki_clock(UnixSeconds at)
{
    const char* before = std::getenv("TZ");
    const std::string saved = before ? before : "";
    setenv("TZ", "Europe/Helsinki", 1);
    tzset();
    const std::time_t time = at;
    std::tm local{};
    localtime_r(&time, &local);
    char text[8];
    std::strftime(text, sizeof text, "%H:%M", &local);
    if (before)
        setenv("TZ", saved.c_str(), 1);
    else
        unsetenv("TZ");
    tzset();
    return text;
}

TEST_F(ExportTest, PresentListsWhoIsSignedInNowAndNotWhoLeftOrWasLeftOpenOnAnEarlierDay)
{
    const UnixSeconds now = std::time(nullptr);
    sign_in("Åsa Öhman", "relative", now);
    sign_in("Aino Korhonen", "resident", now);
    sign_out(sign_in("Eero Mäkinen", "resident", now), now);
    count_anonymous("other", now);
    // Three days ago, never signed out, and the kiosk was off at closing time.
    sign_in("Lars Åberg", "volunteer", now - 3 * 24 * 3600);

    const std::string file = dir.file("paikalla.csv");
    const CtlRun run = kiosk({"present", "-o", file});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "wrote 2 people to " + file + "\n");
    const std::string since = helsinki_clock(now);
    const std::vector<std::string> expected = {"name;group;since", "Åsa Öhman;Omainen tai ystävä;" + since,
                                               "Aino Korhonen;Asukas;" + since};
    EXPECT_EQ(csv_lines(file_text(file)), expected);
}

TEST_F(ExportTest, BadDatesAndAPeriodBackwardsAreRefusedNamingTheOption)
{
    seed_visits();
    const CtlRun month = kiosk({"export-visits", "--from", "2026-13-01", "--to", "2026-12-31"});
    EXPECT_EQ(month.exit_code, 64);
    EXPECT_NE(month.err.find("--from '2026-13-01'"), std::string::npos) << month.err;
    EXPECT_EQ(month.out, "");
    const CtlRun format = kiosk({"export-attendance", "--from", "2026-11-01", "--to", "24.11.2026"});
    EXPECT_EQ(format.exit_code, 64);
    EXPECT_NE(format.err.find("--to '24.11.2026': expected a date as YYYY-MM-DD"), std::string::npos) << format.err;
    const CtlRun backwards = kiosk({"export-visits", "--from", "2026-11-25", "--to", "2026-11-24"});
    EXPECT_EQ(backwards.exit_code, 64);
    EXPECT_NE(backwards.err.find("--to 2026-11-24 is before --from 2026-11-25"), std::string::npos) << backwards.err;
    const CtlRun separator = kiosk({"export-visits", "--from", "2026-11-24", "--to", "2026-11-24", "--separator", "|"});
    EXPECT_EQ(separator.exit_code, 64);
    EXPECT_NE(separator.err.find("--separator"), std::string::npos) << separator.err;
}

TEST_F(ExportTest, AnOutputThatCannotBeWrittenIsExit73NamingTheFile)
{
    seed_visits();
    const std::string file = dir.file("no-such-folder/visits.csv");
    const CtlRun run = kiosk({"export-visits", "--from", "2026-11-24", "--to", "2026-11-24", "-o", file});
    EXPECT_EQ(run.exit_code, 73);
    EXPECT_NE(run.err.find(file + ": cannot write the file"), std::string::npos) << run.err;
    const CtlRun folder = kiosk({"present", "-o", dir.path().string()});
    EXPECT_EQ(folder.exit_code, 73);
    EXPECT_NE(folder.err.find("is a folder"), std::string::npos) << folder.err;
}

TEST_F(ExportTest, AKioskWithoutADatabaseIsExit66NamingTheFile)
{
    const CtlRun run = kiosk({"present"});
    EXPECT_EQ(run.exit_code, 66);
    EXPECT_NE(run.err.find(state_dir + "/olohuone.sqlite3: there is no kiosk database here"), std::string::npos)
        << run.err;
    EXPECT_FALSE(std::filesystem::exists(state_dir + "/olohuone.sqlite3")) << "a report makes no database";
}

} // namespace
} // namespace olohuone::testing
