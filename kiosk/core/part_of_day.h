#pragma once
// The part of the day in words, for the orientation line a confused visitor reads.
#include "core/civil_time.h"

namespace olohuone {

enum class PartOfDay { Night, Morning, Forenoon, Afternoon, Evening };

// Night 22–05, morning 05–09, forenoon 09–12, afternoon 12–17, evening 17–22: the ranges
// Finnish speakers mean by yö, aamu, aamupäivä, iltapäivä and ilta.
PartOfDay part_of_day(const CivilTime& time);

} // namespace olohuone
