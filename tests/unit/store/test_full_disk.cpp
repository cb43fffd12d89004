// The kiosk's database on a disk that fills up, for real: a small tmpfs of its own and a
// filler file that takes the last byte (support/small_filesystem.h). A write on the full
// disk is refused as "storage full" with nothing half-written, everything stored before
// stays readable (through a failed checkpoint and a restart too), and once the filler is
// removed the next write is stored.
#include <gtest/gtest.h>

#include "store/storage_probe.h"
#include "store/store.h"
#include "store/visit_log.h"
#include "store_test_support.h"
#include "support/small_filesystem.h"
#include "support/instants.h"

namespace olohuone::store {
namespace {

using test::SmallFilesystem;

using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki
constexpr std::size_t filesystem_bytes = 2 * 1024 * 1024;

SignInDraft named(int number)
{
    SignInDraft draft;
    draft.key = "00000000-0000-4000-8000-" + std::string(12 - std::to_string(number).size(), '0') + std::to_string(number);
    draft.group_id = "relative";
    // Names are letters only: the number spelled in letters a..j.
    std::string surname = "Nro";
    for (char digit : std::to_string(number))
        surname += static_cast<char>('a' + (digit - '0'));
    draft.typed_name = "Vieras " + surname;
    return draft;
}

class FullDiskTest : public ::testing::Test {
protected:
    SmallFilesystem disk{filesystem_bytes};
    std::string path = (disk.path() / "olohuone.sqlite3").string();

    void SetUp() override { ASSERT_TRUE(disk.mounted()) << disk.problem(); }

    static Store open(const std::string& path)
    {
        auto opened = Store::open(path);
        EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
        return std::move(opened).value();
    }
    static std::int64_t count(Store& store, const std::string& sql) { return store.database().query_int(sql).value(); }
    static void sign_in_all(VisitLog& log, int from, int to)
    {
        for (int number = from; number < to; ++number) {
            auto receipt = log.sign_in(named(number), {tuesday_morning + number, true});
            ASSERT_TRUE(receipt.ok()) << receipt.error().message;
        }
    }
    // Every earlier visitor by name, each with their outbox row, and a sound file.
    static void expect_all_readable(Store& store, int visits)
    {
        EXPECT_EQ(count(store, "SELECT count(*) FROM visit"), visits);
        EXPECT_EQ(count(store, "SELECT count(*) FROM visitor"), visits);
        EXPECT_EQ(count(store, "SELECT count(*) FROM outbox"), visits);
        EXPECT_EQ(store.database().query_text("PRAGMA integrity_check").value(), "ok");
        VisitLog log(store.database());
        auto open = log.open_visits(tuesday_morning - 3600, tuesday_morning + 86400);
        ASSERT_TRUE(open.ok()) << open.error().message;
        ASSERT_EQ(open->size(), static_cast<std::size_t>(visits));
        EXPECT_EQ(open->front().public_name, "Vieras N.");
    }
};

TEST_F(FullDiskTest, ASignInOnAFullDiskIsRefusedAsStorageFullAndTheNextOneAfterSpaceReturnsIsStored)
{
    Store store = open(path);
    VisitLog log(store.database());
    sign_in_all(log, 0, 20);

    disk.fill();
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto refused = log.sign_in(named(100), {tuesday_morning + 100, true});
        ASSERT_FALSE(refused.ok()) << "a sign-in was confirmed on a full disk";
        EXPECT_EQ(refused.error().kind, ErrorKind::StorageFull) << refused.error().message;
    }
    // Rolled back whole: no visitor row without its visit, no visit without its outbox row.
    expect_all_readable(store, 20);
    auto sign_out = log.sign_out(named(3).key, "99999999-0000-4000-8000-000000000003", {tuesday_morning + 200, true});
    ASSERT_FALSE(sign_out.ok());
    EXPECT_EQ(sign_out.error().kind, ErrorKind::StorageFull) << sign_out.error().message;
    EXPECT_EQ(count(store, "SELECT count(*) FROM visit WHERE signed_out_at IS NOT NULL"), 0);

    disk.free_space();
    auto stored = log.sign_in(named(100), {tuesday_morning + 100, true});
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    EXPECT_EQ(stored->first_name, "Vieras");
    expect_all_readable(store, 21);
}

TEST_F(FullDiskTest, TheWriteProbeFailsWhileFullAndSucceedsOnceSpaceReturns)
{
    Store store = open(path);
    const std::int64_t version = count(store, "PRAGMA user_version");
    disk.fill();
    auto probed = try_a_write(store.database());
    ASSERT_FALSE(probed.ok());
    EXPECT_EQ(probed.error().kind, ErrorKind::StorageFull) << probed.error().message;
    disk.free_space();
    ASSERT_TRUE(try_a_write(store.database()).ok());
    EXPECT_EQ(count(store, "PRAGMA user_version"), version);
}

// The write-ahead log holds commits the database file does not have yet. A checkpoint
// that cannot grow the file on a full disk fails and leaves the log as it was; closing
// the last connection (which checkpoints too) fails the same way. Opening the database
// again, still on the full disk as a restarted kiosk would, finds every record.
TEST_F(FullDiskTest, ACheckpointThatCannotGrowTheFileLosesNothingAndTheKioskStillOpensOnAFullDisk)
{
    {
        Store store = open(path);
        ASSERT_TRUE(store.database().execute_script("PRAGMA wal_autocheckpoint = 0").ok());
        VisitLog log(store.database());
        sign_in_all(log, 0, 20);
        disk.fill();
        auto checkpoint = store.database().execute_script("PRAGMA wal_checkpoint(TRUNCATE)");
        ASSERT_FALSE(checkpoint.ok()) << "the checkpoint found room on a full disk";
        EXPECT_EQ(checkpoint.error().kind, ErrorKind::StorageFull) << checkpoint.error().message;
        expect_all_readable(store, 20);
    }
    ASSERT_TRUE(std::filesystem::exists(path + "-wal")) << "the log was removed without being checkpointed";
    Store reopened = open(path);
    expect_all_readable(reopened, 20);
    VisitLog log(reopened.database());
    auto refused = log.sign_in(named(200), {tuesday_morning + 200, true});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::StorageFull);

    disk.free_space();
    sign_in_all(log, 200, 201);
    ASSERT_TRUE(reopened.database().execute_script("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    expect_all_readable(reopened, 21);
}

// SQLite's own limit on the file's pages gives SQLITE_FULL from the pager rather than
// ENOSPC from the kernel: the same to the kiosk.
TEST(StorageFullKind, ADatabaseAtItsPageLimitIsStorageFull)
{
    test::TempDir dir;
    auto opened = Store::open(dir.file("olohuone.sqlite3"));
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    Store store = std::move(opened).value();
    const std::int64_t pages = store.database().query_int("PRAGMA page_count").value();
    ASSERT_TRUE(store.database().execute_script("PRAGMA max_page_count = " + std::to_string(pages)).ok());
    VisitLog log(store.database());
    Result<SignInReceipt> last = make_error("not tried");
    for (int number = 0; number < 500 && (number == 0 || last.ok()); ++number)
        last = log.sign_in(named(number), {tuesday_morning + number, true});
    ASSERT_FALSE(last.ok()) << "500 sign-ins fitted in " << pages << " pages";
    EXPECT_EQ(last.error().kind, ErrorKind::StorageFull) << last.error().message;
}

// Only a full disk is "storage full": a refused write of another kind stays a plain
// failure, so the screens do not blame the disk for it.
TEST(StorageFullKind, AWriteRefusedForAnotherReasonIsNotStorageFull)
{
    test::TempDir dir;
    auto opened = Store::open(dir.file("olohuone.sqlite3"));
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    Store store = std::move(opened).value();
    ASSERT_TRUE(store.database().execute_script("PRAGMA query_only = ON").ok());
    VisitLog log(store.database());
    auto refused = log.sign_in(named(1), {tuesday_morning, true});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::Failed) << refused.error().message;
}

} // namespace
} // namespace olohuone::store
