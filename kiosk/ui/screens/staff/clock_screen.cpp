#include "ui/screens/staff/clock_screen.h"

#include <array>

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/message_screens.h"

namespace olohuone::ui {
namespace {

constexpr const char* set_id = "clock/set";
constexpr std::string_view step_prefix = "clock/";

struct Step {
    const char* id;
    const char* label_key;
    std::int64_t seconds;
};

// Back and forth side by side, the bigger steps first: four across, two rows.
constexpr std::array<Step, 8> steps = {{
    {"day_back", "staff.clock_day_back", -86400},
    {"day_on", "staff.clock_day_on", 86400},
    {"hour_back", "staff.clock_hour_back", -3600},
    {"hour_on", "staff.clock_hour_on", 3600},
    {"ten_back", "staff.clock_ten_back", -600},
    {"ten_on", "staff.clock_ten_on", 600},
    {"minute_back", "staff.clock_minute_back", -60},
    {"minute_on", "staff.clock_minute_on", 60},
}};

} // namespace

UnixSeconds ClockScreen::chosen(const ScreenContext& context) const
{
    const UnixSeconds at = context.now + m_offset;
    return at - ((at % 60) + 60) % 60;
}

std::vector<ControlGroup> ClockScreen::controls(const ScreenContext& context)
{
    ControlGroup set;
    set.buttons.push_back({set_id, context.catalog.text("staff.clock_set"), ButtonStyle::Primary});
    set.min_button_mm = 40.0;
    return {back_group(context, "clock/back"), set};
}

void ClockScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Metrics& metrics = context.metrics;
    const Catalog& catalog = context.catalog;
    const int gap = metrics.mm(sizes::gap_mm);
    const LocalDateTime local = context.zone.to_local(chosen(context));
    // The date, and the time big: what will be set.
    const FontSpec date_font{FontWeight::Bold, metrics.damped_text_px(sizes::header_pt)};
    const FontSpec time_font{FontWeight::Bold, metrics.damped_text_px(sizes::header_pt * 1.6)};
    const FontSpec note_font{FontWeight::Regular, metrics.damped_text_px(sizes::secondary_pt)};
    int y = area.y;
    y += add_wrapped_text(&list, catalog.long_date(local.date), area.x, y, area.w, date_font, theme::text,
                          theme::background, context.measurer);
    y += add_wrapped_text(&list, catalog.clock_phrase(local.time), area.x, y, area.w, time_font, theme::time_text,
                          theme::background, context.measurer);
    if (m_failed)
        y += add_wrapped_text(&list, catalog.text("staff.clock_failed"), area.x, y, area.w, note_font, theme::text,
                              theme::background, context.measurer);
    y += gap;

    // Two rows of four steps in the room left, each at least a fingertip's height.
    const int columns = area.w >= 4 * metrics.mm(22.0) + 3 * gap ? 4 : 2;
    const int rows = static_cast<int>(steps.size()) / columns;
    const int height =
        std::clamp((area.bottom() - y - (rows - 1) * gap) / rows, metrics.mm(sizes::min_target_mm),
                   metrics.mm(sizes::min_target_mm + 8.0));
    const int width = (area.w - (columns - 1) * gap) / columns;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const int column = static_cast<int>(i) % columns;
        const int row = static_cast<int>(i) / columns;
        ButtonSpec button{std::string(step_prefix) + steps[i].id, catalog.text(steps[i].label_key),
                          ButtonStyle::Unselected};
        button.pressed = button.id == context.pressed;
        add_button(list, button, {area.x + column * (width + gap), y + row * (height + gap), width, height},
                   context.tools());
    }
}

ScreenAction ClockScreen::on_tap(const std::string& id, const ScreenContext& context)
{
    if (id == "clock/back")
        return ScreenAction::pop();
    if (id == set_id) {
        m_failed = !context.staff.set_clock(chosen(context)).ok();
        return m_failed ? ScreenAction{} : ScreenAction::pop();
    }
    for (const Step& step : steps)
        if (id == std::string(step_prefix) + step.id) {
            m_offset += step.seconds;
            m_failed = false;
        }
    return {};
}

} // namespace olohuone::ui
