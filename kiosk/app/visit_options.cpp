#include "app/visit_options.h"

#include <toml++/toml.h>

#include <algorithm>

#include "app/content.h"
#include "app/toml_entries.h"

namespace olohuone::app {

Result<VisitOptions> parse_visit_options(const std::string& toml_text, const std::string& source_name,
                                         const std::vector<std::string>& languages)
{
    auto parsed = content_entries::parse_entry_lists(toml_text, source_name, languages, {"group", "whom", "marker"});
    if (!parsed)
        return parsed.error();
    const toml::table& root = parsed.value();

    const content_entries::EntryReader read(source_name, languages);
    VisitOptions options;
    auto groups = read.each(root, "group", 1, [&](const std::string& id, LocalizedText name, const toml::table& entry,
                                                  const std::string& where) -> Result<void> {
        const toml::node* asks = entry.get("asks_whom");
        if (asks != nullptr && !asks->is_boolean())
            return read.fail(where, "asks_whom must be true or false");
        options.groups.push_back({id, std::move(name), asks != nullptr && asks->value_or(false)});
        return {};
    });
    if (!groups)
        return groups.error();
    auto whom = read.each(root, "whom", 0, [&](const std::string& id, LocalizedText name, const toml::table&,
                                               const std::string&) -> Result<void> {
        options.whom.push_back({id, std::move(name)});
        return {};
    });
    if (!whom)
        return whom.error();
    auto markers = read.each(root, "marker", 0, [&](const std::string& id, LocalizedText name, const toml::table&,
                                                    const std::string&) -> Result<void> {
        options.markers.push_back({id, std::move(name)});
        return {};
    });
    if (!markers)
        return markers.error();
    const bool anyone_asked = std::any_of(options.groups.begin(), options.groups.end(),
                                          [](const VisitorGroup& group) { return group.asks_whom; });
    if (anyone_asked && options.whom.empty())
        return make_error(source_name + ": a group asks_whom, but there are no [[whom]] choices");
    return options;
}

Result<VisitOptions> load_visit_options(const std::string& content_dir, const std::vector<std::string>& languages)
{
    const std::string path = content_dir + "/visitors.toml";
    auto text = read_small_file(path, 64 * 1024);
    if (!text)
        return text.error();
    return parse_visit_options(text.value(), path, languages);
}

} // namespace olohuone::app
