#pragma once
// A file's whole content as bytes; empty when it cannot be read (the caller's
// assertion says what was missing).
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace olohuone::test {

inline std::string file_text(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace olohuone::test
