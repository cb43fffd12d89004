#pragma once
// A hook for end-to-end tests and demonstrations (--automation): each line on standard
// input names a target ("tap visit/sign_in"), which becomes a finger's touch and lift at
// its centre, sent through SDL's own event queue like a real finger's; each screen the
// kiosk then shows is announced on standard output ("screen thanks"), after it is drawn.
// "say" prints the texts of the frame on screen ("says Kiitos, Aino! | …").
// Commands run in order, each once the touch before it has been handled and its result
// drawn, so a line names a target on the screen the previous tap led to, as a person
// taps only what they see.
#include <SDL.h>

#include <deque>
#include <string>

#include "ui/kiosk_ui.h"
#include "ui/layout/screen_rotation.h"

namespace olohuone::ui::sdl {

class Automation {
public:
    // Starts reading standard input on a thread of its own.
    static Automation start();

    // Handles an automation event (true), or leaves the event to the loop (false).
    bool handle(const SDL_Event& event, KioskUi& ui, const PanelOrientation& panel);
    // After a frame is drawn: announces the top screen when it changed, and runs the
    // next command waiting for this frame.
    void after_frame(KioskUi& ui, const PanelOrientation& panel);

private:
    explicit Automation(Uint32 event_type) : m_event_type(event_type) {}
    void run_pending(KioskUi& ui, const PanelOrientation& panel);

    Uint32 m_event_type;
    std::string m_announced;
    std::deque<std::string> m_pending;
    bool m_touch_in_flight = false; // its finger events are queued, not handled yet
};

} // namespace olohuone::ui::sdl
