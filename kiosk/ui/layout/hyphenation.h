#pragma once
// Where a word may break at the end of a line, as a language's hyphenation dictionary
// says. Layout code asks through this, so it needs no dictionary library.
#include <cstddef>
#include <string_view>
#include <vector>

namespace olohuone::ui {

class Hyphenation {
public:
    virtual ~Hyphenation() = default;
    // Byte offsets inside `word`, ascending, where a line may end with a hyphen added
    // and the rest of the word begin the next line. None when the language has no
    // dictionary here or the word is not one it knows how to break.
    virtual std::vector<std::size_t> break_points(std::string_view word, std::string_view language) = 0;
};

} // namespace olohuone::ui
