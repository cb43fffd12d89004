#include "places_api.h"

#include <nlohmann/json.hpp>

namespace olohuone::server {

std::string places_body(std::int64_t site_id, const std::vector<ActivityPlaces>& activities)
{
    nlohmann::json list = nlohmann::json::array();
    for (const ActivityPlaces& places : activities) {
        nlohmann::json registrations = nlohmann::json::array();
        for (const SitePlace& place : places.registrations)
            registrations.push_back({{"key", place.key}, {"cancelled", place.cancelled}});
        nlohmann::json activity = {
            {"uid", places.uid}, {"instance", places.instance}, {"registrations", std::move(registrations)}};
        // Left out when no kiosk has said: the server has not decided those places.
        if (places.capacity_known)
            activity["capacity"] = places.capacity ? nlohmann::json(*places.capacity) : nlohmann::json();
        list.push_back(std::move(activity));
    }
    return nlohmann::json{{"site", site_id}, {"activities", std::move(list)}}.dump();
}

} // namespace olohuone::server
