#include "core/registration.h"

#include <algorithm>

namespace olohuone {

bool takes_registrations(const Occurrence& occurrence) { return occurrence.span == EventSpan::Timed; }

RegistrationState registration_state(const Occurrence& occurrence, UnixSeconds now, const RegistrationRules& rules)
{
    if (occurrence.status == EventStatus::Cancelled)
        return RegistrationState::Cancelled;
    if (now >= occurrence.start)
        return RegistrationState::Started;
    if (now >= occurrence.start - static_cast<UnixSeconds>(rules.closes_minutes_before) * 60)
        return RegistrationState::ClosedSoon;
    return RegistrationState::Open;
}

bool attendance_open(const Occurrence& occurrence, UnixSeconds now, const RegistrationRules& rules)
{
    if (occurrence.status == EventStatus::Cancelled)
        return false;
    const UnixSeconds opens = occurrence.start - static_cast<UnixSeconds>(rules.attendance_opens_minutes_before) * 60;
    const UnixSeconds closes = occurrence.start + static_cast<UnixSeconds>(rules.attendance_closes_minutes_after) * 60;
    return now >= opens && now < closes;
}

bool staff_attendance_open(const Occurrence& occurrence, UnixSeconds now, const RegistrationRules& rules,
                           UnixSeconds day_ends_at)
{
    if (!takes_registrations(occurrence) || occurrence.status == EventStatus::Cancelled)
        return false;
    const UnixSeconds opens = occurrence.start - static_cast<UnixSeconds>(rules.attendance_opens_minutes_before) * 60;
    return now >= opens && now < day_ends_at;
}

std::optional<int> Places::left() const
{
    if (!capacity)
        return std::nullopt;
    return std::max(0, *capacity - coming);
}

const Standing* Places::of(std::int64_t visitor_id) const
{
    for (const Standing& standing : standings)
        if (standing.visitor_id == visitor_id)
            return &standing;
    return nullptr;
}

Places allocate_places(std::vector<Registration> registrations, std::optional<int> capacity)
{
    std::stable_sort(registrations.begin(), registrations.end(), [](const Registration& a, const Registration& b) {
        return a.registered_at != b.registered_at ? a.registered_at < b.registered_at : a.id < b.id;
    });
    Places places;
    places.capacity = capacity;
    for (const Registration& registration : registrations) {
        // One place per visitor: a second active registration of the same person is the
        // same registration (a repeated tap on another kiosk screen).
        if (registration.cancelled || places.of(registration.visitor_id) != nullptr)
            continue;
        Standing standing{registration.visitor_id, !capacity || places.coming < *capacity, 0};
        if (standing.coming)
            ++places.coming;
        else
            standing.queue_position = ++places.waiting;
        places.standings.push_back(standing);
    }
    return places;
}

std::vector<std::int64_t> promoted(const Places& before, const Places& after)
{
    std::vector<std::int64_t> moved;
    for (const Standing& was : before.standings) {
        const Standing* now = after.of(was.visitor_id);
        if (!was.coming && now != nullptr && now->coming)
            moved.push_back(was.visitor_id);
    }
    return moved;
}

} // namespace olohuone
