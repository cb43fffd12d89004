#pragma once
// "Earlier / later" buttons for a screen whose content does not fit at once. In the
// control panel they are a group of their own; inside the content area they take a
// column beside a wide, short area (a 7" landscape panel) or a row under any other,
// with the position ("1–3 / 6") between the two buttons.
#include <string>

#include "ui/screens/screen.h"

namespace olohuone::ui {

struct PagingLabels {
    std::string earlier_id;
    std::string earlier_label;
    std::string later_id;
    std::string later_label;
    std::string position = {}; // "1–3 / 6": where the page is in the whole; empty for none
};

// The panel group; a button with nothing to page to keeps its place, hidden, so the
// panel does not jump.
ControlGroup paging_group(const PagingLabels& labels, bool has_earlier, bool has_later);

struct ContentPaging {
    Rect content; // what is left for the content
    Rect earlier;
    Rect later;
    Rect position; // where "1–3 / 6" goes: between the buttons, or under them side by side
    bool arrows_only = false; // too narrow or short for labels: ▲ and ▼
};

ContentPaging place_content_paging(Rect area, const PagingLabels& labels, const ScreenContext& context);

// The position on one line, or the range above the count where the line is too wide.
std::vector<std::string> position_lines(const std::string& position, int width, const ScreenContext& context);

void add_content_paging(DrawList& list, const ContentPaging& paging, const PagingLabels& labels, bool has_earlier,
                        bool has_later, const ScreenContext& context);

} // namespace olohuone::ui
