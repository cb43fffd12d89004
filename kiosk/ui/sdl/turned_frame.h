#pragma once
// Frames for a panel mounted turned: the screens draw upright at the layout's size, and
// the frame reaches the glass turned. Two ways, one for each kind of renderer; neither
// allocates per frame. An upright panel uses neither and pays nothing.
#include <optional>

#include "core/result.h"
#include "ui/layout/screen_rotation.h"
#include "ui/sdl/sdl_handles.h"

namespace olohuone::ui::sdl {

// The software renderer: it draws into a surface of the layout's size, whose pixels
// turn_pixels copies onto the glass's surface (the window's framebuffer, or a memory
// surface in tests and screenshots). SDL_RenderCopyEx would do the same through a new
// surface every frame.
class TurnedSurface {
public:
    // `pixel_format`: the glass surface's, so that its pixels need no conversion.
    static Result<TurnedSurface> create(PanelOrientation orientation, Uint32 pixel_format);

    SDL_Renderer* renderer() const { return m_renderer.get(); }
    // Copies the frame drawn so far onto `glass`, turned. A glass of another size or a
    // pixel format that is not 32-bit takes it through a staging surface and a blit.
    void turn_onto(SDL_Surface* glass);

private:
    TurnedSurface(PanelOrientation orientation, SurfacePtr upright, RendererPtr renderer)
        : m_orientation(orientation), m_upright(std::move(upright)), m_renderer(std::move(renderer))
    {
    }
    PanelOrientation m_orientation;
    SurfacePtr m_upright;
    RendererPtr m_renderer; // declared after its surface: destroyed first
    SurfacePtr m_staging;   // made the first time the glass does not match
};

// A GPU renderer: it draws into a target texture of the layout's size, and present()
// copies that onto the window at the panel's angle (the GPU turns it).
class TurnedTarget {
public:
    static Result<TurnedTarget> create(SDL_Renderer* renderer, PanelOrientation orientation);

    // Shows the frame drawn so far, then points the renderer back at the texture.
    void present();

private:
    TurnedTarget(SDL_Renderer* renderer, PanelOrientation orientation, TexturePtr texture)
        : m_renderer(renderer), m_orientation(orientation), m_texture(std::move(texture))
    {
    }
    SDL_Renderer* m_renderer;
    PanelOrientation m_orientation;
    TexturePtr m_texture;
};

} // namespace olohuone::ui::sdl
