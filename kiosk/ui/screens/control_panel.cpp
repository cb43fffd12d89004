#include "ui/screens/control_panel.h"

#include "ui/layout/theme.h"

namespace olohuone::ui {
namespace {

struct Row {
    std::vector<const ControlGroup*> groups;
    int min_width = 0;
    bool has_caption = false;
};

// Groups sit a little further apart than the buttons inside them.
int group_gap(const Metrics& metrics) { return metrics.mm(sizes::gap_mm * 1.6); }

int group_min_width(const ControlGroup& group, const Metrics& metrics)
{
    const int count = static_cast<int>(group.buttons.size());
    return count * metrics.mm(group.min_button_mm) + (count - 1) * metrics.mm(sizes::gap_mm);
}

std::vector<Row> flow(const std::vector<ControlGroup>& groups, const Metrics& metrics, int width, PanelShape shape)
{
    std::vector<Row> rows;
    const int gap = group_gap(metrics);
    for (const ControlGroup& group : groups) {
        if (group.buttons.empty())
            continue;
        const int needed = group_min_width(group, metrics);
        if (rows.empty() || shape == PanelShape::Column || rows.back().min_width + gap + needed > width)
            rows.emplace_back();
        Row& row = rows.back();
        row.min_width += (row.groups.empty() ? 0 : gap) + needed;
        row.groups.push_back(&group);
        row.has_caption = row.has_caption || !group.caption.empty();
    }
    return rows;
}

} // namespace

int build_control_panel(const std::vector<ControlGroup>& groups, const ScreenContext& context, Rect area,
                        DrawList* list, PanelShape shape)
{
    const Metrics& metrics = context.metrics;
    const int gap = metrics.mm(sizes::gap_mm);
    const int button_height = metrics.mm(sizes::min_target_mm + 1.0);
    const FontSpec caption_font{FontWeight::Regular, metrics.damped_text_px(sizes::secondary_pt)};
    const int caption_height = context.measurer.line_height(caption_font);
    const std::vector<Row> rows = flow(groups, metrics, area.w, shape);

    int total = 0;
    for (const Row& row : rows)
        total += (total ? gap : 0) + (row.has_caption ? caption_height : 0) + button_height;
    if (list == nullptr)
        return total;

    int y = area.y;
    for (const Row& row : rows) {
        // Groups share the row in proportion to what they need, filling its width.
        const int spare = std::max(0, area.w - row.min_width);
        int x = area.x;
        const int button_y = y + (row.has_caption ? caption_height : 0);
        for (const ControlGroup* group : row.groups) {
            const int needed = group_min_width(*group, metrics);
            const int group_width = needed + spare * needed / std::max(1, row.min_width);
            if (!group->caption.empty())
                list->text({group->caption, caption_font, {x, y}, {x, y, group_width, caption_height},
                            theme::secondary_text, theme::background});
            const int count = static_cast<int>(group->buttons.size());
            const int button_width = (group_width - (count - 1) * gap) / count;
            int shared_px = 0;
            if (group->uniform_labels)
                for (const ButtonSpec& spec : group->buttons) {
                    const int px = button_label_px(spec, button_width, context.tools());
                    shared_px = shared_px == 0 ? px : std::min(shared_px, px);
                }
            for (int i = 0; i < count; ++i) {
                ButtonSpec spec = group->buttons[static_cast<std::size_t>(i)];
                spec.pressed = spec.id == context.pressed;
                spec.max_label_px = shared_px;
                add_button(*list, spec, {x + i * (button_width + gap), button_y, button_width, button_height},
                           context.tools());
            }
            x += group_width + group_gap(metrics);
        }
        y = button_y + button_height + gap;
    }
    return total;
}

} // namespace olohuone::ui
