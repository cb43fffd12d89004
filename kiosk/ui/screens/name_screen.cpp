#include "ui/screens/name_screen.h"

#include <algorithm>

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/choice_screen.h"
#include "ui/screens/keyboard.h"
#include "ui/screens/message_screens.h"
#include "ui/screens/storage_full_screen.h"

namespace olohuone::ui {
namespace {

constexpr std::string_view suggestion_prefix = "name/visitor/";
constexpr double suggestion_width_mm = 48.0;
constexpr int max_suggestions = 4;

bool starts_word(const std::string& typed)
{
    return typed.empty() || typed.back() == ' ' || typed.back() == '-';
}

} // namespace

void NameScreen::type(const std::string& insert)
{
    m_problem_key.clear();
    if (insert.empty()) {
        m_typed = drop_last_character(m_typed);
        return;
    }
    if (character_count(m_typed) >= max_name_characters)
        return;
    if (insert == " " && (m_typed.empty() || m_typed.back() == ' '))
        return;
    // Names start with a capital: the visitor need not find a shift key.
    m_typed += starts_word(m_typed) ? capital_letter(insert) : insert;
}

ScreenAction NameScreen::done(const ScreenContext& context)
{
    const std::string name = normalize_name(m_typed);
    if (const auto problem = validate_name(name)) {
        switch (*problem) {
        case NameProblem::Empty:
            m_problem_key = "visit.name_empty";
            break;
        case NameProblem::TooLong:
            m_problem_key = "visit.name_too_long";
            break;
        case NameProblem::NoLetters:
        case NameProblem::BadCharacter:
            m_problem_key = "visit.name_letters";
            break;
        }
        return {};
    }
    SignInDraft& draft = m_flow->draft;
    draft.typed_name = name;
    draft.visitor_id.reset();
    draft.anonymous = false;
    m_flow->shown_name = name;

    const std::vector<std::string> taken = context.visits.markers_taken_by_namesakes(name);
    const auto is_free = [&taken](const NameMarker& marker) {
        return std::find(taken.begin(), taken.end(), marker.id) == taken.end();
    };
    const auto& markers = context.visit_options.markers;
    // Nobody looks the same (or every marker is taken, which no living room will see):
    // no marker needed.
    if (taken.empty() || std::none_of(markers.begin(), markers.end(), is_free)) {
        draft.marker_id.clear();
        return continue_after_name(m_flow, context);
    }
    auto flow = m_flow;
    return ScreenAction::push(std::make_unique<ChoiceScreen>(
        "sign_in_marker",
        [flow, taken](const ScreenContext& now) {
            ChoiceSpec spec;
            spec.message.title = now.catalog.format("visit.marker_title", {{"name", public_name(flow->shown_name)}});
            spec.message.lines.push_back(now.catalog.text("visit.marker_question"));
            for (const NameMarker& marker : now.visit_options.markers)
                if (std::find(taken.begin(), taken.end(), marker.id) == taken.end())
                    spec.choices.push_back({marker.id, marker.label.in(now.catalog.language())});
            return spec;
        },
        [flow](const std::string& id, const ScreenContext& now) {
            if (now.visit_options.marker(id) == nullptr)
                return ScreenAction{};
            flow->draft.marker_id = id;
            return continue_after_name(flow, now);
        },
        true));
}

void NameScreen::build_field(const ScreenContext& context, Rect rect, DrawList& list) const
{
    const Metrics& metrics = context.metrics;
    list.fill(rect, theme::panel, metrics.mm(1.0));
    list.outline(rect, theme::accent, std::max(2, metrics.mm(0.5)), metrics.mm(1.0));
    const Rect inner = rect.inset(metrics.mm(2.0));
    FontSpec font{FontWeight::Bold, std::min(metrics.text_px(sizes::detail_title_pt), inner.h * 7 / 10)};
    const int line = context.measurer.line_height(font);
    const int y = inner.y + (inner.h - line) / 2;
    if (m_typed.empty()) {
        const FontSpec hint{FontWeight::Regular, font.px};
        const std::string text = context.catalog.text("visit.type_name");
        const int px = fitting_font_px(text, inner.w, hint, metrics.pt(sizes::min_label_pt), context.measurer);
        list.text({text, {FontWeight::Regular, px}, {inner.x, y}, inner, theme::secondary_text, theme::panel});
        return;
    }
    // The end of a long name stays in view, as on any text field.
    const int cursor = std::max(2, metrics.mm(0.7));
    std::string shown = m_typed;
    bool cut = false;
    while (!shown.empty() && context.measurer.width((cut ? "…" : "") + shown, font) + cursor * 2 > inner.w) {
        shown.erase(0, 1);
        while (!shown.empty() && (static_cast<unsigned char>(shown[0]) & 0xC0) == 0x80)
            shown.erase(0, 1);
        cut = true;
    }
    const std::string text = (cut ? "…" : "") + shown;
    const int width = context.measurer.width(text, font);
    list.text({text, font, {inner.x, y}, {inner.x, inner.y, width, inner.h}, theme::text, theme::panel});
    list.fill({inner.x + width + cursor, y, cursor, line}, theme::accent);
}

void NameScreen::forget_suggestions()
{
    m_suggestions.clear();
    m_suggested_for = {{}, -1};
}

void NameScreen::build_offers(const ScreenContext& context, Rect row, DrawList& list)
{
    const Metrics& metrics = context.metrics;
    const int gap = metrics.mm(sizes::gap_mm);
    if (!m_problem_key.empty()) {
        const FontSpec font{FontWeight::Bold, metrics.text_px(sizes::body_pt)};
        const std::string& text = context.catalog.text(m_problem_key);
        const int px = fitting_font_px(text, row.w, font, metrics.pt(sizes::min_label_pt), context.measurer);
        add_wrapped_text(&list, text, row.x, row.y, row.w, {FontWeight::Bold, px}, theme::time_text,
                         theme::background, context.measurer);
        return;
    }
    if (m_typed.empty()) {
        forget_suggestions();
        if (!m_flow->offers_anonymous)
            return;
        ButtonSpec anonymous{"name/anonymous", context.catalog.text("visit.anonymous"), ButtonStyle::Unselected};
        anonymous.pressed = anonymous.id == context.pressed;
        add_button(list, anonymous, {row.x, row.y, std::min(row.w, metrics.mm(110)), row.h}, context.tools());
        return;
    }
    if (character_count(normalize_name(m_typed)) < letters_before_suggestions) {
        forget_suggestions();
        return;
    }
    const int fitting = std::clamp((row.w + gap) / (metrics.mm(suggestion_width_mm) + gap), 1, max_suggestions);
    // Asked once per typed text and room: a redraw (a press highlight, the clock's minute)
    // does not query again.
    if (m_suggested_for != std::pair{m_typed, fitting}) {
        m_suggestions = context.visits.suggestions(m_typed, fitting);
        m_suggested_for = {m_typed, fitting};
    }
    if (m_suggestions.empty())
        return;
    const int count = static_cast<int>(m_suggestions.size());
    const int width = std::min((row.w - (fitting - 1) * gap) / fitting, metrics.mm(suggestion_width_mm * 1.6));
    std::vector<ButtonSpec> buttons;
    int label_px = 0; // one size for all, so no one's name looks bigger than another's
    for (const VisitorSuggestion& suggestion : m_suggestions) {
        // One line: the suggestion row is a single target's height, even on a 7" panel.
        buttons.push_back({std::string(suggestion_prefix) + std::to_string(suggestion.visitor_id),
                           visitor_label(suggestion.public_name, suggestion.group_id, suggestion.marker_id, context),
                           ButtonStyle::Primary});
        buttons.back().answer = true;
        const int px = button_label_px(buttons.back(), {0, 0, width, row.h}, context.tools());
        label_px = label_px == 0 ? px : std::min(label_px, px);
    }
    for (int i = 0; i < count; ++i) {
        ButtonSpec& button = buttons[static_cast<std::size_t>(i)];
        button.pressed = button.id == context.pressed;
        button.max_label_px = label_px;
        add_button(list, button, {row.x + i * (width + gap), row.y, width, row.h}, context.tools());
    }
}

void NameScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Metrics& metrics = context.metrics;
    const int gap = metrics.mm(sizes::gap_mm);
    const int row_height = metrics.mm(sizes::min_target_mm);
    const int side_button = std::max(metrics.mm(30), area.w / 6);
    int y = area.y;

    // A title only where there is room for it; on a 7" panel the empty field says it.
    const FontSpec title_font{FontWeight::Bold, metrics.text_px(sizes::detail_title_pt)};
    const int title_height = context.measurer.line_height(title_font);
    const KeyboardLayout probe = layout_keyboard({area.x, 0, area.w, area.h}, metrics, "");
    if (area.h - probe.height - 2 * (row_height + gap) > title_height + gap * 3) {
        y += add_wrapped_text(&list, context.catalog.text("visit.type_name"), area.x, y, area.w, title_font,
                              theme::text, theme::background, context.measurer)
            + gap;
    }

    // The field between "back" and "done"; on a narrow screen it has a row of its own,
    // so a whole name stays readable.
    const bool field_row = area.w - 2 * (side_button + gap) < metrics.mm(60);
    Rect back_rect{area.x, y, side_button, row_height};
    Rect done_rect{area.right() - side_button, y, side_button, row_height};
    Rect field_rect{area.x + side_button + gap, y, area.w - 2 * (side_button + gap), row_height};
    if (field_row) {
        field_rect = {area.x, y, area.w, row_height};
        y += row_height + gap;
        back_rect = {area.x, y, (area.w - gap) / 2, row_height};
        done_rect = {back_rect.right() + gap, y, area.w - back_rect.w - gap, row_height};
    }
    ButtonSpec back{"name/back", context.catalog.text("visit.back"), ButtonStyle::Unselected};
    back.pressed = back.id == context.pressed;
    add_button(list, back, back_rect, context.tools());
    ButtonSpec done_button{"name/done", context.catalog.text("visit.done"), ButtonStyle::Primary};
    done_button.pressed = done_button.id == context.pressed;
    add_button(list, done_button, done_rect, context.tools());
    build_field(context, field_rect, list);
    y += row_height + gap;

    build_offers(context, {area.x, y, area.w, row_height}, list);
    y += row_height + gap;

    const KeyboardLayout keyboard =
        layout_keyboard({area.x, y, area.w, area.bottom() - y}, metrics, context.catalog.text("visit.space"));
    // Key letters at least as big as the large text size, whatever size is chosen.
    const int letter_px = std::max(metrics.text_px(sizes::body_pt), Metrics(metrics.dpi(), TextSize::Large).text_px(
                                                                        sizes::body_pt));
    const int hit_margin = std::max(1, metrics.mm(1.2) / 2 + 1);
    for (const Key& key : keyboard.keys) {
        ButtonSpec spec{key.id, key.label, ButtonStyle::Unselected, sizes::button_pt};
        spec.pressed = key.id == context.pressed;
        spec.min_label_px = key.insert == " " ? 0 : letter_px;
        spec.hit_margin_px = hit_margin;
        spec.padding_mm = 0.4; // a key holds one big letter
        spec.repeat = TapRepeat::Allowed; // "Liisa": the same key twice, quickly
        add_button(list, spec, key.rect, context.tools());
    }
}

ScreenAction NameScreen::on_tap(const std::string& id, const ScreenContext& context)
{
    if (id == "name/back")
        return ScreenAction::pop();
    if (id == "name/done")
        return done(context);
    if (id == "name/anonymous" && m_flow->offers_anonymous) {
        auto counted = count_anonymously(m_flow, context);
        if (!counted) {
            if (auto full = storage_full_action(counted.error(), context))
                return std::move(*full);
            m_problem_key = "visit.not_saved";
            return {};
        }
        return std::move(counted.value());
    }
    if (id.starts_with(suggestion_prefix)) {
        for (const VisitorSuggestion& suggestion : m_suggestions) {
            if (std::string(suggestion_prefix) + std::to_string(suggestion.visitor_id) != id)
                continue;
            m_flow->draft.visitor_id = suggestion.visitor_id;
            m_flow->draft.typed_name.clear();
            m_flow->draft.marker_id = suggestion.marker_id;
            m_flow->draft.anonymous = false;
            m_flow->shown_name = suggestion.public_name;
            return continue_after_name(m_flow, context);
        }
        return {};
    }
    if (const auto insert = key_insert(id))
        type(*insert);
    return {};
}

} // namespace olohuone::ui
