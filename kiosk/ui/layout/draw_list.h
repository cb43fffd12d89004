#pragma once
// What a screen wants drawn, as plain data: screens build it when something changes and
// the SDL canvas replays it. Tests read it too (text boxes, colours, touch targets).
#include <string>
#include <vector>

#include "ui/layout/color.h"
#include "ui/layout/geometry.h"

namespace olohuone::ui {

enum class FontWeight { Regular, Bold };

struct FontSpec {
    FontWeight weight = FontWeight::Regular;
    int px = 16; // pixel size of the font (em)
    bool operator==(const FontSpec&) const = default;
};

struct FillCommand {
    Rect rect;
    Color color;
    int radius = 0;
};

struct OutlineCommand {
    Rect rect;
    Color color;
    int thickness = 1;
    int radius = 0;
};

struct TextCommand {
    std::string text;
    FontSpec font;
    Point origin;     // top-left of the text's line box
    Rect box;         // the space the layout gave this text; it must fit inside
    Color foreground;
    Color background; // the surface under the text, for the contrast check
};

struct ImageCommand {
    std::string path; // absolute
    Rect rect;        // drawn inside, aspect ratio kept
};

struct DrawCommand {
    enum class Kind { Fill, Outline, Text, Image } kind;
    std::size_t index; // into the vector of its kind
};

// A touch target: what is drawn, and the larger area that still counts as a touch on it
// (older adults' touches land some millimetres off centre).
// Whether a quick second tap on a target counts. Guarded: no, it is taken for a
// tremor's bounce. Allowed: a key that is typed on (the name keyboard, the PIN pad's
// digits), where "Liisa" needs the same key twice in quick succession; only a bounce,
// a touch coming down again right after the release, is dropped there.
enum class TapRepeat { Guarded, Allowed };

struct TouchTarget {
    std::string id; // stable, e.g. "today/event/2", used by tests and by the screens
    Rect drawn;
    Rect hit;
    TapRepeat repeat = TapRepeat::Guarded;
};

class DrawList {
public:
    void clear();
    void fill(Rect rect, Color color, int radius = 0);
    // A fill drawn before everything added since order().size() was `position`: a
    // background whose size is known only after its content was laid out.
    void fill_behind(std::size_t position, Rect rect, Color color, int radius = 0);
    void outline(Rect rect, Color color, int thickness, int radius = 0);
    void text(TextCommand command);
    void image(std::string path, Rect rect);
    void target(std::string id, Rect drawn, int hit_margin, TapRepeat repeat = TapRepeat::Guarded);

    const std::vector<DrawCommand>& order() const { return m_order; }
    const std::vector<FillCommand>& fills() const { return m_fills; }
    const std::vector<OutlineCommand>& outlines() const { return m_outlines; }
    const std::vector<TextCommand>& texts() const { return m_texts; }
    const std::vector<ImageCommand>& images() const { return m_images; }
    const std::vector<TouchTarget>& targets() const { return m_targets; }
    const TouchTarget* find_target(const std::string& id) const;

    // The target a touch at p belongs to: inside a drawn rectangle wins; otherwise the
    // nearest drawn rectangle whose hit area contains p.
    const TouchTarget* target_at(Point p) const;

private:
    std::vector<DrawCommand> m_order;
    std::vector<FillCommand> m_fills;
    std::vector<OutlineCommand> m_outlines;
    std::vector<TextCommand> m_texts;
    std::vector<ImageCommand> m_images;
    std::vector<TouchTarget> m_targets;
};

} // namespace olohuone::ui
