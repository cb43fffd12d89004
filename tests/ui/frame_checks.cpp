#include "frame_checks.h"

#include "ui/screens/keyboard.h"

#include <sstream>

#include "ui/layout/metrics.h"

namespace olohuone::testing {
namespace {

std::string describe(const ui::Rect& r)
{
    std::ostringstream text;
    text << "(" << r.x << "," << r.y << " " << r.w << "x" << r.h << ")";
    return text.str();
}

bool overlap(const ui::Rect& a, const ui::Rect& b)
{
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

// What the product promises on the glass: 3.5 mm capitals at normal size, 5 mm at the
// largest, and large text in between.
double min_visitor_cap_mm(ui::TextSize size)
{
    switch (size) {
    case ui::TextSize::Normal:
        return 3.5;
    case ui::TextSize::Large:
        return 4.2;
    case ui::TextSize::ExtraLarge:
        return 5.0;
    }
    return 3.5;
}

} // namespace

std::vector<std::string> frame_problems(OffscreenKiosk& kiosk)
{
    std::vector<std::string> problems;
    const ui::DrawList& frame = kiosk.frame();
    const ui::Rect screen{0, 0, kiosk.width(), kiosk.height()};
    const double px_per_mm = kiosk.dpi() / 25.4;
    const std::string where = " on " + kiosk.ui().screen_name();
    const double min_cap_mm = min_visitor_cap_mm(kiosk.ui().text_size());
    const bool staff_screen = kiosk.ui().top_screen().read_by_staff();

    for (const ui::TextCommand& text : frame.texts()) {
        // The text's real size, measured with the font it is drawn in.
        const ui::Rect drawn{text.origin.x, text.origin.y, kiosk.text().width(text.text, text.font),
                             kiosk.text().line_height(text.font)};
        if (!text.box.contains(drawn))
            problems.push_back("'" + text.text + "' " + describe(drawn) + " overflows its box " + describe(text.box)
                               + where);
        if (!screen.contains(drawn))
            problems.push_back("'" + text.text + "' " + describe(drawn) + " is off screen" + where);
        const double cap_mm = kiosk.text().cap_height(text.font) / px_per_mm;
        if (cap_mm < min_cap_mm - 0.05 && !staff_screen)
            problems.push_back("'" + text.text + "' has " + std::to_string(cap_mm) + " mm capitals, under "
                               + std::to_string(min_cap_mm) + " mm" + where);
        // A line broken at " · " keeps no dot at its edge ("Olohuone ·" / "Peruttu").
        if (text.text.starts_with("· ") || text.text.ends_with(" ·"))
            problems.push_back("'" + text.text + "' has a separator left dangling" + where);
        const double contrast = ui::contrast_ratio(text.foreground, text.background);
        if (contrast < 7.0)
            problems.push_back("'" + text.text + "' has contrast " + std::to_string(contrast) + ":1" + where);
    }

    const auto& targets = frame.targets();
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const ui::TouchTarget& target = targets[i];
        const double width_mm = target.drawn.w / px_per_mm;
        const double height_mm = target.drawn.h / px_per_mm;
        // Keyboard keys are the one exception, and only where a keyboard cannot fit
        // otherwise (a 7" panel); their hit areas meet, so no tap falls between keys.
        const double minimum_mm = target.id.starts_with(ui::key_prefix) ? ui::min_key_mm : ui::sizes::min_target_mm;
        if (width_mm < minimum_mm - 0.05 || height_mm < minimum_mm - 0.05)
            problems.push_back("target " + target.id + " is " + std::to_string(width_mm) + " x "
                               + std::to_string(height_mm) + " mm" + where);
        if (!screen.contains(target.drawn))
            problems.push_back("target " + target.id + " " + describe(target.drawn) + " is off screen" + where);
        if (!target.hit.contains(target.drawn) || target.hit == target.drawn)
            problems.push_back("target " + target.id + " has no hit margin beyond its drawing" + where);
        for (std::size_t j = i + 1; j < targets.size(); ++j)
            if (overlap(target.drawn, targets[j].drawn))
                problems.push_back("targets " + target.id + " and " + targets[j].id + " overlap" + where);
    }
    return problems;
}

} // namespace olohuone::testing
