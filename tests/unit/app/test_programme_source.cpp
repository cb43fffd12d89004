// The programme source between the calendar files and the screens: the first look
// imports; a broken file never empties the screen; staff edits show within a minute;
// a picture that is not there is left out. Real files, a real database, virtual time.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "app/programme_source.h"
#include "app_test_support.h"
#include "core/clock.h"
#include "core/time_zone.h"
#include "store/store.h"
#include "support/instants.h"

namespace olohuone::app {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using test::write_file;

using test::utc;

// One VEVENT; times in UTC ("20261124T070000Z" is 9.00 in Helsinki in November).
std::string event(const std::string& uid, const std::string& summary, const std::string& start,
                  const std::string& end, const std::string& picture = {})
{
    std::string text = "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T080000Z\r\nDTSTART:" + start
        + "\r\nDTEND:" + end + "\r\nSUMMARY:" + summary + "\r\n";
    if (!picture.empty())
        text += "X-OLOHUONE-PICTURE:" + picture + "\r\n";
    return text + "END:VEVENT\r\n";
}

std::string calendar(const std::string& events)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Koivukoti//Olohuone tests//FI\r\n" + events
        + "END:VCALENDAR\r\n";
}

const CivilDate tuesday{2026, 11, 24};
const CivilDate wednesday{2026, 11, 25};

const std::string good_programme = calendar(
    event("aamukahvi@koivukoti", "Aamukahvi", "20261124T070000Z", "20261124T080000Z", "pictures/kahvi.png")
    + event("bingo@koivukoti", "Bingo", "20261124T110000Z", "20261124T120000Z", "pictures/puuttuu.png")
    + event("jumppa@koivukoti", "Tuolijumppa", "20261125T080000Z", "20261125T090000Z"));

// What a web server answers when the calendar's share link has expired.
const std::string not_a_calendar = "<!DOCTYPE html>\n<html lang=\"fi\"><head><title>404 Not Found</title></head>\n"
                                   "<body><h1>Sivua ei löytynyt</h1></body></html>\n";

class AppProgrammeSource : public ::testing::Test {
protected:
    void SetUp() override
    {
        write_file(content / "pictures" / "kahvi.png", "\x89PNG\r\n\x1a\n");
        write_programme(good_programme);
        open();
    }

    void open()
    {
        source.reset();
        cache.reset();
        store.reset();
        auto opened = store::Store::open(database_path);
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        store.emplace(std::move(opened).value());
        cache.emplace(store->database());
        source.emplace(*cache, store->database(), zone, clock, content.string(), 6);
    }

    void write_programme(const std::string& text) { write_file(calendar_path, text); }

    std::vector<std::string> titles_on(const CivilDate& date)
    {
        std::vector<std::string> titles;
        for (const Occurrence& occurrence : source->occurrences_on(date))
            titles.push_back(occurrence.title.default_text());
        return titles;
    }

    std::optional<store::ProgrammeSource> cached_source()
    {
        auto cached = cache->source();
        EXPECT_TRUE(cached.ok()) << (cached.ok() ? std::string() : cached.error().message);
        return cached.ok() ? cached.value() : std::nullopt;
    }

    void advance_seconds(int seconds) { clock.advance_ms(std::int64_t{seconds} * 1000); }

    TempDir dir;
    const fs::path content = dir.path() / "content";
    const fs::path calendar_path = content / "programme" / "weekly.ics";
    const std::string database_path = dir.file("olohuone.db");
    const TimeZone zone = TimeZone::named("Europe/Helsinki").value();
    ManualClock clock{utc(2026, 11, 24, 6)}; // Tuesday 8.00 in Helsinki
    std::optional<store::Store> store;
    std::optional<store::ProgrammeCache> cache;
    std::optional<ProgrammeSource> source;
};

using Titles = std::vector<std::string>;

TEST_F(AppProgrammeSource, FirstLookImportsTheCalendarFiles)
{
    ASSERT_FALSE(cached_source().has_value()) << "nothing imported before the first look";

    EXPECT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Bingo"}));
    EXPECT_EQ(titles_on(wednesday), (Titles{"Tuolijumppa"}));

    const auto imported = cached_source();
    ASSERT_TRUE(imported.has_value());
    EXPECT_EQ(imported->imported_at, clock.now());
    EXPECT_NE(imported->signature.find("weekly.ics"), std::string::npos) << imported->signature;

    // Stored in the database file: a restart starts straight into the programme.
    source.reset();
    cache.reset();
    store.reset();
    auto reopened = store::Store::open(database_path);
    ASSERT_TRUE(reopened.ok()) << reopened.error().message;
    store::ProgrammeCache stored(reopened->database());
    EXPECT_EQ(stored.between(utc(2026, 11, 23, 22), utc(2026, 11, 25, 22)).value().size(), 3u);
}

TEST_F(AppProgrammeSource, PictureThatDoesNotExistIsDropped)
{
    const auto occurrences = source->occurrences_on(tuesday);
    ASSERT_EQ(occurrences.size(), 2u);
    EXPECT_EQ(occurrences[0].title.default_text(), "Aamukahvi");
    EXPECT_EQ(occurrences[0].picture, "pictures/kahvi.png") << "a picture that exists is kept";
    EXPECT_EQ(occurrences[1].title.default_text(), "Bingo");
    EXPECT_EQ(occurrences[1].picture, "") << "pictures/puuttuu.png does not exist and must not be shown";
}

TEST_F(AppProgrammeSource, CorruptFileKeepsThePreviousProgrammeOnScreen)
{
    ASSERT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Bingo"}));
    const auto before = cached_source();
    ASSERT_TRUE(before.has_value());

    write_programme(not_a_calendar);
    advance_seconds(61);
    ::testing::internal::CaptureStderr();
    const Titles after = titles_on(tuesday);
    const std::string log = ::testing::internal::GetCapturedStderr();

    EXPECT_EQ(after, (Titles{"Aamukahvi", "Bingo"}));
    EXPECT_NE(log.find(calendar_path.string()), std::string::npos)
        << "the re-check should have tried the new file and logged which one is bad; log:\n" << log;
    const auto still = cached_source();
    ASSERT_TRUE(still.has_value());
    EXPECT_EQ(still->signature, before->signature) << "the cache must still describe the good files";
    EXPECT_EQ(still->imported_at, before->imported_at);
}

TEST_F(AppProgrammeSource, TruncatedFileKeepsThePreviousProgrammeOnScreen)
{
    ASSERT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Bingo"}));
    write_programme(good_programme.substr(0, good_programme.size() / 2));
    advance_seconds(61);
    EXPECT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Bingo"}));
    EXPECT_FALSE(source->import_now());
    EXPECT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Bingo"}));
}

TEST_F(AppProgrammeSource, RestartWithABrokenFileShowsTheCachedProgramme)
{
    ASSERT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Bingo"}));
    write_programme(not_a_calendar);
    open(); // the kiosk restarts (power cut, update) while the file is broken
    EXPECT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Bingo"}));
}

TEST_F(AppProgrammeSource, ChangedFileIsReimportedWithinAMinute)
{
    ASSERT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Bingo"}));

    // Staff replace Bingo with a sing-along: a longer file.
    write_programme(calendar(
        event("aamukahvi@koivukoti", "Aamukahvi", "20261124T070000Z", "20261124T080000Z")
        + event("lauluhetki@koivukoti", "Lauluhetki", "20261124T110000Z", "20261124T120000Z")));

    advance_seconds(30);
    EXPECT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Bingo"})) << "files are checked at most once a minute";
    advance_seconds(31);
    EXPECT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Lauluhetki"}));
    EXPECT_TRUE(titles_on(wednesday).empty()) << "the removed event is gone too";
}

TEST_F(AppProgrammeSource, SameSizeFileWithNewTimeIsReimported)
{
    ASSERT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Bingo"}));
    const auto old_time = fs::last_write_time(calendar_path);

    std::string edited = good_programme;
    edited.replace(edited.find("SUMMARY:Bingo"), 13, "SUMMARY:Visa!");
    ASSERT_EQ(edited.size(), good_programme.size());
    write_programme(edited);
    fs::last_write_time(calendar_path, old_time + std::chrono::seconds(5));

    advance_seconds(61);
    EXPECT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Visa!"}));
}

TEST_F(AppProgrammeSource, UnchangedFilesAreNotReadAgain)
{
    ASSERT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Bingo"}));
    const auto first = cached_source();
    ASSERT_TRUE(first.has_value());

    advance_seconds(3600);
    EXPECT_EQ(titles_on(tuesday), (Titles{"Aamukahvi", "Bingo"}));
    EXPECT_EQ(cached_source()->imported_at, first->imported_at);
}

TEST_F(AppProgrammeSource, WeeksLaterTheProgrammeIsImportedForTheNewDays)
{
    // An event well beyond the weeks cached on the first import.
    write_programme(calendar(
        event("aamukahvi@koivukoti", "Aamukahvi", "20261124T070000Z", "20261124T080000Z")
        + event("loppiainen@koivukoti", "Loppiaisen kahvit", "20270105T110000Z", "20270105T120000Z")));
    ASSERT_EQ(titles_on(tuesday), (Titles{"Aamukahvi"}));
    const auto first = cached_source();
    ASSERT_TRUE(first.has_value());
    ASSERT_LT(first->window_to, utc(2027, 1, 5)) << "the test needs the event outside the first window";

    // The kiosk has been running for six weeks.
    clock.advance_ms((utc(2027, 1, 5, 6) - clock.now()) * 1000);
    EXPECT_EQ(titles_on(CivilDate{2027, 1, 5}), (Titles{"Loppiaisen kahvit"}));
    const auto later = cached_source();
    ASSERT_TRUE(later.has_value());
    EXPECT_GE(later->window_to, utc(2027, 1, 12));
}

TEST_F(AppProgrammeSource, NoCalendarFilesLeavesTheScreenEmptyWithoutCrashing)
{
    fs::remove(calendar_path);
    EXPECT_TRUE(titles_on(tuesday).empty());
    EXPECT_FALSE(cached_source().has_value());
}

} // namespace
} // namespace olohuone::app
