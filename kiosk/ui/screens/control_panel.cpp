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
int group_gap(const Metrics& metrics) { return metrics.mm(sizes::gap_mm * 1.2); }

int group_min_width(const ControlGroup& group, const Metrics& metrics)
{
    const int count = static_cast<int>(group.buttons.size());
    return count * metrics.mm(group.min_button_mm) + (count - 1) * metrics.mm(sizes::gap_mm);
}

enum class LabelSize { Floor, Preferred };
int group_wanted_width(const ControlGroup& group, const ScreenContext& context, LabelSize size);

std::vector<Row> flow(const std::vector<ControlGroup>& groups, const ScreenContext& context, int width,
                      PanelShape shape)
{
    const Metrics& metrics = context.metrics;
    std::vector<Row> rows;
    const int gap = group_gap(metrics);
    int row_wanted = 0;
    for (const ControlGroup& group : groups) {
        if (group.buttons.empty())
            continue;
        const int needed = group_min_width(group, metrics);
        const int wanted =
            shape == PanelShape::RoomyBar ? group_wanted_width(group, context, LabelSize::Preferred) : needed;
        if (rows.empty() || shape == PanelShape::Column || group.starts_row || row_wanted + gap + wanted > width) {
            // A column beside the content has a row for every group; a bar under it
            // would take its row from the content.
            if (group.only_in_a_shared_row && shape != PanelShape::Column)
                continue;
            rows.emplace_back();
            row_wanted = -gap;
        }
        row_wanted += gap + wanted;
        Row& row = rows.back();
        row.min_width += (row.groups.empty() ? 0 : gap) + needed;
        row.groups.push_back(&group);
        row.has_caption = row.has_caption || !group.caption.empty();
    }
    return rows;
}

// The width at which every label of the group fits on one line, at the usual floor
// size or at its preferred size: spare room in a row goes first to the groups that
// need it for their floor size.
int group_wanted_width(const ControlGroup& group, const ScreenContext& context, LabelSize size)
{
    const Metrics& metrics = context.metrics;
    int widest = 0;
    for (const ButtonSpec& button : group.buttons) {
        const FontSpec font{FontWeight::Bold, size == LabelSize::Floor ? metrics.pt(sizes::min_label_pt)
                                                                       : metrics.damped_text_px(button.label_pt)};
        widest = std::max(widest, context.measurer.width(button.label, font) + 2 * metrics.mm(2.0));
    }
    const int count = static_cast<int>(group.buttons.size());
    return std::max(group_min_width(group, metrics), count * widest + (count - 1) * metrics.mm(sizes::gap_mm));
}

// Widths for the groups of a row that together fill `width`.
std::vector<int> share_row(const Row& row, const ScreenContext& context, int width)
{
    const Metrics& metrics = context.metrics;
    std::vector<int> widths;
    std::vector<int> lacking;
    int total_lacking = 0;
    for (const ControlGroup* group : row.groups) {
        widths.push_back(group_min_width(*group, metrics));
        lacking.push_back(group_wanted_width(*group, context, LabelSize::Floor) - widths.back());
        total_lacking += lacking.back();
    }
    int spare = std::max(0, width - row.min_width);
    const int for_labels = std::min(spare, total_lacking);
    for (std::size_t i = 0; i < widths.size() && total_lacking > 0; ++i)
        widths[i] += static_cast<int>(static_cast<long>(for_labels) * lacking[i] / total_lacking);
    spare -= for_labels;
    for (std::size_t i = 0; i < widths.size(); ++i)
        widths[i] += static_cast<int>(static_cast<long>(spare) * group_min_width(*row.groups[i], metrics)
                                      / std::max(1, row.min_width));
    return widths;
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
    const std::vector<Row> rows = flow(groups, context, area.w, shape);

    int total = 0;
    for (const Row& row : rows)
        total += (total ? gap : 0) + (row.has_caption ? caption_height : 0) + button_height;
    if (list == nullptr)
        return total;

    int y = area.y;
    for (const Row& row : rows) {
        const std::vector<int> widths = share_row(row, context, area.w);
        int x = area.x;
        const int button_y = y + (row.has_caption ? caption_height : 0);
        for (std::size_t g = 0; g < row.groups.size(); ++g) {
            const ControlGroup* group = row.groups[g];
            const int group_width = widths[g];
            if (!group->caption.empty())
                list->text({group->caption, caption_font, {x, y}, {x, y, group_width, caption_height},
                            theme::secondary_text, theme::background});
            const int count = static_cast<int>(group->buttons.size());
            const int button_width = (group_width - (count - 1) * gap) / count;
            int shared_px = 0;
            if (group->uniform_labels)
                for (const ButtonSpec& spec : group->buttons) {
                    const int px = button_label_px(spec, {0, 0, button_width, button_height}, context.tools());
                    shared_px = shared_px == 0 ? px : std::min(shared_px, px);
                }
            for (int i = 0; i < count; ++i) {
                ButtonSpec spec = group->buttons[static_cast<std::size_t>(i)];
                if (spec.hidden)
                    continue;
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
