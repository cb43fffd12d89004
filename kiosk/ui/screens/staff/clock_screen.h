#pragma once
// "Aseta kellonaika": staff set the date and time on a kiosk whose clock is not known to
// be right (a Raspberry Pi started without network has no battery clock). Big steps
// (a day, an hour, ten minutes, a minute) from the clock's own guess, which keeps
// running while staff choose, all on one screen; "Aseta kello" sets the system clock.
#include "ui/screens/screen.h"

namespace olohuone::ui {

class ClockScreen final : public Screen {
public:
    explicit ClockScreen(MonotonicMs closes_after_ms) : m_closes_after_ms(closes_after_ms) {}

    std::string name() const override { return "staff_clock"; }
    std::vector<ControlGroup> controls(const ScreenContext& context) override;
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    bool shows_day_header() const override { return false; }
    bool shows_shared_controls(const ScreenContext&) const override { return false; }
    std::optional<MonotonicMs> closes_after_ms() const override { return m_closes_after_ms; }

private:
    // The moment to be set, to the minute: the clock plus what staff have stepped.
    UnixSeconds chosen(const ScreenContext& context) const;

    std::int64_t m_offset = 0; // seconds from the clock, so the choice runs on with it
    bool m_failed = false;
    MonotonicMs m_closes_after_ms;
};

} // namespace olohuone::ui
