#pragma once
// SDL, SDL_ttf and SDL_image initialised for the life of this object.
#include <string>
#include <vector>

#include "core/result.h"

namespace olohuone::ui::sdl {

enum class VideoUse { Window, OffscreenOnly };

class SdlRuntime {
public:
    static Result<SdlRuntime> start(VideoUse use);
    SdlRuntime(SdlRuntime&& other) noexcept : m_active(other.m_active) { other.m_active = false; }
    SdlRuntime(const SdlRuntime&) = delete;
    SdlRuntime& operator=(const SdlRuntime&) = delete;
    SdlRuntime& operator=(SdlRuntime&&) = delete;
    ~SdlRuntime();

private:
    SdlRuntime() = default;
    bool m_active = false;
};

// The video drivers the linked SDL library was built with, in the order SDL tries them
// when nothing chooses one (SDL_VIDEODRIVER): "x11", "wayland", "KMSDRM", ...
std::vector<std::string> compiled_video_drivers();

} // namespace olohuone::ui::sdl
