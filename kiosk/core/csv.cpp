#include "core/csv.h"

namespace olohuone::csv {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// Spreadsheets run a cell that starts with one of these as a formula; a tab or carriage
// return first is read past by some of them, so those are guarded too.
bool could_start_a_formula(std::string_view value)
{
    if (value.empty())
        return false;
    switch (value.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

} // namespace

char separator_char(Separator separator) { return separator == Separator::Semicolon ? ';' : ','; }

Writer::Writer(Separator separator) : m_separator(separator_char(separator)), m_text(byte_order_mark) {}

void Writer::add_text(std::string_view value)
{
    std::string guarded;
    guarded.reserve(value.size() + 1);
    if (could_start_a_formula(value))
        guarded.push_back('\'');
    guarded.append(value);
    const bool quoted = guarded.find_first_of(std::string{m_separator, '"', '\r', '\n'}) != std::string::npos;
    if (!quoted) {
        m_text += guarded;
        return;
    }
    m_text += '"';
    for (const char c : guarded) {
        if (c == '"')
            m_text += '"';
        m_text += c;
    }
    m_text += '"';
}

void Writer::add_row(const Row& row)
{
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (i > 0)
            m_text += m_separator;
        if (const auto* value = std::get_if<std::int64_t>(&row[i].value))
            m_text += std::to_string(*value);
        else
            add_text(std::get<std::string>(row[i].value));
    }
    m_text += "\r\n";
}

} // namespace olohuone::csv
