#pragma once
// One device-neutral pointer event: SDL finger and mouse events both become this, once,
// in the platform layer.
#include "core/clock.h"
#include "ui/layout/geometry.h"

namespace olohuone::ui {

enum class PointerPhase { Down, Move, Up, Cancel };

struct PointerEvent {
    Point position;
    PointerPhase phase = PointerPhase::Down;
};

} // namespace olohuone::ui
