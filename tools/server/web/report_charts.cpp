#include "web/report_charts.h"

#include <algorithm>

namespace olohuone::server::web {
namespace {

// Column geometry in the SVG's own units: each column 10 wide with a gap, 100 high.
constexpr int column_pitch = 10;
constexpr int column_width = 8;
constexpr int chart_height = 100;

// `part` of `whole` as a share of `length`, rounded, and at least 1 for anything above
// nothing so that a small count still shows.
std::int64_t scaled(std::int64_t part, std::int64_t whole, std::int64_t length)
{
    if (part <= 0 || whole <= 0)
        return 0;
    return std::max<std::int64_t>(1, (part * length + whole / 2) / whole);
}

void column_rect(Html& html, const char* css_class, std::int64_t x, std::int64_t y, std::int64_t height,
                 const std::string& tooltip)
{
    if (height <= 0)
        return;
    const std::string x_text = std::to_string(x);
    const std::string y_text = std::to_string(y);
    const std::string width_text = std::to_string(column_width);
    const std::string height_text = std::to_string(height);
    html.open("rect",
              {{"class", css_class}, {"x", x_text}, {"y", y_text}, {"width", width_text}, {"height", height_text}});
    html.element("title", tooltip);
    html.close();
}

} // namespace

void column_chart(Html& html, const std::vector<ChartColumn>& columns, const std::string& description,
                  const std::string& tallest_text)
{
    std::int64_t tallest = 0;
    for (const ChartColumn& column : columns)
        tallest = std::max(tallest, column.named + column.anonymous);
    const std::string width = std::to_string(static_cast<std::int64_t>(columns.size()) * column_pitch);
    const std::string view_box = "0 0 " + width + " " + std::to_string(chart_height);
    html.open("figure", {{"class", "chart"}});
    html.open("svg",
              {{"class", "columns"},
               {"viewBox", view_box},
               {"preserveAspectRatio", "none"},
               {"role", "img"},
               {"aria-label", description}});
    html.open("line", {{"class", "baseline"}, {"x1", "0"}, {"y1", "100"}, {"x2", width}, {"y2", "100"}});
    html.close();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const ChartColumn& column = columns[i];
        const std::int64_t x = static_cast<std::int64_t>(i) * column_pitch + (column_pitch - column_width) / 2;
        const std::int64_t total = scaled(column.named + column.anonymous, tallest, chart_height);
        const std::int64_t named = column.anonymous == 0 ? total : scaled(column.named, tallest, chart_height);
        const std::string tooltip = column.label + ": " + std::to_string(column.named + column.anonymous);
        column_rect(html, "named", x, chart_height - named, named, tooltip);
        column_rect(html, "anonymous", x, chart_height - total, total - named, tooltip);
    }
    html.close();
    if (!columns.empty()) {
        html.open("figcaption", {{"class", "axis"}});
        html.element("span", columns.front().label);
        html.element("span", tallest_text);
        html.element("span", columns.back().label);
        html.close();
    }
    html.close();
}

void bar_list(Html& html, const std::vector<ChartBar>& bars, const std::string& description)
{
    std::int64_t largest = 0;
    for (const ChartBar& bar : bars)
        largest = std::max(largest, bar.value);
    html.open("ul", {{"class", "bars"}, {"aria-label", description}});
    for (const ChartBar& bar : bars) {
        html.open("li");
        html.element("span", {{"class", "bar-label"}}, bar.label);
        html.open("svg", {{"class", "bar"},
                          {"viewBox", "0 0 100 10"},
                          {"preserveAspectRatio", "none"},
                          {"aria-hidden", "true"}});
        const std::string width = std::to_string(scaled(bar.value, largest, 100));
        html.open("rect", {{"class", "track"}, {"x", "0"}, {"y", "0"}, {"width", "100"}, {"height", "10"}});
        html.close();
        html.open("rect", {{"class", "named"}, {"x", "0"}, {"y", "0"}, {"width", width}, {"height", "10"}});
        html.close();
        html.close();
        html.element("span", {{"class", "bar-value"}}, bar.value_text);
        html.close();
    }
    html.close();
}

} // namespace olohuone::server::web
