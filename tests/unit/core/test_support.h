#pragma once
// Helpers shared by the core unit tests: fixture files, UTC instants worked out
// independently of the code under test (timegm), and imports over a window.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/programme_import.h"
#include "core/time_zone.h"
#include "support/instants.h"
#include "support/test_paths.h"

namespace olohuone::test {

inline std::string fixture_path(const std::string& name)
{
    return std::string(olohuone::test::data_dir()) + "/ics/" + name;
}

inline std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << "cannot open " << path;
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline CalendarFile fixture(const std::string& name)
{
    return CalendarFile{fixture_path(name), read_file(fixture_path(name))};
}

inline const TimeZone& helsinki()
{
    static const TimeZone zone = TimeZone::named("Europe/Helsinki").value();
    return zone;
}

inline const TimeZone& utc_zone()
{
    static const TimeZone zone = TimeZone::named("UTC").value();
    return zone;
}

// Windows are given as UTC instants worked out by hand (Helsinki midnight is 22:00Z the
// day before in winter, 21:00Z in summer), so they do not depend on TimeZone.
inline ImportWindow window(UnixSeconds from, UnixSeconds to) { return ImportWindow{from, to}; }

inline ImportedProgramme import_ok(const std::vector<CalendarFile>& files, ImportWindow window,
                                   const TimeZone& zone = helsinki())
{
    auto result = import_programme(files, zone, window);
    EXPECT_TRUE(result.ok()) << (result.ok() ? std::string() : result.error().message);
    if (!result.ok())
        return {};
    return std::move(result).value();
}

inline std::vector<Occurrence> with_uid(const ImportedProgramme& programme, const std::string& uid)
{
    std::vector<Occurrence> found;
    for (const Occurrence& occurrence : programme.occurrences)
        if (occurrence.uid == uid)
            found.push_back(occurrence);
    return found;
}

// The one occurrence with this UID; fails the test when there is not exactly one.
inline Occurrence only(const ImportedProgramme& programme, const std::string& uid)
{
    const auto found = with_uid(programme, uid);
    EXPECT_EQ(found.size(), 1u) << uid;
    return found.empty() ? Occurrence{} : found.front();
}

inline std::vector<UnixSeconds> starts_of(const std::vector<Occurrence>& occurrences)
{
    std::vector<UnixSeconds> starts;
    for (const Occurrence& occurrence : occurrences)
        starts.push_back(occurrence.start);
    return starts;
}

inline bool has_warning(const ImportedProgramme& programme, const std::string& part1, const std::string& part2 = {})
{
    for (const std::string& warning : programme.warnings)
        if (warning.find(part1) != std::string::npos && warning.find(part2) != std::string::npos)
            return true;
    return false;
}

inline std::string all_warnings(const ImportedProgramme& programme)
{
    std::string text;
    for (const std::string& warning : programme.warnings)
        text += "  " + warning + "\n";
    return text;
}

// For ASSERT_EXIT: imports in the child process and exits with 0 if the import returns
// within `seconds`; SIGALRM ends the child otherwise. Tests of input that once made the
// import loop forever check this first, so that a regression fails the test instead of
// hanging the whole run and eating memory.
inline void import_then_exit(const std::vector<CalendarFile>& files, ImportWindow window, unsigned seconds = 2)
{
    alarm(seconds);
    (void)import_programme(files, helsinki(), window);
    std::exit(0);
}

} // namespace olohuone::test
