#include "ui/screens/choice_screen.h"

#include "ui/layout/theme.h"
#include "ui/screens/paging.h"

namespace olohuone::ui {
namespace {

constexpr int max_columns = 3;
constexpr std::string_view footnote_id = "choices/footnote";

const PagingLabels& labels_for(const Catalog& catalog, PagingLabels& labels)
{
    labels = {"choices/earlier", catalog.text("list.earlier"), "choices/later", catalog.text("list.later")};
    return labels;
}

} // namespace

std::unique_ptr<Screen> note_screen(const std::string& title, const std::string& note)
{
    return std::make_unique<ChoiceScreen>(
        "footnote",
        [title, note](const ScreenContext&) {
            ChoiceSpec spec;
            spec.message = {title, {note}, {}};
            return spec;
        },
        [](const std::string&, const ScreenContext&) { return ScreenAction::pop(); }, false);
}

std::vector<ControlGroup> ChoiceScreen::controls(const ScreenContext& context)
{
    std::vector<ControlGroup> groups = {back_group(context, "choices/back")};
    for (const ButtonSpec& extra : m_spec.extra_controls) {
        ControlGroup group;
        group.buttons.push_back(extra);
        group.min_button_mm = 30.0;
        groups.push_back(std::move(group));
    }
    for (const ControlGroup& group : m_spec.control_groups)
        groups.push_back(group);
    return groups;
}

void ChoiceScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Metrics& metrics = context.metrics;
    const ChoiceSpec& spec = m_spec;
    const int gap = metrics.mm(sizes::gap_mm);
    // A tall screen lists the answers one under another, full width: the easiest to read
    // and to hit.
    const bool tall = area.h > area.w;
    // Rows are a choice's usual height, or taller where a label needs more lines at the
    // visitor's text size than that holds.
    int choice_height = metrics.mm(spec.choice_height_mm);
    const auto capacity = [&](Rect space) {
        const int columns =
            tall ? 1 : std::clamp((space.w + gap) / (metrics.mm(spec.min_choice_width_mm) + gap), 1, max_columns);
        const int width = (space.w - (columns - 1) * gap) / columns;
        choice_height = metrics.mm(spec.choice_height_mm);
        for (const Choice& choice : spec.choices) {
            ButtonSpec probe{"", choice.label, choice.style, sizes::button_pt * 1.1};
            probe.answer = true;
            probe.detail = choice.detail;
            choice_height = std::max(choice_height, button_needed_height(probe, width, context.tools()));
        }
        if (m_footnote_button) {
            const ButtonSpec probe{"", spec.footnote_button, ButtonStyle::Unselected, sizes::button_pt * 1.1};
            choice_height = std::max(choice_height, button_needed_height(probe, width, context.tools()));
        }
        const int rows = std::max(1, (space.h + gap) / (choice_height + gap));
        return std::pair{columns, rows};
    };
    // The question gives way (to smaller text) before the answers do: a row of answers
    // and the page buttons always fit under it.
    capacity(area);
    const int answers_reserve = choice_height + metrics.mm(sizes::min_target_mm + 1.0) + gap * 4;
    const Rect question{area.x, area.y, area.w, std::max(0, area.h - answers_reserve)};
    int message_height = add_message(list, spec.message, question, context);
    for (const Message& alternative : spec.message_alternatives) {
        DrawList unseen;
        message_height = std::max(message_height, add_message(unseen, alternative, question, context));
    }
    int y = area.y + message_height + gap * 2;
    m_count = spec.choices.size();
    m_footnote_button = false;
    if (spec.choices.empty()) {
        const FontSpec font{FontWeight::Regular, metrics.text_px(sizes::body_pt)};
        add_wrapped_text(&list, spec.empty_text, area.x, y, area.w, font, theme::secondary_text, theme::background,
                         context.measurer);
        return;
    }

    // The footnote grows more slowly than the answers, and gives way to them when a
    // small screen cannot show both on one page (the confirmation repeats it).
    int bottom = area.bottom();
    if (!spec.footnote.empty()) {
        const FontSpec font{FontWeight::Regular, metrics.damped_text_px(sizes::secondary_pt)};
        const int height = add_wrapped_text(nullptr, spec.footnote, area.x, 0, area.w, font, theme::secondary_text,
                                            theme::background, context.measurer);
        const auto [columns, rows] = capacity({area.x, y, area.w, bottom - height - gap * 2 - y});
        if (static_cast<std::size_t>(columns * rows) >= m_count) {
            bottom -= height;
            add_wrapped_text(&list, spec.footnote, area.x, bottom, area.w, font, theme::secondary_text,
                             theme::background, context.measurer);
            bottom -= gap * 2;
        } else if (!spec.footnote_button.empty()) {
            m_footnote_button = true;
            ++m_count;
        }
    }

    Rect grid{area.x, y, area.w, std::max(0, bottom - y)};
    auto [columns, rows] = capacity(grid);
    const bool paged = static_cast<std::size_t>(columns * rows) < m_count;
    ContentPaging paging;
    PagingLabels labels;
    if (paged) {
        paging = place_content_paging(grid, labels_for(context.catalog, labels), context);
        grid = paging.content;
        std::tie(columns, rows) = capacity(grid);
    } else {
        // Spare rows widen the answers instead of staying empty: wider buttons keep
        // their labels large.
        const int count = static_cast<int>(m_count);
        columns = std::min(columns, (count + rows - 1) / rows);
    }
    m_per_page = static_cast<std::size_t>(columns * rows);
    m_first = std::min(m_first, m_count - 1) / m_per_page * m_per_page;

    const int width = (grid.w - (columns - 1) * gap) / columns;
    const int height = std::max(metrics.mm(sizes::min_target_mm), std::min(grid.h, std::clamp((grid.h - (rows - 1) * gap) / rows, choice_height,
                                                   std::max(choice_height,
                                                            metrics.mm(spec.choice_height_mm + (tall ? 10.0 : 6.0))))));
    const std::size_t end = std::min(m_count, m_first + m_per_page);
    const auto button_for = [&](std::size_t i) {
        if (i == spec.choices.size()) // the footnote's, after the answers
            return ButtonSpec{std::string(footnote_id), spec.footnote_button, ButtonStyle::Unselected,
                              sizes::button_pt * 1.1};
        ButtonSpec button{std::string(choice_prefix) + spec.choices[i].id, spec.choices[i].label,
                          spec.choices[i].style, sizes::button_pt * 1.1};
        button.answer = true;
        button.detail = spec.choices[i].detail;
        return button;
    };
    // One label size for the page, so no answer looks more important than another.
    int label_px = 0;
    for (std::size_t i = m_first; i < end; ++i) {
        const int px = button_label_px(button_for(i), {0, 0, width, height}, context.tools());
        label_px = label_px == 0 ? px : std::min(label_px, px);
    }
    for (std::size_t i = m_first; i < end; ++i) {
        const int slot = static_cast<int>(i - m_first);
        const Rect rect{grid.x + (slot % columns) * (width + gap), grid.y + (slot / columns) * (height + gap), width,
                        height};
        ButtonSpec button = button_for(i);
        button.pressed = button.id == context.pressed;
        button.max_label_px = label_px;
        add_button(list, button, rect, context.tools());
    }
    if (paged) {
        add_content_paging(list, paging, labels_for(context.catalog, labels), m_first > 0,
                           m_first + m_per_page < m_count, context);
    }
}

ScreenAction ChoiceScreen::on_tap(const std::string& id, const ScreenContext& context)
{
    if (id == "choices/back")
        return ScreenAction::pop();
    if (id == footnote_id && m_footnote_button)
        return ScreenAction::push(note_screen(m_spec.footnote_button, m_spec.footnote));
    if (id == "choices/later" && m_first + m_per_page < m_count) {
        m_first += m_per_page;
        return {};
    }
    if (id == "choices/earlier") {
        m_first = m_first >= m_per_page ? m_first - m_per_page : 0;
        return {};
    }
    if (id.starts_with(choice_prefix))
        return m_chosen(id.substr(choice_prefix.size()), context);
    return m_chosen(id, context);
}

} // namespace olohuone::ui
