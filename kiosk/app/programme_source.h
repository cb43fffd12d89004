#pragma once
// Keeps the cached programme in the store up to date with its calendars and answers
// the screens' "what is on this day". The calendars are the site's programme as the
// server last served it, or the bundled files until there is one. They are read only
// when they have changed or the cached weeks no longer cover the days the kiosk shows.
#include <atomic>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "core/programme_import.h"
#include "core/time_zone.h"
#include "store/programme_cache.h"
#include "ui/screens/programme_view.h"

namespace olohuone::app {

class ProgrammeSource final : public ui::ProgrammeView {
public:
    ProgrammeSource(store::ProgrammeCache& cache, sql::Database& database, const TimeZone& zone, const Clock& clock,
                    std::string content_dir, int days_ahead);

    // Imports the calendar files if needed. A bad file is logged and the programme
    // already cached stays as it was.
    void refresh_if_needed();
    // Imports now, whatever the cache says; returns whether the cache was replaced.
    bool import_now();

    std::vector<Occurrence> occurrences_on(const CivilDate& date) override;

    // Whether `calendars` import into a programme: a download is checked with this before
    // it replaces anything. Safe on any thread.
    Result<void> check(const std::vector<CalendarFile>& calendars) const;
    // The sync stored a new programme: look at it before the next frame. Any thread.
    void notice_new_calendars() { m_new_calendars = true; }

private:
    ImportWindow window_from(const CivilDate& today) const;
    std::string signature();

    store::ProgrammeCache& m_cache;
    sql::Database& m_database;
    const TimeZone& m_zone;
    const Clock& m_clock;
    std::string m_content_dir;
    int m_days_ahead;
    MonotonicMs m_last_check_ms = 0;
    bool m_checked = false;
    std::atomic<bool> m_new_calendars{false};
    // One import at a time: the sync's check runs on its own thread, and libical's
    // lazily loaded time zones are not known to be safe to load from two at once.
    mutable std::mutex m_import_mutex;
};

} // namespace olohuone::app
