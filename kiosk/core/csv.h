#pragma once
// CSV for spreadsheets (RFC 4180): what coordinators open in Excel or LibreOffice. The
// text starts with a UTF-8 byte order mark, so Excel reads ä and ö as letters, and
// lines end in CRLF. Finnish Excel splits at ';' (',' is its decimal mark), so the
// separator is a choice. A cell is a text or a number: a text that a spreadsheet would
// take for a formula (=, +, -, @ first) gets a leading apostrophe, a number never does,
// so -3 stays a number and a name typed as "=HYPERLINK(...)" stays a name.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace olohuone::csv {

enum class Separator { Comma, Semicolon };

struct Cell {
    std::variant<std::string, std::int64_t> value;
};

inline Cell text(std::string_view value) { return Cell{std::string(value)}; }
inline Cell number(std::int64_t value) { return Cell{value}; }

using Row = std::vector<Cell>;

class Writer {
public:
    explicit Writer(Separator separator);

    void add_row(const Row& row);
    // The whole file so far: the byte order mark and every row, each ending in CRLF.
    const std::string& text() const { return m_text; }

private:
    void add_text(std::string_view value);

    char m_separator;
    std::string m_text;
};

// The separator's character.
char separator_char(Separator separator);

} // namespace olohuone::csv
