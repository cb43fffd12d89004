#pragma once
// A small filesystem of its own (tmpfs) in a fresh temporary directory, to be filled up
// for real: a database on it meets ENOSPC from the kernel at its next write, exactly as on
// a full SD card, and gets the space back when the filler file is removed. No stand-in
// (a page limit, a read-only switch) behaves like that through the write-ahead log, its
// index and checkpoints.
//
// Mounting needs CAP_SYS_ADMIN: the tests run as root in CI and under tools/dev/run-tests.
// Where it is refused, the test fails with the reason rather than pass without a full disk.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace olohuone::test {

class SmallFilesystem {
public:
    explicit SmallFilesystem(std::size_t bytes)
    {
        std::random_device random;
        m_path = std::filesystem::temp_directory_path()
            / ("olohuone-small-fs-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
        std::filesystem::create_directories(m_path);
        const std::string options = "size=" + std::to_string(bytes) + ",mode=0755";
        if (::mount("tmpfs", m_path.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0)
            m_mounted = true;
        else
            m_problem = std::string("cannot mount a small tmpfs at ") + m_path.string() + " (" + std::strerror(errno)
                + "); these tests fill a real filesystem and must run as root";
    }
    SmallFilesystem(const SmallFilesystem&) = delete;
    SmallFilesystem& operator=(const SmallFilesystem&) = delete;
    ~SmallFilesystem()
    {
        // Lazily: a database still open on it (a failed test) must not keep it mounted.
        if (m_mounted)
            ::umount2(m_path.c_str(), MNT_DETACH);
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }

    bool mounted() const { return m_mounted; }
    const std::string& problem() const { return m_problem; }
    const std::filesystem::path& path() const { return m_path; }

    // Writes a filler file until the kernel refuses another byte.
    void fill()
    {
        const std::string filler = (m_path / "filler").string();
        const int fd = ::open(filler.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        ASSERT_GE(fd, 0) << filler << ": " << std::strerror(errno);
        const std::vector<char> zeros(64 * 1024, 0);
        int last_errno = 0;
        for (std::size_t chunk = zeros.size(); chunk >= 1; chunk /= 4) {
            while (::write(fd, zeros.data(), chunk) > 0) {
            }
            last_errno = errno;
        }
        ::close(fd);
        ASSERT_EQ(last_errno, ENOSPC) << "the filler stopped for another reason: " << std::strerror(last_errno);
        ASSERT_EQ(free_bytes(), 0u);
    }

    // Mounted read-only, as a card the kernel remounted after errors, or writable again.
    bool remount(bool read_only)
    {
        const unsigned long flags = MS_REMOUNT | MS_NOSUID | MS_NODEV | (read_only ? MS_RDONLY : 0);
        return ::mount(nullptr, m_path.c_str(), nullptr, flags, nullptr) == 0;
    }

    // Removes the filler: the space is back.
    void free_space() { ASSERT_TRUE(std::filesystem::remove(m_path / "filler")); }

    std::uint64_t free_bytes() const
    {
        struct statvfs info {};
        if (::statvfs(m_path.c_str(), &info) != 0)
            return 0;
        return static_cast<std::uint64_t>(info.f_bavail) * info.f_frsize;
    }

private:
    std::filesystem::path m_path;
    bool m_mounted = false;
    std::string m_problem;
};

} // namespace olohuone::test
