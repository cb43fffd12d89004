// SDL's finger and mouse events on a turned panel: a finger is reported 0..1 across the
// glass, a mouse in the glass's pixels; both must reach the screens in layout pixels.
#include <gtest/gtest.h>

#include "ui/sdl/pointer_input.h"

namespace olohuone::ui::sdl {
namespace {

constexpr Point seven_inch{800, 480};

SDL_Event finger(Uint32 type, float x, float y)
{
    SDL_Event event{};
    event.type = type;
    event.tfinger.touchId = 1;
    event.tfinger.fingerId = 3;
    event.tfinger.x = x;
    event.tfinger.y = y;
    event.tfinger.timestamp = 1000;
    return event;
}

SDL_Event mouse_button(Uint32 type, int x, int y)
{
    SDL_Event event{};
    event.type = type;
    event.button.which = 0;
    event.button.button = SDL_BUTTON_LEFT;
    event.button.x = x;
    event.button.y = y;
    return event;
}

TEST(PointerInput, AFingerOnATurnedPanelLandsInTheLayout)
{
    PointerInput input;
    const PanelOrientation quarter{seven_inch, ScreenRotation::Quarter};
    // The glass's top-right corner shows the portrait layout's top-left.
    const auto down = input.translate(finger(SDL_FINGERDOWN, 1.0f, 0.0f), quarter);
    ASSERT_TRUE(down.has_value());
    EXPECT_EQ(down->position, (Point{0, 0}));
    EXPECT_EQ(down->phase, PointerPhase::Down);
    // Half-way along the glass's top edge: the middle of the layout's left edge.
    const auto up = input.translate(finger(SDL_FINGERUP, 0.5f, 0.0f), quarter);
    ASSERT_TRUE(up.has_value());
    EXPECT_EQ(up->position, (Point{0, 399}));
    EXPECT_EQ(up->phase, PointerPhase::Up);
}

TEST(PointerInput, AFingerOnAnUprightPanelIsScaledToIt)
{
    PointerInput input;
    const auto down = input.translate(finger(SDL_FINGERDOWN, 0.25f, 0.5f), {seven_inch, ScreenRotation::None});
    ASSERT_TRUE(down.has_value());
    EXPECT_EQ(down->position, (Point{200, 240}));
}

TEST(PointerInput, AMouseOnAnUpsideDownPanelLandsInTheLayout)
{
    PointerInput input;
    const PanelOrientation half{seven_inch, ScreenRotation::Half};
    const auto down = input.translate(mouse_button(SDL_MOUSEBUTTONDOWN, 10, 20), half);
    ASSERT_TRUE(down.has_value());
    EXPECT_EQ(down->position, (Point{789, 459}));
    const auto up = input.translate(mouse_button(SDL_MOUSEBUTTONUP, 799, 479), half);
    ASSERT_TRUE(up.has_value());
    EXPECT_EQ(up->position, (Point{0, 0}));
}

TEST(PointerInput, AMouseOnAPanelTurnedThreeQuartersLandsInTheLayout)
{
    PointerInput input;
    const PanelOrientation three_quarters{seven_inch, ScreenRotation::ThreeQuarters};
    const auto down = input.translate(mouse_button(SDL_MOUSEBUTTONDOWN, 0, 479), three_quarters);
    ASSERT_TRUE(down.has_value());
    EXPECT_EQ(down->position, (Point{0, 0})) << "the layout's top-left is at the glass's bottom-left";
}

} // namespace
} // namespace olohuone::ui::sdl
