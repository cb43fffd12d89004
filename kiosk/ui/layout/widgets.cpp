#include "ui/layout/widgets.h"

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"

namespace olohuone::ui {
namespace {

struct ButtonColors {
    Color fill;
    Color text;
    bool outlined;
};

ButtonColors colors_for(const ButtonSpec& spec)
{
    if (spec.pressed)
        return {theme::accent_pressed, theme::on_accent, false};
    switch (spec.style) {
    case ButtonStyle::Primary:
    case ButtonStyle::Selected:
        return {theme::accent, theme::on_accent, false};
    case ButtonStyle::Unselected:
        return {theme::panel, theme::text, true};
    }
    return {theme::accent, theme::on_accent, false};
}

// The label's share of a button that has a detail line under it: the upper six tenths,
// less where the detail needs more than the rest at the smallest readable size (a long
// detail on a narrow button), down to one line of label at that size.
Rect label_part(const ButtonSpec& spec, Rect rect, const LayoutTools& tools)
{
    if (spec.detail.empty())
        return rect;
    const int usual = rect.h * 6 / 10;
    const Metrics& metrics = tools.metrics;
    const int pad = metrics.mm(spec.padding_mm);
    const FontSpec detail_floor{FontWeight::Regular, metrics.min_text_px()};
    const int detail_lines = static_cast<int>(wrap_text(spec.detail, rect.w - 2 * pad, detail_floor,
                                                        tools.measurer).size());
    const int detail_needed = detail_lines * tools.measurer.line_height(detail_floor) + pad / 2;
    const int label_floor = tools.measurer.line_height({FontWeight::Bold, metrics.min_text_px()}) + 2 * pad;
    return {rect.x, rect.y, rect.w, std::min(usual, std::max(label_floor, rect.h - detail_needed))};
}

} // namespace

int button_label_px(const ButtonSpec& spec, Rect size, const LayoutTools& tools)
{
    if (!spec.detail.empty() && size.h > 0) {
        ButtonSpec label_only = spec;
        label_only.detail.clear();
        return button_label_px(label_only, label_part(spec, size, tools), tools);
    }
    const Metrics& metrics = tools.metrics;
    const Rect inner = size.inset(metrics.mm(spec.padding_mm));
    const int preferred = spec.answer ? metrics.text_px(spec.label_pt) : metrics.damped_text_px(spec.label_pt);
    FontSpec font{FontWeight::Bold, std::max(preferred, spec.min_label_px)};
    if (spec.max_label_px > 0)
        font.px = std::min(font.px, spec.max_label_px);
    // One line, shrinking from the preferred size down to the usual floor ...
    const int floor_px = std::min(font.px, metrics.min_text_px());
    font.px = fitting_font_px(spec.label, inner.w, font, floor_px, tools.measurer);
    // ... and no taller than the button (a label sharing the button with a detail line).
    while (font.px > floor_px && tools.measurer.line_height(font) > inner.h)
        --font.px;
    if (tools.measurer.width(spec.label, font) <= inner.w)
        return font.px;
    // ... else wrapped at spaces, from the floor down, until every line fits the button.
    const int last_resort_px = metrics.min_text_px();
    for (; font.px >= last_resort_px; font.px -= std::max(1, font.px / 20)) {
        const std::vector<std::string> lines = wrap_text(spec.label, inner.w, font, tools.measurer);
        // No word may be split across lines.
        const bool fits = static_cast<int>(lines.size()) * tools.measurer.line_height(font) <= inner.h
            && widest_word_width(spec.label, font, tools.measurer) <= inner.w;
        if (fits)
            return font.px;
    }
    return last_resort_px;
}

int button_needed_height(const ButtonSpec& spec, int width, const LayoutTools& tools)
{
    const Metrics& metrics = tools.metrics;
    const int pad = metrics.mm(spec.padding_mm);
    const int target = metrics.mm(sizes::min_target_mm);
    // Asked with the height unbounded: the size the label takes when height is no limit.
    ButtonSpec label_only = spec;
    label_only.detail.clear();
    const int px = button_label_px(label_only, {0, 0, width, 100 * target}, tools);
    const FontSpec font{FontWeight::Bold, px};
    const int lines = static_cast<int>(wrap_text(spec.label, width - 2 * pad, font, tools.measurer).size());
    int needed = lines * tools.measurer.line_height(font) + 2 * pad;
    if (!spec.detail.empty()) {
        // The label has the upper six tenths, the detail (as add_detail sets it) the rest.
        const FontSpec detail_font{FontWeight::Regular, std::max(metrics.min_text_px(), px * 8 / 10)};
        const int detail_lines =
            static_cast<int>(wrap_text(spec.detail, width - 2 * pad, detail_font, tools.measurer).size());
        const int detail_needed = detail_lines * tools.measurer.line_height(detail_font) + pad / 2;
        needed = std::max(needed * 10 / 6, detail_needed * 10 / 4);
    }
    return std::max(target, needed);
}

int line_spacing(const FontSpec& font, TextMeasurer& measurer) { return measurer.line_height(font); }

namespace {

// The detail under the label: regular weight, a step smaller than the label, wrapped
// and shrunk (to the floor size) until it fits the lower part of the button; what still
// does not fit ends in "…", never silently cut.
void add_detail(DrawList& list, const ButtonSpec& spec, Rect rect, int label_px, const ButtonColors& colors,
                const LayoutTools& tools)
{
    const Metrics& metrics = tools.metrics;
    const int pad = metrics.mm(spec.padding_mm);
    const int top = label_part(spec, rect, tools).bottom();
    const Rect area{rect.x + pad, top, rect.w - 2 * pad, rect.bottom() - pad / 2 - top};
    const int floor_px = metrics.min_text_px();
    FontSpec font{FontWeight::Regular, std::max(floor_px, label_px * 8 / 10)};
    std::vector<std::string> lines = wrap_text(spec.detail, area.w, font, tools.measurer);
    while (font.px > floor_px
           && static_cast<int>(lines.size()) * tools.measurer.line_height(font) > area.h) {
        --font.px;
        lines = wrap_text(spec.detail, area.w, font, tools.measurer);
    }
    const int line_height = tools.measurer.line_height(font);
    limit_lines(lines, static_cast<std::size_t>(std::max(1, area.h / std::max(1, line_height))), area.w, font,
                tools.measurer);
    const int shown = static_cast<int>(lines.size());
    int y = area.y + std::max(0, (area.h - shown * line_height) / 2);
    for (int i = 0; i < shown; ++i) {
        const std::string& line = lines[static_cast<std::size_t>(i)];
        const int width = tools.measurer.width(line, font);
        list.text({line, font, {rect.x + (rect.w - width) / 2, y}, {area.x, y, area.w, line_height}, colors.text,
                   colors.fill});
        y += line_height;
    }
}

} // namespace

void add_button(DrawList& list, const ButtonSpec& given, Rect rect, const LayoutTools& tools)
{
    const Metrics& metrics = tools.metrics;
    // A button that cannot hold its label at the smallest readable size (a word too
    // wide, or more lines than its height holds) says its short label instead.
    ButtonSpec spec = given;
    if (!spec.short_label.empty()) {
        const FontSpec floor_font{FontWeight::Bold, metrics.min_text_px()};
        const Rect room = label_part(spec, rect, tools).inset(metrics.mm(spec.padding_mm));
        const auto lines = static_cast<int>(wrap_text(spec.label, room.w, floor_font, tools.measurer).size());
        if (widest_word_width(spec.label, floor_font, tools.measurer) > room.w
            || lines * tools.measurer.line_height(floor_font) > room.h)
            spec.label = spec.short_label;
    }
    const ButtonColors colors = colors_for(spec);
    const int radius = metrics.mm(2.0);
    list.fill(rect, colors.fill, radius);
    if (colors.outlined)
        list.outline(rect, theme::accent, std::max(2, metrics.mm(0.6)), radius);
    const Rect whole = rect;
    rect = label_part(spec, rect, tools);

    const Rect inner = rect.inset(metrics.mm(spec.padding_mm));
    const FontSpec font{FontWeight::Bold, button_label_px(spec, whole, tools)};

    // Two lines at the floor size rather than a label wider than its button.
    std::vector<std::string> lines = {spec.label};
    if (tools.measurer.width(spec.label, font) > inner.w)
        lines = wrap_text(spec.label, inner.w, font, tools.measurer);
    const int line_height = tools.measurer.line_height(font);
    int y = rect.y + (rect.h - line_height * static_cast<int>(lines.size())) / 2;
    for (const std::string& line : lines) {
        const int width = tools.measurer.width(line, font);
        list.text({line, font, {rect.x + (rect.w - width) / 2, y}, inner, colors.text, colors.fill});
        y += line_height;
    }
    if (!spec.detail.empty())
        add_detail(list, spec, whole, font.px, colors, tools);
    list.target(spec.id, whole, spec.hit_margin_px >= 0 ? spec.hit_margin_px : metrics.mm(sizes::hit_margin_mm),
                spec.repeat);
}

int add_text_lines(DrawList* list, const std::vector<std::string>& lines, int x, int y, int width, FontSpec font,
                   Color foreground, Color background, TextMeasurer& measurer, bool strike_through)
{
    const int line_height = measurer.line_height(font);
    if (list != nullptr) {
        int line_y = y;
        for (const std::string& line : lines) {
            list->text({line, font, {x, line_y}, {x, line_y, width, line_height}, foreground, background});
            if (strike_through && !line.empty()) {
                const int thickness = std::max(2, font.px / 12);
                list->fill({x, line_y + line_height / 2 - thickness / 2, measurer.width(line, font), thickness},
                           theme::strike);
            }
            line_y += line_height;
        }
    }
    return line_height * static_cast<int>(lines.size());
}

int add_wrapped_text(DrawList* list, const std::string& text, int x, int y, int width, FontSpec font,
                     Color foreground, Color background, TextMeasurer& measurer, bool strike_through)
{
    return add_text_lines(list, wrap_text(text, width, font, measurer), x, y, width, font, foreground, background,
                          measurer, strike_through);
}

Rect add_badge(DrawList* list, const std::string& text, int x, int y, int max_width, FontSpec font,
               Color foreground, Color fill, TextMeasurer& measurer)
{
    const int pad_x = font.px / 2;
    const int pad_y = font.px / 8;
    const std::vector<std::string> lines = wrap_text(text, std::max(1, max_width - 2 * pad_x), font, measurer);
    int text_width = 0;
    for (const std::string& line : lines)
        text_width = std::max(text_width, measurer.width(line, font));
    const int line_height = measurer.line_height(font);
    const Rect rect{x, y, text_width + 2 * pad_x, line_height * static_cast<int>(lines.size()) + 2 * pad_y};
    if (list != nullptr) {
        list->fill(rect, fill, std::min(rect.h, line_height + 2 * pad_y) / 4);
        int line_y = y + pad_y;
        for (const std::string& line : lines) {
            list->text({line, font, {x + pad_x, line_y}, rect, foreground, fill});
            line_y += line_height;
        }
    }
    return rect;
}

} // namespace olohuone::ui
