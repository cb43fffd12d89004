#pragma once
// The kiosk's colours: light text on deep navy, yellow for what to tap. Every text
// colour keeps at least 7:1 against the surface it is drawn on (checked by the UI tests
// on every frame they render).
#include "ui/layout/color.h"

namespace olohuone::ui::theme {

inline constexpr Color background = Color::rgb(0x0B1D3A);
inline constexpr Color panel = Color::rgb(0x14305C);       // an event row
inline constexpr Color text = Color::rgb(0xFFFFFF);
inline constexpr Color secondary_text = Color::rgb(0xD5DEEE);
inline constexpr Color past_text = Color::rgb(0xB8C4D9);   // dimmed, still 9:1 on background
inline constexpr Color time_text = Color::rgb(0xFFD166);
inline constexpr Color accent = Color::rgb(0xFFD166);      // buttons, the "now" frame
inline constexpr Color accent_pressed = Color::rgb(0xFFE6A3);
inline constexpr Color on_accent = Color::rgb(0x0B1D3A);
inline constexpr Color cancelled_badge = Color::rgb(0xFFFFFF);
inline constexpr Color on_cancelled_badge = Color::rgb(0x8B0000);
inline constexpr Color strike = Color::rgb(0xFFFFFF);

} // namespace olohuone::ui::theme
