#include "ui/screens/staff/staff_home_screen.h"

#include "ui/layout/theme.h"
#include "ui/screens/message_screens.h"
#include "ui/screens/staff/attendance_screens.h"
#include "ui/screens/staff/clock_screen.h"
#include "ui/screens/staff/present_list_screen.h"
#include "ui/screens/staff/programme_screens.h"
#include "ui/screens/staff/staff_controls.h"
#include "ui/screens/staff/sync_status_screen.h"

namespace olohuone::ui {

void StaffHomeScreen::begin_frame(const ScreenContext& context)
{
    m_present = context.staff.present_now().size();
    m_sync = context.staff.sync_status();
    m_clock_needs_setting = context.staff.clock_needs_setting();
}

std::vector<ControlGroup> StaffHomeScreen::controls(const ScreenContext& context)
{
    if (!m_clock_needs_setting)
        return {leave_staff_group(context)};
    ControlGroup clock;
    clock.buttons.push_back({"staff/clock", context.catalog.text("staff.clock"), ButtonStyle::Primary});
    clock.min_button_mm = 45.0;
    return {clock, leave_staff_group(context)};
}

void StaffHomeScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Catalog& catalog = context.catalog;
    const Metrics& metrics = context.metrics;
    const int gap = metrics.mm(sizes::gap_mm);
    Message message{catalog.text("staff.title"), {closes_by_itself_line(context)}, {}};
    // Registration waits for a known clock: the reason comes first.
    if (m_clock_needs_setting)
        message.lines.insert(message.lines.begin(), catalog.text("staff.clock_unknown"));
    const std::string sync_detail = m_sync.has_server
        ? catalog.format("staff.sync_queued", {{"count", std::to_string(m_sync.queued)}})
        : std::string();
    const ButtonSpec buttons[] = {
        {"staff/present", catalog.text("staff.present"), ButtonStyle::Primary, sizes::button_pt * 1.1},
        {"staff/attendance", catalog.text("staff.attendance"), ButtonStyle::Primary, sizes::button_pt * 1.1},
        {"staff/programme", catalog.text("staff.programme"), ButtonStyle::Primary, sizes::button_pt * 1.1},
        {"staff/sync", catalog.text("staff.sync"), ButtonStyle::Primary, sizes::button_pt * 1.1},
    };
    const std::string details[] = {catalog.format("staff.present_count", {{"count", std::to_string(m_present)}}),
                                   catalog.text("staff.attendance_detail"), catalog.text("staff.programme_detail"),
                                   sync_detail};
    constexpr int count = static_cast<int>(std::size(buttons));
    // As many side by side as fit at a readable width: all four in a row on a wide
    // screen, two by two (always on a tall one, where a row of four cramps the labels),
    // or one under another.
    int columns = area.h > area.w ? 2 : count;
    while (columns > 1 && area.w < columns * metrics.mm(45.0) + (columns - 1) * gap)
        columns = columns > 2 ? 2 : 1;
    const int rows = (count + columns - 1) / columns;
    const int preferred_height = metrics.mm(sizes::min_target_mm + 6.0);
    const int smallest_height = metrics.mm(sizes::min_target_mm + 1.0);
    const int buttons_height = rows * smallest_height + (rows - 1) * gap;
    const Rect words{area.x, area.y, area.w, std::max(0, area.h - buttons_height - gap * 2)};
    // A 7" panel has room for the title and a line at most: the line about closing by
    // itself gives way first (why registration is closed stays), rather than run on
    // under the buttons.
    DrawList measured;
    while (!message.lines.empty() && add_message(measured, message, words, context) > words.h) {
        message.lines.pop_back();
        measured.clear();
    }
    int y = area.y
        + add_message(list, message, words, context)
        + gap * 2;
    // The buttons take what the words leave, down to a size a finger still hits well.
    const int button_height =
        std::clamp((area.bottom() - y - (rows - 1) * gap) / rows, smallest_height, preferred_height);
    y = std::min(y, area.bottom() - rows * button_height - (rows - 1) * gap);
    const int width = (area.w - (columns - 1) * gap) / columns;
    for (int i = 0; i < count; ++i) {
        ButtonSpec button = buttons[i];
        button.detail = details[i];
        button.pressed = button.id == context.pressed;
        const Rect rect{area.x + (i % columns) * (width + gap), y + (i / columns) * (button_height + gap), width,
                        button_height};
        add_button(list, button, rect, context.tools());
    }
}

ScreenAction StaffHomeScreen::on_tap(const std::string& id, const ScreenContext& context)
{
    if (id == leave_staff_id)
        return ScreenAction::home();
    if (id == "staff/present")
        return ScreenAction::push(std::make_unique<PresentListScreen>(m_closes_after_ms));
    if (id == "staff/attendance")
        return ScreenAction::push(make_staff_activities_screen(context, m_closes_after_ms));
    if (id == "staff/programme")
        return ScreenAction::push(make_staff_programme_screen(context, m_closes_after_ms));
    if (id == "staff/sync")
        return ScreenAction::push(std::make_unique<SyncStatusScreen>(m_closes_after_ms));
    if (id == "staff/clock" && m_clock_needs_setting)
        return ScreenAction::push(std::make_unique<ClockScreen>(m_closes_after_ms));
    return {};
}

} // namespace olohuone::ui
