#pragma once
// Reading a configuration file's TOML table key by key: every value checked against its
// type and range, and every failure a message naming the file, the key, the value given
// and what is allowed ("kiosk.toml: kiosk.idle_timeout_seconds (5) must be a whole number
// from 20 to 3600"). Unknown sections and keys are errors too, listing the known ones: a
// misspelt key would otherwise be ignored.
#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/result.h"

namespace olohuone {

class TomlReader {
public:
    TomlReader(const toml::table& root, std::string source) : m_root(root), m_source(std::move(source)) {}

    Result<void> check_known(const std::map<std::string, std::set<std::string>>& known) const
    {
        for (const auto& [section, node] : m_root) {
            const toml::table* table = node.as_table();
            if (table == nullptr)
                return fail(std::string(section.str()),
                            "is not inside a section; keys belong under one of " + sections(known));
            const auto found = known.find(std::string(section.str()));
            if (found == known.end())
                return fail(std::string("[").append(section.str()).append("]"),
                            "is not a known section (expected one of " + sections(known) + ")");
            for (const auto& [key, value] : *table)
                if (!found->second.count(std::string(key.str())))
                    return fail(std::string(section.str()) + "." + std::string(key.str()),
                                "is not a known key (expected one of " + keys(found->second) + ")");
        }
        return {};
    }

    Result<void> text(const std::string& path, std::string& target) const
    {
        const toml::node_view node = m_root.at_path(path);
        if (!node)
            return {};
        const auto value = node.value<std::string>();
        if (!value || value->empty() || value->size() > 4096)
            return fail_value(path, node, "must be a non-empty text of at most 4096 bytes");
        target = *value;
        return {};
    }

    Result<void> whole_number(const std::string& path, int& target, int min, int max) const
    {
        const toml::node_view node = m_root.at_path(path);
        if (!node)
            return {};
        const auto value = node.value_exact<std::int64_t>();
        if (!value || *value < min || *value > max)
            return fail_value(path, node,
                              "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
        target = static_cast<int>(*value);
        return {};
    }

    Result<void> number(const std::string& path, double& target, double min, double max) const
    {
        const toml::node_view node = m_root.at_path(path);
        if (!node)
            return {};
        const auto value = node.value<double>();
        if (!value || !(*value == 0 || (*value >= min && *value <= max))) {
            std::ostringstream range;
            range << "must be 0 (automatic) or a number from " << min << " to " << max;
            return fail_value(path, node, range.str());
        }
        target = *value;
        return {};
    }

    // "HH:MM", 24-hour clock.
    Result<void> clock_time(const std::string& path, CivilTime& target) const
    {
        const toml::node_view node = m_root.at_path(path);
        if (!node)
            return {};
        const auto value = node.value<std::string>();
        int hour = -1;
        int minute = -1;
        char end = 0;
        if (!value || value->size() != 5 || std::sscanf(value->c_str(), "%2d:%2d%c", &hour, &minute, &end) != 2
            || hour < 0 || hour > 23 || minute < 0 || minute > 59)
            return fail_value(path, node, "must be a time of day as \"HH:MM\", e.g. \"20:00\"");
        target = {hour, minute, 0};
        return {};
    }

    template <typename Enum>
    Result<void> choice(const std::string& path, Enum& target,
                        const std::vector<std::pair<std::string, Enum>>& choices) const
    {
        const toml::node_view node = m_root.at_path(path);
        if (!node)
            return {};
        const auto value = node.value<std::string>();
        std::string names;
        for (const auto& [name, option] : choices) {
            if (value && *value == name) {
                target = option;
                return {};
            }
            names += (names.empty() ? "" : ", ") + ("\"" + name + "\"");
        }
        return fail_value(path, node, "must be one of " + names);
    }

    Result<void> languages(const std::string& path, std::vector<std::string>& target) const
    {
        const toml::node_view node = m_root.at_path(path);
        if (!node)
            return {};
        const toml::array* array = node.as_array();
        if (array == nullptr || array->empty() || array->size() > 8)
            return fail_value(path, node, "must be a list of 1 to 8 language codes, e.g. [\"fi\", \"sv\", \"en\"]");
        std::vector<std::string> codes;
        for (const toml::node& item : *array) {
            const auto code = item.value<std::string>();
            if (!code || code->size() < 2 || code->size() > 3
                || !std::all_of(code->begin(), code->end(), [](char c) { return c >= 'a' && c <= 'z'; }))
                return fail_value(path, node, "must hold two- or three-letter lower-case language codes");
            codes.push_back(*code);
        }
        target = codes;
        return {};
    }

    // "[display], [kiosk], [visits]": the known sections, alphabetically.
    static std::string sections(const std::map<std::string, std::set<std::string>>& known)
    {
        std::string names;
        for (const auto& [name, keys] : known)
            names += (names.empty() ? "[" : ", [") + name + "]";
        return names;
    }

    // "display, mode, renderer": a section's known keys, alphabetically.
    static std::string keys(const std::set<std::string>& known)
    {
        std::string names;
        for (const std::string& name : known)
            names += (names.empty() ? "" : ", ") + name;
        return names;
    }

    Error fail(const std::string& path, const std::string& why) const
    {
        return make_error(m_source + ": " + path + " " + why);
    }

    // A value that is there but wrong: the message shows it as the file has it (texts in
    // quotes), so the reader sees at once what to change.
    template <typename Node>
    Error fail_value(const std::string& path, const Node& node, const std::string& why) const
    {
        std::ostringstream given;
        given << node;
        std::string shown = given.str();
        if (shown.size() > 60)
            shown = shown.substr(0, 57) + "...";
        return fail(path + " (" + shown + ")", why);
    }

private:
    const toml::table& m_root;
    std::string m_source;
};

} // namespace olohuone
