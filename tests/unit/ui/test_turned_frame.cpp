// Both ways a turned panel's frame reaches the glass, drawn with SDL's software renderer
// in memory: TurnedSurface (the kiosk's default software drawing) and TurnedTarget (a GPU
// renderer's target texture, here on the software renderer, which supports targets too).
// The upright frame has a red top edge and a blue top-left corner, so a turn the wrong
// way or a mirror shows.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "ui/sdl/turned_frame.h"

namespace olohuone::ui::sdl {
namespace {

constexpr Uint32 black = 0xFF000000u;
constexpr Uint32 red = 0xFFFF0000u;
constexpr Uint32 blue = 0xFF0000FFu; // exact in 16-bit pixels too, unlike full green
constexpr Point glass_size{80, 48};

void draw_upright(SDL_Renderer* renderer, Point layout)
{
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
    SDL_SetRenderDrawColor(renderer, 255, 0, 0, 255);
    const SDL_Rect top{0, 0, layout.x, 4};
    SDL_RenderFillRect(renderer, &top);
    SDL_SetRenderDrawColor(renderer, 0, 0, 255, 255);
    const SDL_Rect corner{0, 0, 4, 4};
    SDL_RenderFillRect(renderer, &corner);
}

Uint32 pixel(SDL_Surface* surface, int x, int y)
{
    return static_cast<const Uint32*>(surface->pixels)[y * surface->pitch / 4 + x];
}

// What the glass must show: the upright frame's pixels where the turn puts them, with the
// turn written out here by hand rather than taken from the code under test.
::testing::AssertionResult shows_turned_frame(SDL_Surface* glass, ScreenRotation rotation)
{
    const int w = glass->w;
    const int h = glass->h;
    int wrong = 0;
    std::string first;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            // The distance from the glass edge the layout's top edge lies along, and from
            // the edge its left edge lies along.
            int from_top = 0;
            int from_left = 0;
            switch (rotation) {
            case ScreenRotation::None:
                from_top = y, from_left = x;
                break;
            case ScreenRotation::Quarter: // top edge along the glass's right, left edge along its top
                from_top = w - 1 - x, from_left = y;
                break;
            case ScreenRotation::Half:
                from_top = h - 1 - y, from_left = w - 1 - x;
                break;
            case ScreenRotation::ThreeQuarters: // top edge along the glass's left, left edge along its bottom
                from_top = x, from_left = h - 1 - y;
                break;
            }
            const Uint32 expected = from_top >= 4 ? black : from_left < 4 ? blue : red;
            if (pixel(glass, x, y) != expected && wrong++ == 0) {
                char line[96];
                std::snprintf(line, sizeof line, "; the first at %d,%d is %08X instead of %08X", x, y,
                              pixel(glass, x, y), expected);
                first = line;
            }
        }
    }
    if (wrong == 0)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << wrong << " of " << w * h << " pixels are not the frame turned "
                                         << degrees_of(rotation) << "°" << first;
}

SurfacePtr glass_surface()
{
    SurfacePtr glass(SDL_CreateRGBSurfaceWithFormat(0, glass_size.x, glass_size.y, 32, SDL_PIXELFORMAT_ARGB8888));
    SDL_FillRect(glass.get(), nullptr, 0xFF808080u);
    return glass;
}

class TurnedFrame : public ::testing::TestWithParam<ScreenRotation> {};

TEST_P(TurnedFrame, SoftwareDrawingIsTurnedOntoTheGlass)
{
    const PanelOrientation panel{glass_size, GetParam()};
    SurfacePtr glass = glass_surface();
    auto turned = TurnedSurface::create(panel, SDL_PIXELFORMAT_ARGB8888);
    ASSERT_TRUE(turned.ok()) << turned.error().message;
    draw_upright(turned->renderer(), panel.layout());
    turned->turn_onto(glass.get());
    EXPECT_TRUE(shows_turned_frame(glass.get(), GetParam()));
}

TEST_P(TurnedFrame, AGlassOfAnotherPixelFormatGetsTheSamePicture)
{
    // An X server at 16 bits per pixel, say: the frame goes through a staging surface.
    const PanelOrientation panel{glass_size, GetParam()};
    SurfacePtr glass16(SDL_CreateRGBSurfaceWithFormat(0, glass_size.x, glass_size.y, 16, SDL_PIXELFORMAT_RGB565));
    auto turned = TurnedSurface::create(panel, SDL_PIXELFORMAT_RGB565);
    ASSERT_TRUE(turned.ok()) << turned.error().message;
    draw_upright(turned->renderer(), panel.layout());
    turned->turn_onto(glass16.get());
    SurfacePtr glass(SDL_ConvertSurfaceFormat(glass16.get(), SDL_PIXELFORMAT_ARGB8888, 0));
    EXPECT_TRUE(shows_turned_frame(glass.get(), GetParam()));
}

TEST_P(TurnedFrame, ATargetTextureIsCopiedTurnedOntoTheGlass)
{
    const PanelOrientation panel{glass_size, GetParam()};
    SurfacePtr glass = glass_surface();
    RendererPtr renderer(SDL_CreateSoftwareRenderer(glass.get()));
    ASSERT_NE(renderer, nullptr) << SDL_GetError();
    auto turned = TurnedTarget::create(renderer.get(), panel);
    ASSERT_TRUE(turned.ok()) << turned.error().message;
    draw_upright(renderer.get(), panel.layout());
    turned->present();
    EXPECT_TRUE(shows_turned_frame(glass.get(), GetParam()));

    // The next frame is drawn into the texture again, not onto the glass.
    SDL_SetRenderDrawColor(renderer.get(), 0, 0, 0, 255);
    SDL_RenderClear(renderer.get());
    SDL_RenderFlush(renderer.get());
    EXPECT_TRUE(shows_turned_frame(glass.get(), GetParam())) << "the glass changed before present()";
}

INSTANTIATE_TEST_SUITE_P(, TurnedFrame,
                         ::testing::Values(ScreenRotation::Quarter, ScreenRotation::Half,
                                           ScreenRotation::ThreeQuarters),
                         [](const ::testing::TestParamInfo<ScreenRotation>& info) {
                             return "turned_" + std::to_string(degrees_of(info.param));
                         });

} // namespace
} // namespace olohuone::ui::sdl
