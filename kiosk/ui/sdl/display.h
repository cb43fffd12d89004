#pragma once
// Where frames go: a full-screen (or development) window, or a memory surface that
// tests and screenshots read back.
#include <string>

#include "core/result.h"
#include "ui/layout/geometry.h"
#include "ui/sdl/sdl_handles.h"

namespace olohuone::ui::sdl {

enum class WindowMode { Kiosk, Windowed };
enum class RendererKind { Software, Accelerated };

struct WindowOptions {
    WindowMode mode = WindowMode::Kiosk;
    RendererKind renderer = RendererKind::Software;
    int width = 800;  // windowed mode only
    int height = 480; // windowed mode only
};

class Display {
public:
    virtual ~Display() = default;
    virtual SDL_Renderer* renderer() const = 0;
    virtual Point size() const = 0;
    virtual void present() = 0;
};

class WindowDisplay final : public Display {
public:
    static Result<WindowDisplay> open(const WindowOptions& options);

    SDL_Renderer* renderer() const override { return m_renderer.get(); }
    Point size() const override;
    void present() override;
    SDL_Window* window() const { return m_window.get(); }
    // Asks the window manager, if there is one, to keep panels and docks off the kiosk.
    // Called after the first frame: SDL waits up to 100 ms for a window manager's answer,
    // and the window already covers the screen without one.
    void enter_fullscreen();

private:
    WindowDisplay(WindowPtr window, RendererPtr renderer)
        : m_window(std::move(window)), m_renderer(std::move(renderer))
    {
    }
    WindowPtr m_window;
    RendererPtr m_renderer;
};

class OffscreenDisplay final : public Display {
public:
    static Result<OffscreenDisplay> create(int width, int height);

    SDL_Renderer* renderer() const override { return m_renderer.get(); }
    Point size() const override { return {m_surface->w, m_surface->h}; }
    void present() override;
    SDL_Surface* surface() const { return m_surface.get(); }
    Result<void> save_png(const std::string& path) const;

private:
    OffscreenDisplay(SurfacePtr surface, RendererPtr renderer)
        : m_surface(std::move(surface)), m_renderer(std::move(renderer))
    {
    }
    SurfacePtr m_surface;
    RendererPtr m_renderer; // declared after the surface: destroyed first
};

} // namespace olohuone::ui::sdl
