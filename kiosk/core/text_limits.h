#pragma once
// Size limits and clean-up for text that comes from outside (content files, a server,
// a visitor): bounded length, valid UTF-8 boundaries, no control characters.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace olohuone {

enum class LineBreaks { Keep, Remove };

// At most `max_bytes` bytes, cut on a UTF-8 character boundary.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

// The characters of valid UTF-8 text, each as its own string ("ä" is one).
std::vector<std::string> utf8_characters(std::string_view text);

// Drops C0/C1 control characters (and newlines unless kept), replaces invalid UTF-8 with
// U+FFFD, trims spaces at both ends.
std::string clean_text(std::string_view text, LineBreaks line_breaks);

} // namespace olohuone
