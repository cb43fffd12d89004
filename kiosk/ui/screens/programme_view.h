#pragma once
// The narrow view of the programme the screens need: one day's occurrences.
#include <vector>

#include "core/occurrence.h"

namespace olohuone::ui {

class ProgrammeView {
public:
    virtual ~ProgrammeView() = default;
    // Occurrences on the local calendar day `date`; empty if none or unavailable.
    virtual std::vector<Occurrence> occurrences_on(const CivilDate& date) = 0;
};

} // namespace olohuone::ui
