#include "ui/sdl/event_loop.h"

#include <algorithm>

namespace olohuone::ui::sdl {

Uint32 EventLoop::programme_changed_event()
{
    static const Uint32 type = SDL_RegisterEvents(1);
    return type;
}

bool EventLoop::handle(const SDL_Event& event)
{
    if (event.type == SDL_QUIT)
        return false;
    if (event.type == SDL_KEYDOWN && m_quit_keys == QuitKeys::Enabled && event.key.keysym.sym == SDLK_ESCAPE)
        return false;
    if (m_automation && m_automation->handle(event, m_ui, m_display.orientation()))
        return true;
    if (event.type == programme_changed_event()) {
        m_ui.programme_changed();
        return true;
    }
    if (event.type == SDL_WINDOWEVENT
        && (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || event.window.event == SDL_WINDOWEVENT_EXPOSED)) {
        m_size = {};
    }
    if (auto pointer = m_pointer.translate(event, m_display.orientation()))
        m_ui.pointer(*pointer);
    return true;
}

bool EventLoop::draw_if_needed()
{
    const Point size = m_display.size();
    if (size != m_size) {
        m_size = size;
        m_ui.resize(size.x, size.y);
    }
    m_ui.tick();
    if (!m_ui.needs_redraw())
        return false;
    m_canvas.draw(m_ui.frame());
    m_display.present();
    ++m_frames;
    if (m_automation)
        m_automation->after_frame(m_ui, m_display.orientation());
    return true;
}

bool EventLoop::pump()
{
    SDL_Event event;
    bool running = true;
    while (running && SDL_PollEvent(&event))
        running = handle(event);
    draw_if_needed();
    return running;
}

void EventLoop::run(const std::function<void()>& on_frame)
{
    SDL_Event event;
    for (;;) {
        if (draw_if_needed() && on_frame)
            on_frame();
        if (m_heartbeat)
            m_heartbeat();
        const MonotonicMs longest = m_heartbeat_ms > 0 ? std::min<MonotonicMs>(m_heartbeat_ms, 60'000) : 60'000;
        const auto budget = std::clamp<MonotonicMs>(m_ui.wait_budget_ms(), 1, longest);
        if (SDL_WaitEventTimeout(&event, static_cast<int>(budget)) == 0)
            continue; // timed out: time to tick
        if (!handle(event))
            return;
        while (SDL_PollEvent(&event))
            if (!handle(event))
                return;
    }
}

} // namespace olohuone::ui::sdl
