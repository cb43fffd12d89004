#include "core/part_of_day.h"

namespace olohuone {

PartOfDay part_of_day(const CivilTime& time)
{
    if (time.hour < 5 || time.hour >= 22)
        return PartOfDay::Night;
    if (time.hour < 9)
        return PartOfDay::Morning;
    if (time.hour < 12)
        return PartOfDay::Forenoon;
    if (time.hour < 17)
        return PartOfDay::Afternoon;
    return PartOfDay::Evening;
}

} // namespace olohuone
