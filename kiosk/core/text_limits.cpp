#include "core/text_limits.h"

#include <cstdint>

namespace olohuone {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is not valid.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    std::uint32_t min_code = 0;
    if (lead < 0x80)
        return 1;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        min_code = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        min_code = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        min_code = 0x10000;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    std::uint32_t code = lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return 0;
    return length;
}

bool is_c1_control(std::string_view sequence)
{
    // U+0080..U+009F are encoded as C2 80..C2 9F.
    return sequence.size() == 2 && static_cast<unsigned char>(sequence[0]) == 0xC2
        && static_cast<unsigned char>(sequence[1]) < 0xA0;
}

} // namespace

std::string truncate_utf8(std::string_view text, std::size_t max_bytes)
{
    if (text.size() <= max_bytes)
        return std::string(text);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(text.substr(0, cut));
}

std::string clean_text(std::string_view text, LineBreaks line_breaks)
{
    std::string cleaned;
    cleaned.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            cleaned += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        const std::string_view sequence = text.substr(i, length);
        i += length;
        if (length == 1) {
            const char c = sequence[0];
            if (c == '\n') {
                cleaned += line_breaks == LineBreaks::Keep ? '\n' : ' ';
                continue;
            }
            if (c == '\t') {
                cleaned += ' ';
                continue;
            }
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
                continue;
        } else if (is_c1_control(sequence)) {
            continue;
        }
        cleaned += sequence;
    }
    const auto first = cleaned.find_first_not_of(" \n");
    if (first == std::string::npos)
        return {};
    const auto last = cleaned.find_last_not_of(" \n");
    return cleaned.substr(first, last - first + 1);
}

std::vector<std::string> utf8_characters(std::string_view text)
{
    std::vector<std::string> characters;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        characters.emplace_back(text.substr(i, length));
        i += length;
    }
    return characters;
}

} // namespace olohuone
