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
        // "Kirjoita ensin nimesi." where the name goes, so the row under the field keeps
        // "Laske minut mukaan ilman nimeä".
        const bool asked_for_name = m_problem_key == "visit.name_empty";
        const FontSpec hint{asked_for_name ? FontWeight::Bold : FontWeight::Regular, font.px};
        const std::string text = context.catalog.text(asked_for_name ? m_problem_key : "visit.type_name");
        const int px = fitting_font_px(text, inner.w, hint, metrics.min_text_px(), context.measurer);
        // Too long even at the smallest size: the start of it, ending in "…".
        std::vector<std::string> lines = wrap_text(text, inner.w, {hint.weight, px}, context.measurer);
        limit_lines(lines, 1, inner.w, {hint.weight, px}, context.measurer);
        list.text({lines.empty() ? text : lines.front(), {hint.weight, px}, {inner.x, y}, inner,
                   asked_for_name ? theme::time_text : theme::secondary_text, theme::panel});
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
    if (!m_problem_key.empty() && !(m_typed.empty() && m_problem_key == "visit.name_empty")) {
        const FontSpec font{FontWeight::Bold, metrics.text_px(sizes::body_pt)};
        const std::string& text = context.catalog.text(m_problem_key);
        const int px = fitting_font_px(text, row.w, font, metrics.min_text_px(), context.measurer);
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
        // One line in the row, shorter where the whole sentence does not fit at this size.
        const int width = std::min(row.w, std::max(metrics.mm(110), row.w * 2 / 3));
        const FontSpec floor_font{FontWeight::Bold, metrics.min_text_px()};
        if (context.measurer.width(anonymous.label, floor_font) > width - 2 * metrics.mm(anonymous.padding_mm))
            anonymous.label = context.catalog.text("visit.anonymous_short");
        add_button(list, anonymous, {row.x, row.y, width, row.h}, context.tools());
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
    // As many as fit with their labels on one line at the visitor's text size. Where even
    // one does not, a label keeps the name and the marker (what tells two Ainos apart)
    // and leaves out the group.
    const FontSpec floor_font{FontWeight::Bold, metrics.min_text_px()};
    const int padding = 2 * metrics.mm(1.5);
    const auto full_label = [&](const VisitorSuggestion& suggestion) {
        return visitor_label(suggestion.public_name, suggestion.group_id, suggestion.marker_id, context);
    };
    const auto fitting_label = [&](const VisitorSuggestion& suggestion, int width) {
        std::string label = full_label(suggestion);
        if (context.measurer.width(label, floor_font) + padding <= width)
            return label;
        label = suggestion.public_name;
        if (const NameMarker* marker = context.visit_options.marker(suggestion.marker_id))
            label += " · " + marker->label.in(context.catalog.language());
        return label;
    };
    int shown = static_cast<int>(m_suggestions.size());
    int widest = 0;
    for (const VisitorSuggestion& suggestion : m_suggestions)
        widest = std::max(widest, context.measurer.width(full_label(suggestion), floor_font) + padding);
    while (shown > 1 && (row.w - (shown - 1) * gap) / shown < widest)
        --shown;
    m_suggestions.resize(static_cast<std::size_t>(shown));
    const int count = shown;
    const int width = std::min((row.w - (count - 1) * gap) / count,
                               std::max(widest, metrics.mm(suggestion_width_mm * 1.6)));
    std::vector<ButtonSpec> buttons;
    int label_px = 0; // one size for all, so no one's name looks bigger than another's
    for (const VisitorSuggestion& suggestion : m_suggestions) {
        // One line: the suggestion row is a single target's height, even on a 7" panel.
        buttons.push_back({std::string(suggestion_prefix) + std::to_string(suggestion.visitor_id),
                           fitting_label(suggestion, width), ButtonStyle::Primary});
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
    // Wide enough for "◀ Takaisin" and "Valmis" on one line at the visitor's text size.
    const FontSpec side_font{FontWeight::Bold, metrics.min_text_px()};
    int side_button = std::max(metrics.mm(30), area.w / 6);
    for (const char* key : {"visit.back", "visit.done"})
        side_button = std::max(side_button, context.measurer.width(context.catalog.text(key), side_font)
                                                + 2 * metrics.mm(2.0));
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
    const bool field_row = area.w - 2 * (side_button + gap) < metrics.mm(45);
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
    back.short_label = "◀";
    add_button(list, back, back_rect, context.tools());
    ButtonSpec done_button{"name/done", context.catalog.text("visit.done"), ButtonStyle::Primary};
    done_button.pressed = done_button.id == context.pressed;
    add_button(list, done_button, done_rect, context.tools());
    build_field(context, field_rect, list);
    y += row_height + gap;

    build_offers(context, {area.x, y, area.w, row_height}, list);
    y += row_height + gap;

    KeyboardLayout keyboard =
        layout_keyboard({area.x, y, area.w, area.bottom() - y}, metrics, context.catalog.text("visit.space"),
                        m_keyboard_page);
    // On a tall screen the keys reach their largest size with room to spare: they come
    // up under the suggestions, where the eyes already are, not a forearm's length below.
    if (area.h > area.w)
        for (Key& key : keyboard.keys)
            key.rect.y -= area.bottom() - y - keyboard.height;
    // A space bar too short for its word says it shorter.
    for (Key& key : keyboard.keys)
        if (key.insert == " " && widest_word_width(key.label, side_font, context.measurer) > key.rect.w - metrics.mm(1.0))
            key.label = context.catalog.text("visit.space_short");
    // Key letters at least as big as the large text size, whatever size is chosen.
    const int letter_px = std::max(metrics.text_px(sizes::body_pt), Metrics(metrics.dpi(), TextSize::Large).text_px(
                                                                        sizes::body_pt));
    const int hit_margin = std::max(1, metrics.mm(1.2) / 2 + 1);
    for (const Key& key : keyboard.keys) {
        ButtonSpec spec{key.id, key.label, ButtonStyle::Unselected, sizes::button_pt};
        spec.pressed = key.id == context.pressed;
        spec.min_label_px = key.insert == " " || key.id == page_key_id ? 0 : letter_px;
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
    if (id == page_key_id) {
        m_keyboard_page = m_keyboard_page == KeyboardPage::First ? KeyboardPage::Second : KeyboardPage::First;
        return {};
    }
    if (const auto insert = key_insert(id)) {
        type(*insert);
        // A rare letter typed, the common ones come back, as on a phone's keyboard.
        m_keyboard_page = KeyboardPage::First;
    }
    return {};
}

} // namespace olohuone::ui
