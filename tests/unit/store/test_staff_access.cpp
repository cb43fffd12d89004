// The staff PIN in the kiosk's database: set, read and replaced; wrong tries counted,
// kept across a reopen (a restart does not reset a lockout) and cleared; and a database
// from before the PIN existed gains it without losing what it held.
#include <gtest/gtest.h>

#include "store/migrations.h"
#include "store/staff_access.h"
#include "store/store.h"
#include "store_test_support.h"

namespace olohuone::store {
namespace {

using test::open_plain;
using test::TempDir;

Store open_ok(const std::string& path)
{
    auto store = Store::open(path);
    EXPECT_TRUE(store.ok()) << (store.ok() ? std::string() : store.error().message);
    return std::move(store).value();
}

template <typename T>
T ok_value(Result<T> result)
{
    EXPECT_TRUE(result.ok()) << (result.ok() ? std::string() : result.error().message);
    return result.ok() ? std::move(result).value() : T{};
}

void expect_ok(const Result<void>& result) { EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message); }

// Hash texts as the app makes them; the store keeps whatever text it is given.
constexpr const char* first_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$first";
constexpr const char* second_hash = "$argon2id$v=19$m=65536,t=2,p=1$b3RoZXJzYWx0c2FsdA$second";

TEST(StaffAccess, AFreshDatabaseHasNoPinAndNoFailures)
{
    const TempDir dir;
    Store store = open_ok(dir.file("olohuone.sqlite3"));
    EXPECT_FALSE(ok_value(staff_pin(store.database())).has_value());
    const StaffPinFailures failures = ok_value(staff_pin_failures(store.database()));
    EXPECT_EQ(failures.count, 0);
    EXPECT_FALSE(failures.last_at.has_value());
}

TEST(StaffAccess, APinSetIsReadBackAfterAReopenAndASecondReplacesIt)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.sqlite3");
    {
        Store store = open_ok(path);
        expect_ok(set_staff_pin(store.database(), first_hash, 1'795'500'000));
    }
    Store store = open_ok(path);
    auto pin = ok_value(staff_pin(store.database()));
    ASSERT_TRUE(pin.has_value());
    EXPECT_EQ(pin->hash, first_hash);
    EXPECT_EQ(pin->set_at, 1'795'500'000);

    expect_ok(set_staff_pin(store.database(), second_hash, 1'795'600'000));
    pin = ok_value(staff_pin(store.database()));
    ASSERT_TRUE(pin.has_value());
    EXPECT_EQ(pin->hash, second_hash);
    EXPECT_EQ(pin->set_at, 1'795'600'000);
    EXPECT_EQ(store.database().query_int("SELECT count(*) FROM staff_pin").value(), 1) << "one PIN, never two";
}

TEST(StaffAccess, AnEmptyHashIsRefusedAndTheOldPinStays)
{
    const TempDir dir;
    Store store = open_ok(dir.file("olohuone.sqlite3"));
    expect_ok(set_staff_pin(store.database(), first_hash, 100));
    EXPECT_FALSE(set_staff_pin(store.database(), "", 200).ok());
    EXPECT_EQ(ok_value(staff_pin(store.database()))->hash, first_hash);
}

TEST(StaffAccess, WrongTriesAreCountedKeptAcrossARestartAndCleared)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.sqlite3");
    {
        Store store = open_ok(path);
        expect_ok(set_staff_pin(store.database(), first_hash, 100));
        expect_ok(note_staff_pin_failure(store.database(), 1000));
        expect_ok(note_staff_pin_failure(store.database(), 1010));
        expect_ok(note_staff_pin_failure(store.database(), 1025));
    }
    // The kiosk was restarted in the middle of someone's guessing.
    Store store = open_ok(path);
    StaffPinFailures failures = ok_value(staff_pin_failures(store.database()));
    EXPECT_EQ(failures.count, 3);
    ASSERT_TRUE(failures.last_at.has_value());
    EXPECT_EQ(*failures.last_at, 1025);

    expect_ok(clear_staff_pin_failures(store.database()));
    failures = ok_value(staff_pin_failures(store.database()));
    EXPECT_EQ(failures.count, 0);
    EXPECT_FALSE(failures.last_at.has_value());
    EXPECT_EQ(ok_value(staff_pin(store.database()))->hash, first_hash) << "clearing failures keeps the PIN";
}

TEST(StaffAccess, SettingANewPinClearsTheFailures)
{
    const TempDir dir;
    Store store = open_ok(dir.file("olohuone.sqlite3"));
    expect_ok(set_staff_pin(store.database(), first_hash, 100));
    expect_ok(note_staff_pin_failure(store.database(), 200));
    expect_ok(note_staff_pin_failure(store.database(), 300));
    ASSERT_EQ(ok_value(staff_pin_failures(store.database())).count, 2);

    expect_ok(set_staff_pin(store.database(), second_hash, 400));
    const StaffPinFailures failures = ok_value(staff_pin_failures(store.database()));
    EXPECT_EQ(failures.count, 0);
    EXPECT_FALSE(failures.last_at.has_value());
}

TEST(StaffAccess, ADatabaseOfSchemaFourGainsThePinTablesAndKeepsItsData)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.sqlite3");
    {
        // A kiosk's database as the previous release left it: migrations 1 to 4 only.
        sql::Database plain = open_plain(path);
        for (const Migration& migration : migrations()) {
            if (migration.version <= 4) {
                ASSERT_TRUE(plain.execute_script(std::string(migration.sql)).ok()) << migration.version;
            }
        }
        ASSERT_TRUE(plain.execute_script("PRAGMA user_version = 4").ok());
        ASSERT_TRUE(plain
                        .execute_script("INSERT INTO visitor (key, name, fold_key, public_fold, group_id, created_at, "
                                        "last_seen_at) VALUES ('k1', 'Aino Korhonen', 'aino korhonen', 'aino k.', "
                                        "'resident', 10, 20);"
                                        "UPDATE sync_state SET programme_etag = 'abc' WHERE id = 1;")
                        .ok());
    }
    Store store = open_ok(path);
    EXPECT_EQ(store.database().query_int("PRAGMA user_version").value(), latest_schema_version());
    EXPECT_EQ(store.database().query_text("SELECT name FROM visitor WHERE key = 'k1'").value(), "Aino Korhonen");
    EXPECT_EQ(store.database().query_text("SELECT programme_etag FROM sync_state").value(), "abc");
    EXPECT_FALSE(ok_value(staff_pin(store.database())).has_value());
    EXPECT_EQ(ok_value(staff_pin_failures(store.database())).count, 0);
    expect_ok(note_staff_pin_failure(store.database(), 50));
    EXPECT_EQ(ok_value(staff_pin_failures(store.database())).count, 1) << "the failures row exists after migrating";
}

} // namespace
} // namespace olohuone::store
