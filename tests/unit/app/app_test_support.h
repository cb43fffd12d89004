#pragma once
// Helpers shared by the app tests: a fresh directory per test, written files, and a
// check that an error message names what it is about.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/result.h"
#include "support/temp_dir.h"

namespace olohuone::test {

namespace fs = std::filesystem;

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
