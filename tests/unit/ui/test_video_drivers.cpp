// The SDL library the kiosk is linked with must be able to drive a Raspberry Pi's console
// (KMSDRM: no desktop, straight onto the display) as well as a desktop's X11 or Wayland.
// Debian's SDL2 is built with all three; a build without one would leave that kind of
// device with a black screen.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "ui/sdl/sdl_runtime.h"

namespace olohuone::ui::sdl {
namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

TEST(VideoDrivers, TheLinkedSdlCanDriveTheConsoleAndBothDesktops)
{
    std::vector<std::string> drivers;
    std::string listed;
    for (const std::string& name : compiled_video_drivers()) {
        drivers.push_back(lower(name));
        listed += name + " ";
    }
    for (const char* needed : {"kmsdrm", "x11", "wayland"})
        EXPECT_NE(std::find(drivers.begin(), drivers.end(), needed), drivers.end())
            << needed << " is missing; the linked SDL has: " << listed;
}

} // namespace
} // namespace olohuone::ui::sdl
