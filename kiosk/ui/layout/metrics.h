#pragma once
// Physical sizes: everything is laid out in millimetres and points, converted to pixels
// through the display's DPI, so one layout serves a 7" 800x480 panel and a 15" 1080p one.
#include <algorithm>
#include <cmath>

namespace olohuone::ui {

enum class TextSize { Normal, Large, ExtraLarge };

inline double text_scale(TextSize size)
{
    switch (size) {
    case TextSize::Normal:
        return 1.0;
    case TextSize::Large:
        return 1.3;
    case TextSize::ExtraLarge:
        return 1.65;
    }
    return 1.0;
}

// Sizes of the shared visual language.
namespace sizes {
inline constexpr double min_target_mm = 16.0;     // the smallest touch target drawn
inline constexpr double hit_margin_mm = 3.5;      // hit areas reach this far beyond the drawing
inline constexpr double gap_mm = 2.0;             // between targets
inline constexpr double margin_mm = 2.0;          // screen edge
inline constexpr double body_pt = 18.0;           // event titles, descriptions
inline constexpr double secondary_pt = 16.0;      // place, host
inline constexpr double header_pt = 22.0;         // the date line
inline constexpr double button_pt = 18.0;
inline constexpr double detail_title_pt = 26.0;
// The smallest capital letter a visitor is shown, on the glass, at each text size: 3.5 mm
// at normal (WCAG's "large text" on a kiosk read from arm's length) and 5 mm at the
// largest, with a little to spare for rounding to whole pixels.
inline constexpr double min_cap_mm[] = {3.6, 4.3, 5.1};
// Cap height over font size of the bundled fonts (DejaVu Sans 0.73, Noto Sans 0.71).
inline constexpr double font_cap_ratio = 0.71;
} // namespace sizes

// How much of each text-size step a screen can afford: a 7" panel (under 110 mm tall)
// must show what is on now and next together at the largest size, so its steps are
// smaller; the three sizes stay distinct, and all stay above the floor (min_cap_mm).
enum class SizeSteps { Full, Compact };

// Who reads the screen: a visitor's text never goes below min_cap_mm; staff mode, read by
// staff at arm's length with their glasses on, may go down to 12 points to fit its lists.
enum class Readers { Visitors, Staff };

class Metrics {
public:
    Metrics(double dpi, TextSize text_size, SizeSteps steps = SizeSteps::Full, Readers readers = Readers::Visitors)
        : m_dpi(dpi), m_text_size(text_size), m_readers(readers),
          m_scale(1.0 + (text_scale(text_size) - 1.0) * (steps == SizeSteps::Compact ? 0.3 : 1.0))
    {
    }

    int mm(double millimetres) const { return static_cast<int>(std::lround(millimetres * m_dpi / 25.4)); }
    // Text in points, scaled by the visitor's text size.
    int text_px(double points) const { return std::max(min_text_px(), pt(points * m_scale)); }
    // Text that grows more slowly (the header, button labels), so the controls stay
    // on screen at the largest size.
    int damped_text_px(double points) const
    {
        return std::max(min_text_px(), pt(points * (1.0 + (m_scale - 1.0) * 0.5)));
    }
    int pt(double points) const { return static_cast<int>(std::lround(points * m_dpi / 72.0)); }
    // The floor for every text a visitor reads: labels shrink to fit down to this, and
    // wrap rather than go below it.
    int min_text_px() const
    {
        if (m_readers == Readers::Staff)
            return pt(12.0);
        const double cap_px = sizes::min_cap_mm[static_cast<int>(m_text_size)] * m_dpi / 25.4;
        return static_cast<int>(std::ceil(cap_px / sizes::font_cap_ratio));
    }

    double dpi() const { return m_dpi; }
    TextSize text_size() const { return m_text_size; }

private:
    double m_dpi;
    TextSize m_text_size;
    Readers m_readers;
    double m_scale;
};

} // namespace olohuone::ui
