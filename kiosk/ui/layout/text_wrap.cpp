#include "ui/layout/text_wrap.h"

#include <algorithm>
#include <cctype>

namespace olohuone::ui {
namespace {

std::size_t next_character(std::string_view text, std::size_t i)
{
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
        ++i;
    return i;
}

bool is_vowel(std::string_view character)
{
    static constexpr std::string_view vowels[] = {"a", "e", "i", "o", "u", "y", "ä", "ö", "å",
                                                  "A", "E", "I", "O", "U", "Y", "Ä", "Ö", "Å"};
    for (std::string_view vowel : vowels)
        if (character == vowel)
            return true;
    return false;
}

bool is_letter(std::string_view character)
{
    return character.size() > 1 || std::isalpha(static_cast<unsigned char>(character[0])) != 0;
}

// Splits a word that is wider than the line into pieces that fit, each but the last
// ending in a hyphen. A piece ends where the language's dictionary allows a break if
// the measurer knows one; else where a syllable ends by rule, before a consonant that a
// vowel follows ("Vapaaeh-toinen"); else wherever the line is full.
void break_long_word(std::string_view word, int max_width, const FontSpec& font, TextMeasurer& measurer,
                     std::vector<std::string>& lines)
{
    std::vector<std::string_view> characters;
    for (std::size_t i = 0; i < word.size();) {
        const std::size_t next = next_character(word, i);
        characters.push_back(word.substr(i, next - i));
        i = next;
    }
    const auto text_of = [&](std::size_t from, std::size_t to) {
        std::string text;
        for (std::size_t i = from; i < to; ++i)
            text += characters[i];
        return text;
    };
    const std::vector<std::size_t> dictionary_points = measurer.hyphenation_points(word);
    std::vector<bool> dictionary_break_before(characters.size() + 1, false);
    for (std::size_t i = 0, offset = 0; i < characters.size(); offset += characters[i].size(), ++i)
        dictionary_break_before[i] =
            std::find(dictionary_points.begin(), dictionary_points.end(), offset) != dictionary_points.end();
    const auto syllable_starts_at = [&](std::size_t i) -> bool {
        if (!dictionary_points.empty())
            return dictionary_break_before[i];
        return i >= 2 && i + 1 < characters.size() && is_letter(characters[i]) && !is_vowel(characters[i])
            && is_vowel(characters[i + 1]) && is_letter(characters[i - 1]);
    };
    std::size_t start = 0;
    while (start < characters.size()) {
        if (measurer.width(text_of(start, characters.size()), font) <= max_width) {
            lines.push_back(text_of(start, characters.size()));
            return;
        }
        // The longest piece that fits with its hyphen, and the longest ending at a syllable.
        std::size_t end = start + 1;
        std::size_t syllable_end = 0;
        for (std::size_t candidate = start + 1; candidate < characters.size(); ++candidate) {
            const bool own_hyphen = characters[candidate - 1] == "-";
            if (measurer.width(text_of(start, candidate) + (own_hyphen ? "" : "-"), font) > max_width)
                break;
            end = candidate;
            if (own_hyphen || (candidate - start >= 2 && syllable_starts_at(candidate)))
                syllable_end = candidate;
        }
        if (syllable_end > start)
            end = syllable_end;
        std::string piece = text_of(start, end);
        if (piece.back() != '-')
            piece += "-";
        lines.push_back(std::move(piece));
        start = end;
    }
}

// " · " joins parts of one line ("10.00–11.00 · Sali"); where a line breaks at one, the
// break separates the parts and a dot left at the line's edge would only dangle.
constexpr std::string_view separator = "·";

void drop_separator_at_edges(std::string& line)
{
    if (line.starts_with(std::string(separator) + " "))
        line.erase(0, separator.size() + 1);
    if (line.ends_with(" " + std::string(separator)))
        line.erase(line.size() - separator.size() - 1);
}

void wrap_paragraph(std::string_view paragraph, int max_width, const FontSpec& font, TextMeasurer& measurer,
                    std::vector<std::string>& lines)
{
    const std::size_t first_line = lines.size();
    std::string line;
    std::size_t i = 0;
    bool any_word = false;
    while (i < paragraph.size()) {
        while (i < paragraph.size() && paragraph[i] == ' ')
            ++i;
        if (i >= paragraph.size())
            break;
        const std::size_t end = std::min(paragraph.find(' ', i), paragraph.size());
        const std::string_view word = paragraph.substr(i, end - i);
        i = end;
        any_word = true;
        const std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
        if (measurer.width(candidate, font) <= max_width) {
            line = candidate;
            continue;
        }
        if (!line.empty())
            lines.push_back(std::move(line));
        line.clear();
        if (measurer.width(word, font) <= max_width) {
            line = std::string(word);
        } else {
            break_long_word(word, max_width, font, measurer, lines);
            line = std::move(lines.back());
            lines.pop_back();
        }
    }
    if (!line.empty() || !any_word)
        lines.push_back(std::move(line));
    if (lines.size() - first_line > 1)
        for (std::size_t i = first_line; i < lines.size(); ++i)
            drop_separator_at_edges(lines[i]);
}

} // namespace

std::vector<std::string> wrap_text(std::string_view text, int max_width, const FontSpec& font, TextMeasurer& measurer)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        wrap_paragraph(text.substr(start, end - start), max_width, font, measurer, lines);
        start = end + 1;
    }
    return lines;
}

void limit_lines(std::vector<std::string>& lines, std::size_t max_lines, int max_width, const FontSpec& font,
                 TextMeasurer& measurer)
{
    if (lines.size() <= max_lines || max_lines == 0)
        return;
    lines.resize(max_lines);
    std::string& last = lines.back();
    const std::string ellipsis = "…";
    while (!last.empty() && measurer.width(last + ellipsis, font) > max_width) {
        // Drop one UTF-8 character from the end.
        std::size_t cut = last.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(last[cut]) & 0xC0) == 0x80)
            --cut;
        last.erase(cut);
    }
    while (!last.empty() && last.back() == ' ')
        last.pop_back();
    last += ellipsis;
}

int widest_word_width(std::string_view text, const FontSpec& font, TextMeasurer& measurer)
{
    int widest = 0;
    while (!text.empty()) {
        const std::size_t space = text.find(' ');
        widest = std::max(widest, measurer.width(text.substr(0, space), font));
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
    }
    return widest;
}

int fitting_font_px(std::string_view text, int max_width, FontSpec font, int min_px, TextMeasurer& measurer)
{
    const int width = measurer.width(text, font);
    if (width <= max_width || font.px <= min_px)
        return std::max(font.px, min_px);
    // Text width grows almost in proportion to the size: start from the proportional
    // guess and step down from there, so only a size or two is ever opened (each new
    // size is a font to load), not every size between.
    int px = std::max(min_px, std::min(font.px - 1, static_cast<int>(static_cast<long>(font.px) * max_width / width)));
    for (; px > min_px; --px) {
        font.px = px;
        if (measurer.width(text, font) <= max_width)
            return px;
    }
    return min_px;
}

} // namespace olohuone::ui
