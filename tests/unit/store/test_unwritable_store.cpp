// A database the kiosk may read but not write: a file system mounted read-only (for real:
// a tmpfs of its own, remounted), or a file and folder its user has no write permission
// for (for real: the check runs as the unprivileged user "nobody" in a child process).
// The message says exactly that, with the path and the user, never that the file is
// damaged or should be moved aside, and the records in it are still there afterwards.
#include <gtest/gtest.h>

#include <filesystem>

#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"
#include "store/visit_log.h"
#include "store_test_support.h"
#include "support/instants.h"
#include "support/small_filesystem.h"

namespace olohuone::store {
namespace {

using olohuone::test::tuesday_morning;

void expect_no_wrong_advice(const std::string& message)
{
    EXPECT_EQ(message.find("damaged"), std::string::npos) << message;
    EXPECT_EQ(message.find("move it aside"), std::string::npos) << message;
    EXPECT_EQ(message.find("empty database"), std::string::npos) << message;
}

void store_a_sign_in(const std::string& path)
{
    auto store = Store::open(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    VisitLog log(store->database());
    SignInDraft draft{"00000000-0000-4000-8000-000000000001", "resident", false, std::nullopt, "Aino Korhonen", "", ""};
    ASSERT_TRUE(log.sign_in(draft, {tuesday_morning, true}).ok());
}

std::int64_t visits_in(const std::string& path)
{
    auto store = Store::open(path);
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? store->database().query_int("SELECT count(*) FROM visit").value() : -1;
}

TEST(StoreUnwritable, AReadOnlyFileSystemIsSaidToBeReadOnlyAndTheRecordsStay)
{
    test::SmallFilesystem disk(2 * 1024 * 1024);
    ASSERT_TRUE(disk.mounted()) << disk.problem();
    const std::string path = (disk.path() / "olohuone.sqlite3").string();
    store_a_sign_in(path);
    ASSERT_TRUE(disk.remount(true));

    auto refused = Store::open(path);
    ASSERT_FALSE(refused.ok());
    const std::string& message = refused.error().message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("mounted read-only"), std::string::npos) << message;
    EXPECT_NE(message.find("root (uid 0)"), std::string::npos) << "names the user: " << message;
    expect_no_wrong_advice(message);

    ASSERT_TRUE(disk.remount(false));
    EXPECT_EQ(visits_in(path), 1) << "the file was healthy all along";
}

// Store::open's message in a child process running as "nobody", or why it could not run.
std::string message_as_nobody(const std::string& path)
{
    int pipe_ends[2];
    if (::pipe(pipe_ends) != 0)
        return "no pipe";
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(pipe_ends[0]);
        std::string said;
        if (::setgid(65534) != 0 || ::setuid(65534) != 0) {
            said = "cannot become nobody";
        } else {
            auto store = Store::open(path);
            said = store.ok() ? "opened" : store.error().message;
        }
        (void)!::write(pipe_ends[1], said.data(), said.size());
        ::_exit(0);
    }
    ::close(pipe_ends[1]);
    std::string said;
    char buffer[512];
    for (ssize_t got; (got = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0;)
        said.append(buffer, static_cast<std::size_t>(got));
    ::close(pipe_ends[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    return said;
}

TEST(StoreUnwritable, AFileItsUserMayNotWriteIsSaidSoWithThePathAndTheUser)
{
    ASSERT_EQ(::geteuid(), 0u) << "the test drops to the user nobody, which needs root (as CI and run-tests are)";
    test::TempDir dir;
    namespace fs = std::filesystem;
    const std::string path = dir.file("olohuone.sqlite3");
    store_a_sign_in(path);
    // Readable by everyone, writable only by root: what a copy made as root leaves.
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec
                                    | fs::perms::others_read | fs::perms::others_exec);
    for (const fs::directory_entry& entry : fs::directory_iterator(dir.path()))
        fs::permissions(entry.path(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read
                                          | fs::perms::others_read);

    const std::string message = message_as_nobody(path);
    EXPECT_NE(message.find("nobody (uid 65534)"), std::string::npos) << message;
    EXPECT_NE(message.find(dir.path().string()), std::string::npos) << message;
    EXPECT_NE(message.find("may not"), std::string::npos) << message;
    EXPECT_NE(message.find("owned by root:root with mode 0"), std::string::npos) << message;
    expect_no_wrong_advice(message);
    EXPECT_EQ(visits_in(path), 1) << "nothing was changed";
}

} // namespace
} // namespace olohuone::store
