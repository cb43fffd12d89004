#pragma once
// Where frames go: a full-screen (or development) window, or a memory surface that
// tests and screenshots read back.
#include <optional>
#include <string>

#include "core/result.h"
#include "ui/layout/geometry.h"
#include "ui/layout/screen_rotation.h"
#include "ui/sdl/sdl_handles.h"
#include "ui/sdl/turned_frame.h"

namespace olohuone::ui::sdl {

enum class WindowMode { Kiosk, Windowed };
enum class RendererKind { Software, Accelerated };

struct WindowOptions {
    WindowMode mode = WindowMode::Kiosk;
    RendererKind renderer = RendererKind::Software;
    int width = 800;  // windowed mode only
    int height = 480; // windowed mode only
    ScreenRotation rotation = ScreenRotation::None;
};

class Display {
public:
    virtual ~Display() = default;
    virtual SDL_Renderer* renderer() const = 0;
    // The size the screens are laid out and drawn at: the glass's, turned.
    Point size() const { return orientation().layout(); }
    // The glass and how the picture is turned on it, for the touches.
    virtual PanelOrientation orientation() const = 0;
    virtual void present() = 0;
};

class WindowDisplay final : public Display {
public:
    static Result<WindowDisplay> open(const WindowOptions& options);

    SDL_Renderer* renderer() const override;
    PanelOrientation orientation() const override;
    void present() override;
    SDL_Window* window() const { return m_window.get(); }
    // "video kmsdrm, renderer software, 800x480 turned 90°, laid out at 480x800": for the log.
    std::string describe() const;
    // Asks the window manager, if there is one, to keep panels and docks off the kiosk.
    // Called after the first frame: SDL waits up to 100 ms for a window manager's answer,
    // and the window already covers the screen without one.
    void enter_fullscreen();

private:
    WindowDisplay(WindowPtr window, RendererPtr renderer, ScreenRotation rotation)
        : m_window(std::move(window)), m_renderer(std::move(renderer)), m_rotation(rotation)
    {
    }
    Result<void> turn(RendererKind kind);

    WindowPtr m_window;
    RendererPtr m_renderer; // the window's; none for software drawing on a turned panel
    ScreenRotation m_rotation;
    // On a turned panel the glass keeps the size it had when the window opened (a kiosk's
    // panel does not change), and one of these turns each frame onto it.
    Point m_turned_glass;
    std::optional<TurnedSurface> m_turned_surface; // software renderer
    std::optional<TurnedTarget> m_turned_target;   // GPU renderer; before m_renderer in destruction
};

class OffscreenDisplay final : public Display {
public:
    // A `width` x `height` glass; turned, the screens draw at the turned size.
    static Result<OffscreenDisplay> create(int width, int height, ScreenRotation rotation = ScreenRotation::None);

    SDL_Renderer* renderer() const override;
    PanelOrientation orientation() const override { return {{m_surface->w, m_surface->h}, m_rotation}; }
    void present() override;
    // The glass: what the panel would show.
    SDL_Surface* surface() const { return m_surface.get(); }
    Result<void> save_png(const std::string& path) const;

private:
    OffscreenDisplay(SurfacePtr surface, RendererPtr renderer, ScreenRotation rotation)
        : m_surface(std::move(surface)), m_renderer(std::move(renderer)), m_rotation(rotation)
    {
    }
    SurfacePtr m_surface;
    RendererPtr m_renderer; // declared after the surface: destroyed first; none when turned
    ScreenRotation m_rotation;
    std::optional<TurnedSurface> m_turned;
};

} // namespace olohuone::ui::sdl
