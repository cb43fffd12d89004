#pragma once
// The on-screen keyboard for names: the Finnish layout (å, ö, ä beside the letters,
// hyphen, apostrophe, backspace, space) where eleven 16 mm keys fit a row, else the
// letters in alphabetical rows; where those do not fit either (a 7" panel), the letters
// of most Finnish names on a first page and the rest (b, c, f, g, q, w, x, z, å, ', -)
// a tap away on a second. Keys are laid out here, without drawing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/layout/geometry.h"
#include "ui/layout/metrics.h"

namespace olohuone::ui {

// Keys are touch targets like any other; their hit areas meet, so no tap falls between
// keys.
inline constexpr double min_key_mm = sizes::min_target_mm;
inline constexpr double max_key_mm = 20.0;

inline constexpr std::string_view key_prefix = "key/";

struct Key {
    std::string id;     // "key/a", "key/space", "key/backspace"
    std::string label;  // "A", "⌫"; the space bar's label comes from the catalog
    std::string insert; // what the key types; empty for backspace
    Rect rect;
};

struct KeyboardLayout {
    std::vector<Key> keys;
    int height = 0;
};

// The capital of a letter the keyboard types ("ä" → "Ä"); anything else as it is.
std::string capital_letter(const std::string& letter);

// The id of the key that types `insert` ("" is backspace): "key/ä", "key/space".
std::string key_id_for(std::string_view insert);

// What the key `id` types ("" for backspace); nothing if `id` is not a key.
std::optional<std::string> key_insert(std::string_view id);

// The key that turns to the other page of letters, where there are two.
inline constexpr std::string_view page_key_id = "key/page";

enum class KeyboardPage { First, Second };

// The keys for a keyboard as wide as `area` whose rows fit its height, bottom-aligned in
// it; `page` matters only where the letters need two pages.
KeyboardLayout layout_keyboard(Rect area, const Metrics& metrics, const std::string& space_label,
                               KeyboardPage page = KeyboardPage::First);

} // namespace olohuone::ui
