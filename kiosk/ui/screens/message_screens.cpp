#include "ui/screens/message_screens.h"

#include <algorithm>

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/choice_screen.h"
#include "ui/screens/storage_full_screen.h"

namespace olohuone::ui {
namespace {

int answer_height(const ScreenContext& context) { return context.metrics.mm(sizes::min_target_mm + 6.0); }

int answer_gap(const ScreenContext& context) { return context.metrics.mm(sizes::gap_mm * 2); }

// Whether two answers fit side by side in `width`; else they are stacked.
bool answers_side_by_side(int width, const ScreenContext& context)
{
    return width >= 2 * context.metrics.mm(50) + answer_gap(context);
}

// The height one answer or two take in `width`: at their usual size, or at the least.
int answers_height(bool two, int width, const ScreenContext& context, bool least)
{
    const int one = least ? context.metrics.mm(sizes::min_target_mm) : answer_height(context);
    return two && !answers_side_by_side(width, context) ? 2 * one + answer_gap(context) : one;
}

// Two big buttons side by side (or stacked when narrow) at the top of `area`; returns
// the height used.
int add_answer_buttons(DrawList& list, const ButtonSpec& first, const ButtonSpec* second, Rect area,
                        const ScreenContext& context)
{
    const Metrics& metrics = context.metrics;
    const int gap = answer_gap(context);
    const bool side_by_side = second != nullptr && answers_side_by_side(area.w, context);
    const int height = second && !side_by_side ? std::min((area.h - gap) / 2, answer_height(context))
                                               : std::min(area.h, answer_height(context));
    const int wanted = second ? metrics.mm(100) : area.w;
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
    // The title goes a step smaller rather than break a word ("Ilmoittaudutaan-ko?").
    // At the smallest, it is bold at the size of the lines under it.
    std::vector<int> title_steps;
    for (const auto& [title_px, line_px] : sizes_to_try)
        title_steps.insert(title_steps.end(), {title_px, line_px});
    std::sort(title_steps.begin(), title_steps.end(), std::greater<>());
    const auto whole_title_px = [&](int title_px) {
        for (const int px : title_steps)
            if (px <= title_px && widest_word_width(message.title, {FontWeight::Bold, px}, context.measurer) <= area.w)
                return px;
        return title_px;
    };
    int height = 0;
    for (const auto& [title_px, line_px] : sizes_to_try) {
        height = lay_out(nullptr, whole_title_px(title_px), line_px);
        if (height <= area.h)
            return lay_out(&list, whole_title_px(title_px), line_px);
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

// On a 7" panel the note does not fit beside the facts and the yes, so a button beside
// "Takaisin" shows it on a page of its own.
bool ConfirmScreen::note_behind_button(const ScreenContext& context) const
{
    // Whether there is a note does not change while the screen is up: asked once, not
    // at every layout pass (describing may read the database).
    if (!m_has_note)
        m_has_note = !m_describe(context).note.empty();
    return context.small_screen && *m_has_note;
}

ButtonSpec ConfirmScreen::yes_button(const ScreenContext& context) const
{
    ButtonSpec yes{"confirm/yes", context.catalog.text(m_yes_key), ButtonStyle::Primary, sizes::button_pt * 1.2};
    yes.answer = true;
    return yes;
}

std::vector<ControlGroup> ConfirmScreen::controls(const ScreenContext& context)
{
    ControlGroup back = back_group(context, "confirm/back");
    ButtonSpec note{"confirm/note", context.catalog.text("visit.privacy_button"), ButtonStyle::Unselected,
                    sizes::button_pt * 1.1};
    if (context.panel_beside_if_asked) {
        // A 7" panel at large text: the facts take the whole height, and the yes heads
        // the column beside them, with the note's button and "Takaisin" under it.
        std::vector<ControlGroup> column(1);
        column.front().buttons.push_back(yes_button(context));
        if (note_behind_button(context))
            column.emplace_back().buttons.push_back(note);
        column.push_back(back);
        return column;
    }
    if (note_behind_button(context)) {
        back.buttons.push_back(note);
        back.uniform_labels = false;
    }
    return {back};
}

void ConfirmScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    Message message = m_describe(context);
    if (m_failed)
        message.lines.push_back(context.catalog.text("visit.not_saved"));
    if (context.panel_beside_if_asked) {
        add_message(list, message, area, context, area.h);
        return;
    }
    if (note_behind_button(context))
        message.note.clear();
    const Metrics& metrics = context.metrics;
    const int gap = metrics.mm(sizes::gap_mm * 2);
    ButtonSpec yes = yes_button(context);
    yes.pressed = yes.id == context.pressed;

    // The facts from the top, the big yes just under them and the note under it. Where
    // the facts need the room (a 7" panel at large text), the yes gives way down to a
    // touch target's height, still whole, before the facts go smaller.
    const int full_yes = answer_height(context);
    const int least_yes = std::max(metrics.mm(sizes::min_target_mm), button_needed_height(yes, area.w, context.tools()));
    const FontSpec note_font{FontWeight::Regular, metrics.damped_text_px(sizes::secondary_pt)};
    const int note_height = message.note.empty() ? 0
                                                 : add_wrapped_text(nullptr, message.note, area.x, 0, area.w, note_font,
                                                                    theme::secondary_text, theme::background,
                                                                    context.measurer) + gap;
    // The note only where the facts still fit with it.
    const auto fits_with_note = [&](int room) {
        DrawList measured;
        return add_message(measured, message, {area.x, area.y, area.w, room}, context) <= room;
    };
    const int note_room = note_height > 0 && fits_with_note(area.h - gap - least_yes - note_height) ? note_height : 0;
    // Where even the normal size does not fit, the question's title goes to the size of
    // its facts: the yes says it again.
    const int facts_room = area.h - gap - least_yes - note_room;
    const int used = add_message(list, message, {area.x, area.y, area.w, facts_room}, context, facts_room);
    const int yes_y = area.y + used + gap;
    const int yes_height = std::clamp(area.bottom() - note_room - yes_y, least_yes, full_yes);
    add_button(list, yes, {area.x, yes_y, area.w, yes_height}, context.tools());
    if (note_room > 0)
        add_wrapped_text(&list, message.note, area.x, yes_y + yes_height + gap, area.w, note_font,
                         theme::secondary_text, theme::background, context.measurer);
}

ScreenAction ConfirmScreen::on_tap(const std::string& id, const ScreenContext& context)
{
    if (id == "confirm/back")
        return ScreenAction::pop();
    if (id == "confirm/note" && note_behind_button(context))
        return ScreenAction::push(note_screen(context.catalog.text("visit.privacy_button"), m_describe(context).note));
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

void ThanksScreen::build(const ScreenContext& context, Rect whole_area, DrawList& list)
{
    Message message = m_describe(context);
    const int gap = context.metrics.mm(sizes::gap_mm * 3);
    // Above Today's bar, or left of its column, with room between for both buttons'
    // margins of touch.
    Rect area = whole_area;
    const int clear = context.metrics.mm(sizes::gap_mm + 2 * sizes::hit_margin_mm);
    if (const Rect home = context.home_controls; !home.empty()) {
        if (home.y > area.y + area.h / 2)
            area.h = std::min(area.h, home.y - clear - area.y);
        else if (home.x > area.x + area.w / 2)
            area.w = std::min(area.w, home.x - clear - area.x);
    }
    // A message too long for the screen at the visitor's size loses its last lines before
    // "Valmis" loses its size: the title says what happened.
    const bool two = m_undo.has_value();
    const int room = area.h - gap - answers_height(two, area.w, context, true);
    DrawList measured;
    while (!message.lines.empty() && add_message(measured, message, area, context, room) > room) {
        message.lines.pop_back();
        measured.clear();
    }
    // The message gives way (to smaller text) before "Valmis" does, and its title shrinks
    // to the size of the text only where "Valmis" would otherwise be below a touch
    // target's least height.
    const int used = add_message(list, message,
                                 {area.x, area.y, area.w, area.h - answers_height(two, area.w, context, false) - gap},
                                 context, room);
    ButtonSpec close{"thanks/close", context.catalog.text("visit.close"), ButtonStyle::Primary,
                     sizes::button_pt * 1.2};
    close.answer = true;
    ButtonSpec undo{"thanks/undo", m_undo ? m_undo->label : std::string(), ButtonStyle::Unselected,
                    sizes::button_pt * 1.2};
    undo.answer = true;
    (void)add_answer_buttons(list, close, m_undo ? &undo : nullptr,
                             {area.x, area.y + used + gap, area.w, area.bottom() - area.y - used - gap}, context);
}

ScreenAction ThanksScreen::on_tap(const std::string& id, const ScreenContext& context)
{
    if (id == "thanks/undo" && m_undo)
        return m_undo->undo(context);
    if (id != "thanks/close")
        return {};
    return m_closing == Closing::Back ? ScreenAction::pop() : ScreenAction::home();
}

ThanksScreen::Undo count_undo(std::function<bool(const ScreenContext&)> withdraw, std::string undone_line_key,
                              ThanksScreen::Closing closing, const ScreenContext& context)
{
    return {context.catalog.text("visit.undo_count"),
            [withdraw = std::move(withdraw), undone_line_key = std::move(undone_line_key),
             closing](const ScreenContext& now) {
                const bool undone = withdraw(now);
                return ScreenAction::replace(std::make_unique<ThanksScreen>(
                    [undone, undone_line_key](const ScreenContext& later) {
                        return undone ? Message{later.catalog.text("visit.count_undone"),
                                                {later.catalog.text(undone_line_key)},
                                                {}}
                                      : Message{later.catalog.text("visit.undo_not_saved"), {}, {}};
                    },
                    now.thank_you_ms, std::nullopt, closing));
            }};
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
