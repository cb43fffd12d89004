// Opening the kiosk's database: a new file gets the whole schema, WAL and foreign keys;
// reopening keeps what was stored; migrations run once and only once.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "store/migrations.h"
#include "store/programme_cache.h"
#include "store/store.h"
#include "store_test_support.h"

namespace olohuone::store {
namespace {

using test::full_occurrence;
using test::keys_of;
using test::open_plain;
using test::TempDir;

Store open_ok(const std::string& path)
{
    auto store = Store::open(path);
    EXPECT_TRUE(store.ok()) << (store.ok() ? std::string() : store.error().message);
    return std::move(store).value();
}

std::int64_t int_of(sql::Database& database, std::string_view query)
{
    auto value = database.query_int(query);
    EXPECT_TRUE(value.ok()) << query << ": " << (value.ok() ? std::string() : value.error().message);
    return value.ok() ? value.value() : -1;
}

std::string schema_of(sql::Database& database)
{
    auto statement = database.prepare("SELECT type || ' ' || name || ': ' || sql FROM sqlite_schema ORDER BY name");
    EXPECT_TRUE(statement.ok());
    std::string schema;
    while (statement->step().value())
        schema += statement->column_text(0) + "\n";
    return schema;
}

std::int64_t table_count(sql::Database& database, const std::string& table)
{
    return int_of(database, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '" + table + "'");
}

TEST(StoreSchema, FreshDatabaseHasLatestSchemaWalAndForeignKeys)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.db");
    ASSERT_FALSE(std::filesystem::exists(path));

    Store store = open_ok(path);
    EXPECT_TRUE(std::filesystem::is_regular_file(path));
    EXPECT_EQ(store.schema_version(), latest_schema_version());
    EXPECT_EQ(int_of(store.database(), "PRAGMA user_version"), latest_schema_version());
    EXPECT_EQ(store.database().query_text("PRAGMA journal_mode").value(), "wal");
    EXPECT_EQ(int_of(store.database(), "PRAGMA foreign_keys"), 1);
    EXPECT_EQ(int_of(store.database(), "PRAGMA synchronous"), 2) << "FULL: a commit is on disk when it returns";
    for (const char* table : {"programme_occurrence", "programme_text", "programme_source", "visitor", "visit", "outbox"})
        EXPECT_EQ(table_count(store.database(), table), 1) << table;

    // Foreign keys really are enforced: a text for an occurrence that does not exist is refused.
    auto orphan = store.database().prepare(
        "INSERT INTO programme_text (occurrence_id, field, language, text) VALUES (12345, 'title', '', 'Bingo')");
    ASSERT_TRUE(orphan.ok());
    EXPECT_FALSE(orphan->run().ok());
    EXPECT_EQ(int_of(store.database(), "SELECT count(*) FROM programme_text"), 0);
}

TEST(StoreSchema, VersionAndWalAreInTheFileItself)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.db");
    { Store store = open_ok(path); }

    // Another program (sqlite3 on the command line, a backup script) sees the same.
    sql::Database plain = open_plain(path);
    EXPECT_EQ(int_of(plain, "PRAGMA user_version"), latest_schema_version());
    EXPECT_EQ(plain.query_text("PRAGMA journal_mode").value(), "wal");
}

// A screenshot of a chosen moment (olohuone-kiosk --screenshot --at) keeps its
// programme in memory, where there is no file for a write-ahead log.
TEST(StoreSchema, AnInMemoryDatabaseOpensWithTheSchemaAndKeepsItsProgramme)
{
    Store store = open_ok(":memory:");
    EXPECT_EQ(store.schema_version(), latest_schema_version());
    EXPECT_EQ(store.database().query_text("PRAGMA journal_mode").value(), "memory");
    ProgrammeCache cache(store.database());
    const std::vector<Occurrence> programme = {full_occurrence("aamukahvi", 1'000'000, 1'003'600)};
    ASSERT_TRUE(cache.replace(programme, {"weekly.ics:1:2;Europe/Helsinki", 900'000, 2'000'000, 950'000}).ok());
    auto stored = cache.between(0, 3'000'000);
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    EXPECT_EQ(stored.value(), programme);
}

TEST(StoreSchema, ReopeningKeepsTheProgramme)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.db");
    const std::vector<Occurrence> programme = {full_occurrence("aamukahvi", 1'000'000, 1'003'600),
                                               full_occurrence("bingo", 1'010'000, 1'013'600)};
    const ProgrammeSource source{"weekly.ics:1234:5678;Europe/Helsinki", 900'000, 2'000'000, 950'000};
    {
        Store store = open_ok(path);
        ProgrammeCache cache(store.database());
        ASSERT_TRUE(cache.replace(programme, source).ok());
    }
    // The kiosk was switched off and on again.
    Store store = open_ok(path);
    ProgrammeCache cache(store.database());
    auto stored = cache.between(0, 3'000'000);
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    EXPECT_EQ(stored.value(), programme);
    auto stored_source = cache.source();
    ASSERT_TRUE(stored_source.ok());
    ASSERT_TRUE(stored_source->has_value());
    EXPECT_EQ((*stored_source)->signature, source.signature);
}

TEST(StoreSchema, OpeningTwiceMigratesOnceAndKeepsData)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.db");
    std::string schema_after_first;
    {
        Store store = open_ok(path);
        schema_after_first = schema_of(store.database());
        ProgrammeCache cache(store.database());
        ASSERT_TRUE(cache.replace({full_occurrence("bingo", 5000, 8600)}, {"sig", 0, 10000, 1}).ok());
    }
    Store store = open_ok(path);
    EXPECT_EQ(store.schema_version(), latest_schema_version());
    EXPECT_EQ(int_of(store.database(), "PRAGMA user_version"), latest_schema_version());
    EXPECT_EQ(schema_of(store.database()), schema_after_first);
    EXPECT_EQ(int_of(store.database(), "SELECT count(*) FROM programme_occurrence"), 1);

    // Running the migrations again on an up-to-date database changes nothing.
    ASSERT_TRUE(migrate(store.database()).ok());
    EXPECT_EQ(schema_of(store.database()), schema_after_first);
    ProgrammeCache cache(store.database());
    EXPECT_EQ(keys_of(cache.between(0, 10000).value()), std::vector<std::string>{"bingo@5000"});
}

TEST(StoreSchema, ConnectionsOpeningANewFileAtOnceAllGetTheSchema)
{
    // The screens and the sync each open the database on their own connection; on a
    // first start they may all find the file empty. SQLite refuses a second connection's
    // switch to WAL at once while the first holds the lock, so opening has to try again.
    constexpr int connections = 4;
    for (int round = 0; round < 40; ++round) {
        const TempDir dir;
        const std::string path = dir.file("olohuone.sqlite3");
        std::vector<Result<Store>> opened;
        for (int i = 0; i < connections; ++i)
            opened.emplace_back(make_error("not opened"));
        std::atomic<int> ready = 0;
        std::vector<std::thread> sides;
        for (int i = 0; i < connections; ++i)
            sides.emplace_back([&, i] {
                ++ready;
                while (ready.load() < connections)
                    std::this_thread::yield();
                opened[static_cast<std::size_t>(i)] = Store::open(path);
            });
        for (std::thread& side : sides)
            side.join();
        for (Result<Store>& store : opened)
            ASSERT_TRUE(store.ok()) << "round " << round << ": " << store.error().message;
        EXPECT_EQ(int_of(opened[0]->database(), "PRAGMA user_version"), latest_schema_version());
        EXPECT_EQ(int_of(opened[0]->database(), "SELECT count(*) FROM sync_state"), 1);
        EXPECT_EQ(opened[1]->database().query_text("PRAGMA journal_mode").value(), "wal");
    }
}

TEST(StoreSchema, ExistingVersionZeroDatabaseWithNoTablesIsMigrated)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.db");
    {
        // A valid SQLite file with a header but no tables and user_version 0.
        sql::Database plain = open_plain(path);
        ASSERT_TRUE(plain.execute_script("CREATE TABLE scratch (x); DROP TABLE scratch;").ok());
        ASSERT_EQ(int_of(plain, "PRAGMA user_version"), 0);
        ASSERT_EQ(int_of(plain, "SELECT count(*) FROM sqlite_schema"), 0);
    }
    ASSERT_GT(std::filesystem::file_size(path), 0u);

    Store store = open_ok(path);
    EXPECT_EQ(int_of(store.database(), "PRAGMA user_version"), latest_schema_version());
    EXPECT_EQ(table_count(store.database(), "programme_occurrence"), 1);
    ProgrammeCache cache(store.database());
    EXPECT_TRUE(cache.replace({full_occurrence("bingo", 5000, 8600)}, {"sig", 0, 10000, 1}).ok());
}

TEST(StoreSchema, EmptyFileIsTreatedAsANewDatabase)
{
    // `touch olohuone.db` gives a zero-byte file, which SQLite reads as an empty database.
    const TempDir dir;
    const std::string path = dir.file("olohuone.db");
    test::write_bytes(path, "");

    Store store = open_ok(path);
    EXPECT_EQ(int_of(store.database(), "PRAGMA user_version"), latest_schema_version());
    EXPECT_EQ(table_count(store.database(), "programme_source"), 1);
}

TEST(StoreSchema, MigrationsAreNumberedUpwards)
{
    // user_version decides which migrations still run: a repeated or decreasing number
    // would skip one or run one twice.
    int previous = 0;
    for (const Migration& migration : migrations()) {
        EXPECT_GT(migration.version, previous);
        previous = migration.version;
    }
    EXPECT_EQ(latest_schema_version(), previous);
}

} // namespace
} // namespace olohuone::store
