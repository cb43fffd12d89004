#include "core/registration.h"

#include <algorithm>
#include <set>
#include <string_view>

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

namespace {

bool made_before(const Registration& a, const Registration& b)
{
    return a.registered_at != b.registered_at ? a.registered_at < b.registered_at : a.id < b.id;
}

} // namespace

Places allocate_places(std::vector<Registration> registrations, std::optional<int> capacity)
{
    std::stable_sort(registrations.begin(), registrations.end(), made_before);
    return allocate_in_order(registrations, capacity);
}

std::vector<Registration> site_order(std::vector<KeyedRegistration> active, const std::vector<SitePlace>& site,
                                     const std::vector<std::string>& own_cancelled)
{
    std::stable_sort(active.begin(), active.end(), [](const KeyedRegistration& a, const KeyedRegistration& b) {
        return made_before(a.registration, b.registration);
    });
    std::vector<Registration> ordered;
    std::vector<bool> placed(active.size(), false);
    std::int64_t other_kiosks = 0;
    std::set<std::string_view> seen; // a key listed twice holds one place
    for (const SitePlace& place : site) {
        if (!seen.insert(place.key).second)
            continue;
        const auto own = std::find_if(active.begin(), active.end(),
                                      [&](const KeyedRegistration& each) { return each.key == place.key; });
        if (own != active.end()) {
            const auto index = static_cast<std::size_t>(own - active.begin());
            if (!placed[index])
                ordered.push_back(own->registration);
            placed[index] = true;
        } else if (!place.cancelled
                   && std::find(own_cancelled.begin(), own_cancelled.end(), place.key) == own_cancelled.end()) {
            ordered.push_back({0, -(++other_kiosks), 0, false});
        }
    }
    for (std::size_t i = 0; i < active.size(); ++i)
        if (!placed[i])
            ordered.push_back(active[i].registration);
    return ordered;
}

Places allocate_in_order(const std::vector<Registration>& ordered, std::optional<int> capacity)
{
    Places places;
    places.capacity = capacity;
    for (const Registration& registration : ordered) {
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

namespace {

std::vector<std::int64_t> moved(const Places& before, const Places& after, bool into_place)
{
    std::vector<std::int64_t> visitors;
    for (const Standing& was : before.standings) {
        const Standing* now = was.visitor_id > 0 ? after.of(was.visitor_id) : nullptr;
        if (now != nullptr && was.coming != into_place && now->coming == into_place)
            visitors.push_back(was.visitor_id);
    }
    return visitors;
}

} // namespace

std::vector<std::int64_t> promoted(const Places& before, const Places& after) { return moved(before, after, true); }

std::vector<std::int64_t> moved_to_queue(const Places& before, const Places& after)
{
    return moved(before, after, false);
}

} // namespace olohuone
