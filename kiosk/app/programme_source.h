#pragma once
// Keeps the cached programme in the store up to date with the calendar files and
// answers the screens' "what is on this day". The files are read only when they have
// changed or the cached weeks no longer cover the days the kiosk shows.
#include <string>

#include "core/clock.h"
#include "core/time_zone.h"
#include "store/programme_cache.h"
#include "ui/screens/programme_view.h"

namespace olohuone::app {

class ProgrammeSource final : public ui::ProgrammeView {
public:
    ProgrammeSource(store::ProgrammeCache& cache, const TimeZone& zone, const Clock& clock, std::string content_dir,
                    int days_ahead);

    // Imports the calendar files if needed. A bad file is logged and the programme
    // already cached stays as it was.
    void refresh_if_needed();
    // Imports now, whatever the cache says; returns whether the cache was replaced.
    bool import_now();

    std::vector<Occurrence> occurrences_on(const CivilDate& date) override;

private:
    store::ProgrammeCache& m_cache;
    const TimeZone& m_zone;
    const Clock& m_clock;
    std::string m_content_dir;
    int m_days_ahead;
    MonotonicMs m_last_check_ms = 0;
    bool m_checked = false;
};

} // namespace olohuone::app
