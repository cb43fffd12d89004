#include "ui/sdl/automation.h"

#include <cstdio>
#include <iostream>
#include <thread>

namespace olohuone::ui::sdl {
namespace {

constexpr SDL_TouchID automation_touch = 0x4F4C4F;
constexpr std::size_t max_command_bytes = 512;
// The user event's code: a line read from standard input, or the mark queued after a
// command's finger events, which the loop reaches once it has handled them.
constexpr Sint32 command_read = 0;
constexpr Sint32 touch_handled = 1;

// `at` is a layout position: the finger lands where it is shown on the glass.
void push_finger(Uint32 type, Point at, const PanelOrientation& panel)
{
    const Point glass = panel.to_glass(at);
    SDL_Event event{};
    event.type = type;
    event.tfinger.touchId = automation_touch;
    event.tfinger.fingerId = 1;
    event.tfinger.x = static_cast<float>(glass.x) / static_cast<float>(std::max(1, panel.glass.x));
    event.tfinger.y = static_cast<float>(glass.y) / static_cast<float>(std::max(1, panel.glass.y));
    event.tfinger.pressure = 1.0f;
    SDL_PushEvent(&event);
}

} // namespace

Automation Automation::start()
{
    const Uint32 type = SDL_RegisterEvents(1);
    // Detached: it blocks in a read of standard input and ends with the process.
    std::thread([type] {
        std::string line;
        while (std::getline(std::cin, line)) {
            if (line.size() > max_command_bytes)
                continue;
            SDL_Event event{};
            event.type = type;
            event.user.code = command_read;
            event.user.data1 = new std::string(line);
            if (SDL_PushEvent(&event) != 1)
                delete static_cast<std::string*>(event.user.data1);
        }
    }).detach();
    return Automation(type);
}

bool Automation::handle(const SDL_Event& event, KioskUi& ui, const PanelOrientation& panel)
{
    if (event.type != m_event_type)
        return false;
    if (event.user.code == touch_handled) {
        m_touch_in_flight = false;
    } else {
        const std::unique_ptr<std::string> line(static_cast<std::string*>(event.user.data1));
        m_pending.push_back(*line);
    }
    // A touch that changed the screen waits for its frame (after_frame runs the next).
    if (!ui.needs_redraw())
        run_pending(ui, panel);
    return true;
}

void Automation::run_pending(KioskUi& ui, const PanelOrientation& panel)
{
    constexpr std::string_view tap = "tap ";
    while (!m_touch_in_flight && !m_pending.empty()) {
        const std::string line = std::move(m_pending.front());
        m_pending.pop_front();
        if (line == "say") {
            // What the screen says, line by line as drawn: a test reads what a person
            // would read, without a screenshot.
            std::string said = "says";
            for (const TextCommand& text : ui.frame().texts())
                said += (said == "says" ? " " : " | ") + text.text;
            std::printf("%s\n", said.c_str());
            std::fflush(stdout);
            continue;
        }
        if (!line.starts_with(tap)) {
            std::printf("error unknown command: %s\n", line.c_str());
            std::fflush(stdout);
            continue;
        }
        const TouchTarget* target = ui.frame().find_target(line.substr(tap.size()));
        if (target == nullptr) {
            std::printf("error no target %s on screen %s\n", line.c_str() + tap.size(), ui.screen_name().c_str());
            std::fflush(stdout);
            continue;
        }
        const Point at = target->drawn.center();
        push_finger(SDL_FINGERDOWN, at, panel);
        push_finger(SDL_FINGERUP, at, panel);
        SDL_Event handled{};
        handled.type = m_event_type;
        handled.user.code = touch_handled;
        SDL_PushEvent(&handled);
        m_touch_in_flight = true;
    }
}

void Automation::after_frame(KioskUi& ui, const PanelOrientation& panel)
{
    const std::string name = ui.screen_name();
    if (name != m_announced) {
        m_announced = name;
        std::printf("screen %s\n", name.c_str());
        std::fflush(stdout);
    }
    run_pending(ui, panel);
}

} // namespace olohuone::ui::sdl
