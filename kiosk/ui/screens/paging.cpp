#include "ui/screens/paging.h"

namespace olohuone::ui {

ControlGroup paging_group(const PagingLabels& labels, bool has_earlier, bool has_later)
{
    ControlGroup group;
    group.buttons.push_back({labels.earlier_id, labels.earlier_label, ButtonStyle::Primary});
    group.buttons.push_back({labels.later_id, labels.later_label, ButtonStyle::Primary});
    group.buttons[0].hidden = !has_earlier;
    group.buttons[1].hidden = !has_later;
    group.min_button_mm = 24.0;
    return group;
}

ContentPaging place_content_paging(Rect area, const Metrics& metrics)
{
    const int gap = metrics.mm(sizes::gap_mm);
    const int target = metrics.mm(sizes::min_target_mm);
    ContentPaging paging;
    paging.content = area;
    if (area.w >= metrics.mm(100) && area.h < area.w * 6 / 10) {
        paging.arrows_only = area.h < 2 * target + gap;
        const int width = paging.arrows_only ? 2 * target + gap : metrics.mm(30);
        paging.content.w -= width + gap;
        const Rect column{paging.content.right() + gap, area.y, width, area.h};
        if (paging.arrows_only) {
            paging.earlier = {column.x, column.y, target, target};
            paging.later = {column.right() - target, column.y, target, target};
        } else {
            const int height = std::max(target, std::min(metrics.mm(sizes::min_target_mm + 8.0), (column.h - gap) / 2));
            paging.earlier = {column.x, column.y, column.w, height};
            paging.later = {column.x, column.bottom() - height, column.w, height};
        }
    } else {
        const int height = metrics.mm(sizes::min_target_mm + 1.0);
        paging.content.h -= height + gap;
        const Rect row{area.x, area.bottom() - height, area.w, height};
        paging.earlier = {row.x, row.y, (row.w - gap) / 2, row.h};
        paging.later = {row.right() - paging.earlier.w, row.y, paging.earlier.w, row.h};
    }
    return paging;
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
}

} // namespace olohuone::ui
