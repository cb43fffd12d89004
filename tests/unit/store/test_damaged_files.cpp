// A database file the kiosk cannot use — not SQLite at all, cut short, damaged, or
// written by a newer program — gives an error naming the file, and the file keeps
// every byte it had: staff or support can still rescue or inspect it.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/migrations.h"
#include "store/programme_cache.h"
#include "store/store.h"
#include "store_test_support.h"

namespace olohuone::store {
namespace {

namespace fs = std::filesystem;
using test::full_occurrence;
using test::open_plain;
using test::read_bytes;
using test::TempDir;
using test::write_bytes;

// A real kiosk database with enough rows to fill many pages, checkpointed and closed,
// so the whole of it is in the main file.
void write_real_database(const std::string& path)
{
    {
        auto store = Store::open(path);
        ASSERT_TRUE(store.ok()) << store.error().message;
        std::vector<Occurrence> programme;
        for (int i = 0; i < 400; ++i)
            programme.push_back(full_occurrence("event-" + std::to_string(i), 1'000'000 + i * 3600,
                                                1'000'000 + i * 3600 + 1800));
        ProgrammeCache cache(store->database());
        ASSERT_TRUE(cache.replace(programme, {"signature", 0, 10'000'000, 1}).ok());
        ASSERT_TRUE(store->database().execute_script("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    ASSERT_FALSE(fs::exists(path + "-wal")) << "the WAL should be gone after the last connection closed";
}

std::int64_t page_size_of(const std::string& path)
{
    sql::Database plain = open_plain(path);
    return plain.query_int("PRAGMA page_size").value();
}

// Opens `path`, expects a refusal naming the file, and checks that the file is as it was.
void expect_refused_and_untouched(const std::string& path, const std::string& expected_words = {})
{
    const std::string before = read_bytes(path);
    auto store = Store::open(path);
    ASSERT_FALSE(store.ok()) << path << " was opened as a database";
    const std::string& message = store.error().message;
    EXPECT_NE(message.find(path), std::string::npos) << "the message should name the file: " << message;
    if (!expected_words.empty()) {
        EXPECT_NE(message.find(expected_words), std::string::npos) << message;
    }
    EXPECT_TRUE(fs::is_regular_file(path)) << "the file was removed";
    EXPECT_TRUE(read_bytes(path) == before) << "the file's contents changed";
    EXPECT_EQ(fs::file_size(path), before.size());
}

TEST(StoreDamagedFile, RandomBytesAreRefusedAndKept)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.db");
    write_bytes(path, test::random_bytes(16 * 1024, 20261124));
    expect_refused_and_untouched(path);
}

TEST(StoreDamagedFile, TextFileIsRefusedAndKept)
{
    // Someone copied the configuration over the database.
    const TempDir dir;
    const std::string path = dir.file("olohuone.db");
    write_bytes(path, "# Olohuone\n[kiosk]\nlanguage = \"fi\"\nidle_timeout_seconds = 90\n"
                      "days_ahead = 6\ntime_zone = \"Europe/Helsinki\"\n\n[paths]\nstate_dir = \"/var/lib/olohuone\"\n");
    expect_refused_and_untouched(path);
}

TEST(StoreDamagedFile, TruncatedDatabaseIsRefusedAndKept)
{
    const TempDir dir;
    const std::string original = dir.file("original.db");
    write_real_database(original);
    const std::string bytes = read_bytes(original);
    ASSERT_GE(bytes.size(), 8 * static_cast<std::size_t>(page_size_of(original)));

    // A copy that stopped half way (a full SD card, a pulled USB stick).
    const std::string path = dir.file("olohuone.db");
    write_bytes(path, bytes.substr(0, bytes.size() / 2 + 100));
    expect_refused_and_untouched(path);
}

TEST(StoreDamagedFile, DamagedPageIsRefusedAndKept)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.db");
    write_real_database(path);
    const auto page_size = static_cast<std::size_t>(page_size_of(path));
    std::string bytes = read_bytes(path);
    const std::size_t pages = bytes.size() / page_size;
    ASSERT_GE(pages, 8u) << "the database should span several pages";

    // Garbage across the middle of a page in the middle of the file.
    const std::size_t damaged_page = pages / 2;
    const std::size_t offset = damaged_page * page_size + page_size / 2 - 256;
    bytes.replace(offset, 512, std::string(512, '\xFF'));
    write_bytes(path, bytes);
    expect_refused_and_untouched(path, "damaged");
}

TEST(StoreDamagedFile, NewerSchemaIsRefusedAndKept)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.db");
    {
        sql::Database plain = open_plain(path);
        ASSERT_TRUE(plain.execute_script("CREATE TABLE future (x); PRAGMA user_version = 99;").ok());
    }
    expect_refused_and_untouched(path, "newer version");

    auto store = Store::open(path);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().message.find("schema 99"), std::string::npos) << store.error().message;
    EXPECT_NE(store.error().message.find("up to " + std::to_string(latest_schema_version())), std::string::npos)
        << store.error().message;

    // Still version 99, not switched to WAL, nothing added.
    sql::Database plain = open_plain(path);
    EXPECT_EQ(plain.query_int("PRAGMA user_version").value(), 99);
    EXPECT_EQ(plain.query_text("PRAGMA journal_mode").value(), "delete");
    EXPECT_EQ(plain.query_int("SELECT count(*) FROM sqlite_schema").value(), 1);
}

TEST(StoreDamagedFile, MissingDirectoryGivesAnErrorNamingThePath)
{
    const TempDir dir;
    const std::string path = (dir.path() / "no-such-directory" / "olohuone.db").string();
    auto store = Store::open(path);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().message.find(path), std::string::npos) << store.error().message;
    EXPECT_FALSE(fs::exists(dir.path() / "no-such-directory"));
}

TEST(StoreDamagedFile, DirectoryInsteadOfFileGivesAnErrorNamingThePath)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.db");
    fs::create_directory(path);
    fs::create_directory(path + "/keep-me");

    auto store = Store::open(path);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().message.find(path), std::string::npos) << store.error().message;
    EXPECT_TRUE(fs::is_directory(path + "/keep-me"));
}

} // namespace
} // namespace olohuone::store
