#pragma once
// Helpers shared by the store tests: a fresh directory per test for real database
// files, reading and writing raw bytes, and occurrences with every field filled in.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "core/occurrence.h"
#include "core/visits.h"
#include "store/sqlite.h"
#include "support/temp_dir.h"

namespace olohuone::test {

namespace fs = std::filesystem;

inline std::string read_bytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << "cannot open " << path;
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    ASSERT_TRUE(out.good()) << "cannot write " << path;
}

inline std::string random_bytes(std::size_t count, unsigned seed)
{
    std::mt19937 generator(seed);
    std::string bytes(count, '\0');
    for (char& byte : bytes)
        byte = static_cast<char>(generator() & 0xFF);
    return bytes;
}

// Opens `path` with the plain SQLite layer, failing the test if it cannot.
inline sql::Database open_plain(const std::string& path)
{
    auto database = sql::Database::open(path, sql::OpenMode::ReadWriteCreate);
    EXPECT_TRUE(database.ok()) << (database.ok() ? std::string() : database.error().message);
    return std::move(database).value();
}

inline LocalizedText texts(const std::string& finnish, const std::string& swedish, const std::string& english)
{
    LocalizedText text(finnish);
    text.set("sv", swedish);
    text.set("en", english);
    return text;
}

// An occurrence with every field set, so a field lost on the way through the database
// shows up as a difference.
inline Occurrence full_occurrence(const std::string& uid, UnixSeconds start, UnixSeconds end)
{
    Occurrence occurrence;
    occurrence.uid = uid;
    occurrence.instance = start;
    occurrence.start = start;
    occurrence.end = end;
    occurrence.title = texts("Lauluhetki " + uid, "Sångstund " + uid, "Sing-along " + uid);
    occurrence.description = texts("Lauletaan yhdessä.\nSilmälasit mukaan!", "Vi sjunger tillsammans.",
                                   "We sing together.");
    occurrence.location = texts("Olohuone", "Vardagsrummet", "Living room");
    occurrence.host = texts("Kanttori Åsa Öhman", "Kantor Åsa Öhman", "Cantor Åsa Öhman");
    occurrence.capacity = 20;
    occurrence.picture = "pictures/musiikki.png";
    return occurrence;
}

inline std::vector<std::string> keys_of(const std::vector<Occurrence>& occurrences)
{
    std::vector<std::string> keys;
    for (const Occurrence& occurrence : occurrences)
        keys.push_back(occurrence.key());
    return keys;
}

// A visitor by name, new to the kiosk (no id yet), without a marker.
inline VisitorIdentity named(const std::string& name, const std::string& group = "resident")
{
    return {std::nullopt, name, group, ""};
}

} // namespace olohuone::test
