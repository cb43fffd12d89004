#include "kiosk_edit.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace olohuone::server {

Result<KioskEdit> read_kiosk_edit(const std::string& payload)
{
    const nlohmann::json json = nlohmann::json::parse(payload, nullptr, false);
    try {
        KioskEdit read;
        ProgrammeEdit& edit = read.edit;
        const auto action = action_named(json.at("action").get<std::string>());
        if (!action)
            return make_error("a programme edit with an unknown action");
        edit.action = *action;
        edit.key = json.at("edit").get<std::string>();
        edit.uid = json.at("event").at("uid").get<std::string>();
        edit.instance = json.at("event").at("instance").get<UnixSeconds>();
        if (const auto values = json.find("values"); values != json.end()) {
            edit.start = values->at("start").get<UnixSeconds>();
            edit.end = values->at("end").get<UnixSeconds>();
            if (!values->at("capacity").is_null())
                edit.capacity = values->at("capacity").get<int>();
            if (values->contains("location"))
                edit.location = values->at("location").get<std::string>();
            edit.title.set_default(values->value("title", std::string()));
            if (const auto titles = values->find("titles"); titles != values->end())
                for (const auto& [language, title] : titles->items())
                    edit.title.set(language, title.get<std::string>());
        }
        edit.made_at = json.at("time").at("at").get<UnixSeconds>();
        read.clock_synced = json.at("time").at("clock_synced").get<bool>();
        return read;
    } catch (const nlohmann::json::exception&) {
        return make_error("a programme edit's payload is not one the server accepts");
    }
}

UnixSeconds edit_time(const KioskEdit& edit, UnixSeconds received_at)
{
    return edit.clock_synced ? std::min(edit.edit.made_at, received_at) : received_at;
}

} // namespace olohuone::server
