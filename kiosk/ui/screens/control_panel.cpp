#include "ui/screens/control_panel.h"

#include <algorithm>

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"

namespace olohuone::ui {
namespace {

struct Row {
    std::vector<const ControlGroup*> groups;
    int min_width = 0;
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
        // A group shares a row only where its labels' words fit their buttons.
        const int wanted = shape == PanelShape::RoomyBar ? group_wanted_width(group, context, LabelSize::Preferred)
            : shape == PanelShape::Bar                   ? group_wanted_width(group, context, LabelSize::Floor)
                                                         : needed;
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
    }
    return rows;
}

// The width at which the group's labels are readable: at the floor size, every word of
// each label fits its button (a label may take two lines); at the preferred size, each
// label fits on one line. Spare room in a row goes first to the groups that need it for
// their floor.
int group_wanted_width(const ControlGroup& group, const ScreenContext& context, LabelSize size)
{
    const Metrics& metrics = context.metrics;
    int widest = 0;
    for (const ButtonSpec& button : group.buttons) {
        if (size == LabelSize::Floor) {
            const FontSpec font{FontWeight::Bold, metrics.min_text_px()};
            widest = std::max(widest, widest_word_width(button.label, font, context.measurer) + 2 * metrics.mm(2.0));
            continue;
        }
        const FontSpec font{FontWeight::Bold, metrics.damped_text_px(button.label_pt)};
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

int build_stack(const std::vector<ControlGroup>& groups, const ScreenContext& context, Rect area, DrawList* list)
{
    const Metrics& metrics = context.metrics;
    const int gap = metrics.mm(sizes::gap_mm);
    // One button per row, unless that is taller than the column: then a group whose
    // buttons have short labels (the day arrows) shares a row.
    std::vector<std::vector<ButtonSpec>> rows;
    const auto stack_rows = [&](bool share) {
        rows.clear();
        for (const ControlGroup& group : groups) {
            std::vector<ButtonSpec> shown;
            for (const ButtonSpec& button : group.buttons)
                if (!button.hidden)
                    shown.push_back(button);
            const bool shares = share && shown.size() > 1
                && std::all_of(shown.begin(), shown.end(), [](const ButtonSpec& b) { return !b.short_label.empty(); });
            if (shares) {
                for (ButtonSpec& button : shown)
                    button.label = button.short_label;
                rows.push_back(shown);
            } else {
                for (const ButtonSpec& button : shown)
                    rows.push_back({button});
            }
        }
        int total = -gap;
        for (const std::vector<ButtonSpec>& row : rows) {
            const int width = (area.w - (static_cast<int>(row.size()) - 1) * gap) / static_cast<int>(row.size());
            int needed = 0;
            for (const ButtonSpec& button : row)
                needed = std::max(needed, button_needed_height(button, width, context.tools()));
            total += gap + needed;
        }
        return total;
    };
    if (stack_rows(false) > area.h)
        stack_rows(true);
    const int count = static_cast<int>(rows.size());
    if (count == 0)
        return 0;
    // Rows of one height, unless a label needs more lines than that holds (a button
    // with a short label says that instead).
    const int height = std::clamp((area.h - (count - 1) * gap) / count, metrics.mm(sizes::min_target_mm),
                                  metrics.mm(sizes::min_target_mm + 10.0));
    int y = area.y;
    for (const std::vector<ButtonSpec>& row : rows) {
        const int n = static_cast<int>(row.size());
        const int width = (area.w - (n - 1) * gap) / n;
        int row_height = height;
        for (const ButtonSpec& button : row)
            if (button.short_label.empty())
                row_height = std::max(row_height, button_needed_height(button, width, context.tools()));
        for (int i = 0; list != nullptr && i < n; ++i) {
            ButtonSpec spec = row[static_cast<std::size_t>(i)];
            spec.pressed = spec.id == context.pressed;
            add_button(*list, spec, {area.x + i * (width + gap), y, width, row_height}, context.tools());
        }
        y += row_height + gap;
    }
    return y - gap - area.y;
}

// The height a row's buttons need: a touch target's, or more where a label takes two
// lines at the visitor's text size.
int row_button_height(const Row& row, const std::vector<int>& widths, const ScreenContext& context)
{
    const Metrics& metrics = context.metrics;
    const int gap = metrics.mm(sizes::gap_mm);
    int height = metrics.mm(sizes::min_target_mm + (context.small_screen ? 0.5 : 1.0));
    for (std::size_t g = 0; g < row.groups.size(); ++g) {
        const ControlGroup& group = *row.groups[g];
        const int count = static_cast<int>(group.buttons.size());
        const int width = (widths[g] - (count - 1) * gap) / count;
        for (const ButtonSpec& button : group.buttons)
            height = std::max(height, button_needed_height(button, width, context.tools()));
    }
    return height;
}

} // namespace

int build_control_panel(const std::vector<ControlGroup>& groups, const ScreenContext& context, Rect area,
                        DrawList* list, PanelShape shape)
{
    if (shape == PanelShape::Stack)
        return build_stack(groups, context, area, list);
    const Metrics& metrics = context.metrics;
    const int gap = metrics.mm(sizes::gap_mm);
    const FontSpec caption_font{FontWeight::Regular, metrics.damped_text_px(sizes::secondary_pt)};
    // In a column, a group whose labels cannot sit side by side without breaking a word
    // gives each button a row of its own, or says its short labels.
    std::vector<ControlGroup> split;
    if (shape == PanelShape::Column)
        for (const ControlGroup& group : groups) {
            if (group.buttons.size() < 2 || group_wanted_width(group, context, LabelSize::Floor) <= area.w) {
                split.push_back(group);
                continue;
            }
            // The day arrows keep their row, with their short labels.
            if (std::all_of(group.buttons.begin(), group.buttons.end(),
                            [](const ButtonSpec& b) { return !b.short_label.empty(); })) {
                ControlGroup arrows = group;
                for (ButtonSpec& button : arrows.buttons)
                    button.label = button.short_label;
                split.push_back(std::move(arrows));
                continue;
            }
            for (const ButtonSpec& button : group.buttons) {
                ControlGroup alone = group;
                alone.buttons = {button};
                alone.caption = &button == &group.buttons.front() ? group.caption : std::string{};
                split.push_back(std::move(alone));
            }
        }
    const std::vector<Row> rows = flow(shape == PanelShape::Column ? split : groups, context, area.w, shape);

    int total = 0;
    std::vector<std::vector<int>> row_widths;
    std::vector<int> heights;
    std::vector<int> caption_heights; // a caption wider than its group takes two lines
    for (const Row& row : rows) {
        row_widths.push_back(share_row(row, context, area.w));
        heights.push_back(row_button_height(row, row_widths.back(), context));
        int captions = 0;
        for (std::size_t g = 0; g < row.groups.size(); ++g)
            if (!row.groups[g]->caption.empty())
                captions = std::max(captions, add_wrapped_text(nullptr, row.groups[g]->caption, 0, 0,
                                                               row_widths.back()[g], caption_font, theme::text,
                                                               theme::background, context.measurer));
        caption_heights.push_back(captions);
        total += (total ? gap : 0) + captions + heights.back();
    }
    if (list == nullptr)
        return total;

    int y = area.y;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Row& row = rows[r];
        const std::vector<int>& widths = row_widths[r];
        const int button_height = heights[r];
        int x = area.x;
        const int button_y = y + caption_heights[r];
        for (std::size_t g = 0; g < row.groups.size(); ++g) {
            const ControlGroup* group = row.groups[g];
            const int group_width = widths[g];
            if (!group->caption.empty())
                add_wrapped_text(list, group->caption, x, y, group_width, caption_font, theme::secondary_text,
                                 theme::background, context.measurer);
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
