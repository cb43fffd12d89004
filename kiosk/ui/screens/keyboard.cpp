#include "ui/screens/keyboard.h"

#include <algorithm>

#include "core/text_limits.h"

namespace olohuone::ui {
namespace {

// A row of keys, each a number of units wide.
struct RowKey {
    std::string insert; // "" for backspace
    int units = 1;
    bool page_key = false;
};
using Rows = std::vector<std::vector<RowKey>>;

std::vector<RowKey> row_of(std::string_view utf8)
{
    std::vector<RowKey> row;
    for (std::string& letter : utf8_characters(utf8))
        row.push_back({std::move(letter), 1});
    return row;
}

// The Finnish layout, eleven units to a row.
Rows finnish_rows()
{
    Rows rows = {row_of("qwertyuiopå"), row_of("asdfghjklöä"), row_of("zxcvbnm'-")};
    rows[2].push_back({"", 2});
    rows.push_back({{" ", 7}});
    return rows;
}

// `letters` in rows of `columns` keys, then space and backspace: beside the last letters
// when there is room for a space bar of two keys' width, else in a row of their own. With
// `page_key`, the key to the other page comes last.
Rows alphabetical_rows(std::string_view letters, int columns, bool page_key)
{
    Rows rows;
    std::vector<RowKey> all = row_of(letters);
    for (std::size_t i = 0; i < all.size(); i += static_cast<std::size_t>(columns))
        rows.emplace_back(all.begin() + static_cast<long>(i),
                          all.begin() + static_cast<long>(std::min(all.size(), i + static_cast<std::size_t>(columns))));
    const int needed = page_key ? 3 : 4;
    if (columns - static_cast<int>(rows.back().size()) < needed)
        rows.push_back({});
    const int free = columns - static_cast<int>(rows.back().size());
    const int backspace = free - (page_key ? 1 : 0) >= 4 ? 2 : 1;
    rows.back().push_back({" ", free - backspace - (page_key ? 1 : 0)});
    rows.back().push_back({"", backspace});
    if (page_key)
        rows.back().push_back({"", 1, true});
    return rows;
}

constexpr std::string_view all_letters = "abcdefghijklmnopqrstuvwxyzåäö'-";
// The letters of Finnish names, and the rest.
constexpr std::string_view first_page_letters = "adehijklmnoprstuvyäö";
constexpr std::string_view second_page_letters = "bcfgqwxzå'-";

} // namespace

std::string capital_letter(const std::string& letter)
{
    if (letter == "å")
        return "Å";
    if (letter == "ä")
        return "Ä";
    if (letter == "ö")
        return "Ö";
    if (letter.size() == 1 && letter[0] >= 'a' && letter[0] <= 'z')
        return std::string(1, static_cast<char>(letter[0] - 'a' + 'A'));
    return letter;
}


std::string key_id_for(std::string_view insert)
{
    if (insert.empty())
        return std::string(key_prefix) + "backspace";
    if (insert == " ")
        return std::string(key_prefix) + "space";
    if (insert == "-")
        return std::string(key_prefix) + "hyphen";
    if (insert == "'")
        return std::string(key_prefix) + "apostrophe";
    return std::string(key_prefix) + std::string(insert);
}

std::optional<std::string> key_insert(std::string_view id)
{
    if (!id.starts_with(key_prefix))
        return std::nullopt;
    const std::string_view name = id.substr(key_prefix.size());
    if (name == "backspace")
        return std::string();
    if (name == "space")
        return std::string(" ");
    if (name == "hyphen")
        return std::string("-");
    if (name == "apostrophe")
        return std::string("'");
    for (const std::string& letter : utf8_characters("abcdefghijklmnopqrstuvwxyzåäö"))
        if (name == letter)
            return letter;
    return std::nullopt;
}

KeyboardLayout layout_keyboard(Rect area, const Metrics& metrics, const std::string& space_label, KeyboardPage page)
{
    const int gap = std::max(2, metrics.mm(1.2));
    const int min_key = metrics.mm(min_key_mm);
    const int row_fits = std::max(1, (area.h + gap) / (min_key + gap));
    constexpr int finnish_units = 11;
    int units = finnish_units;
    Rows rows = finnish_rows();
    if ((area.w + gap) / finnish_units - gap < min_key) {
        units = std::max(4, (area.w + gap) / (min_key + gap));
        rows = alphabetical_rows(all_letters, units, false);
        if (static_cast<int>(rows.size()) > row_fits)
            rows = alphabetical_rows(page == KeyboardPage::First ? first_page_letters : second_page_letters, units,
                                     true);
    }
    const int unit = std::min((area.w + gap) / units, metrics.mm(max_key_mm) + gap);
    const int row_count = static_cast<int>(rows.size());
    const int key_height =
        std::clamp((area.h + gap) / row_count - gap, min_key, metrics.mm(max_key_mm));

    KeyboardLayout layout;
    layout.height = row_count * (key_height + gap) - gap;
    const int left = area.x + (area.w - (units * unit - gap)) / 2;
    int y = area.bottom() - layout.height;
    for (const std::vector<RowKey>& row : rows) {
        int row_units = 0;
        for (const RowKey& key : row)
            row_units += key.units;
        int x = left + (units - row_units) * unit / 2;
        for (const RowKey& key : row) {
            const Rect rect{x, y, key.units * unit - gap, key_height};
            if (key.page_key) {
                // Names the letters it leads to: the way there is plain to see.
                layout.keys.push_back({std::string(page_key_id), page == KeyboardPage::First ? "BCF" : "ADE", "",
                                       rect});
            } else {
                std::string label =
                    key.insert.empty() ? "⌫" : key.insert == " " ? space_label : capital_letter(key.insert);
                layout.keys.push_back({key_id_for(key.insert), std::move(label), key.insert, rect});
            }
            x += key.units * unit;
        }
        y += key_height + gap;
    }
    return layout;
}

} // namespace olohuone::ui
