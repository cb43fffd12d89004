#pragma once
// Weeks as Finnish calendars number them (ISO 8601: Monday first, week 1 holds the
// year's first Thursday), written "2026-W48" in the week page's address.
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_time.h"

namespace olohuone::server::web {

struct IsoWeek {
    int year = 1970;
    int week = 1; // 1..53

    bool operator==(const IsoWeek&) const = default;
};

IsoWeek iso_week_of(const CivilDate& date);
CivilDate monday_of(const IsoWeek& week);
IsoWeek plus_weeks(const IsoWeek& week, int weeks);

// "2026-W48" for years 2000–2100, or none.
std::optional<IsoWeek> parse_iso_week(std::string_view text);
std::string iso_week_text(const IsoWeek& week);

} // namespace olohuone::server::web
