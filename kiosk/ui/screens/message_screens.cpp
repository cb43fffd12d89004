#include "ui/screens/message_screens.h"

#include "ui/layout/theme.h"
#include "ui/screens/storage_full_screen.h"

namespace olohuone::ui {
namespace {

int answer_height(const ScreenContext& context) { return context.metrics.mm(sizes::min_target_mm + 6.0); }

// Two big buttons side by side (or stacked when narrow) at the top of `area`; returns
// the height used.
int add_answer_buttons(DrawList& list, const ButtonSpec& first, const ButtonSpec* second, Rect area,
                        const ScreenContext& context)
{
    const Metrics& metrics = context.metrics;
    const int gap = metrics.mm(sizes::gap_mm * 2);
    const int height = std::min(area.h, answer_height(context));
    const int wanted = second ? metrics.mm(100) : area.w;
    const bool side_by_side = second != nullptr && area.w >= 2 * metrics.mm(50) + gap;
    ButtonSpec one = first;
    one.pressed = one.id == context.pressed;
    if (second == nullptr || side_by_side) {
        const int width = second ? std::min(wanted, (area.w - gap) / 2) : std::min(area.w, wanted);
        add_button(list, one, {area.x, area.y, width, height}, context.tools());
        if (second) {
            ButtonSpec two = *second;
            two.pressed = two.id == context.pressed;
            add_button(list, two, {area.x + width + gap, area.y, width, height}, context.tools());
        }
        return height;
    }
    const int width = std::min(area.w, wanted);
    add_button(list, one, {area.x, area.y, width, height}, context.tools());
    ButtonSpec two = *second;
    two.pressed = two.id == context.pressed;
    add_button(list, two, {area.x, area.y + height + gap, width, height}, context.tools());
    return 2 * height + gap;
}

} // namespace

int add_message(DrawList& list, const Message& message, Rect area, const ScreenContext& context,
                std::optional<int> title_shrinks_beyond_h)
{
    const Metrics& metrics = context.metrics;
    const auto lay_out = [&](DrawList* target, int title_px, int line_px) {
        int y = area.y;
        y += add_wrapped_text(target, message.title, area.x, y, area.w, {FontWeight::Bold, title_px}, theme::text,
                              theme::background, context.measurer);
        for (const std::string& line : message.lines) {
            if (line.empty())
                continue;
            y += metrics.mm(1.5);
            y += add_wrapped_text(target, line, area.x, y, area.w, {FontWeight::Regular, line_px}, theme::text,
                                  theme::background, context.measurer);
        }
        return y - area.y;
    };
    // At the visitor's text size if it fits, else growing more slowly, else at the
    // normal size: a 7" panel at the largest size has room for the question and its
    // button, not for both at full size. A long English or Swedish thank-you may not fit
    // even at the normal size.
    const std::pair<int, int> sizes_to_try[] = {
        {metrics.text_px(sizes::detail_title_pt), metrics.text_px(sizes::body_pt)},
        {metrics.damped_text_px(sizes::detail_title_pt), metrics.damped_text_px(sizes::body_pt)},
        {std::max(metrics.min_text_px(), metrics.pt(sizes::detail_title_pt)),
         std::max(metrics.min_text_px(), metrics.pt(sizes::body_pt))},
    };
    int height = 0;
    for (const auto& [title_px, line_px] : sizes_to_try) {
        height = lay_out(nullptr, title_px, line_px);
        if (height <= area.h)
            return lay_out(&list, title_px, line_px);
    }
    const auto [title_px, line_px] = sizes_to_try[2];
    if (title_shrinks_beyond_h && height > *title_shrinks_beyond_h)
        return lay_out(&list, line_px, line_px);
    return lay_out(&list, title_px, line_px);
}

ControlGroup back_group(const ScreenContext& context, const std::string& id)
{
    ControlGroup back;
    back.buttons.push_back({id, context.catalog.text("visit.back"), ButtonStyle::Unselected, sizes::button_pt * 1.1});
    back.min_button_mm = 40.0;
    return back;
}

std::vector<ControlGroup> ConfirmScreen::controls(const ScreenContext& context)
{
    return {back_group(context, "confirm/back")};
}

void ConfirmScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    Message message = m_describe(context);
    if (m_failed)
        message.lines.push_back(context.catalog.text("visit.not_saved"));
    const int gap = context.metrics.mm(sizes::gap_mm * 2);
    const int button_height = answer_height(context);
    ButtonSpec yes{"confirm/yes", context.catalog.text(m_yes_key), ButtonStyle::Primary, sizes::button_pt * 1.2};
    yes.answer = true;

    // The facts from the top, the note under them where it fits, and the big yes always
    // whole, just below them on a roomy screen or at the bottom of a small one.
    const int used = add_message(list, message, {area.x, area.y, area.w, area.h - button_height - gap}, context);
    const FontSpec note_font{FontWeight::Regular, context.metrics.damped_text_px(sizes::secondary_pt)};
    int note_height = message.note.empty() ? 0
                                           : add_wrapped_text(nullptr, message.note, area.x, 0, area.w, note_font,
                                                              theme::secondary_text, theme::background,
                                                              context.measurer);
    if (used + gap + button_height + gap + note_height > area.h)
        note_height = 0;
    const int below_button = note_height ? note_height + gap : 0;
    const int button_y = std::min(area.y + used + gap, area.bottom() - button_height - below_button);
    (void)add_answer_buttons(list, yes, nullptr, {area.x, button_y, area.w, button_height}, context);
    if (note_height > 0)
        add_wrapped_text(&list, message.note, area.x, button_y + button_height + gap, area.w, note_font,
                         theme::secondary_text, theme::background, context.measurer);
}

ScreenAction ConfirmScreen::on_tap(const std::string& id, const ScreenContext& context)
{
    if (id == "confirm/back")
        return ScreenAction::pop();
    if (id != "confirm/yes")
        return {};
    auto confirmed = m_confirm(context);
    if (!confirmed) {
        if (auto full = storage_full_action(confirmed.error(), context))
            return std::move(*full);
        m_failed = true;
        return {};
    }
    return std::move(confirmed.value());
}

void ThanksScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    Message message = m_describe(context);
    const int gap = context.metrics.mm(sizes::gap_mm * 3);
    // A message too long for the screen at the visitor's size loses its last lines before
    // "Valmis" loses its size: the title says what happened.
    const int room = area.h - gap - context.metrics.mm(sizes::min_target_mm);
    DrawList measured;
    while (!message.lines.empty() && add_message(measured, message, area, context, room) > room) {
        message.lines.pop_back();
        measured.clear();
    }
    // The message gives way (to smaller text) before "Valmis" does, and its title shrinks
    // to the size of the text only where "Valmis" would otherwise be below a touch
    // target's least height.
    const int used = add_message(list, message, {area.x, area.y, area.w, area.h - answer_height(context) - gap},
                                 context, area.h - gap - context.metrics.mm(sizes::min_target_mm));
    ButtonSpec close{"thanks/close", context.catalog.text("visit.close"), ButtonStyle::Primary,
                     sizes::button_pt * 1.2};
    close.answer = true;
    (void)add_answer_buttons(list, close, nullptr, {area.x, area.y + used + gap, area.w, area.bottom() - area.y - used - gap},
                       context);
}

ScreenAction ThanksScreen::on_tap(const std::string& id, const ScreenContext&)
{
    return id == "thanks/close" ? ScreenAction::home() : ScreenAction{};
}

void ContinueScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Message message{context.catalog.text("visit.continue_question"),
                          {context.catalog.text("visit.continue_explain")},
                          {}};
    const int gap = context.metrics.mm(sizes::gap_mm * 3);
    const int used = add_message(list, message, area, context);
    ButtonSpec yes{"continue/yes", context.catalog.text("visit.continue_yes"), ButtonStyle::Primary,
                   sizes::button_pt * 1.2};
    ButtonSpec no{"continue/no", context.catalog.text("visit.continue_no"), ButtonStyle::Unselected,
                  sizes::button_pt * 1.2};
    yes.answer = no.answer = true;
    (void)add_answer_buttons(list, yes, &no, {area.x, area.y + used + gap, area.w, area.bottom() - area.y - used - gap},
                       context);
}

ScreenAction ContinueScreen::on_tap(const std::string& id, const ScreenContext&)
{
    if (id == "continue/yes")
        return ScreenAction::pop();
    if (id == "continue/no")
        return ScreenAction::home();
    return {};
}

} // namespace olohuone::ui
