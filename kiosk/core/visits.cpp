#include "core/visits.h"

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

UnixSeconds automatic_sign_out_at(UnixSeconds signed_in_at, CivilTime closing_time, const TimeZone& zone)
{
    const CivilDate day = zone.to_local(signed_in_at).date;
    const UnixSeconds closing = zone.to_instant({day, closing_time});
    if (signed_in_at < closing)
        return closing;
    return zone.start_of_day(day.plus_days(1));
}

} // namespace olohuone
