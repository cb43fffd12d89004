// The Raspberry Pi's 7" panel (800x480) mounted turned: in portrait, or upside down
// because of its cable. The kiosk must lay out the turned screen as if the panel were
// made that way, show that picture turned on the glass, and take a finger where a button
// is shown as a tap on that button. Each turned kiosk is compared with an upright one of
// the turned size: the same screens, pixel for pixel.
#include <gtest/gtest.h>

#include "frame_checks.h"
#include "offscreen_kiosk.h"
#include "reference_images.h"

namespace olohuone::testing {
namespace {

using ui::Point;
using ui::ScreenRotation;

constexpr Point seven_inch{800, 480};

// Where a pixel of the upright layout must be seen on the turned glass, written out here
// rather than taken from the kiosk's own code. Turned clockwise by `rotation`.
Point seen_on_glass(Point in_layout, ScreenRotation rotation)
{
    switch (rotation) {
    case ScreenRotation::Quarter: // the layout's top runs down the glass's right edge
        return {seven_inch.x - 1 - in_layout.y, in_layout.x};
    case ScreenRotation::Half:
        return {seven_inch.x - 1 - in_layout.x, seven_inch.y - 1 - in_layout.y};
    case ScreenRotation::ThreeQuarters: // the layout's top runs up the glass's left edge
        return {in_layout.y, seven_inch.y - 1 - in_layout.x};
    case ScreenRotation::None:
        break;
    }
    return in_layout;
}

Uint32 pixel(SDL_Surface* surface, Point at)
{
    return static_cast<const Uint32*>(surface->pixels)[at.y * surface->pitch / 4 + at.x];
}

// How many pixels of the upright kiosk's frame are not where the turn puts them on the
// turned kiosk's glass.
long pixels_not_turned(OffscreenKiosk& upright, OffscreenKiosk& turned, ScreenRotation rotation)
{
    SDL_Surface* layout = upright.display().surface();
    SDL_Surface* glass = turned.display().surface();
    long differing = 0;
    for (int y = 0; y < layout->h; ++y)
        for (int x = 0; x < layout->w; ++x)
            differing += pixel(layout, {x, y}) == pixel(glass, seen_on_glass({x, y}, rotation)) ? 0 : 1;
    return differing;
}

KioskSetup upright_setup(ScreenRotation rotation)
{
    const bool sideways = rotation == ScreenRotation::Quarter || rotation == ScreenRotation::ThreeQuarters;
    return {.width = sideways ? seven_inch.y : seven_inch.x,
            .height = sideways ? seven_inch.x : seven_inch.y,
            .diagonal_inches = 7.0};
}

KioskSetup turned_setup(ScreenRotation rotation)
{
    return {.width = seven_inch.x, .height = seven_inch.y, .diagonal_inches = 7.0, .rotation = rotation};
}

class TurnedPanel : public ::testing::TestWithParam<ScreenRotation> {};

TEST_P(TurnedPanel, ShowsTheUprightScreenTurnedAndTakesTapsWhereButtonsAreShown)
{
    const ScreenRotation rotation = GetParam();
    OffscreenKiosk upright(upright_setup(rotation));
    OffscreenKiosk turned(turned_setup(rotation));

    // The screens lay out the turned size and cannot tell the two apart.
    EXPECT_EQ(turned.width(), upright.width());
    EXPECT_EQ(turned.height(), upright.height());
    EXPECT_DOUBLE_EQ(turned.dpi(), upright.dpi()) << "the same panel: the same millimetres";
    ASSERT_TRUE(turned.has_target("visit/sign_in"));
    EXPECT_EQ(turned.frame().find_target("visit/sign_in")->drawn, upright.frame().find_target("visit/sign_in")->drawn);
    for (const std::string& problem : frame_problems(turned))
        ADD_FAILURE() << problem;
    EXPECT_EQ(pixels_not_turned(upright, turned, rotation), 0) << "Today";

    // A finger on the glass where the sign-in button is shown.
    const Point button = upright.center_of("visit/sign_in");
    upright.tap("visit/sign_in");
    turned.tap_glass(seen_on_glass(button, rotation));
    EXPECT_EQ(upright.ui().screen_name(), "sign_in_group");
    EXPECT_EQ(turned.ui().screen_name(), upright.ui().screen_name());
    EXPECT_EQ(pixels_not_turned(upright, turned, rotation), 0) << "the screen the tap opened";

    // And one more, on the screen that opened: the first group to sign in as.
    const std::vector<std::string> groups = upright.targets_starting("choice/");
    ASSERT_FALSE(groups.empty()) << upright.screen_text();
    const std::string group = groups.front();
    const Point choice = upright.center_of(group);
    upright.advance_ms(600);
    turned.advance_ms(600);
    upright.tap(group);
    turned.tap_glass(seen_on_glass(choice, rotation));
    EXPECT_EQ(upright.ui().screen_name(), "sign_in_name");
    EXPECT_EQ(turned.ui().screen_name(), upright.ui().screen_name());
}

TEST_P(TurnedPanel, TheButtonsSpotOnTheGlassIsNotTheSignInOnAnUprightPanel)
{
    // Else the taps above would tap the sign-in turned or not, and prove nothing.
    const ScreenRotation rotation = GetParam();
    OffscreenKiosk upright(upright_setup(rotation));
    OffscreenKiosk unturned(turned_setup(ScreenRotation::None));
    unturned.tap_glass(seen_on_glass(upright.center_of("visit/sign_in"), rotation));
    EXPECT_NE(unturned.ui().screen_name(), "sign_in_group");
}

INSTANTIATE_TEST_SUITE_P(, TurnedPanel,
                         ::testing::Values(ScreenRotation::Quarter, ScreenRotation::Half,
                                           ScreenRotation::ThreeQuarters),
                         [](const ::testing::TestParamInfo<ScreenRotation>& info) {
                             return "turned_" + std::to_string(ui::degrees_of(info.param));
                         });

TEST(TurnedPanelPicture, PortraitSevenInchTodayMatchesItsReference)
{
    OffscreenKiosk turned(turned_setup(ScreenRotation::Quarter));
    const ImageComparison comparison = compare_with_reference(turned.display().surface(), "today_800x480_rotation_90",
                                                              Documented::Yes);
    EXPECT_TRUE(comparison.matches) << comparison.message;
}

} // namespace
} // namespace olohuone::testing
