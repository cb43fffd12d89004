#pragma once
// SDL, SDL_ttf and SDL_image initialised for the life of this object.
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

} // namespace olohuone::ui::sdl
