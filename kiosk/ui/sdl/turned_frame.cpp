#include "ui/sdl/turned_frame.h"

#include <string>

namespace olohuone::ui::sdl {

Result<TurnedSurface> TurnedSurface::create(PanelOrientation orientation, Uint32 pixel_format)
{
    // turn_pixels moves whole 32-bit pixels; any other glass gets them converted by a blit.
    const Uint32 format = SDL_BYTESPERPIXEL(pixel_format) == 4 && !SDL_ISPIXELFORMAT_FOURCC(pixel_format)
        ? pixel_format
        : static_cast<Uint32>(SDL_PIXELFORMAT_ARGB8888);
    const Point layout = orientation.layout();
    SurfacePtr upright(SDL_CreateRGBSurfaceWithFormat(0, layout.x, layout.y, 32, format));
    if (!upright)
        return make_error(std::string("cannot create the upright frame's surface: ") + SDL_GetError());
    RendererPtr renderer(SDL_CreateSoftwareRenderer(upright.get()));
    if (!renderer)
        return make_error(std::string("cannot create a software renderer: ") + SDL_GetError());
    return TurnedSurface(orientation, std::move(upright), std::move(renderer));
}

void TurnedSurface::turn_onto(SDL_Surface* glass)
{
    SDL_RenderFlush(m_renderer.get()); // the software renderer queues its drawing
    const Point size = m_orientation.glass;
    const bool direct = glass->w == size.x && glass->h == size.y && glass->format->format == m_upright->format->format;
    if (!direct && !m_staging) {
        m_staging.reset(SDL_CreateRGBSurfaceWithFormat(0, size.x, size.y, 32, m_upright->format->format));
        if (!m_staging)
            return;
    }
    SDL_Surface* target = direct ? glass : m_staging.get();
    if (SDL_LockSurface(target) != 0)
        return;
    turn_pixels(static_cast<const std::uint32_t*>(m_upright->pixels), m_upright->pitch / 4, m_orientation.layout(),
                static_cast<std::uint32_t*>(target->pixels), target->pitch / 4, m_orientation.rotation);
    SDL_UnlockSurface(target);
    if (!direct)
        SDL_BlitSurface(m_staging.get(), nullptr, glass, nullptr);
}

Result<TurnedTarget> TurnedTarget::create(SDL_Renderer* renderer, PanelOrientation orientation)
{
    if (!SDL_RenderTargetSupported(renderer))
        return make_error("the renderer cannot draw into a texture, which a turned panel needs");
    const Point layout = orientation.layout();
    TexturePtr texture(
        SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, layout.x, layout.y));
    if (!texture)
        return make_error(std::string("cannot create the upright frame's texture: ") + SDL_GetError());
    // Copied pixel for pixel: no blending with what was on the window, no smoothing.
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_NONE);
    SDL_SetTextureScaleMode(texture.get(), SDL_ScaleModeNearest);
    if (SDL_SetRenderTarget(renderer, texture.get()) != 0)
        return make_error(std::string("cannot draw into the upright frame's texture: ") + SDL_GetError());
    return TurnedTarget(renderer, orientation, std::move(texture));
}

void TurnedTarget::present()
{
    const Point layout = m_orientation.layout();
    const Point glass = m_orientation.glass;
    // The upright frame centred on the glass and turned about its centre covers the glass.
    const SDL_Rect centred{(glass.x - layout.x) / 2, (glass.y - layout.y) / 2, layout.x, layout.y};
    SDL_SetRenderTarget(m_renderer, nullptr);
    SDL_RenderCopyEx(m_renderer, m_texture.get(), nullptr, &centred, degrees_of(m_orientation.rotation), nullptr,
                     SDL_FLIP_NONE);
    SDL_RenderPresent(m_renderer);
    SDL_SetRenderTarget(m_renderer, m_texture.get());
}

} // namespace olohuone::ui::sdl
