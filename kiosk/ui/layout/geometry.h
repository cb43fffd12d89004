#pragma once
// Pixel geometry for layout and hit testing.
#include <algorithm>
#include <cmath>

namespace olohuone::ui {

struct Point {
    int x = 0;
    int y = 0;
    bool operator==(const Point&) const = default;
};

struct Rect {
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;

    bool operator==(const Rect&) const = default;
    int right() const { return x + w; }
    int bottom() const { return y + h; }
    Point center() const { return {x + w / 2, y + h / 2}; }
    bool empty() const { return w <= 0 || h <= 0; }
    bool contains(Point p) const { return p.x >= x && p.x < right() && p.y >= y && p.y < bottom(); }
    bool contains(const Rect& r) const { return r.x >= x && r.y >= y && r.right() <= right() && r.bottom() <= bottom(); }
    Rect inflated(int by) const { return {x - by, y - by, w + 2 * by, h + 2 * by}; }
    Rect inset(int by) const { return {x + by, y + by, std::max(0, w - 2 * by), std::max(0, h - 2 * by)}; }

    // Distance from p to the nearest point of the rectangle (0 inside).
    double distance_to(Point p) const
    {
        const int dx = std::max({x - p.x, 0, p.x - (right() - 1)});
        const int dy = std::max({y - p.y, 0, p.y - (bottom() - 1)});
        return std::hypot(dx, dy);
    }
};

inline double distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

} // namespace olohuone::ui
