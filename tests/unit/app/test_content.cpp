// The bundled content folder: the real translation catalogs load; a language without
// a catalog, or a catalog that is for another language, is an error naming it.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/content.h"
#include "app_test_support.h"
#include "support/test_paths.h"

namespace olohuone::app {
namespace {

namespace fs = std::filesystem;
using test::fails_naming;
using test::TempDir;
using test::write_file;

const std::string content_dir = std::string(olohuone::test::source_dir()) + "/content";

TEST(AppCatalogs, RealContentLoadsInTheConfiguredOrder)
{
    auto catalogs = load_catalogs(content_dir, {"fi", "sv", "en"});
    ASSERT_TRUE(catalogs.ok()) << catalogs.error().message;
    ASSERT_EQ(catalogs->all().size(), 3u);
    EXPECT_EQ(catalogs->all()[0].language(), "fi");
    EXPECT_EQ(catalogs->all()[1].language(), "sv");
    EXPECT_EQ(catalogs->all()[2].language(), "en");
    EXPECT_EQ(catalogs->default_catalog().language(), "fi");
    EXPECT_EQ(catalogs->get("fi").native_name(), "Suomi");
    EXPECT_EQ(catalogs->get("sv").native_name(), "Svenska");
    EXPECT_EQ(catalogs->get("en").native_name(), "English");
    EXPECT_EQ(catalogs->get("fi").text("day.today"), "Tänään");
    EXPECT_EQ(catalogs->get("sv").text("day.today"), "I dag");
    EXPECT_EQ(catalogs->get("en").text("day.today"), "Today");
}

TEST(AppCatalogs, FirstConfiguredLanguageIsTheDefault)
{
    auto catalogs = load_catalogs(content_dir, {"sv", "fi"});
    ASSERT_TRUE(catalogs.ok()) << catalogs.error().message;
    EXPECT_EQ(catalogs->default_catalog().language(), "sv");
    EXPECT_FALSE(catalogs->has("en"));
}

TEST(AppCatalogs, MissingLanguageIsAnErrorNamingIt)
{
    const auto catalogs = load_catalogs(content_dir, {"fi", "de", "en"});
    EXPECT_TRUE(fails_naming(catalogs, "'de'"));
    EXPECT_TRUE(fails_naming(catalogs, content_dir + "/i18n/de.toml"));
}

TEST(AppCatalogs, CatalogForAnotherLanguageIsAnError)
{
    // Someone saved the Finnish catalog as sv.toml.
    const TempDir dir;
    const fs::path i18n = dir.path() / "i18n";
    fs::create_directories(i18n);
    fs::copy_file(content_dir + "/i18n/fi.toml", i18n / "fi.toml");
    fs::copy_file(content_dir + "/i18n/fi.toml", i18n / "sv.toml");
    const auto catalogs = load_catalogs(dir.path().string(), {"fi", "sv"});
    EXPECT_TRUE(fails_naming(catalogs, (i18n / "sv.toml").string()));
    EXPECT_TRUE(fails_naming(catalogs, "expected \"sv\""));
}

TEST(AppCatalogs, BrokenCatalogIsAnErrorNamingTheFile)
{
    const TempDir dir;
    const fs::path broken = dir.path() / "i18n" / "fi.toml";
    write_file(broken, "language = \"fi\"\nname = \"Suomi\n");
    EXPECT_TRUE(fails_naming(load_catalogs(dir.path().string(), {"fi"}), broken.string()));
}

TEST(AppContent, CalendarFilesAreReadSortedByNameAndOnlyIcs)
{
    const TempDir dir;
    const fs::path programme = dir.path() / "programme";
    write_file(programme / "b.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    write_file(programme / "a.ics", "A");
    write_file(programme / "notes.txt", "not a calendar");
    write_file(programme / "c.ics.bak", "old");
    auto files = read_calendar_files(dir.path().string());
    ASSERT_TRUE(files.ok()) << files.error().message;
    ASSERT_EQ(files->size(), 2u);
    EXPECT_EQ((*files)[0].name, (programme / "a.ics").string());
    EXPECT_EQ((*files)[0].text, "A");
    EXPECT_EQ((*files)[1].name, (programme / "b.ics").string());
}

TEST(AppContent, MissingProgrammeFolderIsAnErrorNamingIt)
{
    const TempDir dir;
    EXPECT_TRUE(fails_naming(read_calendar_files(dir.path().string()), dir.path().string() + "/programme"));
}

TEST(AppContent, SignatureChangesWhenAFileChanges)
{
    const TempDir dir;
    const fs::path file = dir.path() / "programme" / "weekly.ics";
    write_file(file, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    const std::string first = calendar_files_signature(dir.path().string());
    EXPECT_NE(first.find("weekly.ics"), std::string::npos) << first;
    EXPECT_EQ(calendar_files_signature(dir.path().string()), first) << "nothing changed";

    // Same size, new modification time: an edit that changed one letter.
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(10));
    const std::string touched = calendar_files_signature(dir.path().string());
    EXPECT_NE(touched, first);

    // A file added.
    write_file(dir.path() / "programme" / "partners.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    EXPECT_NE(calendar_files_signature(dir.path().string()), touched);
}

TEST(AppContent, ReadSmallFileRefusesLargeFiles)
{
    const TempDir dir;
    const std::string path = dir.file("big.ics");
    write_file(path, std::string(3000, 'x'));
    EXPECT_TRUE(fails_naming(read_small_file(path, 2048), path));
    auto whole = read_small_file(path, 3000);
    ASSERT_TRUE(whole.ok());
    EXPECT_EQ(whole->size(), 3000u);
}

} // namespace
} // namespace olohuone::app
