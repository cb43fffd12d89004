#pragma once
// Rendered text as textures, keyed by (text, font, colour), so a redraw of an unchanged
// screen renders no glyphs. Least recently used textures are dropped past a bound.
#include <list>
#include <string>
#include <unordered_map>

#include "ui/layout/color.h"
#include "ui/hyphenation/dictionary_hyphenation.h"
#include "ui/layout/text_measurer.h"
#include "ui/sdl/font_library.h"
#include "ui/sdl/sdl_handles.h"

namespace olohuone::ui::sdl {

struct TextTexture {
    SDL_Texture* texture = nullptr; // null for empty text or a render failure
    int width = 0;
    int height = 0;
};

class TextCache final : public TextMeasurer {
public:
    TextCache(FontLibrary& fonts, SDL_Renderer* renderer, std::size_t capacity = 512)
        : m_fonts(fonts), m_renderer(renderer), m_capacity(capacity)
    {
    }

    int width(std::string_view text, const FontSpec& font) override;
    int line_height(const FontSpec& font) override;
    int cap_height(const FontSpec& font) override;
    void set_language(std::string_view language) override { m_language = language; }
    std::vector<std::size_t> hyphenation_points(std::string_view word) override
    {
        return m_hyphenation.break_points(word, m_language);
    }

    TextTexture get(const std::string& text, const FontSpec& font, Color color);
    std::size_t size() const { return m_entries.size(); }

private:
    struct Entry {
        std::string key;
        TexturePtr texture;
        int width;
        int height;
    };

    FontLibrary& m_fonts;
    SDL_Renderer* m_renderer;
    std::size_t m_capacity;
    DictionaryHyphenation m_hyphenation; // where long words break, in m_language
    std::string m_language = "fi";
    std::list<Entry> m_entries; // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> m_index;
};

} // namespace olohuone::ui::sdl
