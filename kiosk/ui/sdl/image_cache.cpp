#include "ui/sdl/image_cache.h"

#include <SDL_image.h>

namespace olohuone::ui::sdl {

ImageTexture ImageCache::get(const std::string& path)
{
    auto found = m_images.find(path);
    if (found == m_images.end()) {
        Entry entry;
        SurfacePtr surface(IMG_Load(path.c_str()));
        if (!surface) {
            SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "picture %s not shown: %s", path.c_str(), IMG_GetError());
        } else {
            entry.texture.reset(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
            entry.width = surface->w;
            entry.height = surface->h;
        }
        found = m_images.emplace(path, std::move(entry)).first;
    }
    return {found->second.texture.get(), found->second.width, found->second.height};
}

} // namespace olohuone::ui::sdl
