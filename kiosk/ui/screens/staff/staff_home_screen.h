#pragma once
// Staff mode's first screen: what staff can do here, each a big button with today's
// figure under it, and "Poistu". It closes by itself when left alone, like every staff
// screen, so no visitor finds it open.
#include "ui/screens/screen.h"

namespace olohuone::ui {

class StaffHomeScreen final : public Screen {
public:
    explicit StaffHomeScreen(MonotonicMs closes_after_ms) : m_closes_after_ms(closes_after_ms) {}

    std::string name() const override { return "staff_home"; }
    void begin_frame(const ScreenContext& context) override;
    std::vector<ControlGroup> controls(const ScreenContext& context) override;
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    bool shows_shared_controls(const ScreenContext&) const override { return false; }
    // The clock at the top gives way to the words on a 7" panel: staff know the day.
    bool shows_day_header() const override { return false; }
    std::optional<MonotonicMs> closes_after_ms() const override { return m_closes_after_ms; }

private:
    std::size_t m_present = 0;
    StaffSyncStatus m_sync;
    bool m_clock_needs_setting = false;
    MonotonicMs m_closes_after_ms;
};

} // namespace olohuone::ui
