#include "ui/sdl/text_cache.h"

#include <SDL_log.h>

namespace olohuone::ui::sdl {
namespace {

std::string cache_key(const std::string& text, const FontSpec& font, Color color)
{
    std::string key;
    key.reserve(text.size() + 16);
    key += font.weight == FontWeight::Bold ? 'b' : 'r';
    key += std::to_string(font.px);
    key += ':';
    key += static_cast<char>(color.r);
    key += static_cast<char>(color.g);
    key += static_cast<char>(color.b);
    key += static_cast<char>(color.a);
    key += text;
    return key;
}

} // namespace

int TextCache::width(std::string_view text, const FontSpec& font)
{
    TTF_Font* ttf = m_fonts.get(font);
    if (ttf == nullptr || text.empty())
        return 0;
    int w = 0;
    int h = 0;
    const std::string copy(text);
    if (TTF_SizeUTF8(ttf, copy.c_str(), &w, &h) != 0)
        return 0;
    return w;
}

int TextCache::line_height(const FontSpec& font)
{
    TTF_Font* ttf = m_fonts.get(font);
    return ttf ? TTF_FontLineSkip(ttf) : font.px;
}

int TextCache::cap_height(const FontSpec& font)
{
    TTF_Font* ttf = m_fonts.get(font);
    int min_x = 0, max_x = 0, min_y = 0, max_y = 0, advance = 0;
    if (ttf == nullptr || TTF_GlyphMetrics32(ttf, 'H', &min_x, &max_x, &min_y, &max_y, &advance) != 0)
        return font.px * 7 / 10;
    return max_y;
}

TextTexture TextCache::get(const std::string& text, const FontSpec& font, Color color)
{
    if (text.empty())
        return {};
    const std::string key = cache_key(text, font, color);
    if (auto found = m_index.find(key); found != m_index.end()) {
        m_entries.splice(m_entries.begin(), m_entries, found->second);
        const Entry& entry = *found->second;
        return {entry.texture.get(), entry.width, entry.height};
    }

    TTF_Font* ttf = m_fonts.get(font);
    if (ttf == nullptr)
        return {};
    SurfacePtr surface(TTF_RenderUTF8_Blended(ttf, text.c_str(), SDL_Color{color.r, color.g, color.b, color.a}));
    if (!surface) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "cannot render text: %s", TTF_GetError());
        return {};
    }
    TexturePtr texture(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
    if (!texture) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "cannot make a text texture: %s", SDL_GetError());
        return {};
    }
    m_entries.push_front({key, std::move(texture), surface->w, surface->h});
    m_index[key] = m_entries.begin();
    if (m_entries.size() > m_capacity) {
        m_index.erase(m_entries.back().key);
        m_entries.pop_back();
    }
    const Entry& entry = m_entries.front();
    return {entry.texture.get(), entry.width, entry.height};
}

} // namespace olohuone::ui::sdl
