#pragma once
// The rules for one day's list: order, and what is past, on now and next.
#include <optional>
#include <vector>

#include "core/occurrence.h"
#include "core/time_zone.h"

namespace olohuone {

enum class TimeState {
    AllDay, // an all-day event: no time, no now/next badge
    Past,   // ended
    Now,    // started and not ended
    Next,   // the earliest start still to come (several if they start together)
    Later,
};

struct PlanEntry {
    Occurrence occurrence;
    TimeState state = TimeState::Later;
    CivilDate day{0, 0, 0}; // the day whose list it is on (an event across days is on each)
    bool cancelled() const { return occurrence.status == EventStatus::Cancelled; }
};

struct DayPlan {
    CivilDate date;
    std::vector<PlanEntry> entries; // all-day first, then by start time, then title
    // Index of the first entry a person looking now cares about (on now, or next, or
    // the first entry if the day has not begun or is over).
    std::size_t first_current_index() const;
};

// Occurrences on `date`'s list: those that start that day, and those under way in it
// (an all-day event on every day it covers, a timed event across midnight on each day
// it reaches; one that ends at the midnight that begins `date` is not on it).
std::vector<Occurrence> occurrences_on(const std::vector<Occurrence>& occurrences, const CivilDate& date,
                                       const TimeZone& zone);

// `occurrences` are the day's occurrences. For today, `now` decides past/now/next; for
// another day (no `now`) every timed event is simply Later.
DayPlan plan_day(const CivilDate& date, std::vector<Occurrence> occurrences, std::optional<UnixSeconds> now);

} // namespace olohuone
