#pragma once
// A named person marked present at an activity today is in the building, whether or not
// they signed in at the kiosk: the fire roll call reads the open visits, so the mark
// opens one (a visit "from the activity") when they have none. Called inside the
// caller's transaction, so the mark and the visit are stored together or not at all.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/outbox.h"
#include "store/sqlite.h"
#include "store/visitors.h"

namespace olohuone::store {

// Signs `visitor` in at `time` unless a visit of theirs begun at or after `since` is still
// open; the visit names the attendance `attendance_key` it came from, and its
// visit.sign_in record the activity.
Result<void> sign_in_from_attendance(sql::Database& database, std::int64_t visitor_id, const StoredVisitor& visitor,
                                     const std::string& attendance_key, const nlohmann::json& activity,
                                     UnixSeconds since, RecordTime time);

// A mark taken back takes back the visit it opened, while that visit is still open and
// nothing else (a sign-out) has happened to it: it was never a visit.
Result<void> withdraw_visit_from_attendance(sql::Database& database, const std::string& attendance_key,
                                            RecordTime time);

// A sign-in at the kiosk takes over from the visits marks opened for `visitor_id`: they
// are taken back, so the person is in the building once and signs out once.
Result<void> withdraw_visits_opened_by_marks(sql::Database& database, std::int64_t visitor_id, RecordTime time);

} // namespace olohuone::store
