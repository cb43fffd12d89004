#pragma once
// How wide a text is in a font: answered by SDL_ttf in the program, so layout code
// needs no SDL.
#include <string_view>

#include "ui/layout/draw_list.h"

namespace olohuone::ui {

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    virtual int width(std::string_view text, const FontSpec& font) = 0;
    virtual int line_height(const FontSpec& font) = 0;
    // Height of a capital letter above the baseline: what a reader sees as the text's size.
    virtual int cap_height(const FontSpec& font) = 0;
};

} // namespace olohuone::ui
