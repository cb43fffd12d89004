#include "ui/layout/screen_rotation.h"

#include <algorithm>
#include <cstring>

namespace olohuone::ui {
namespace {

// Turning a picture reads one of the two along its columns; square tiles keep those
// reads within a few cache lines instead of a new one for every pixel.
constexpr int tile = 32;

// The layout pixel shown at glass pixel (x, y), for a layout `w` x `h`.
Point layout_pixel_at(int x, int y, int w, int h, ScreenRotation rotation)
{
    switch (rotation) {
    case ScreenRotation::Quarter:
        return {y, h - 1 - x};
    case ScreenRotation::Half:
        return {w - 1 - x, h - 1 - y};
    case ScreenRotation::ThreeQuarters:
        return {w - 1 - y, x};
    case ScreenRotation::None:
        break;
    }
    return {x, y};
}

} // namespace

std::optional<ScreenRotation> rotation_from_degrees(int degrees)
{
    for (ScreenRotation rotation :
         {ScreenRotation::None, ScreenRotation::Quarter, ScreenRotation::Half, ScreenRotation::ThreeQuarters})
        if (degrees_of(rotation) == degrees)
            return rotation;
    return std::nullopt;
}

Point PanelOrientation::to_layout(Point on_glass) const
{
    const int x = std::clamp(on_glass.x, 0, std::max(0, glass.x - 1));
    const int y = std::clamp(on_glass.y, 0, std::max(0, glass.y - 1));
    const Point size = layout();
    return layout_pixel_at(x, y, size.x, size.y, rotation);
}

Point PanelOrientation::to_glass(Point in_layout) const
{
    const Point size = layout();
    const int x = in_layout.x;
    const int y = in_layout.y;
    switch (rotation) {
    case ScreenRotation::Quarter:
        return {size.y - 1 - y, x};
    case ScreenRotation::Half:
        return {size.x - 1 - x, size.y - 1 - y};
    case ScreenRotation::ThreeQuarters:
        return {y, size.x - 1 - x};
    case ScreenRotation::None:
        break;
    }
    return in_layout;
}

namespace {

// One loop per rotation, so the choice is made once and not for every pixel.
template <ScreenRotation rotation>
void turn_tiled(const std::uint32_t* source, int source_stride, Point layout, std::uint32_t* target,
                int target_stride, int glass_w, int glass_h)
{
    for (int top = 0; top < glass_h; top += tile) {
        const int bottom = std::min(glass_h, top + tile);
        for (int left = 0; left < glass_w; left += tile) {
            const int right = std::min(glass_w, left + tile);
            for (int y = top; y < bottom; ++y) {
                std::uint32_t* row = target + static_cast<std::ptrdiff_t>(y) * target_stride;
                for (int x = left; x < right; ++x) {
                    const Point from = layout_pixel_at(x, y, layout.x, layout.y, rotation);
                    row[x] = source[static_cast<std::ptrdiff_t>(from.y) * source_stride + from.x];
                }
            }
        }
    }
}

} // namespace

void turn_pixels(const std::uint32_t* source, int source_stride, Point layout, std::uint32_t* target,
                 int target_stride, ScreenRotation rotation)
{
    const bool sideways = PanelOrientation{{}, rotation}.sideways();
    const int glass_w = sideways ? layout.y : layout.x;
    const int glass_h = sideways ? layout.x : layout.y;
    switch (rotation) {
    case ScreenRotation::None:
        for (int y = 0; y < glass_h; ++y)
            std::memcpy(target + static_cast<std::ptrdiff_t>(y) * target_stride,
                        source + static_cast<std::ptrdiff_t>(y) * source_stride, sizeof(std::uint32_t) * glass_w);
        return;
    case ScreenRotation::Quarter:
        return turn_tiled<ScreenRotation::Quarter>(source, source_stride, layout, target, target_stride, glass_w,
                                                   glass_h);
    case ScreenRotation::Half:
        return turn_tiled<ScreenRotation::Half>(source, source_stride, layout, target, target_stride, glass_w, glass_h);
    case ScreenRotation::ThreeQuarters:
        return turn_tiled<ScreenRotation::ThreeQuarters>(source, source_stride, layout, target, target_stride,
                                                         glass_w, glass_h);
    }
}

} // namespace olohuone::ui
