#include "ui/screens/storage_full_screen.h"

#include <algorithm>

#include "ui/layout/theme.h"
#include "ui/screens/message_screens.h"

namespace olohuone::ui {
namespace {

// Long enough to read twice at a slow pace; the kiosk must not stay on it for the next
// visitor, who would see nothing of the programme.
constexpr MonotonicMs shown_at_least_ms = 20'000;

} // namespace

void StorageFullScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Message message{context.catalog.text("storage.full_title"),
                          {context.catalog.text("storage.full_explain")},
                          {}};
    const int gap = context.metrics.mm(sizes::gap_mm * 3);
    const int button_height = std::min(area.h / 3, context.metrics.mm(sizes::min_target_mm + 6.0));
    const int used = add_message(list, message, {area.x, area.y, area.w, area.h - button_height - gap}, context);
    ButtonSpec close{"storage_full/close", context.catalog.text("storage.full_close"), ButtonStyle::Primary,
                     sizes::button_pt * 1.2};
    close.answer = true;
    close.pressed = close.id == context.pressed;
    const int button_y = std::min(area.y + used + gap, area.bottom() - button_height);
    add_button(list, close, {area.x, button_y, std::min(area.w, context.metrics.mm(100)), button_height},
               context.tools());
}

ScreenAction StorageFullScreen::on_tap(const std::string& id, const ScreenContext&)
{
    return id == "storage_full/close" ? ScreenAction::home() : ScreenAction{};
}

std::unique_ptr<Screen> make_storage_full_screen(const ScreenContext& context)
{
    return std::make_unique<StorageFullScreen>(std::max(context.thank_you_ms, shown_at_least_ms));
}

std::optional<ScreenAction> storage_full_action(const Error& error, const ScreenContext& context)
{
    if (error.kind != ErrorKind::StorageFull)
        return std::nullopt;
    return ScreenAction::finish(make_storage_full_screen(context));
}

} // namespace olohuone::ui
