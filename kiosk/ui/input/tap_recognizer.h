#pragma once
// Turns presses into taps the way a shaky hand needs: a tap fires on release, if the
// finger stayed within a slop radius; the target is chosen where the finger came down;
// and a second tap on the same control or the same spot soon after the first (a
// tremor's double tap) is ignored, even if the first tap opened another screen there.
// Between keys that are typed on, only a bounce is ignored: a touch that comes down on
// the same key within bounce_ms of the last one's release. Typing at a steady 300 ms a
// key keeps the double letters of "Liisa" and "Äänekoski", while a shaking finger's
// burst of touches, each within bounce_ms of the last, types one letter.
#include <optional>
#include <string>

#include "core/clock.h"
#include "ui/input/pointer_event.h"
#include "ui/layout/draw_list.h"

namespace olohuone::ui {

struct TapSettings {
    int slop_px = 40;
    MonotonicMs repeat_guard_ms = 400;
    MonotonicMs bounce_ms = 120;
};

class TapRecognizer {
public:
    explicit TapRecognizer(TapSettings settings) : m_settings(settings) {}

    // Returns the id of the tapped target when this event completes a tap.
    std::optional<std::string> handle(const PointerEvent& event, const DrawList& targets, MonotonicMs now);

    // The target under a finger that is down and has not slid away, for pressed feedback.
    const std::string& pressed_target() const { return m_pressed; }
    void cancel() { m_pressed.clear(), m_down = false; }
    void set_settings(TapSettings settings) { m_settings = settings; }

private:
    TapSettings m_settings;
    bool m_down = false;
    Point m_down_at;
    MonotonicMs m_down_time = 0;
    std::string m_pressed;
    bool m_pressed_repeats = false; // the pressed target lets a quick second tap count
    std::optional<Point> m_last_tap_at;
    std::string m_last_tap_target;
    bool m_last_tap_typed = false;
    MonotonicMs m_last_tap_time = 0;     // its release
    MonotonicMs m_last_release_time = 0; // of any touch, a dropped one too
};

} // namespace olohuone::ui
