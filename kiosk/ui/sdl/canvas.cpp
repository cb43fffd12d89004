#include "ui/sdl/canvas.h"

#include <algorithm>
#include <cmath>

namespace olohuone::ui::sdl {
namespace {

// How far row `row` of a rounded rectangle's corner is indented (0 outside the corners).
int corner_inset(int row, int height, int radius)
{
    const int from_edge = std::min(row, height - 1 - row);
    if (from_edge >= radius)
        return 0;
    const double dy = radius - from_edge - 0.5;
    return static_cast<int>(std::lround(radius - std::sqrt(std::max(0.0, radius * radius - dy * dy))));
}

} // namespace

void Canvas::set_color(Color color) { SDL_SetRenderDrawColor(m_renderer, color.r, color.g, color.b, color.a); }

void Canvas::fill(const FillCommand& command)
{
    const Rect& r = command.rect;
    set_color(command.color);
    const int radius = std::min({command.radius, r.w / 2, r.h / 2});
    if (radius <= 0) {
        const SDL_Rect rect{r.x, r.y, r.w, r.h};
        SDL_RenderFillRect(m_renderer, &rect);
        return;
    }
    const SDL_Rect middle{r.x, r.y + radius, r.w, r.h - 2 * radius};
    SDL_RenderFillRect(m_renderer, &middle);
    for (int row = 0; row < radius; ++row) {
        for (const int y : {r.y + row, r.bottom() - 1 - row}) {
            const int inset = corner_inset(row, r.h, radius);
            SDL_RenderDrawLine(m_renderer, r.x + inset, y, r.right() - 1 - inset, y);
        }
    }
}

void Canvas::outline(const OutlineCommand& command)
{
    const Rect& outer = command.rect;
    const Rect inner = outer.inset(command.thickness);
    const int radius = std::min({command.radius, outer.w / 2, outer.h / 2});
    const int inner_radius = std::max(0, radius - command.thickness);
    set_color(command.color);
    for (int row = 0; row < outer.h; ++row) {
        const int y = outer.y + row;
        const int left = outer.x + corner_inset(row, outer.h, radius);
        const int right = outer.right() - 1 - corner_inset(row, outer.h, radius);
        if (y < inner.y || y >= inner.bottom()) {
            SDL_RenderDrawLine(m_renderer, left, y, right, y);
            continue;
        }
        const int inner_row = y - inner.y;
        const int inner_left = inner.x + corner_inset(inner_row, inner.h, inner_radius);
        const int inner_right = inner.right() - 1 - corner_inset(inner_row, inner.h, inner_radius);
        SDL_RenderDrawLine(m_renderer, left, y, inner_left - 1, y);
        SDL_RenderDrawLine(m_renderer, inner_right + 1, y, right, y);
    }
}

void Canvas::text(const TextCommand& command)
{
    const TextTexture texture = m_text.get(command.text, command.font, command.foreground);
    if (texture.texture == nullptr)
        return;
    const SDL_Rect target{command.origin.x, command.origin.y, texture.width, texture.height};
    SDL_RenderCopy(m_renderer, texture.texture, nullptr, &target);
}

void Canvas::image(const ImageCommand& command)
{
    const ImageTexture picture = m_images.get(command.path);
    if (picture.texture == nullptr || picture.width <= 0 || picture.height <= 0)
        return;
    const Rect& box = command.rect;
    // Fit inside the box, aspect ratio kept, centred.
    const double scale = std::min(static_cast<double>(box.w) / picture.width, static_cast<double>(box.h) / picture.height);
    const int w = static_cast<int>(picture.width * scale);
    const int h = static_cast<int>(picture.height * scale);
    const SDL_Rect target{box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
    SDL_RenderCopy(m_renderer, picture.texture, nullptr, &target);
}

void Canvas::draw(const DrawList& list)
{
    SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_NONE);
    for (const DrawCommand& command : list.order()) {
        switch (command.kind) {
        case DrawCommand::Kind::Fill:
            fill(list.fills()[command.index]);
            break;
        case DrawCommand::Kind::Outline:
            outline(list.outlines()[command.index]);
            break;
        case DrawCommand::Kind::Text:
            text(list.texts()[command.index]);
            break;
        case DrawCommand::Kind::Image:
            image(list.images()[command.index]);
            break;
        }
    }
}

} // namespace olohuone::ui::sdl
