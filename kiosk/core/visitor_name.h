#pragma once
// A visitor's name as typed on the kiosk: normalised before it is stored, checked so that
// an empty or letterless entry gets a gentle message, folded for case-insensitive search,
// and shortened for the public screen (first name and the initial of the last name).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace olohuone {

// Names longer than this (in characters) are refused: no real name needs more, and the
// store and the screen stay bounded.
inline constexpr std::size_t max_name_characters = 60;

// Unicode NFC, control characters dropped, spaces trimmed and runs of white space
// collapsed to one space. Invalid UTF-8 becomes U+FFFD (which then fails validation).
std::string normalize_name(std::string_view typed);

enum class NameProblem {
    Empty,     // nothing but spaces
    TooLong,   // over max_name_characters
    NoLetters, // fewer than two letters: "-", "1", "x"
    BadCharacter, // something no name contains (digits, symbols, U+FFFD)
};

// Checks an already normalised name: nothing if it will do.
std::optional<NameProblem> validate_name(std::string_view normalized);

// Case-folded NFC form used to compare and search: "Åsa Öhman" and "åsa öhman" fold alike.
std::string fold_name(std::string_view normalized);

// "Anna-Liisa Virtanen" → "Anna-Liisa V."; a single word stays as it is.
std::string public_name(std::string_view normalized);

// The first word only: "Kiitos, Aino!".
std::string first_name(std::string_view normalized);

// The number of Unicode characters (code points) in valid UTF-8.
std::size_t character_count(std::string_view utf8);

// `text` without its last character (the keyboard's backspace).
std::string drop_last_character(std::string_view utf8);

} // namespace olohuone
