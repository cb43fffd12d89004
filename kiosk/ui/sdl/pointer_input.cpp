#include "ui/sdl/pointer_input.h"

#include <cmath>

namespace olohuone::ui::sdl {
namespace {

// No one rests a finger on the kiosk this long on purpose.
constexpr Uint32 stale_finger_ms = 15'000;

Point finger_position(const SDL_TouchFingerEvent& finger, const PanelOrientation& panel)
{
    return panel.to_layout(
        {static_cast<int>(std::lround(finger.x * panel.glass.x)), static_cast<int>(std::lround(finger.y * panel.glass.y))});
}

} // namespace

std::optional<PointerEvent> PointerInput::translate(const SDL_Event& event, const PanelOrientation& panel)
{
    switch (event.type) {
    case SDL_FINGERDOWN:
        if (m_finger && event.tfinger.timestamp - m_finger_down_ms < stale_finger_ms)
            return std::nullopt;
        m_finger = event.tfinger.fingerId;
        m_finger_down_ms = event.tfinger.timestamp;
        return PointerEvent{finger_position(event.tfinger, panel), PointerPhase::Down};
    case SDL_FINGERMOTION:
        if (m_finger != event.tfinger.fingerId)
            return std::nullopt;
        return PointerEvent{finger_position(event.tfinger, panel), PointerPhase::Move};
    case SDL_FINGERUP:
        if (m_finger != event.tfinger.fingerId)
            return std::nullopt;
        m_finger.reset();
        return PointerEvent{finger_position(event.tfinger, panel), PointerPhase::Up};
    case SDL_MOUSEBUTTONDOWN:
        if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT || m_finger)
            return std::nullopt;
        m_mouse_down = true;
        return PointerEvent{panel.to_layout({event.button.x, event.button.y}), PointerPhase::Down};
    case SDL_MOUSEMOTION:
        if (event.motion.which == SDL_TOUCH_MOUSEID || !m_mouse_down)
            return std::nullopt;
        return PointerEvent{panel.to_layout({event.motion.x, event.motion.y}), PointerPhase::Move};
    case SDL_MOUSEBUTTONUP:
        if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT || !m_mouse_down)
            return std::nullopt;
        m_mouse_down = false;
        return PointerEvent{panel.to_layout({event.button.x, event.button.y}), PointerPhase::Up};
    case SDL_WINDOWEVENT:
        if (event.window.event == SDL_WINDOWEVENT_FOCUS_LOST && (m_finger || m_mouse_down)) {
            m_finger.reset();
            m_mouse_down = false;
            return PointerEvent{{}, PointerPhase::Cancel};
        }
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

} // namespace olohuone::ui::sdl
