#pragma once
// What the coordinators' attendance reports count, as the store reads it from the
// records kiosks delivered (docs/web.md, "Reports"): visits by hour, by group and by
// person, and each activity's registrations and attendance. Counted in the database;
// the report page groups them into Helsinki days, weeks and months.
#include <cstdint>
#include <string>
#include <vector>

#include "core/civil_time.h"

namespace olohuone::server {

// The sites and the time span asked about: [from, to).
struct FigureQuery {
    std::vector<std::int64_t> site_ids;
    UnixSeconds from = 0;
    UnixSeconds to = 0;
};

// Visits whose time.at falls in one UTC hour. Helsinki's offsets are whole hours, so
// every hour lies within one local day.
struct VisitHour {
    UnixSeconds hour_start = 0;
    std::int64_t named = 0;     // visit.sign_in
    std::int64_t anonymous = 0; // visit.counted
};

struct GroupVisits {
    std::string group; // the payload's group code, as the kiosk's visitors.toml names it
    std::int64_t named = 0;
    std::int64_t anonymous = 0;
};

// One activity (an event's occurrence: uid + instance) of one site whose instance falls
// in the span, with any registration or attendance.
struct ActivityFigures {
    std::int64_t site_id = 0;
    std::string uid;
    UnixSeconds instance = 0;
    UnixSeconds start = 0;             // the latest start its records gave
    std::int64_t registered = 0;       // registration.add not cancelled (the waiting list too)
    std::int64_t present_named = 0;    // attendance.here not withdrawn
    std::int64_t present_anonymous = 0; // attendance.counted not withdrawn
};

struct AttendanceFigures {
    std::vector<VisitHour> visit_hours; // by hour
    std::vector<GroupVisits> groups;    // by group code
    std::int64_t unique_visitors = 0;   // distinct visitor keys (per site) among sign-ins
    std::vector<ActivityFigures> activities; // by site, uid, instance
};

} // namespace olohuone::server
