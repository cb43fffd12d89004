#include "ui/screens/settings_screen.h"

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/message_screens.h"

namespace olohuone::ui {
namespace {

constexpr const char* done_id = "settings/done";

// A caption and a row of equal buttons under it, from `y`; returns the height used.
int add_choice_row(DrawList& list, const std::string& caption, const std::vector<ButtonSpec>& buttons, Rect area,
                   const ScreenContext& context)
{
    const Metrics& metrics = context.metrics;
    const FontSpec caption_font{FontWeight::Bold, metrics.text_px(sizes::body_pt)};
    int y = area.y + add_wrapped_text(&list, caption, area.x, area.y, area.w, caption_font, theme::text,
                                      theme::background, context.measurer);
    y += metrics.mm(1.0);
    const int gap = metrics.mm(sizes::gap_mm * 1.5);
    const int count = static_cast<int>(buttons.size());
    const int width = (area.w - (count - 1) * gap) / count;
    const int height = metrics.mm(sizes::min_target_mm + 3.0);
    for (int i = 0; i < count; ++i) {
        ButtonSpec spec = buttons[static_cast<std::size_t>(i)];
        spec.pressed = spec.id == context.pressed;
        add_button(list, spec, {area.x + i * (width + gap), y, width, height}, context.tools());
    }
    return y + height - area.y;
}

} // namespace

const char* text_size_id(TextSize size)
{
    switch (size) {
    case TextSize::Normal:
        return "size/normal";
    case TextSize::Large:
        return "size/large";
    case TextSize::ExtraLarge:
        return "size/extra_large";
    }
    return "size/normal";
}

std::vector<ButtonSpec> text_size_buttons(TextSize current)
{
    const double label_points[] = {sizes::button_pt * 0.8, sizes::button_pt * 1.05, sizes::button_pt * 1.3};
    std::vector<ButtonSpec> buttons;
    for (TextSize size : {TextSize::Normal, TextSize::Large, TextSize::ExtraLarge})
        buttons.push_back({text_size_id(size), "A", size == current ? ButtonStyle::Selected : ButtonStyle::Unselected,
                           label_points[static_cast<int>(size)]});
    return buttons;
}

std::vector<ControlGroup> SettingsScreen::controls(const ScreenContext& context)
{
    ControlGroup done = back_group(context, done_id);
    if (!m_offers_staff_entry)
        return {done};
    // Discreet and always here, where staff learn to find it; a visitor who taps it
    // finds "Vain henkilökunnalle" and a way back.
    ControlGroup staff;
    staff.buttons.push_back({staff_entry_id, context.catalog.text("staff.enter"), ButtonStyle::Unselected});
    staff.min_button_mm = 24.0;
    return {done, staff};
}

void SettingsScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Catalog& catalog = context.catalog;
    const std::vector<ButtonSpec> sizes_row = text_size_buttons(context.metrics.text_size());
    std::vector<ButtonSpec> languages_row;
    for (const LanguageChoice& language : m_languages)
        languages_row.push_back({std::string(language_prefix) + language.code, language.native_name,
                                 language.code == catalog.language() ? ButtonStyle::Selected : ButtonStyle::Unselected});

    const int gap = context.metrics.mm(sizes::gap_mm * 2);
    int y = area.y;
    y += add_choice_row(list, catalog.text("size.label"), sizes_row, {area.x, y, area.w, area.h}, context) + gap;
    add_choice_row(list, catalog.text("language.label"), languages_row, {area.x, y, area.w, area.bottom() - y},
                   context);
}

ScreenAction SettingsScreen::on_tap(const std::string& id, const ScreenContext&)
{
    if (id == done_id)
        return ScreenAction::pop();
    return {};
}

} // namespace olohuone::ui
