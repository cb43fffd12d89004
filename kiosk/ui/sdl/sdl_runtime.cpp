#include "ui/sdl/sdl_runtime.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include <string>

namespace olohuone::ui::sdl {

Result<SdlRuntime> SdlRuntime::start(VideoUse use)
{
    // Offscreen rendering (tests, screenshots) needs no video driver, only events for the
    // injected touches.
    const Uint32 subsystems = use == VideoUse::Window ? SDL_INIT_VIDEO | SDL_INIT_EVENTS : SDL_INIT_EVENTS;
    if (SDL_Init(subsystems) != 0)
        return make_error(std::string("SDL could not start: ") + SDL_GetError());
    if (TTF_Init() != 0) {
        std::string message = std::string("SDL_ttf could not start: ") + TTF_GetError();
        SDL_Quit();
        return make_error(message);
    }
    const int image_formats = IMG_INIT_PNG | IMG_INIT_JPG;
    if ((IMG_Init(image_formats) & image_formats) != image_formats) {
        std::string message = std::string("SDL_image could not start: ") + IMG_GetError();
        TTF_Quit();
        SDL_Quit();
        return make_error(message);
    }
    SdlRuntime runtime;
    runtime.m_active = true;
    return runtime;
}

std::vector<std::string> compiled_video_drivers()
{
    std::vector<std::string> names;
    const int count = SDL_GetNumVideoDrivers();
    for (int i = 0; i < count; ++i)
        if (const char* name = SDL_GetVideoDriver(i))
            names.emplace_back(name);
    return names;
}

SdlRuntime::~SdlRuntime()
{
    if (!m_active)
        return;
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
}

} // namespace olohuone::ui::sdl
