#pragma once
// A hook for end-to-end tests and demonstrations (--automation): each line on standard
// input names a target ("tap visit/sign_in"), which becomes a finger's touch and lift at
// its centre, sent through SDL's own event queue like a real finger's; each screen the
// kiosk then shows is announced on standard output ("screen thanks"), after it is drawn.
#include <SDL.h>

#include <string>

#include "ui/kiosk_ui.h"

namespace olohuone::ui::sdl {

class Automation {
public:
    // Starts reading standard input on a thread of its own.
    static Automation start();

    // Handles an automation event (true), or leaves the event to the loop (false).
    bool handle(const SDL_Event& event, KioskUi& ui, Point screen);
    // Announces the top screen when it changed since the last frame.
    void after_frame(const KioskUi& ui);

private:
    explicit Automation(Uint32 event_type) : m_event_type(event_type) {}

    Uint32 m_event_type;
    std::string m_announced;
};

} // namespace olohuone::ui::sdl
