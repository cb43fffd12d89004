#pragma once
// What each kind of record carries in its payload, as the kiosk's store writes it
// (kiosk/store: visit_log.cpp, activity_log.cpp, visitors.cpp, programme_edits.cpp): the
// fields the server relies on must be there, of the right type, with bounded texts and
// numbers in range.
// Fields it does not know are let through, so a newer kiosk can add one; the payload's
// own size limit bounds them.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "core/result.h"

namespace olohuone::server {

// Times a record may carry: 2020–2100. A kiosk's clock before NTP may be off by years,
// but not by more; the record's clock_synced says whether to trust it.
inline constexpr std::int64_t earliest_record_time = 1577836800;
inline constexpr std::int64_t latest_record_time = 4102444800;

// Nothing when `payload` is a good payload for `kind` (one of record_kinds()); else the
// reason, naming the field ("payload.visitor.name must be …").
Result<void> check_payload(const std::string& kind, const nlohmann::json& payload);

} // namespace olohuone::server
