#pragma once
// Calendar dates and wall-clock times with no time zone attached: what a person reads
// off a calendar. Conversions to and from instants go through TimeZone.
#include <compare>
#include <cstdint>
#include <string>

namespace olohuone {

// Seconds since 1970-01-01T00:00:00Z, the one representation of an instant.
using UnixSeconds = std::int64_t;

enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

struct CivilDate {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31

    auto operator<=>(const CivilDate&) const = default;

    // Days since 1970-01-01 (negative before it).
    std::int64_t days_since_epoch() const;
    static CivilDate from_days_since_epoch(std::int64_t days);

    CivilDate plus_days(int days) const;
    Weekday weekday() const;
    bool valid() const;
    std::string iso() const; // 2026-11-24
};

struct CivilTime {
    int hour = 0;   // 0..23
    int minute = 0; // 0..59
    int second = 0; // 0..59

    auto operator<=>(const CivilTime&) const = default;
    int seconds_since_midnight() const { return hour * 3600 + minute * 60 + second; }
};

struct LocalDateTime {
    CivilDate date;
    CivilTime time;

    auto operator<=>(const LocalDateTime&) const = default;
};

int days_in_month(int year, int month);

} // namespace olohuone
