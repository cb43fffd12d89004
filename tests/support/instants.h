#pragma once
// Instants of UTC wall-clock times computed by the C library (timegm), not by olohuone:
// a test's expected values never come from the code under test.
#include <ctime>

#include "core/civil_time.h"

namespace olohuone::test {

inline UnixSeconds utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    return static_cast<UnixSeconds>(timegm(&tm));
}

// The tests' usual moment, Tuesday 24 November 2026 at 10.15 in Helsinki (08.15 UTC),
// and 10.00 that morning: one definition, so test files agree (and a unity build sees
// each name once).
inline constexpr UnixSeconds tuesday_morning = 1795508100;
inline constexpr UnixSeconds tuesday_ten = 1795507200;

} // namespace olohuone::test
