#pragma once
// A directory under the system's temporary directory, unique to the running test,
// removed (with everything in it) when the test ends: tests use real files, never a
// shared path another test could be writing at the same time.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

#include <unistd.h>

namespace olohuone::test {

class TempDir {
public:
    TempDir()
    {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::random_device random;
        const std::string name = std::string("olohuone-") + (info ? info->test_suite_name() : "test") + "-"
            + (info ? info->name() : "") + "-" + std::to_string(::getpid()) + "-" + std::to_string(random());
        m_path = std::filesystem::temp_directory_path() / name;
        std::filesystem::create_directories(m_path);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }

    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

} // namespace olohuone::test
