#include "ui/sdl/image_cache.h"

#include <SDL_image.h>

#include <algorithm>
#include <filesystem>

namespace olohuone::ui::sdl {
namespace {

// A picture from a phone can be 8000x6000 (190 MB as a texture): files and pixels are
// bounded, and what is kept is no larger than the biggest box a screen draws it in.
constexpr std::uintmax_t max_file_bytes = 8 * 1024 * 1024;
constexpr long max_decoded_pixels = 40'000'000;
constexpr int max_kept_side = 1600;

SurfacePtr shrunk_to_fit(SurfacePtr surface)
{
    const int longest = std::max(surface->w, surface->h);
    if (longest <= max_kept_side)
        return surface;
    const int width = std::max(1, surface->w * max_kept_side / longest);
    const int height = std::max(1, surface->h * max_kept_side / longest);
    SurfacePtr source(SDL_ConvertSurfaceFormat(surface.get(), SDL_PIXELFORMAT_ARGB8888, 0));
    SurfacePtr smaller(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!source || !smaller || SDL_BlitScaled(source.get(), nullptr, smaller.get(), nullptr) != 0)
        return surface;
    return smaller;
}

SurfacePtr load_bounded(const std::string& path)
{
    std::error_code error;
    const auto bytes = std::filesystem::file_size(path, error);
    if (error) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "picture %s not shown: %s", path.c_str(), error.message().c_str());
        return nullptr;
    }
    if (bytes > max_file_bytes) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "picture %s not shown: larger than %ju MiB", path.c_str(),
                    max_file_bytes / (1024 * 1024));
        return nullptr;
    }
    SurfacePtr surface(IMG_Load(path.c_str()));
    if (!surface) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "picture %s not shown: %s", path.c_str(), IMG_GetError());
        return nullptr;
    }
    if (static_cast<long>(surface->w) * surface->h > max_decoded_pixels) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "picture %s not shown: %dx%d pixels is too many", path.c_str(),
                    surface->w, surface->h);
        return nullptr;
    }
    return shrunk_to_fit(std::move(surface));
}

} // namespace

ImageTexture ImageCache::get(const std::string& path)
{
    auto found = m_images.find(path);
    if (found == m_images.end()) {
        Entry entry;
        if (SurfacePtr surface = load_bounded(path)) {
            entry.texture.reset(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
            entry.width = surface->w;
            entry.height = surface->h;
        }
        found = m_images.emplace(path, std::move(entry)).first;
    }
    return {found->second.texture.get(), found->second.width, found->second.height};
}

} // namespace olohuone::ui::sdl
