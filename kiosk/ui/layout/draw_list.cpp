#include "ui/layout/draw_list.h"

namespace olohuone::ui {

void DrawList::clear()
{
    m_order.clear();
    m_fills.clear();
    m_outlines.clear();
    m_texts.clear();
    m_images.clear();
    m_targets.clear();
}

void DrawList::fill(Rect rect, Color color, int radius)
{
    m_order.push_back({DrawCommand::Kind::Fill, m_fills.size()});
    m_fills.push_back({rect, color, radius});
}

void DrawList::fill_behind(std::size_t position, Rect rect, Color color, int radius)
{
    m_order.insert(m_order.begin() + static_cast<std::ptrdiff_t>(position), {DrawCommand::Kind::Fill, m_fills.size()});
    m_fills.push_back({rect, color, radius});
}

void DrawList::outline(Rect rect, Color color, int thickness, int radius)
{
    m_order.push_back({DrawCommand::Kind::Outline, m_outlines.size()});
    m_outlines.push_back({rect, color, thickness, radius});
}

void DrawList::text(TextCommand command)
{
    m_order.push_back({DrawCommand::Kind::Text, m_texts.size()});
    m_texts.push_back(std::move(command));
}

void DrawList::image(std::string path, Rect rect)
{
    m_order.push_back({DrawCommand::Kind::Image, m_images.size()});
    m_images.push_back({std::move(path), rect});
}

void DrawList::target(std::string id, Rect drawn, int hit_margin, TapRepeat repeat)
{
    m_targets.push_back({std::move(id), drawn, drawn.inflated(hit_margin), repeat});
}

const TouchTarget* DrawList::find_target(const std::string& id) const
{
    for (const TouchTarget& target : m_targets)
        if (target.id == id)
            return &target;
    return nullptr;
}

const TouchTarget* DrawList::target_at(Point p) const
{
    const TouchTarget* best = nullptr;
    double best_distance = 0;
    for (const TouchTarget& target : m_targets) {
        if (!target.hit.contains(p))
            continue;
        const double d = target.drawn.distance_to(p);
        if (best == nullptr || d < best_distance) {
            best = &target;
            best_distance = d;
        }
    }
    return best;
}

} // namespace olohuone::ui
