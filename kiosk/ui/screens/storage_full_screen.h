#pragma once
// What a visitor sees when the kiosk's disk is full: what they did could not be stored,
// in plain words and large, and that the staff should be told. No error code, nothing to
// retry: the flow and what was typed are gone, and one tap (or a short wait) returns to
// the programme, which keeps showing.
#include <memory>

#include "ui/screens/screen.h"

namespace olohuone::ui {

class StorageFullScreen final : public Screen {
public:
    explicit StorageFullScreen(MonotonicMs closes_after_ms) : m_closes_after_ms(closes_after_ms) {}

    std::string name() const override { return "storage_full"; }
    std::vector<ControlGroup> controls(const ScreenContext&) override { return {}; }
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    std::optional<MonotonicMs> closes_after_ms() const override { return m_closes_after_ms; }
    // The words get the room: on a 7" panel neither the date nor the settings.
    bool shows_day_header() const override { return false; }
    bool shows_shared_controls(const ScreenContext& context) const override { return !context.small_screen; }

private:
    MonotonicMs m_closes_after_ms;
};

std::unique_ptr<Screen> make_storage_full_screen(const ScreenContext& context);

// A record could not be stored: on a full disk, the screen above instead of the flow (its
// screens and the draft are dropped); any other failure is the caller's to show.
std::optional<ScreenAction> storage_full_action(const Error& error, const ScreenContext& context);

} // namespace olohuone::ui
