#pragma once
// Building blocks the screens lay out with: buttons, wrapped text, badges. Each adds
// draw commands (and a touch target) to a DrawList and returns the space it used.
#include <string>
#include <vector>

#include "ui/layout/draw_list.h"
#include "ui/layout/metrics.h"
#include "ui/layout/text_measurer.h"

namespace olohuone::ui {

enum class ButtonStyle {
    Primary,    // yellow, the thing to tap
    Selected,   // a chosen option (the current text size)
    Unselected, // an option that can be chosen
};

struct ButtonSpec {
    std::string id;
    std::string label;
    ButtonStyle style = ButtonStyle::Primary;
    double label_pt = sizes::button_pt; // before text-size damping
    bool pressed = false;
    int max_label_px = 0; // a cap shared by a group's buttons, so their labels match; 0: none
    bool hidden = false;  // keeps its place in the panel but is not drawn (a page button with no page)
    int min_label_px = 0; // a floor for the label (keyboard letters stay large); 0: the usual
    int hit_margin_px = -1; // how far the hit area reaches beyond the drawing; -1: the usual
    double padding_mm = 1.5; // between the label and the edge
    // An answer to the screen's question: its label grows with the visitor's text size
    // like the text does, not more slowly like the controls around it.
    bool answer = false;
    // A second, smaller line under the label ("Asukas" under "Aino K."); empty for none.
    std::string detail = {};
    TapRepeat repeat = TapRepeat::Guarded;
    // A shorter label ("◀", "⌫") for a button that cannot hold its label, or
    // sharing a narrow row (the day buttons in the 7" panel's column at large text).
    // Empty: the label always.
    std::string short_label = {};
};

struct LayoutTools {
    const Metrics& metrics;
    TextMeasurer& measurer;
};

// A button filling `rect`, its label shrunk to fit (down to a readable floor) and
// wrapped onto two lines only if even that is too wide.
void add_button(DrawList& list, const ButtonSpec& spec, Rect rect, const LayoutTools& tools);

// The label size add_button would choose for `spec` in a button of `size`.
int button_label_px(const ButtonSpec& spec, Rect size, const LayoutTools& tools);

// The height a button of `width` needs for its label (wrapped at the floor size if need
// be) and its detail line, at least a touch target's.
int button_needed_height(const ButtonSpec& spec, int width, const LayoutTools& tools);

// Wrapped lines of text from (x, y) within `width`; returns the height used.
int add_wrapped_text(DrawList* list, const std::string& text, int x, int y, int width, FontSpec font,
                     Color foreground, Color background, TextMeasurer& measurer, bool strike_through = false);

// Lines already wrapped, from (x, y); returns the height used.
int add_text_lines(DrawList* list, const std::vector<std::string>& lines, int x, int y, int width, FontSpec font,
                   Color foreground, Color background, TextMeasurer& measurer, bool strike_through = false);

// A small label on a coloured pill at (x, y), wrapped if wider than `max_width`;
// returns the rectangle it takes.
Rect add_badge(DrawList* list, const std::string& text, int x, int y, int max_width, FontSpec font,
               Color foreground, Color fill, TextMeasurer& measurer);

int line_spacing(const FontSpec& font, TextMeasurer& measurer);

} // namespace olohuone::ui
