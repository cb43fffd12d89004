#pragma once
// The kiosk's user interface without SDL: the screen stack, the visitor's session (text
// size, language), taps, the clock and the idle reset. The platform feeds it pointer
// events and asks it for the frame to draw and how long it may sleep.
#include <memory>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/clock.h"
#include "core/time_zone.h"
#include "ui/input/tap_recognizer.h"
#include "ui/layout/draw_list.h"
#include "ui/layout/metrics.h"
#include "ui/screens/control_panel.h"
#include "ui/screens/kiosk_data.h"
#include "ui/screens/screen.h"

namespace olohuone::ui {

struct KioskUiSettings {
    double dpi = 133.0;
    std::string default_language = "fi";
    TextSize default_text_size = TextSize::Normal;
    MonotonicMs idle_timeout_ms = 90'000;
    int days_ahead = 6;
    std::string content_dir;
    MonotonicMs thank_you_ms = 10'000;
    // A visitor who stops half-way through signing in is asked "Jatketaanko?" after
    // this long, and has answer_ms to answer before the half-entered data is wiped.
    MonotonicMs ask_to_continue_after_ms = 45'000;
    MonotonicMs answer_ms = 30'000;
    // Staff mode closes itself after this long without a touch.
    MonotonicMs staff_idle_ms = 120'000;
};

class KioskUi {
public:
    KioskUi(KioskUiSettings settings, const Catalogs& catalogs, const TimeZone& zone, KioskData data,
            TextMeasurer& measurer, const Clock& clock);
    ~KioskUi();

    void resize(int width, int height);
    void pointer(const PointerEvent& event);
    // Time passed: the clock's minute, the day, the idle reset, "Jatketaanko?", closing
    // time.
    void tick();
    // The programme changed underneath (a new import): redraw.
    void programme_changed() { m_dirty = true; }

    bool needs_redraw() const { return m_dirty; }
    // The frame to draw; rebuilt if anything changed since the last call.
    const DrawList& frame();
    // How long the loop may sleep before tick() has something to do.
    MonotonicMs wait_budget_ms() const;

    const std::string& language() const { return m_language; }
    TextSize text_size() const { return m_text_size; }
    std::string screen_name() const;
    Screen& top_screen() const { return *m_stack.back(); }

private:
    ScreenContext context(const Catalog& catalog, const Metrics& metrics, const LocalDateTime& local_now);
    // Text size, language and (from Today) staff entry; or one button leading to them.
    std::vector<ControlGroup> shared_controls(const Catalog& catalog, bool behind_one_button) const;
    // A screen's own controls and, where it shows them, the shared ones.
    std::vector<ControlGroup> panel_controls(Screen& screen, const ScreenContext& ctx, const Catalog& catalog,
                                             bool settings_behind_one_button) const;
    // Where a screen's content and its control panel go on this display.
    struct Arrangement {
        Rect main;
        Rect panel;
        PanelShape shape;
        bool has_panel;
        bool settings_behind_one_button;
    };
    Arrangement arrange(Screen& screen, const ScreenContext& ctx, const Catalog& catalog) const;
    void handle_tap(const std::string& id);
    void apply(ScreenAction action);
    // The end of a flow: Today again, in the visitor's language and text size.
    void go_home();
    // The idle reset: Today in the kiosk's own language and text size.
    void reset_to_home();
    // A screen the visitor did not ask for has come (a thank-you closing, the idle reset,
    // the question): the finger that was down and touches for a moment after do nothing,
    // so a tap meant for the old screen cannot land on the new one.
    void ignore_touches_after_unasked_change();
    // When the top screen's own timer runs out (a thank-you, the question), when the
    // visitor is asked whether to continue, and when an idle screen goes home.
    std::optional<MonotonicMs> next_deadline_ms() const;
    void rebuild();
    // Under 110 mm tall, or under 100 mm wide: a 7" panel either way round.
    bool short_screen() const;
    bool small_screen() const;
    Metrics current_metrics() const;

    KioskUiSettings m_settings;
    const Catalogs& m_catalogs;
    const TimeZone& m_zone;
    KioskData m_data;
    TextMeasurer& m_measurer;
    const Clock& m_clock;

    std::vector<std::unique_ptr<Screen>> m_stack;
    std::string m_language;
    TextSize m_text_size;
    TapRecognizer m_taps;
    DrawList m_frame;
    int m_width = 800;
    int m_height = 480;
    bool m_dirty = true;
    UnixSeconds m_shown_minute = -1;
    UnixSeconds m_closing_checked_minute = -1;
    MonotonicMs m_built_ms = 0; // when the frame was last built, for screens that refresh
    MonotonicMs m_last_input_ms;
    MonotonicMs m_touches_ignored_until_ms = 0;
    std::string m_shown_pressed; // what the frame draws pressed (ScreenContext::pressed)
    std::string m_lit_target;    // the last tapped target, lit until m_lit_until_ms
    MonotonicMs m_lit_until_ms = 0;
    bool m_at_home = true;
};

} // namespace olohuone::ui
