#include "programme_api.h"

#include <nlohmann/json.hpp>

#include "site_programme.h"

namespace olohuone::server {

std::optional<std::int64_t> site_id_from_path(std::string_view text)
{
    // 18 digits cannot overflow int64.
    if (text.empty() || text.size() > 18 || text.front() == '0')
        return std::nullopt;
    std::int64_t id = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        id = id * 10 + (c - '0');
    }
    return id;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag)
{
    std::size_t at = 0;
    while (at < if_none_match.size()) {
        std::size_t end = if_none_match.find(',', at);
        if (end == std::string_view::npos)
            end = if_none_match.size();
        std::string_view tag = if_none_match.substr(at, end - at);
        at = end + 1;
        while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t'))
            tag.remove_prefix(1);
        while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t'))
            tag.remove_suffix(1);
        if (tag == "*")
            return true;
        if (tag.starts_with("W/"))
            tag.remove_prefix(2);
        if (tag.size() == etag.size() + 2 && tag.front() == '"' && tag.back() == '"'
            && tag.substr(1, etag.size()) == etag)
            return true;
    }
    return false;
}

std::string programme_body(std::int64_t site_id, const SiteProgramme& programme, const std::string& etag)
{
    nlohmann::json calendars = nlohmann::json::array();
    for (const SiteCalendar& calendar : programme.calendars)
        calendars.push_back({{"name", calendar.name}, {"ics", calendar_text_for_kiosks(calendar.ics)}});
    const nlohmann::json answer = {
        {"site", site_id}, {"etag", etag}, {"updated_at", programme.updated_at}, {"calendars", std::move(calendars)}};
    // Bytes that are not UTF-8 (a calendar the importer read anyway) become U+FFFD, as
    // the kiosk's importer would read them: the JSON itself stays valid.
    return answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace olohuone::server
