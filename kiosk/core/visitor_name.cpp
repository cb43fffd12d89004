#include "core/visitor_name.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <vector>

namespace olohuone {
namespace {

std::vector<utf8proc_int32_t> decode(std::string_view text)
{
    std::vector<utf8proc_int32_t> points;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t point = 0;
        utf8proc_ssize_t used = utf8proc_iterate(bytes, left, &point);
        if (used <= 0) {
            point = 0xFFFD;
            used = 1;
        }
        points.push_back(point);
        bytes += used;
        left -= used;
    }
    return points;
}

std::string encode(const std::vector<utf8proc_int32_t>& points)
{
    std::string text;
    utf8proc_uint8_t buffer[4];
    for (utf8proc_int32_t point : points) {
        const utf8proc_ssize_t size = utf8proc_encode_char(point, buffer);
        text.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(size));
    }
    return text;
}

// utf8proc_map with `options`; the library allocates the result.
std::string map_utf8(const std::string& valid_utf8, int options)
{
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t size =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid_utf8.c_str()),
                     static_cast<utf8proc_ssize_t>(valid_utf8.size()), &mapped, static_cast<utf8proc_option_t>(options));
    if (size < 0)
        return valid_utf8;
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
    return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(size));
}

bool is_letter(utf8proc_int32_t point)
{
    switch (utf8proc_category(point)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return true;
    default:
        return false;
    }
}

bool is_combining_mark(utf8proc_int32_t point)
{
    const auto category = utf8proc_category(point);
    return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC;
}

bool is_space(utf8proc_int32_t point) { return utf8proc_category(point) == UTF8PROC_CATEGORY_ZS || point == '\t'; }

bool is_control(utf8proc_int32_t point)
{
    const auto category = utf8proc_category(point);
    return category == UTF8PROC_CATEGORY_CC || category == UTF8PROC_CATEGORY_CF || category == UTF8PROC_CATEGORY_ZL
        || category == UTF8PROC_CATEGORY_ZP;
}

// Punctuation real names carry: O'Brien, Anna-Liisa, St. John.
bool is_name_punctuation(utf8proc_int32_t point)
{
    return point == '-' || point == '\'' || point == 0x2019 /* ’ */ || point == '.' || point == 0x2010 /* ‐ */;
}

std::vector<std::string_view> words(std::string_view text)
{
    std::vector<std::string_view> found;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (end > start)
            found.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return found;
}

} // namespace

std::string normalize_name(std::string_view typed)
{
    std::vector<utf8proc_int32_t> kept;
    bool pending_space = false;
    for (utf8proc_int32_t point : decode(typed)) {
        if (is_space(point) || point == '\n' || point == '\r') {
            pending_space = !kept.empty();
            continue;
        }
        if (is_control(point))
            continue;
        if (pending_space)
            kept.push_back(' ');
        pending_space = false;
        kept.push_back(point);
    }
    return map_utf8(encode(kept), UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::optional<NameProblem> validate_name(std::string_view normalized)
{
    const std::vector<utf8proc_int32_t> points = decode(normalized);
    if (points.empty())
        return NameProblem::Empty;
    if (points.size() > max_name_characters)
        return NameProblem::TooLong;
    int letters = 0;
    for (utf8proc_int32_t point : points) {
        if (is_letter(point))
            ++letters;
        else if (!is_combining_mark(point) && point != ' ' && !is_name_punctuation(point))
            return NameProblem::BadCharacter;
    }
    if (letters < 2)
        return NameProblem::NoLetters;
    return std::nullopt;
}

std::string fold_name(std::string_view normalized)
{
    return map_utf8(encode(decode(normalized)), UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

std::string public_name(std::string_view normalized)
{
    const std::vector<std::string_view> parts = words(normalized);
    if (parts.empty())
        return {};
    if (parts.size() == 1)
        return std::string(parts.front());
    const std::vector<utf8proc_int32_t> last = decode(parts.back());
    std::size_t initial = 0;
    while (initial < last.size() && !is_letter(last[initial]))
        ++initial;
    if (initial == last.size())
        return std::string(parts.front());
    return std::string(parts.front()) + " " + encode({utf8proc_toupper(last[initial])}) + ".";
}

std::string first_name(std::string_view normalized)
{
    const std::vector<std::string_view> parts = words(normalized);
    return parts.empty() ? std::string() : std::string(parts.front());
}

std::size_t character_count(std::string_view utf8) { return decode(utf8).size(); }

std::string drop_last_character(std::string_view utf8)
{
    std::vector<utf8proc_int32_t> points = decode(utf8);
    if (!points.empty())
        points.pop_back();
    return encode(points);
}

} // namespace olohuone
