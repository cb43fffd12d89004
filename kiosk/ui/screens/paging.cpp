#include "ui/screens/paging.h"

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"

namespace olohuone::ui {
namespace {

// Whether the label fits a button of `width` on one line at the smallest text size the
// visitor reads: else the button says ▲ or ▼ only.
bool label_fits(const std::string& label, int width, const ScreenContext& context)
{
    const int inner = width - 2 * context.metrics.mm(1.5);
    const FontSpec font{FontWeight::Bold, context.metrics.min_text_px()};
    return context.measurer.width(label, font) <= inner;
}

FontSpec position_font(const ScreenContext& context)
{
    return {FontWeight::Bold, context.metrics.damped_text_px(sizes::secondary_pt)};
}

} // namespace

ControlGroup paging_group(const PagingLabels& labels, bool has_earlier, bool has_later)
{
    ControlGroup group;
    group.caption = labels.position;
    group.buttons.push_back({labels.earlier_id, labels.earlier_label, ButtonStyle::Primary});
    group.buttons.push_back({labels.later_id, labels.later_label, ButtonStyle::Primary});
    group.buttons[0].hidden = !has_earlier;
    group.buttons[1].hidden = !has_later;
    group.min_button_mm = 24.0;
    return group;
}

ContentPaging place_content_paging(Rect area, const PagingLabels& labels, const ScreenContext& context)
{
    const Metrics& metrics = context.metrics;
    const int gap = metrics.mm(sizes::gap_mm);
    const int target = metrics.mm(sizes::min_target_mm);
    ContentPaging paging;
    paging.content = area;
    if (area.w >= metrics.mm(80) && area.h < area.w) {
        // A column at the right: the buttons at its ends, where the thumb finds them, and
        // the position between them.
        const int labelled_width = metrics.mm(30);
        const bool short_area = area.h < 2 * target + gap;
        paging.arrows_only = short_area || !label_fits(labels.earlier_label, labelled_width, context)
            || !label_fits(labels.later_label, labelled_width, context);
        int width = labelled_width;
        if (short_area) {
            // Too short for one above the other: ▲ and ▼ side by side at the top.
            width = 2 * target + gap;
        } else if (paging.arrows_only) {
            width = target;
            for (const std::string& line : position_lines(labels.position, target, context))
                width = std::max(width, context.measurer.width(line, position_font(context)));
        }
        paging.content.w -= width + gap;
        const Rect column{paging.content.right() + gap, area.y, width, area.h};
        if (short_area) {
            paging.earlier = {column.x, column.y, target, target};
            paging.later = {column.right() - target, column.y, target, target};
            paging.position = {column.x, column.y + target, column.w, column.h - target};
        } else {
            const int height =
                std::max(target, std::min(metrics.mm(sizes::min_target_mm + 8.0), (column.h - gap) / 3));
            paging.earlier = {column.x, column.y, column.w, height};
            paging.later = {column.x, column.bottom() - height, column.w, height};
            paging.position = {column.x, paging.earlier.bottom(), column.w, paging.later.y - paging.earlier.bottom()};
        }
    } else {
        const int height = metrics.mm(sizes::min_target_mm + 1.0);
        paging.content.h -= height + gap;
        const Rect row{area.x, area.bottom() - height, area.w, height};
        // With a position to show, the buttons leave it the middle third.
        const int width = labels.position.empty() ? (row.w - gap) / 2 : (row.w - 2 * gap) / 3;
        paging.arrows_only =
            !label_fits(labels.earlier_label, width, context) || !label_fits(labels.later_label, width, context);
        paging.position = {paging.earlier.right(), row.y, paging.later.x - paging.earlier.right(), row.h};
        paging.earlier = {row.x, row.y, width, row.h};
        paging.later = {row.right() - width, row.y, width, row.h};
    }
    return paging;
}

std::vector<std::string> position_lines(const std::string& position, int width, const ScreenContext& context)
{
    if (position.empty())
        return {};
    const FontSpec font = position_font(context);
    if (context.measurer.width(position, font) <= width)
        return {position};
    // "1–3 / 6" in a narrow column: the range above the count.
    const std::size_t slash = position.find(" / ");
    if (slash == std::string::npos)
        return {position};
    return {position.substr(0, slash), position.substr(slash + 1)};
}

void add_content_paging(DrawList& list, const ContentPaging& paging, const PagingLabels& labels, bool has_earlier,
                        bool has_later, const ScreenContext& context)
{
    if (has_earlier)
        add_button(list,
                   {labels.earlier_id, paging.arrows_only ? "▲" : labels.earlier_label, ButtonStyle::Primary,
                    sizes::button_pt, context.pressed == labels.earlier_id},
                   paging.earlier, context.tools());
    if (has_later)
        add_button(list,
                   {labels.later_id, paging.arrows_only ? "▼" : labels.later_label, ButtonStyle::Primary,
                    sizes::button_pt, context.pressed == labels.later_id},
                   paging.later, context.tools());
    // The position, centred in its place.
    const Rect between = paging.position;
    const FontSpec font = position_font(context);
    if (between.w <= 0 || between.h <= 0)
        return;
    std::vector<std::string> lines = position_lines(labels.position, between.w, context);
    const int line_height = context.measurer.line_height(font);
    // Where two lines do not fit between the buttons, the range alone.
    while (!lines.empty() && line_height * static_cast<int>(lines.size()) > between.h)
        lines.pop_back();
    int y = between.y + (between.h - line_height * static_cast<int>(lines.size())) / 2;
    for (const std::string& line : lines) {
        const int width = context.measurer.width(line, font);
        list.text({line, font, {between.x + (between.w - width) / 2, y}, between, theme::text, theme::background});
        y += line_height;
    }
}

} // namespace olohuone::ui
