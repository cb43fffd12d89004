#pragma once
// Breaking text into lines that fit a width: at spaces, or inside a word only when a
// single word is wider than the whole line. A " · " between parts of a line goes where
// the line breaks at it.
#include <string>
#include <string_view>
#include <vector>

#include "ui/layout/text_measurer.h"

namespace olohuone::ui {

std::vector<std::string> wrap_text(std::string_view text, int max_width, const FontSpec& font,
                                   TextMeasurer& measurer);

// Keeps at most `max_lines` lines; if any were dropped the last kept one ends in "…",
// shortened until it fits `max_width`.
void limit_lines(std::vector<std::string>& lines, std::size_t max_lines, int max_width, const FontSpec& font,
                 TextMeasurer& measurer);

// The width of the widest word of `text` (split at spaces): a label can wrap no narrower.
int widest_word_width(std::string_view text, const FontSpec& font, TextMeasurer& measurer);

// The largest pixel size from `preferred_px` down to `min_px` at which `text` fits in
// `max_width` on one line; `min_px` if none does.
int fitting_font_px(std::string_view text, int max_width, FontSpec font, int min_px, TextMeasurer& measurer);

} // namespace olohuone::ui
