#include "app/event_templates.h"

#include <filesystem>

#include "app/content.h"
#include "app/toml_entries.h"
#include "core/text_limits.h"

namespace olohuone::app {
namespace {

constexpr std::int64_t longest_minutes = 12 * 60;
constexpr std::int64_t most_places = 999;
constexpr std::size_t max_place_bytes = 120;

} // namespace

Result<std::vector<EventTemplate>> parse_event_templates(const std::string& toml_text, const std::string& source_name,
                                                         const std::vector<std::string>& languages)
{
    auto parsed = content_entries::parse_entry_lists(toml_text, source_name, languages, {"template"});
    if (!parsed)
        return parsed.error();
    const toml::table& root = parsed.value();

    const content_entries::EntryReader read(source_name, languages);
    std::vector<EventTemplate> templates;
    auto each = read.each(root, "template", 0, [&](const std::string&, LocalizedText name, const toml::table& entry,
                                                   const std::string& where) -> Result<void> {
        EventTemplate event{std::move(name), 60, {}, std::nullopt};
        if (const toml::node* minutes = entry.get("minutes")) {
            const auto value = minutes->value<std::int64_t>();
            if (!minutes->is_integer() || !value || *value < 15 || *value > longest_minutes)
                return read.fail(where, "minutes must be a whole number from 15 to " + std::to_string(longest_minutes));
            event.minutes = static_cast<int>(*value);
        }
        if (const toml::node* place = entry.get("place")) {
            const auto value = place->value<std::string>();
            const std::string cleaned = value ? clean_text(*value, LineBreaks::Remove) : std::string();
            if (!place->is_string() || cleaned.size() > max_place_bytes)
                return read.fail(where, "place must be a text of at most " + std::to_string(max_place_bytes)
                                            + " bytes");
            event.place = cleaned;
        }
        if (const toml::node* capacity = entry.get("capacity")) {
            const auto value = capacity->value<std::int64_t>();
            if (!capacity->is_integer() || !value || *value < 1 || *value > most_places)
                return read.fail(where, "capacity must be a whole number from 1 to " + std::to_string(most_places));
            event.capacity = static_cast<int>(*value);
        }
        for (const auto& [key, node] : entry)
            if (key.str() != "id" && key.str() != "name" && key.str() != "minutes" && key.str() != "place"
                && key.str() != "capacity")
                return read.fail(where, std::string(key.str()) + " is not known (expected id, name, minutes, place "
                                                                 "or capacity)");
        templates.push_back(std::move(event));
        return {};
    });
    if (!each)
        return each.error();
    return templates;
}

Result<std::vector<EventTemplate>> load_event_templates(const std::string& content_dir,
                                                        const std::vector<std::string>& languages)
{
    const std::string path = content_dir + "/event-templates.toml";
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        return std::vector<EventTemplate>{};
    auto text = read_small_file(path, 64 * 1024);
    if (!text)
        return text.error();
    return parse_event_templates(text.value(), path, languages);
}

} // namespace olohuone::app
