#include "ui/screens/staff/pin_pad_screen.h"

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/message_screens.h"
#include "ui/screens/staff/staff_home_screen.h"

namespace olohuone::ui {
namespace {

constexpr std::string_view digit_prefix = "pin/digit/";
constexpr std::size_t longest_pin = 8;
constexpr double key_mm = 17.0; // a little over the smallest target: a pad is typed fast
constexpr double roomy_key_mm = 22.0;

// The minute the pad opens again, rounded up so the time shown is never too early.
std::string open_again_phrase(const ScreenContext& context, UnixSeconds open_at)
{
    const UnixSeconds rounded = (open_at + 59) / 60 * 60;
    return context.catalog.clock_phrase(context.zone.to_local(rounded).time);
}

} // namespace

void PinPadScreen::begin_frame(const ScreenContext& context)
{
    // Asked each frame: the pad may have been shut before it was opened, or the wait ended.
    if (const std::int64_t wait = context.staff.pin_wait_seconds(); wait > 0) {
        m_note = Note::Locked;
        m_open_at = context.now + wait;
    } else if (m_note == Note::Locked) {
        m_note = Note::Prompt;
    }
}

std::vector<ControlGroup> PinPadScreen::controls(const ScreenContext&)
{
    // No panel: the pad needs the whole height of a 7" panel for keys a finger can hit;
    // "Takaisin" is drawn beside the words instead.
    return {};
}

std::string PinPadScreen::note_text(const ScreenContext& context) const
{
    const Catalog& catalog = context.catalog;
    switch (m_note) {
    case Note::Prompt:
        return catalog.text("staff.pin_prompt");
    case Note::Wrong:
        return catalog.text("staff.pin_wrong");
    case Note::Locked:
        return catalog.format("staff.pin_locked", {{"time", open_again_phrase(context, m_open_at)}});
    case Note::NotSet:
        return catalog.text("staff.pin_not_set");
    case Note::Failed:
        // The try could not be counted: on a full disk staff need to know that first.
        return catalog.text(context.storage_full ? "staff.storage_full" : "staff.pin_failed");
    }
    return {};
}

void PinPadScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Metrics& metrics = context.metrics;
    const int gap = metrics.mm(sizes::gap_mm);
    // Side by side on a landscape screen (a 7" panel has no room for the pad under the
    // words); on a portrait one the words at the top and the pad low, where a hand
    // reaches, with bigger keys when there is room. "Takaisin" is at the bottom left.
    const bool side_by_side = area.w > area.h;
    const int key = metrics.mm(!side_by_side && area.h > metrics.mm(200.0) ? roomy_key_mm : key_mm);
    const int pad_w = 3 * key + 2 * gap;
    const int pad_h = 4 * key + 3 * gap;
    const int back_h = metrics.mm(sizes::min_target_mm + 1.0);
    const int back_w = std::min(area.w, metrics.mm(45.0));
    const Rect back{area.x, area.bottom() - back_h, back_w, back_h};
    Rect words = area;
    Rect pad;
    if (side_by_side) {
        pad = {area.right() - pad_w, area.y + std::max(0, (area.h - pad_h) / 2), pad_w, std::min(pad_h, area.h)};
        words.w = pad.x - area.x - gap * 3;
        words.h = back.y - gap * 2 - area.y;
    } else {
        pad = {area.x + (area.w - pad_w) / 2, back.y - gap * 4 - pad_h, pad_w, pad_h};
        words.h = pad.y - gap * 2 - area.y;
    }
    ButtonSpec back_button{"pin/back", context.catalog.text("visit.back"), ButtonStyle::Unselected,
                           sizes::button_pt * 1.1, context.pressed == "pin/back"};
    back_button.short_label = "◀";
    add_button(list, back_button, back, context.tools());

    // Sizes that grow less than a visitor's text: a title that broke inside its word on a
    // 7" panel at the largest size would be harder to read, not easier.
    const std::string title = context.catalog.text("staff.pin_title");
    FontSpec title_font{FontWeight::Bold, metrics.damped_text_px(sizes::detail_title_pt)};
    title_font.px = fitting_font_px(title, words.w, title_font, std::max(context.metrics.min_text_px(), title_font.px * 2 / 3), context.measurer);
    const FontSpec note_font{FontWeight::Regular, metrics.damped_text_px(sizes::body_pt)};
    int y = words.y;
    y += add_wrapped_text(&list, title, words.x, y, words.w, title_font, theme::text, theme::background,
                          context.measurer);
    y += add_wrapped_text(&list, note_text(context), words.x, y, words.w, note_font, theme::text, theme::background,
                          context.measurer);
    y += gap * 2;
    // The typed digits as dots, never as numbers: someone may be looking over a shoulder.
    if (!m_typed.empty()) {
        const FontSpec dots_font{FontWeight::Bold, metrics.text_px(sizes::detail_title_pt)};
        std::string dots;
        for (std::size_t i = 0; i < m_typed.size(); ++i)
            dots += i == 0 ? "●" : " ●";
        add_wrapped_text(&list, dots, words.x, y, words.w, dots_font, theme::time_text, theme::background,
                         context.measurer);
    }

    // A shut pad shows no keys: keys that look usable but do nothing would only confuse.
    if (m_note == Note::Locked)
        return;
    const int key_h = (pad.h - 3 * gap) / 4;
    const auto add_key = [&](int row, int column, const std::string& id, const std::string& label, ButtonStyle style,
                             TapRepeat repeat) {
        const Rect rect{pad.x + column * (key + gap), pad.y + row * (key_h + gap), key, key_h};
        ButtonSpec spec{id, label, style, sizes::button_pt * 1.3, id == context.pressed};
        spec.hit_margin_px = gap / 2; // neighbouring keys must not steal each other's taps
        spec.repeat = repeat;
        if (id == "pin/erase")
            spec.short_label = "⌫";
        add_button(list, spec, rect, context.tools());
    };
    // Digits may be typed twice quickly ("2255"); "Poista" and "OK" keep the tremor guard.
    for (int digit = 1; digit <= 9; ++digit)
        add_key((digit - 1) / 3, (digit - 1) % 3, std::string(digit_prefix) + std::to_string(digit),
                std::to_string(digit), ButtonStyle::Primary, TapRepeat::Allowed);
    add_key(3, 0, "pin/erase", context.catalog.text("staff.pin_erase"), ButtonStyle::Unselected, TapRepeat::Guarded);
    add_key(3, 1, std::string(digit_prefix) + "0", "0", ButtonStyle::Primary, TapRepeat::Allowed);
    add_key(3, 2, "pin/ok", context.catalog.text("staff.pin_ok"), ButtonStyle::Primary, TapRepeat::Guarded);
}

bool PinPadScreen::try_typed(const ScreenContext& context)
{
    const PinAttempt attempt = context.staff.try_pin(m_typed);
    m_typed.clear();
    switch (attempt.outcome) {
    case PinAttempt::Outcome::Accepted:
        m_note = Note::Prompt;
        return true;
    case PinAttempt::Outcome::Wrong:
    case PinAttempt::Outcome::Locked:
        m_note = attempt.wait_seconds > 0 ? Note::Locked : Note::Wrong;
        m_open_at = context.now + attempt.wait_seconds;
        return false;
    case PinAttempt::Outcome::NoPinSet:
        m_note = Note::NotSet;
        return false;
    case PinAttempt::Outcome::Failed:
        m_note = Note::Failed;
        return false;
    }
    return false;
}

ScreenAction PinPadScreen::on_tap(const std::string& id, const ScreenContext& context)
{
    if (id == "pin/back")
        return ScreenAction::pop();
    if (id == "pin/erase") {
        if (!m_typed.empty())
            m_typed.pop_back();
        return {};
    }
    // A shut pad takes nothing; a tap after the wait finds it open again.
    if (m_note == Note::Locked) {
        if (context.now < m_open_at)
            return {};
        m_note = Note::Prompt;
    }
    if (id.starts_with(digit_prefix)) {
        if (m_typed.size() < longest_pin)
            m_typed += id.substr(digit_prefix.size());
        if (m_note == Note::Wrong)
            m_note = Note::Prompt;
        return {};
    }
    if (id == "pin/ok" && !m_typed.empty() && try_typed(context))
        return ScreenAction::replace(std::make_unique<StaffHomeScreen>(m_closes_after_ms));
    return {};
}

} // namespace olohuone::ui
