#pragma once
// Helpers shared by the app tests: a fresh directory per test, written files, and a
// check that an error message names what it is about.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <unistd.h>

#include "core/result.h"

namespace olohuone::test {

namespace fs = std::filesystem;

// A directory under the system's temporary directory, unique to this test, removed
// (with everything in it) when the test ends.
class TempDir {
public:
    TempDir()
    {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::random_device random;
        const std::string name = std::string("olohuone-") + (info ? info->test_suite_name() : "test") + "-"
            + (info ? info->name() : "") + "-" + std::to_string(::getpid()) + "-" + std::to_string(random());
        m_path = fs::temp_directory_path() / name;
        fs::create_directories(m_path);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir()
    {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }

    const fs::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    fs::path m_path;
};

// Writes `text` to `path`, creating its directory.
inline void write_file(const fs::path& path, const std::string& text)
{
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    ASSERT_TRUE(out.good()) << "cannot write " << path;
}

template <typename T>
::testing::AssertionResult fails_naming(const Result<T>& result, const std::string& expected)
{
    if (result.ok())
        return ::testing::AssertionFailure() << "succeeded; expected an error naming " << expected;
    if (result.error().message.find(expected) == std::string::npos)
        return ::testing::AssertionFailure() << "the error does not name " << expected << ": "
                                             << result.error().message;
    return ::testing::AssertionSuccess();
}

} // namespace olohuone::test
