#pragma once
// The entries of the kiosk's content files (visitors.toml, event-templates.toml): lists
// of [[entry]] tables, each with a unique id and a name in every language the kiosk
// offers. Errors name the file, the entry and what is wrong.
#include <toml++/toml.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/localized_text.h"
#include "core/result.h"
#include "core/text_limits.h"
#include "core/toml_text.h"

namespace olohuone::app::content_entries {

inline constexpr std::size_t max_entries = 12; // more than this do not fit one screen
inline constexpr std::size_t max_name_bytes = 80;
inline constexpr std::size_t max_id_bytes = 32;

inline bool valid_id(const std::string& id)
{
    return !id.empty() && id.size() <= max_id_bytes && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

class EntryReader {
public:
    EntryReader(std::string source, const std::vector<std::string>& languages)
        : m_source(std::move(source)), m_languages(languages)
    {
    }

    Error fail(const std::string& where, const std::string& why) const
    {
        return make_error(m_source + ": " + where + " " + why);
    }

    // The entries of `[[list]]`, each checked for an id (unique) and names.
    template <typename Add>
    Result<void> each(const toml::table& root, const std::string& list, std::size_t minimum, Add add) const
    {
        const toml::array* entries = root[list].as_array();
        if (entries == nullptr) {
            if (minimum == 0 && !root.contains(list))
                return {};
            return fail("[[" + list + "]]", "must be a list of entries");
        }
        if (entries->size() < minimum || entries->size() > max_entries)
            return fail("[[" + list + "]]", "must have " + std::to_string(minimum) + " to "
                                                + std::to_string(max_entries) + " entries");
        std::set<std::string> ids;
        for (std::size_t i = 0; i < entries->size(); ++i) {
            const std::string where = list + " " + std::to_string(i + 1);
            const toml::table* entry = entries->get(i)->as_table();
            if (entry == nullptr)
                return fail(where, "must be a table with id and name");
            const std::string id = entry->get("id") ? entry->get("id")->value_or(std::string()) : std::string();
            if (!valid_id(id))
                return fail(where, "needs an id of 1 to 32 characters a–z, 0–9, _ or -");
            if (!ids.insert(id).second)
                return fail(where, "repeats the id \"" + id + "\"");
            auto name = names(*entry, where + " (" + id + ")");
            if (!name)
                return name.error();
            if (auto added = add(id, std::move(name.value()), *entry, where); !added)
                return added;
        }
        return {};
    }

private:
    Result<LocalizedText> names(const toml::table& entry, const std::string& where) const
    {
        const toml::table* table = entry.get("name") ? entry.get("name")->as_table() : nullptr;
        if (table == nullptr)
            return fail(where, "needs name = { " + m_languages.front() + " = \"...\" }");
        LocalizedText text;
        for (const auto& [language, node] : *table) {
            const auto value = node.value<std::string>();
            const std::string cleaned = value ? clean_text(*value, LineBreaks::Remove) : std::string();
            if (cleaned.empty() || cleaned.size() > max_name_bytes)
                return fail(where, "name." + std::string(language.str()) + " must be a text of 1 to "
                                       + std::to_string(max_name_bytes) + " bytes");
            if (std::string(language.str()) == m_languages.front())
                text.set_default(cleaned);
            else
                text.set(std::string(language.str()), cleaned);
        }
        if (text.default_text().empty())
            return fail(where, "needs a name in " + m_languages.front());
        return text;
    }

    std::string m_source;
    const std::vector<std::string>& m_languages;
};

// The file's text parsed, when the kiosk has languages and the file holds only the
// lists named ("[[group]]", ...); else why not, naming the file.
inline Result<toml::table> parse_entry_lists(const std::string& toml_text, const std::string& source_name,
                                             const std::vector<std::string>& languages,
                                             const std::vector<std::string>& lists)
{
    if (languages.empty())
        return make_error(source_name + ": no languages configured");
    auto parsed = parse_toml(toml_text, source_name);
    if (!parsed)
        return parsed.error();
    std::string expected;
    for (std::size_t i = 0; i < lists.size(); ++i)
        expected += std::string(i == 0 ? "" : i + 1 == lists.size() ? " or " : ", ") + "[[" + lists[i] + "]]";
    for (const auto& [key, node] : parsed.value())
        if (std::find(lists.begin(), lists.end(), key.str()) == lists.end())
            return make_error(source_name + ": " + std::string(key.str()) + " is not known (expected " + expected
                              + ")");
    return parsed;
}

} // namespace olohuone::app::content_entries
