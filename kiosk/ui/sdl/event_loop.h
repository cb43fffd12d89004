#pragma once
// The kiosk's main loop: sleep in SDL_WaitEventTimeout until an event or the next thing
// the UI has to do (the clock's minute, the idle reset), hand events to the UI, draw only
// when something changed.
#include <functional>

#include "ui/kiosk_ui.h"
#include "ui/sdl/automation.h"
#include "ui/sdl/canvas.h"
#include "ui/sdl/display.h"
#include "ui/sdl/pointer_input.h"

namespace olohuone::ui::sdl {

enum class QuitKeys { Enabled, Disabled };

class EventLoop {
public:
    EventLoop(Display& display, KioskUi& ui, Canvas& canvas, QuitKeys quit_keys = QuitKeys::Disabled)
        : m_display(display), m_ui(ui), m_canvas(canvas), m_quit_keys(quit_keys)
    {
    }

    // Runs until SDL_QUIT (SIGINT/SIGTERM, window closed). `on_frame` is called after each
    // frame is presented, e.g. to tell systemd the kiosk is up.
    void run(const std::function<void()>& on_frame = {});

    // `beat` is called from the loop at least every `every_ms` while it runs, idle or
    // not: a hung screen stops calling it, and systemd's watchdog restarts the kiosk.
    void set_heartbeat(MonotonicMs every_ms, std::function<void()> beat)
    {
        m_heartbeat_ms = every_ms;
        m_heartbeat = std::move(beat);
    }

    // Handles every event already queued, then draws if needed; returns false after a quit
    // event. Tests call this after pushing touch events.
    bool pump();
    // Draws and presents the frame if anything changed; returns whether it drew.
    bool draw_if_needed();

    // The user event type that tells the loop the programme changed underneath.
    static Uint32 programme_changed_event();

    int frames_drawn() const { return m_frames; }

    // Lets test commands in (--automation); null for none.
    void set_automation(Automation* automation) { m_automation = automation; }

private:
    bool handle(const SDL_Event& event);

    Display& m_display;
    KioskUi& m_ui;
    Canvas& m_canvas;
    PointerInput m_pointer;
    QuitKeys m_quit_keys;
    MonotonicMs m_heartbeat_ms = 0; // 0: no heartbeat
    std::function<void()> m_heartbeat;
    Automation* m_automation = nullptr;
    int m_frames = 0;
    Point m_size{};
};

} // namespace olohuone::ui::sdl
