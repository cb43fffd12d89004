#pragma once
// What main() needs from the platform layer, without SDL in its headers: run the kiosk
// in a window until it is told to stop, or draw one frame into a PNG file.
#include <functional>
#include <string>

#include "core/catalog.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/time_zone.h"
#include "ui/kiosk_ui.h"
#include "ui/layout/screen_rotation.h"

namespace olohuone::ui::sdl {

struct KioskDisplayOptions {
    bool fullscreen = true;        // false: a resizable development window
    bool software_renderer = true; // false: let SDL pick a GPU renderer
    int window_width = 800;
    int window_height = 480;
    // A panel mounted turned: the screens are laid out for the turned size and the
    // picture and the touches turned to match.
    ScreenRotation rotation = ScreenRotation::None;
    std::string fonts_config;
    bool automation = false; // taps from standard input, screens announced on standard output
    // Called from the event loop at least every `heartbeat_ms` (0: never): the watchdog.
    MonotonicMs heartbeat_ms = 0;
    std::function<void()> heartbeat;
};

struct KioskParts {
    const Catalogs& catalogs;
    const TimeZone& zone;
    KioskData data;
    const Clock& clock;
    // Settings for the screen's pixel size and the DPI the display reports (0 if none).
    std::function<KioskUiSettings(int width, int height, double reported_dpi)> settings_for;
};

// Runs until SIGINT/SIGTERM or the window is closed. `on_first_frame` runs once, after
// the first frame is on screen.
Result<void> run_kiosk_window(const KioskDisplayOptions& options, const KioskParts& parts,
                              const std::function<void()>& on_first_frame);

// Asks the running window to read the programme again and redraw; safe on any thread.
void notify_programme_changed();

// Whether the font configuration names fonts that open (for --check-config).
Result<void> check_fonts(const std::string& fonts_config);

// Draws the Today screen as it looks at `clock`'s time into a PNG: the picture a
// `width` x `height` panel shows, turned by `rotation`.
Result<void> render_screenshot(const std::string& png_path, int width, int height, ScreenRotation rotation,
                               const std::string& fonts_config, const KioskParts& parts, TextSize text_size,
                               const std::string& language);

} // namespace olohuone::ui::sdl
