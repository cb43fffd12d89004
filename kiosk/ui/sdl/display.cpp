#include "ui/sdl/display.h"

#include <SDL_image.h>

#include <cstdio>

namespace olohuone::ui::sdl {
namespace {

// Where no display opens (no desktop, and the console's KMSDRM refused: no access to
// /dev/dri, or a desktop holds the screen), SDL falls back to drawing into memory: a
// kiosk that reports itself up and shows nothing. Only tests ask for that, by name.
Result<void> check_a_screen_was_found()
{
    const char* driver = SDL_GetCurrentVideoDriver();
    const char* asked = SDL_GetHint(SDL_HINT_VIDEODRIVER); // also SDL_VIDEODRIVER in the environment
    if (driver == nullptr || (asked != nullptr && *asked != '\0'))
        return {};
    if (SDL_strcasecmp(driver, "offscreen") != 0 && SDL_strcasecmp(driver, "dummy") != 0)
        return {};
    return make_error("no screen to show the kiosk on: no X11 or Wayland desktop was found, and the console's "
                      "display (KMSDRM) could not be opened; on the console the kiosk's user needs the video, render "
                      "and input groups, and no desktop may hold the screen");
}

} // namespace

Result<WindowDisplay> WindowDisplay::open(const WindowOptions& options)
{
    if (auto screen = check_a_screen_was_found(); !screen)
        return screen.error();
    // The software renderer draws into the window's own framebuffer: on X11 no GL library
    // is loaded, which on a board without a GPU driver saves tens of megabytes. (KMSDRM
    // and Wayland have no such framebuffer; SDL puts it on screen through GLES there.)
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
    } else if (options.rotation == ScreenRotation::None) {
        // A turned frame keeps the glass it was opened on (see turn()).
        flags |= SDL_WINDOW_RESIZABLE;
    }
    WindowPtr window(SDL_CreateWindow("Olohuone", x, y, width, height, flags));
    if (!window)
        return make_error(std::string("cannot open the kiosk window: ") + SDL_GetError());
    // Software drawing on a turned panel turns its frame onto the window's framebuffer,
    // which cannot be had while the window has a renderer of its own.
    const bool own_renderer = options.rotation == ScreenRotation::None || options.renderer == RendererKind::Accelerated;
    RendererPtr renderer;
    if (own_renderer) {
        const Uint32 renderer_flags =
            options.renderer == RendererKind::Software ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED;
        renderer.reset(SDL_CreateRenderer(window.get(), -1, renderer_flags));
        if (!renderer)
            return make_error(std::string("cannot create a renderer for the window: ") + SDL_GetError());
    }
    if (options.mode == WindowMode::Kiosk)
        SDL_ShowCursor(SDL_DISABLE);
    WindowDisplay display(std::move(window), std::move(renderer), options.rotation);
    if (options.rotation != ScreenRotation::None)
        if (auto turned = display.turn(options.renderer); !turned)
            return turned.error();
    return display;
}

Result<void> WindowDisplay::turn(RendererKind kind)
{
    if (kind == RendererKind::Accelerated) {
        int w = 0;
        int h = 0;
        if (SDL_GetRendererOutputSize(m_renderer.get(), &w, &h) != 0)
            return make_error(std::string("cannot read the window's size: ") + SDL_GetError());
        m_turned_glass = {w, h};
        auto target = TurnedTarget::create(m_renderer.get(), orientation());
        if (!target)
            return target.error();
        m_turned_target.emplace(std::move(target.value()));
        return {};
    }
    SDL_Surface* glass = SDL_GetWindowSurface(m_window.get());
    if (glass == nullptr)
        return make_error(std::string("cannot draw into the window: ") + SDL_GetError());
    m_turned_glass = {glass->w, glass->h};
    auto surface = TurnedSurface::create(orientation(), glass->format->format);
    if (!surface)
        return surface.error();
    m_turned_surface.emplace(std::move(surface.value()));
    return {};
}

SDL_Renderer* WindowDisplay::renderer() const
{
    return m_turned_surface ? m_turned_surface->renderer() : m_renderer.get();
}

PanelOrientation WindowDisplay::orientation() const
{
    if (m_rotation != ScreenRotation::None)
        return {m_turned_glass, m_rotation};
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(m_renderer.get(), &w, &h);
    return {{w, h}, ScreenRotation::None};
}

void WindowDisplay::present()
{
    if (m_turned_target) {
        m_turned_target->present();
    } else if (m_turned_surface) {
        // Asked for each frame: SDL makes the framebuffer anew after the window changed.
        if (SDL_Surface* glass = SDL_GetWindowSurface(m_window.get())) {
            m_turned_surface->turn_onto(glass);
            SDL_UpdateWindowSurface(m_window.get());
        }
    } else {
        SDL_RenderPresent(m_renderer.get());
    }
}

std::string WindowDisplay::describe() const
{
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(renderer(), &info);
    const char* driver = SDL_GetCurrentVideoDriver();
    const PanelOrientation turned = orientation();
    const Point layout = turned.layout();
    char line[256];
    std::snprintf(line, sizeof line, "video %s, renderer %s, screen %dx%d turned %d°, laid out at %dx%d",
                  driver ? driver : "none", info.name ? info.name : "unknown", turned.glass.x, turned.glass.y,
                  degrees_of(turned.rotation), layout.x, layout.y);
    return line;
}

void WindowDisplay::enter_fullscreen()
{
    if (SDL_SetWindowFullscreen(m_window.get(), SDL_WINDOW_FULLSCREEN_DESKTOP) != 0)
        SDL_LogWarn(SDL_LOG_CATEGORY_VIDEO, "fullscreen not available: %s", SDL_GetError());
}

Result<OffscreenDisplay> OffscreenDisplay::create(int width, int height, ScreenRotation rotation)
{
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!surface)
        return make_error(std::string("cannot create an offscreen surface: ") + SDL_GetError());
    if (rotation != ScreenRotation::None) {
        // The same turning as the window's software drawing, onto this surface.
        auto turned = TurnedSurface::create({{width, height}, rotation}, SDL_PIXELFORMAT_ARGB8888);
        if (!turned)
            return turned.error();
        OffscreenDisplay display(std::move(surface), nullptr, rotation);
        display.m_turned.emplace(std::move(turned.value()));
        return display;
    }
    RendererPtr renderer(SDL_CreateSoftwareRenderer(surface.get()));
    if (!renderer)
        return make_error(std::string("cannot create a software renderer: ") + SDL_GetError());
    return OffscreenDisplay(std::move(surface), std::move(renderer), rotation);
}

SDL_Renderer* OffscreenDisplay::renderer() const { return m_turned ? m_turned->renderer() : m_renderer.get(); }

void OffscreenDisplay::present()
{
    if (m_turned)
        m_turned->turn_onto(m_surface.get());
    else
        SDL_RenderPresent(m_renderer.get());
}

Result<void> OffscreenDisplay::save_png(const std::string& path) const
{
    if (IMG_SavePNG(m_surface.get(), path.c_str()) != 0)
        return make_error("cannot write " + path + ": " + IMG_GetError());
    return {};
}

} // namespace olohuone::ui::sdl
