#pragma once
// The one place SDL's finger and mouse events become device-neutral PointerEvents.
// One finger at a time: a second finger (a palm, a steadying hand) is ignored, unless the
// first has been down so long that its lift was surely lost (a touch controller reset),
// which would otherwise leave the screen deaf until a restart.
#include <SDL.h>

#include <optional>

#include "ui/input/pointer_event.h"
#include "ui/layout/screen_rotation.h"

namespace olohuone::ui::sdl {

class PointerInput {
public:
    // Finger coordinates (0..1 across the panel) are scaled to `panel`'s glass; those and
    // mouse positions are then turned into the layout's coordinates.
    std::optional<PointerEvent> translate(const SDL_Event& event, const PanelOrientation& panel);

private:
    std::optional<SDL_FingerID> m_finger;
    Uint32 m_finger_down_ms = 0;
    bool m_mouse_down = false;
};

} // namespace olohuone::ui::sdl
