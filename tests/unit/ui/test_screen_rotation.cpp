// A 7" panel (800x480 pixels) mounted turned: where a touch on the glass lands in the
// layout, and where the layout's pixels are shown, for each of the four angles.
#include <gtest/gtest.h>

#include <vector>

#include "ui/layout/screen_rotation.h"

namespace olohuone::ui {
namespace {

constexpr Point seven_inch{800, 480};

struct Landing {
    Point on_glass;
    Point in_layout;
};

void expect_lands(ScreenRotation rotation, const std::vector<Landing>& landings)
{
    const PanelOrientation panel{seven_inch, rotation};
    for (const Landing& landing : landings) {
        const Point layout = panel.to_layout(landing.on_glass);
        EXPECT_EQ(layout, landing.in_layout) << degrees_of(rotation) << "°: glass " << landing.on_glass.x << ","
                                             << landing.on_glass.y << " landed at " << layout.x << "," << layout.y;
        const Point glass = panel.to_glass(landing.in_layout);
        EXPECT_EQ(glass, landing.on_glass) << degrees_of(rotation) << "°: layout " << landing.in_layout.x << ","
                                           << landing.in_layout.y << " shown at " << glass.x << "," << glass.y;
    }
}

TEST(ScreenRotation, UprightTouchesLandWhereTheyAre)
{
    EXPECT_EQ((PanelOrientation{seven_inch, ScreenRotation::None}.layout()), seven_inch);
    expect_lands(ScreenRotation::None,
                 {{{0, 0}, {0, 0}}, {{799, 0}, {799, 0}}, {{799, 479}, {799, 479}}, {{0, 479}, {0, 479}},
                  {{400, 240}, {400, 240}}});
}

TEST(ScreenRotation, AQuarterTurnIsLaidOutInPortraitWithItsTopAlongTheGlasssRightEdge)
{
    EXPECT_EQ((PanelOrientation{seven_inch, ScreenRotation::Quarter}.layout()), (Point{480, 800}));
    // Turned clockwise: the layout's top-left corner is shown at the glass's top-right.
    expect_lands(ScreenRotation::Quarter, {{{799, 0}, {0, 0}},
                                           {{799, 479}, {479, 0}},
                                           {{0, 479}, {479, 799}},
                                           {{0, 0}, {0, 799}},
                                           {{400, 240}, {240, 399}}});
}

TEST(ScreenRotation, UpsideDownMirrorsBothWays)
{
    EXPECT_EQ((PanelOrientation{seven_inch, ScreenRotation::Half}.layout()), seven_inch);
    expect_lands(ScreenRotation::Half, {{{799, 479}, {0, 0}},
                                        {{0, 479}, {799, 0}},
                                        {{0, 0}, {799, 479}},
                                        {{799, 0}, {0, 479}},
                                        {{400, 240}, {399, 239}}});
}

TEST(ScreenRotation, ThreeQuartersIsLaidOutInPortraitWithItsTopAlongTheGlasssLeftEdge)
{
    EXPECT_EQ((PanelOrientation{seven_inch, ScreenRotation::ThreeQuarters}.layout()), (Point{480, 800}));
    expect_lands(ScreenRotation::ThreeQuarters, {{{0, 479}, {0, 0}},
                                                 {{0, 0}, {479, 0}},
                                                 {{799, 0}, {479, 799}},
                                                 {{799, 479}, {0, 799}},
                                                 {{400, 240}, {239, 400}}});
}

TEST(ScreenRotation, ATouchOffTheGlassLandsOnItsNearestEdge)
{
    // A finger at the very edge is reported at 1.0, one past the last pixel.
    const PanelOrientation quarter{seven_inch, ScreenRotation::Quarter};
    EXPECT_EQ(quarter.to_layout({800, 480}), (Point{479, 0}));
    EXPECT_EQ(quarter.to_layout({-3, -1}), (Point{0, 799}));
    EXPECT_EQ((PanelOrientation{seven_inch, ScreenRotation::None}.to_layout({900, -20})), (Point{799, 0}));
}

TEST(ScreenRotation, OnlyTheFourRightAnglesAreRotations)
{
    EXPECT_EQ(rotation_from_degrees(0), ScreenRotation::None);
    EXPECT_EQ(rotation_from_degrees(90), ScreenRotation::Quarter);
    EXPECT_EQ(rotation_from_degrees(180), ScreenRotation::Half);
    EXPECT_EQ(rotation_from_degrees(270), ScreenRotation::ThreeQuarters);
    for (int degrees : {-90, 45, 360, 1})
        EXPECT_FALSE(rotation_from_degrees(degrees).has_value()) << degrees;
}

// A 3x2 picture:  1 2 3
//                 4 5 6
std::vector<std::uint32_t> turned_small_picture(ScreenRotation rotation)
{
    const std::vector<std::uint32_t> upright{1, 2, 3, 4, 5, 6};
    std::vector<std::uint32_t> glass(6, 0);
    const bool sideways = PanelOrientation{{}, rotation}.sideways();
    turn_pixels(upright.data(), 3, {3, 2}, glass.data(), sideways ? 2 : 3, rotation);
    return glass;
}

TEST(ScreenRotation, PixelsAreTurnedClockwise)
{
    EXPECT_EQ(turned_small_picture(ScreenRotation::None), (std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(turned_small_picture(ScreenRotation::Quarter), (std::vector<std::uint32_t>{4, 1, 5, 2, 6, 3}));
    EXPECT_EQ(turned_small_picture(ScreenRotation::Half), (std::vector<std::uint32_t>{6, 5, 4, 3, 2, 1}));
    EXPECT_EQ(turned_small_picture(ScreenRotation::ThreeQuarters), (std::vector<std::uint32_t>{3, 6, 2, 5, 1, 4}));
}

TEST(ScreenRotation, ALargePictureWithPaddedRowsIsTurnedPixelForPixel)
{
    // Not a multiple of the tiles the copy works in, and rows longer than the picture
    // (as SDL surfaces may have).
    const Point layout{70, 45};
    const int source_stride = 72;
    std::vector<std::uint32_t> upright(static_cast<std::size_t>(source_stride) * layout.y, 0xDEADu);
    for (int y = 0; y < layout.y; ++y)
        for (int x = 0; x < layout.x; ++x)
            upright[y * source_stride + x] = static_cast<std::uint32_t>(y * 1000 + x);
    for (ScreenRotation rotation : {ScreenRotation::Quarter, ScreenRotation::Half, ScreenRotation::ThreeQuarters}) {
        const bool sideways = PanelOrientation{{}, rotation}.sideways();
        const Point glass = sideways ? Point{layout.y, layout.x} : layout;
        const int target_stride = glass.x + 5;
        std::vector<std::uint32_t> turned(static_cast<std::size_t>(target_stride) * glass.y, 0xBEEFu);
        turn_pixels(upright.data(), source_stride, layout, turned.data(), target_stride, rotation);
        const PanelOrientation panel{glass, rotation};
        int wrong = 0;
        for (int y = 0; y < layout.y; ++y)
            for (int x = 0; x < layout.x; ++x) {
                const Point shown = panel.to_glass({x, y});
                wrong += turned[shown.y * target_stride + shown.x] == static_cast<std::uint32_t>(y * 1000 + x) ? 0 : 1;
            }
        EXPECT_EQ(wrong, 0) << degrees_of(rotation) << "°";
        EXPECT_EQ(turned[target_stride - 1], 0xBEEFu) << "the padding past each row is left alone";
    }
}

} // namespace
} // namespace olohuone::ui
