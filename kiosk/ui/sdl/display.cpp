#include "ui/sdl/display.h"

#include <SDL_image.h>

namespace olohuone::ui::sdl {

Result<WindowDisplay> WindowDisplay::open(const WindowOptions& options)
{
    // The software renderer draws into the window's own framebuffer: no GL library is
    // loaded, which on a board without a GPU driver saves tens of megabytes.
    if (options.renderer == RendererKind::Software)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    // A touch must not also arrive as a mouse click: the pointer layer handles both.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");

    Uint32 flags = SDL_WINDOW_SHOWN;
    int x = SDL_WINDOWPOS_CENTERED;
    int y = SDL_WINDOWPOS_CENTERED;
    int width = options.width;
    int height = options.height;
    if (options.mode == WindowMode::Kiosk) {
        // The desktop's own size at 0,0, borderless: the window covers the screen even
        // with no window manager (a bare X server, a kiosk session). Fullscreen is asked
        // for after the first frame (enter_fullscreen).
        flags |= SDL_WINDOW_BORDERLESS;
        SDL_DisplayMode desktop{};
        if (SDL_GetDesktopDisplayMode(0, &desktop) == 0) {
            width = desktop.w;
            height = desktop.h;
        }
        x = 0;
        y = 0;
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    WindowPtr window(SDL_CreateWindow("Olohuone", x, y, width, height, flags));
    if (!window)
        return make_error(std::string("cannot open the kiosk window: ") + SDL_GetError());
    const Uint32 renderer_flags =
        options.renderer == RendererKind::Software ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED;
    RendererPtr renderer(SDL_CreateRenderer(window.get(), -1, renderer_flags));
    if (!renderer)
        return make_error(std::string("cannot create a renderer for the window: ") + SDL_GetError());
    if (options.mode == WindowMode::Kiosk)
        SDL_ShowCursor(SDL_DISABLE);
    return WindowDisplay(std::move(window), std::move(renderer));
}

Point WindowDisplay::size() const
{
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(m_renderer.get(), &w, &h);
    return {w, h};
}

void WindowDisplay::present() { SDL_RenderPresent(m_renderer.get()); }

void WindowDisplay::enter_fullscreen()
{
    if (SDL_SetWindowFullscreen(m_window.get(), SDL_WINDOW_FULLSCREEN_DESKTOP) != 0)
        SDL_LogWarn(SDL_LOG_CATEGORY_VIDEO, "fullscreen not available: %s", SDL_GetError());
}

Result<OffscreenDisplay> OffscreenDisplay::create(int width, int height)
{
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!surface)
        return make_error(std::string("cannot create an offscreen surface: ") + SDL_GetError());
    RendererPtr renderer(SDL_CreateSoftwareRenderer(surface.get()));
    if (!renderer)
        return make_error(std::string("cannot create a software renderer: ") + SDL_GetError());
    return OffscreenDisplay(std::move(surface), std::move(renderer));
}

void OffscreenDisplay::present() { SDL_RenderPresent(m_renderer.get()); }

Result<void> OffscreenDisplay::save_png(const std::string& path) const
{
    if (IMG_SavePNG(m_surface.get(), path.c_str()) != 0)
        return make_error("cannot write " + path + ": " + IMG_GetError());
    return {};
}

} // namespace olohuone::ui::sdl
