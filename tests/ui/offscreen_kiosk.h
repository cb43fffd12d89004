#pragma once
// The real kiosk (configuration, bundled content, a SQLite file, the SDL software
// renderer) drawing into memory, driven by injected SDL touch events and virtual time.
#include <SDL.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/kiosk_services.h"
#include "core/clock.h"
#include "sync/sync_engine.h"
#include "ui/kiosk_ui.h"
#include "ui/layout/screen_rotation.h"
#include "ui/sdl/canvas.h"
#include "ui/sdl/display.h"
#include "ui/sdl/event_loop.h"
#include "ui/sdl/font_library.h"
#include "ui/sdl/sdl_runtime.h"

namespace olohuone::testing {

// The id of Today's row for an event, by the title the visitor reads.
inline constexpr const char* event_rows = "today/event/";

struct KioskSetup {
    int width = 800;
    int height = 480;
    double diagonal_inches = 7.0;
    // 2026-11-24 10:15 in Helsinki: a Tuesday morning with past, current and later events.
    LocalDateTime at{{2026, 11, 24}, {10, 15, 0}};
    // A panel of width x height mounted turned: the screens are laid out turned.
    ui::ScreenRotation rotation = ui::ScreenRotation::None;
    // Where the database lives (a small filesystem to fill up); empty: a fresh
    // temporary directory.
    std::filesystem::path state_dir = {};
    // Leave the state folder when the kiosk goes (it is removed by default).
    bool keep_state_dir = false;
};

class OffscreenKiosk {
public:
    explicit OffscreenKiosk(const KioskSetup& setup = {});
    ~OffscreenKiosk();

    // Touches the centre of the target with this id, as a finger would, and lets the
    // loop handle it. Fails the test if no such target is on screen.
    void tap(const std::string& id);
    // A text size ("size/large"), a language ("language/sv") or staff mode
    // ("staff/enter"), as a visitor finds them: on the screen where it offers them, else
    // behind "Teksti ja kieli" (a 7" panel), coming back after a size or language.
    void choose(const std::string& id);
    // Types `text` on the on-screen keyboard, a tap every `ms_per_key`: 300 ms is a
    // steady typist's pace, which the tremor guard must not take for bounces.
    void type(const std::string& text, std::int64_t ms_per_key = 300);
    // A shaky hand: `times` quick touches on the same target, 60 ms apart.
    void tap_shakily(const std::string& id, int times);
    // Touches at layout positions, landing where they are shown on the glass.
    void touch_down(ui::Point at);
    void touch_move(ui::Point to);
    void touch_up(ui::Point at);
    // A finger's touch and lift at a pixel of the glass (the panel as mounted).
    void tap_glass(ui::Point on_glass);
    // The store refuses every write from now on (standing in for a full disk), or takes
    // them again.
    void refuse_writes(bool refuse);
    // Syncs, once, with a server nothing answers for (no one listens on its port): the
    // real sync, out of touch from now on.
    void sync_with_unreachable_server();
    // The real sync, on its own thread, with `settings` (a real server): its first pass
    // starts at once, the next after the settings' interval or when woken.
    void sync_with(sync::SyncSettings settings);
    // Moves virtual time on and lets the loop do what is due.
    void advance_ms(std::int64_t ms);
    // The moment a person takes after a screen that came by itself (a thank-you closing,
    // the idle reset, "Jatketaanko?"): the kiosk ignores touches for 0.7 s after one.
    void pause_after_unasked_change() { advance_ms(1000); }

    const ui::DrawList& frame() { return m_ui->frame(); }
    bool has_target(const std::string& id) { return frame().find_target(id) != nullptr; }
    ui::Point center_of(const std::string& id);
    // The id of the target starting with `id_prefix` whose drawing holds a text
    // containing `needle` ("the row that says Tuolijumppa"); fails the test if none.
    std::string target_showing(const std::string& needle, const std::string& id_prefix);
    // Ids of the targets on screen starting with `id_prefix`, in drawing order.
    std::vector<std::string> targets_starting(const std::string& id_prefix);
    // Whether the text on screen, read line after line, contains `needle`.
    bool shows_text(const std::string& needle);
    // Every text on screen in drawing order, for a failing test's message.
    std::string screen_text();

    ui::KioskUi& ui() { return *m_ui; }
    ui::sdl::EventLoop& loop() { return *m_loop; }
    ui::sdl::OffscreenDisplay& display() { return *m_display; }
    ui::sdl::TextCache& text() { return *m_text; }
    app::KioskServices& services() { return *m_services; }
    ManualClock& clock() { return m_clock; }
    double dpi() const { return m_dpi; }
    // The size the screens are laid out at (the panel's, turned).
    int width() const { return m_display->size().x; }
    int height() const { return m_display->size().y; }

private:
    void push_finger(Uint32 type, ui::Point on_glass);

    KioskSetup m_setup;
    std::filesystem::path m_state_dir;
    ManualClock m_clock;
    // What the kiosk reads, as on a Raspberry Pi: staff may set and vouch for it.
    StaffSettableClock m_kiosk_clock{m_clock};
    std::unique_ptr<ui::sdl::SdlRuntime> m_runtime;
    std::unique_ptr<app::KioskServices> m_services;
    std::unique_ptr<ui::sdl::FontLibrary> m_fonts;
    std::unique_ptr<ui::sdl::OffscreenDisplay> m_display;
    std::unique_ptr<ui::sdl::TextCache> m_text;
    std::unique_ptr<ui::sdl::ImageCache> m_images;
    std::unique_ptr<ui::sdl::Canvas> m_canvas;
    std::unique_ptr<ui::KioskUi> m_ui;
    std::unique_ptr<ui::sdl::EventLoop> m_loop;
    std::unique_ptr<sync::SyncEngine> m_sync;
    double m_dpi = 0;
};

} // namespace olohuone::testing
