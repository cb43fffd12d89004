#pragma once
// What the coordinators' exports read: the visits of a period, the activities of a
// period with their registrations and attendance, and who is signed in. Read-only and
// short, so they run beside a kiosk that is writing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::store {

// A sign-in or an anonymous count.
struct VisitReportRow {
    UnixSeconds signed_in_at = 0;
    std::optional<UnixSeconds> signed_out_at; // none: still open, or an anonymous count
    bool signed_out_automatically = false;
    // Signed out on a clock behind the start (it stepped back): closed at the start, its
    // length not known.
    bool sign_out_clamped = false;
    bool anonymous = false;
    std::string name; // the full name as stored; empty when anonymous
    std::string group_id;
    std::string whom;
    std::string marker_id;
};

// Visits begun in [from, to), in the order they began.
Result<std::vector<VisitReportRow>> visits_between(sql::Database& database, UnixSeconds from, UnixSeconds to);

// One activity (an event's occurrence) and what happened around it.
struct ActivityReportRow {
    std::string uid;
    UnixSeconds instance = 0; // the occurrence's start as the recurrence gave it
    int registered = 0;       // registrations not cancelled, waiting list included
    int cancelled = 0;
    int present_by_name = 0;
    int present_registered = 0; // of those present by name, registered
    int present_anonymous = 0;  // counted without a name
};

// Activities whose occurrence (its recurrence instance) falls in [from, to) and that
// have any registration or attendance, by time then UID.
Result<std::vector<ActivityReportRow>> activities_between(sql::Database& database, UnixSeconds from, UnixSeconds to);

// A named visit not signed out.
struct OpenVisitRow {
    std::string name;
    std::string group_id;
    std::string marker_id;
    UnixSeconds signed_in_at = 0;
};

// Every named visit still open, earliest first. Whether one is stale (a day when the
// kiosk was off at closing time) is the caller's rule.
Result<std::vector<OpenVisitRow>> open_named_visits(sql::Database& database);

} // namespace olohuone::store
