#include "core/visits.h"

#include <algorithm>

namespace olohuone {

const VisitorGroup* VisitOptions::group(const std::string& id) const
{
    for (const VisitorGroup& candidate : groups)
        if (candidate.id == id)
            return &candidate;
    return nullptr;
}

const NameMarker* VisitOptions::marker(const std::string& id) const
{
    for (const NameMarker& candidate : markers)
        if (candidate.id == id)
            return &candidate;
    return nullptr;
}

std::optional<UnixSeconds> in_building_since(UnixSeconds activity_start, UnixSeconds activity_end, UnixSeconds now,
                                             const TimeZone& zone)
{
    const CivilDate today = zone.to_local(now).date;
    const UnixSeconds from = zone.start_of_day(today);
    const UnixSeconds to = zone.start_of_day(today.plus_days(1));
    // Marked while it is on or before: a mark filled in after it ended (staff, later in
    // the day) says nothing of who is in the building now.
    const UnixSeconds ends = std::max(activity_end, activity_start + 1);
    if (activity_start < to && ends > from && now < ends)
        return from;
    return std::nullopt;
}

UnixSeconds automatic_sign_out_at(UnixSeconds signed_in_at, CivilTime closing_time, const TimeZone& zone)
{
    const CivilDate day = zone.to_local(signed_in_at).date;
    const UnixSeconds closing = zone.to_instant({day, closing_time});
    if (signed_in_at < closing)
        return closing;
    return zone.start_of_day(day.plus_days(1));
}

} // namespace olohuone
