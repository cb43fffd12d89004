#include "ui/input/tap_recognizer.h"

namespace olohuone::ui {

std::optional<std::string> TapRecognizer::handle(const PointerEvent& event, const DrawList& targets, MonotonicMs now)
{
    switch (event.phase) {
    case PointerPhase::Down: {
        m_down = true;
        m_down_at = event.position;
        m_down_time = now;
        const TouchTarget* target = targets.target_at(event.position);
        m_pressed = target ? target->id : std::string{};
        m_pressed_repeats = target != nullptr && target->repeat == TapRepeat::Allowed;
        return std::nullopt;
    }
    case PointerPhase::Move:
        if (m_down && distance(event.position, m_down_at) > m_settings.slop_px)
            m_pressed.clear();
        return std::nullopt;
    case PointerPhase::Cancel:
        cancel();
        return std::nullopt;
    case PointerPhase::Up:
        break;
    }

    if (!m_down)
        return std::nullopt;
    m_down = false;
    const MonotonicMs previous_release = m_last_release_time;
    m_last_release_time = now;
    std::string tapped = std::move(m_pressed);
    m_pressed.clear();
    if (tapped.empty() || distance(event.position, m_down_at) > m_settings.slop_px)
        return std::nullopt;

    const bool same_place =
        m_last_tap_at && (tapped == m_last_tap_target || distance(*m_last_tap_at, m_down_at) <= m_settings.slop_px);
    // From one typed key to the next only a bounce is dropped; a tap that opened the
    // pad at this spot is still guarded like any other button.
    const bool typing = m_pressed_repeats && m_last_tap_typed;
    const bool dropped = typing ? same_place && m_down_time - previous_release < m_settings.bounce_ms
                                : same_place && now - m_last_tap_time < m_settings.repeat_guard_ms;
    if (dropped)
        return std::nullopt;
    m_last_tap_at = m_down_at;
    m_last_tap_target = tapped;
    m_last_tap_typed = m_pressed_repeats;
    m_last_tap_time = now;
    return tapped;
}

} // namespace olohuone::ui
