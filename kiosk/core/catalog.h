#pragma once
// One language's user-facing texts and its way of writing dates and times, read from
// content/i18n/<language>.toml. Code never holds a user-facing string.
#include <array>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/civil_time.h"
#include "core/part_of_day.h"
#include "core/result.h"

namespace olohuone {

using Substitutions = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Replaces {name} placeholders; an unknown placeholder is left as it is.
std::string substitute(std::string_view pattern, Substitutions values);

class Catalog {
public:
    static Result<Catalog> parse(std::string_view toml_text, const std::string& source_name);

    const std::string& language() const { return m_language; }
    const std::string& native_name() const { return m_native_name; }

    // The text for `key`; a missing key yields the key itself, so a gap shows up in
    // screenshots and in the catalog completeness test instead of as an empty button.
    const std::string& text(const std::string& key) const;
    std::string format(const std::string& key, Substitutions values) const { return substitute(text(key), values); }
    bool has(const std::string& key) const { return m_texts.count(key) != 0; }
    std::vector<std::string> keys() const;

    std::string long_date(const CivilDate& date) const;  // Tiistai 24. marraskuuta 2026
    std::string short_date(const CivilDate& date) const; // ke 25.11.
    std::string day_heading(const CivilDate& date) const; // Torstai 26.11.
    std::string day_in_text(const CivilDate& date) const; // torstai 26.11. (inside a sentence)
    std::string clock(const CivilTime& time) const;      // 10.15
    std::string clock_phrase(const CivilTime& time) const; // klo 10.15
    std::string time_range(const CivilTime& start, const CivilTime& end) const; // 10.00–11.00
    std::string weekday_short(const CivilDate& date) const; // la
    const std::string& part_of_day_name(PartOfDay part) const;

private:
    std::string format_date(const std::string& pattern, const CivilDate& date, bool short_weekday) const;

    std::string m_language;
    std::string m_native_name;
    std::map<std::string, std::string, std::less<>> m_texts;
    std::array<std::string, 7> m_weekdays;
    std::array<std::string, 7> m_weekdays_short;
    std::array<std::string, 12> m_months;
    std::array<std::string, 5> m_parts_of_day;
    std::string m_long_date_pattern;
    std::string m_short_date_pattern;
    std::string m_day_heading_pattern;
    std::string m_day_in_text_pattern;
    std::string m_clock_pattern;
    std::string m_clock_phrase_pattern;
    std::string m_time_range_pattern;
};

// The catalogs the kiosk offers, in the order their buttons appear; the first is the default.
class Catalogs {
public:
    void add(Catalog catalog) { m_catalogs.push_back(std::move(catalog)); }
    const Catalog& get(const std::string& language) const; // falls back to the default
    const Catalog& default_catalog() const { return m_catalogs.front(); }
    bool has(const std::string& language) const;
    const std::vector<Catalog>& all() const { return m_catalogs; }
    bool empty() const { return m_catalogs.empty(); }

private:
    std::vector<Catalog> m_catalogs;
};

} // namespace olohuone
