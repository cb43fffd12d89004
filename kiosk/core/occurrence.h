#pragma once
// One occurrence of a programme event on a given day: what the Today screen shows.
#include <optional>
#include <string>

#include "core/civil_time.h"
#include "core/localized_text.h"

namespace olohuone {

enum class EventStatus { Scheduled, Cancelled };
enum class EventSpan { Timed, AllDay };

struct Occurrence {
    std::string uid;          // the event's UID
    UnixSeconds instance = 0; // the start the recurrence gave it (RECURRENCE-ID), stable across moves
    UnixSeconds start = 0;    // all-day events: local midnight of their first day
    UnixSeconds end = 0;      // exclusive
    EventSpan span = EventSpan::Timed;
    EventStatus status = EventStatus::Scheduled;
    std::optional<UnixSeconds> moved_from; // set when an override moved this instance
    LocalizedText title;
    LocalizedText description;
    LocalizedText location;
    LocalizedText host;
    std::optional<int> capacity;
    std::string picture; // relative to the content folder, empty if none

    // A stable key for this occurrence: UID plus its recurrence instance.
    std::string key() const { return uid + "@" + std::to_string(instance); }
    bool operator==(const Occurrence&) const = default;
};

} // namespace olohuone
