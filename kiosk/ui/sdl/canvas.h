#pragma once
// Replays a DrawList on an SDL_Renderer: the window's in the program, a software
// renderer on a memory surface in tests. Same code, same pixels.
#include "ui/layout/draw_list.h"
#include "ui/sdl/image_cache.h"
#include "ui/sdl/text_cache.h"

namespace olohuone::ui::sdl {

class Canvas {
public:
    Canvas(SDL_Renderer* renderer, TextCache& text, ImageCache& images)
        : m_renderer(renderer), m_text(text), m_images(images)
    {
    }

    void draw(const DrawList& list);

private:
    void fill(const FillCommand& command);
    void outline(const OutlineCommand& command);
    void text(const TextCommand& command);
    void image(const ImageCommand& command);
    void set_color(Color color);

    SDL_Renderer* m_renderer;
    TextCache& m_text;
    ImageCache& m_images;
};

} // namespace olohuone::ui::sdl
