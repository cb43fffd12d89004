#pragma once
// The report's charts, drawn on the server as inline SVG with attributes only (the
// pages' Content-Security-Policy allows no style attributes and no scripts; colours come
// from the stylesheet's classes). Each chart stands beside a table with the same numbers.
#include <cstdint>
#include <string>
#include <vector>

#include "web/html.h"

namespace olohuone::server::web {

// One column of a time chart: named visits below, anonymous ones stacked on top.
struct ChartColumn {
    std::string label; // "ti 24.11.2026": in the column's tooltip
    std::int64_t named = 0;
    std::int64_t anonymous = 0;
};

// Columns side by side, as wide as the page; `description` is what a screen reader says.
// The first and last labels and the tallest column's height are written under it.
void column_chart(Html& html, const std::vector<ChartColumn>& columns, const std::string& description,
                  const std::string& tallest_text);

// One row of a bar list: its label and text in HTML (readable on a phone), the bar
// between them as long as `value` is of the list's largest.
struct ChartBar {
    std::string label;
    std::int64_t value = 0;
    std::string value_text; // "12 paikalla / 15 ilmoittautunutta"
};

void bar_list(Html& html, const std::vector<ChartBar>& bars, const std::string& description);

} // namespace olohuone::server::web
