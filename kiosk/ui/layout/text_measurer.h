#pragma once
// How wide a text is in a font: answered by SDL_ttf in the program, so layout code
// needs no SDL.
#include <cstddef>
#include <string_view>
#include <vector>

#include "ui/layout/draw_list.h"

namespace olohuone::ui {

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    virtual int width(std::string_view text, const FontSpec& font) = 0;
    virtual int line_height(const FontSpec& font) = 0;
    // Height of a capital letter above the baseline: what a reader sees as the text's size.
    virtual int cap_height(const FontSpec& font) = 0;

    // The language of the text measured from now on, and where a word of it that is
    // wider than its line may break (byte offsets; a hyphen goes there). A measurer
    // without dictionaries knows none: the wrap then finds syllables by its own rule.
    virtual void set_language(std::string_view) {}
    virtual std::vector<std::size_t> hyphenation_points(std::string_view) { return {}; }
};

} // namespace olohuone::ui
