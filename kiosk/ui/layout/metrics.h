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
inline constexpr double min_label_pt = 12.0;      // button labels shrink to fit, never below this
inline constexpr double detail_title_pt = 26.0;
} // namespace sizes

// How much of each text-size step a screen can afford: a 7" landscape panel (under
// 110 mm tall) cannot show one event at the full extra-large size, so its steps are
// smaller; the three sizes stay distinct.
enum class SizeSteps { Full, Compact };

class Metrics {
public:
    Metrics(double dpi, TextSize text_size, SizeSteps steps = SizeSteps::Full)
        : m_dpi(dpi), m_text_size(text_size),
          m_scale(1.0 + (text_scale(text_size) - 1.0) * (steps == SizeSteps::Compact ? 0.55 : 1.0))
    {
    }

    int mm(double millimetres) const { return static_cast<int>(std::lround(millimetres * m_dpi / 25.4)); }
    // Text in points, scaled by the visitor's text size.
    int text_px(double points) const { return pt(points * m_scale); }
    // Text that grows more slowly (the header, button labels), so the controls stay
    // on screen at the largest size.
    int damped_text_px(double points) const
    {
        return pt(points * (1.0 + (m_scale - 1.0) * 0.5));
    }
    int pt(double points) const { return static_cast<int>(std::lround(points * m_dpi / 72.0)); }

    double dpi() const { return m_dpi; }
    TextSize text_size() const { return m_text_size; }

private:
    double m_dpi;
    TextSize m_text_size;
    double m_scale;
};

} // namespace olohuone::ui
