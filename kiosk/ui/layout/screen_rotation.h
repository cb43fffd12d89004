#pragma once
// A panel mounted turned (portrait, or upside down because of its cable): the screens are
// laid out upright at the turned size, and the picture and the touches are turned between
// that layout and the glass here, so no screen knows. Plain C++, no SDL: the platform
// layer turns its pixels and its pointer positions through these functions.
#include <cstdint>
#include <optional>

#include "ui/layout/geometry.h"

namespace olohuone::ui {

// How far the picture is turned clockwise on the panel.
enum class ScreenRotation { None = 0, Quarter = 90, Half = 180, ThreeQuarters = 270 };

// 0, 90, 180 or 270; nothing for any other angle.
std::optional<ScreenRotation> rotation_from_degrees(int degrees);
inline int degrees_of(ScreenRotation rotation) { return static_cast<int>(rotation); }

struct PanelOrientation {
    Point glass; // the panel's pixels as the hardware scans them; touches are measured on it
    ScreenRotation rotation = ScreenRotation::None;

    bool turned() const { return rotation != ScreenRotation::None; }
    bool sideways() const { return rotation == ScreenRotation::Quarter || rotation == ScreenRotation::ThreeQuarters; }
    // The size the screens are laid out at: the glass's, with width and height swapped
    // when the panel stands on its side.
    Point layout() const { return sideways() ? Point{glass.y, glass.x} : glass; }
    // A pixel of the glass (a mouse position, a finger scaled to the glass) as a position
    // in the layout; positions off the glass are first moved to its nearest edge pixel.
    Point to_layout(Point on_glass) const;
    // Where a layout pixel is shown on the glass.
    Point to_glass(Point in_layout) const;
};

// Copies an upright frame of `layout` pixels (`source`, rows `source_stride` pixels apart)
// turned by `rotation` onto the glass (`target`, rows `target_stride` pixels apart), which
// is `layout` with width and height swapped when sideways. 32-bit pixels of any one format.
void turn_pixels(const std::uint32_t* source, int source_stride, Point layout, std::uint32_t* target,
                 int target_stride, ScreenRotation rotation);

} // namespace olohuone::ui
