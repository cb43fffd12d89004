#pragma once
// What every rendered frame must satisfy, whatever the screen: text inside its box and
// on screen, capitals at least 3.5 mm tall on the glass (5 mm at the largest text size),
// text contrast at least 7:1, touch targets at least 16 mm and apart.
#include <string>
#include <vector>

#include "offscreen_kiosk.h"

namespace olohuone::testing {

// Problems found, one line each; empty when the frame is fine.
std::vector<std::string> frame_problems(OffscreenKiosk& kiosk);

} // namespace olohuone::testing
