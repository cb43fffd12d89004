#include "core/day_plan.h"

#include <algorithm>
#include <optional>
#include <tuple>

namespace olohuone {

std::size_t DayPlan::first_current_index() const
{
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (!entries[i].cancelled() && (entries[i].state == TimeState::Now || entries[i].state == TimeState::Next))
            return i;
    return 0;
}

std::vector<Occurrence> occurrences_on(const std::vector<Occurrence>& occurrences, const CivilDate& date,
                                       const TimeZone& zone)
{
    const UnixSeconds day_start = zone.start_of_day(date);
    const UnixSeconds day_end = zone.start_of_day(date.plus_days(1));
    std::vector<Occurrence> on_day;
    for (const Occurrence& occurrence : occurrences) {
        // An event of no length (an end at its start) is on its start day.
        const bool belongs = (occurrence.start < day_end && occurrence.end > day_start)
            || (occurrence.start >= day_start && occurrence.start < day_end);
        if (belongs)
            on_day.push_back(occurrence);
    }
    return on_day;
}

DayPlan plan_day(const CivilDate& date, std::vector<Occurrence> occurrences, std::optional<UnixSeconds> now)
{
    std::sort(occurrences.begin(), occurrences.end(), [](const Occurrence& a, const Occurrence& b) {
        const bool a_timed = a.span == EventSpan::Timed;
        const bool b_timed = b.span == EventSpan::Timed;
        return std::tie(a_timed, a.start, a.title.default_text(), a.uid)
            < std::tie(b_timed, b.start, b.title.default_text(), b.uid);
    });

    std::optional<UnixSeconds> next_start;
    for (const Occurrence& occurrence : occurrences)
        if (now && occurrence.span == EventSpan::Timed && occurrence.status != EventStatus::Cancelled
            && occurrence.start > *now && (!next_start || occurrence.start < *next_start))
            next_start = occurrence.start;

    DayPlan plan;
    plan.date = date;
    plan.entries.reserve(occurrences.size());
    for (Occurrence& occurrence : occurrences) {
        TimeState state = TimeState::Later;
        if (occurrence.span == EventSpan::AllDay)
            state = TimeState::AllDay;
        else if (!now)
            state = TimeState::Later;
        else if (occurrence.end <= *now)
            state = TimeState::Past;
        else if (occurrence.start <= *now)
            // A cancelled event is never "on now"; it keeps its place in the list.
            state = occurrence.status == EventStatus::Cancelled ? TimeState::Later : TimeState::Now;
        else if (next_start && occurrence.start == *next_start && occurrence.status != EventStatus::Cancelled)
            state = TimeState::Next;
        plan.entries.push_back({std::move(occurrence), state, date});
    }
    return plan;
}

} // namespace olohuone
