#include "core/catalog.h"

#include "core/toml_text.h"

#include <toml++/toml.h>

#include <cctype>
#include <cstdio>
#include <sstream>

namespace olohuone {
namespace {

std::string two_digits(int value)
{
    char text[8];
    std::snprintf(text, sizeof text, "%02d", value);
    return text;
}

// Upper-cases the first letter when it is ASCII; every weekday name in the shipped
// catalogs starts with one, and a non-ASCII first letter is left as written.
std::string capitalised(std::string text)
{
    if (!text.empty() && static_cast<unsigned char>(text[0]) < 0x80)
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

template <std::size_t N>
Result<void> read_names(const toml::table& table, std::string_view key, std::array<std::string, N>& names,
                        const std::string& source)
{
    const toml::array* array = table.at_path(key).as_array();
    if (array == nullptr || array->size() != N)
        return make_error(source + ": '" + std::string(key) + "' must be a list of " + std::to_string(N) + " names");
    for (std::size_t i = 0; i < N; ++i) {
        const auto name = array->get(i)->value<std::string>();
        if (!name || name->empty())
            return make_error(source + ": '" + std::string(key) + "' item " + std::to_string(i + 1)
                              + " must be a non-empty text");
        names[i] = *name;
    }
    return {};
}

Result<void> read_pattern(const toml::table& table, std::string_view key, std::string& pattern,
                          const std::string& source)
{
    const auto value = table.at_path(key).value<std::string>();
    if (!value || value->empty())
        return make_error(source + ": '" + std::string(key) + "' must be a non-empty text");
    pattern = *value;
    return {};
}

} // namespace

std::string substitute(std::string_view pattern, Substitutions values)
{
    std::string result;
    result.reserve(pattern.size() + 16);
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = pattern.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [key, value] : values) {
                    if (key == name) {
                        result += value;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        result += pattern[i++];
    }
    return result;
}

Result<Catalog> Catalog::parse(std::string_view toml_text, const std::string& source_name)
{
    auto parsed = parse_toml(toml_text, source_name);
    if (!parsed)
        return parsed.error();
    const toml::table& table = parsed.value();
    Catalog catalog;
    const auto language = table["language"].value<std::string>();
    const auto native_name = table["name"].value<std::string>();
    if (!language || language->empty())
        return make_error(source_name + ": 'language' must be set (e.g. language = \"fi\")");
    if (!native_name || native_name->empty())
        return make_error(source_name + ": 'name' must be set to the language's own name (e.g. name = \"Suomi\")");
    catalog.m_language = *language;
    catalog.m_native_name = *native_name;

    for (auto result : {read_names(table, "date.weekdays", catalog.m_weekdays, source_name),
                        read_names(table, "date.weekdays_short", catalog.m_weekdays_short, source_name),
                        read_names(table, "date.months", catalog.m_months, source_name),
                        read_names(table, "date.parts_of_day", catalog.m_parts_of_day, source_name),
                        read_pattern(table, "date.long_date", catalog.m_long_date_pattern, source_name),
                        read_pattern(table, "date.short_date", catalog.m_short_date_pattern, source_name),
                        read_pattern(table, "date.day_heading", catalog.m_day_heading_pattern, source_name),
                        read_pattern(table, "date.day_in_text", catalog.m_day_in_text_pattern, source_name),
                        read_pattern(table, "date.clock", catalog.m_clock_pattern, source_name),
                        read_pattern(table, "date.clock_phrase", catalog.m_clock_phrase_pattern, source_name),
                        read_pattern(table, "date.time_range", catalog.m_time_range_pattern, source_name)}) {
        if (!result)
            return result.error();
    }

    const toml::table* texts = table["text"].as_table();
    if (texts == nullptr)
        return make_error(source_name + ": the [text] table is missing");
    for (const auto& [key, node] : *texts) {
        const auto value = node.value<std::string>();
        if (!value)
            return make_error(source_name + ": text '" + std::string(key.str()) + "' must be a text");
        catalog.m_texts.emplace(std::string(key.str()), *value);
    }
    return catalog;
}

const std::string& Catalog::text(const std::string& key) const
{
    const auto found = m_texts.find(key);
    return found != m_texts.end() ? found->second : key;
}

std::vector<std::string> Catalog::keys() const
{
    std::vector<std::string> keys;
    for (const auto& [key, value] : m_texts)
        keys.push_back(key);
    return keys;
}

std::string Catalog::long_date(const CivilDate& date) const { return format_date(m_long_date_pattern, date, false); }

std::string Catalog::short_date(const CivilDate& date) const { return format_date(m_short_date_pattern, date, true); }

std::string Catalog::day_heading(const CivilDate& date) const { return format_date(m_day_heading_pattern, date, false); }

std::string Catalog::weekday_short(const CivilDate& date) const
{
    return m_weekdays_short[static_cast<int>(date.weekday())];
}

std::string Catalog::day_in_text(const CivilDate& date) const { return format_date(m_day_in_text_pattern, date, false); }

std::string Catalog::format_date(const std::string& pattern, const CivilDate& date, bool short_weekday) const
{
    const std::string& weekday = (short_weekday ? m_weekdays_short : m_weekdays)[static_cast<int>(date.weekday())];
    const std::string day = std::to_string(date.day);
    const std::string month_number = std::to_string(date.month);
    const std::string year = std::to_string(date.year);
    return substitute(pattern, {{"Weekday", capitalised(weekday)},
                                {"weekday", weekday},
                                {"day", day},
                                {"month", m_months[date.month - 1]},
                                {"month_number", month_number},
                                {"year", year}});
}

std::string Catalog::clock(const CivilTime& time) const
{
    const std::string hour = std::to_string(time.hour);
    const std::string hour2 = two_digits(time.hour);
    const std::string minute = two_digits(time.minute);
    return substitute(m_clock_pattern, {{"hour", hour}, {"hour2", hour2}, {"minute", minute}});
}

std::string Catalog::clock_phrase(const CivilTime& time) const
{
    return substitute(m_clock_phrase_pattern, {{"clock", clock(time)}});
}

std::string Catalog::time_range(const CivilTime& start, const CivilTime& end) const
{
    return substitute(m_time_range_pattern, {{"start", clock(start)}, {"end", clock(end)}});
}

const std::string& Catalog::part_of_day_name(PartOfDay part) const
{
    return m_parts_of_day[static_cast<int>(part)];
}

const Catalog& Catalogs::get(const std::string& language) const
{
    for (const Catalog& catalog : m_catalogs)
        if (catalog.language() == language)
            return catalog;
    return default_catalog();
}

bool Catalogs::has(const std::string& language) const
{
    for (const Catalog& catalog : m_catalogs)
        if (catalog.language() == language)
            return true;
    return false;
}

} // namespace olohuone
