#pragma once
// Event pictures loaded once (PNG or JPEG through SDL_image), bounded in size, and kept
// as textures.
#include <map>
#include <string>

#include "ui/sdl/sdl_handles.h"

namespace olohuone::ui::sdl {

struct ImageTexture {
    SDL_Texture* texture = nullptr; // null if the file could not be loaded
    int width = 0;
    int height = 0;
};

class ImageCache {
public:
    explicit ImageCache(SDL_Renderer* renderer) : m_renderer(renderer) {}
    // A file that cannot be loaded is logged once and drawn as nothing.
    ImageTexture get(const std::string& path);

private:
    struct Entry {
        TexturePtr texture;
        int width = 0;
        int height = 0;
    };
    SDL_Renderer* m_renderer;
    std::map<std::string, Entry> m_images;
};

} // namespace olohuone::ui::sdl
