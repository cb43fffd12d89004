#include "database_template.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <fstream>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "app/database_path.h"
#include "support/test_paths.h"

namespace olohuone::testing {
namespace {

namespace fs = std::filesystem;

// What a template was made from: this program's file and every content file, by size
// and modification time (a rebuild or an edit changes them).
std::string made_from()
{
    std::string identity;
    const auto add = [&identity](const fs::path& path) {
        std::error_code error;
        const auto size = fs::file_size(path, error);
        const auto changed = fs::last_write_time(path, error).time_since_epoch().count();
        identity += path.string() + ":" + std::to_string(size) + ":" + std::to_string(changed) + "\n";
    };
    add(fs::read_symlink("/proc/self/exe"));
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(olohuone::test::source_dir()) / "content"))
        if (entry.is_regular_file())
            add(entry.path());
    char key[17];
    std::snprintf(key, sizeof key, "%016zx", std::hash<std::string>{}(identity));
    return key;
}

fs::path fresh_dir(const std::string& name)
{
    static std::atomic<int> counter{0};
    const fs::path dir = fs::temp_directory_path()
        / ("olohuone-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// The database file and, if the last connection left one, its write-ahead log.
void copy_database(const fs::path& from_dir, const fs::path& to_dir)
{
    const fs::path database = app::kiosk_database_path(from_dir.string());
    for (const char* suffix : {"", "-wal"}) {
        const fs::path file = database.string() + suffix;
        if (fs::exists(file))
            fs::copy_file(file, to_dir / file.filename(), fs::copy_options::overwrite_existing);
    }
}

// Serialises making the template between test processes that ctest runs side by side.
class FileLock {
public:
    explicit FileLock(const fs::path& path) : m_fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644))
    {
        if (m_fd >= 0)
            ::flock(m_fd, LOCK_EX);
    }
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

private:
    int m_fd;
};

} // namespace

fs::path state_dir_from_template(const std::string& name, const Seed& seed)
{
    const fs::path templates = fs::path(olohuone::test::build_dir()) / "ui" / "database-templates";
    fs::create_directories(templates);
    const fs::path made = templates / (name + "-" + made_from());
    {
        const FileLock lock(templates / (name + ".lock"));
        if (!fs::exists(made / "done")) {
            // Older templates of this name are of no further use.
            for (const auto& entry : fs::directory_iterator(templates))
                if (entry.is_directory() && entry.path().filename().string().starts_with(name + "-"))
                    fs::remove_all(entry.path());
            const fs::path seeding = fresh_dir(name + "-seeding");
            {
                KioskSetup setup;
                setup.state_dir = seeding;
                setup.keep_state_dir = true;
                OffscreenKiosk kiosk(setup);
                seed(kiosk);
            }
            fs::create_directories(made);
            copy_database(seeding, made);
            fs::remove_all(seeding);
            std::ofstream(made / "done") << "seeded\n";
        }
    }
    const fs::path state_dir = fresh_dir(name);
    copy_database(made, state_dir);
    return state_dir;
}

} // namespace olohuone::testing
