#include "ui/screens/keyboard.h"

#include <algorithm>

#include "core/text_limits.h"

namespace olohuone::ui {
namespace {

// A row of keys, each a number of units wide.
struct RowKey {
    std::string insert; // "" for backspace
    int units = 1;
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

// Alphabetical rows of `columns` keys, for a screen too narrow for the Finnish layout.
Rows alphabetical_rows(int columns)
{
    Rows rows;
    std::vector<RowKey> all = row_of("abcdefghijklmnopqrstuvwxyzåäö'-");
    for (std::size_t i = 0; i < all.size(); i += static_cast<std::size_t>(columns))
        rows.emplace_back(all.begin() + static_cast<long>(i),
                          all.begin() + static_cast<long>(std::min(all.size(), i + static_cast<std::size_t>(columns))));
    // Space and backspace join the last letters when there is room for a space bar of
    // two keys' width; else they get a row of their own.
    const int left = columns - static_cast<int>(rows.back().size());
    if (left < 4)
        rows.push_back({});
    const int free = columns - static_cast<int>(rows.back().size());
    rows.back().push_back({" ", free - 2});
    rows.back().push_back({"", 2});
    return rows;
}

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

KeyboardLayout layout_keyboard(Rect area, const Metrics& metrics, const std::string& space_label)
{
    const int gap = std::max(2, metrics.mm(1.2));
    const int min_key = metrics.mm(min_key_mm);
    constexpr int finnish_units = 11;
    int units = finnish_units;
    Rows rows = finnish_rows();
    if ((area.w + gap) / finnish_units - gap < min_key) {
        units = std::max(4, (area.w + gap) / (min_key + gap));
        rows = alphabetical_rows(units);
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
            std::string label = key.insert.empty() ? "⌫" : key.insert == " " ? space_label : capital_letter(key.insert);
            layout.keys.push_back({key_id_for(key.insert), std::move(label), key.insert, rect});
            x += key.units * unit;
        }
        y += key_height + gap;
    }
    return layout;
}

} // namespace olohuone::ui
