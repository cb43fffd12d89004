#include "ui/screens/staff/staff_controls.h"

namespace olohuone::ui {

ControlGroup leave_staff_group(const ScreenContext& context)
{
    ControlGroup leave;
    leave.buttons.push_back({leave_staff_id, context.catalog.text("staff.leave"), ButtonStyle::Unselected,
                             sizes::button_pt * 1.1});
    leave.min_button_mm = 40.0;
    return leave;
}

std::unique_ptr<Screen> staff_choices(std::string name, ChoiceScreen::Describe describe, ChoiceScreen::Chosen chosen,
                                      MonotonicMs closes_after_ms)
{
    auto screen = std::make_unique<ChoiceScreen>(std::move(name), std::move(describe), std::move(chosen), false);
    screen->close_after(closes_after_ms);
    return screen;
}

std::string closes_by_itself_line(const ScreenContext& context)
{
    // Whole minutes, rounded down: staff mode never closes sooner than it says.
    const MonotonicMs minutes = std::max<MonotonicMs>(1, context.staff_idle_ms / 60'000);
    return context.catalog.format("staff.closes_by_itself", {{"minutes", std::to_string(minutes)}});
}

} // namespace olohuone::ui
