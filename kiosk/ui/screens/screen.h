#pragma once
// Screens are small classes on a stack owned by the KioskUi. A screen builds its content
// and its controls into a DrawList, and answers taps on its own targets; it asks to be
// popped or to push another screen, and never deletes itself.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/clock.h"
#include "core/time_zone.h"
#include "core/visits.h"
#include "ui/layout/widgets.h"
#include "ui/screens/programme_view.h"
#include "ui/screens/activity_desk.h"
#include "ui/screens/staff_desk.h"
#include "ui/screens/visit_desk.h"

namespace olohuone::ui {

struct ScreenContext {
    const Metrics& metrics;
    TextMeasurer& measurer;
    const Catalog& catalog;
    const TimeZone& zone;
    UnixSeconds now;
    LocalDateTime local_now;
    // Whether the system clock is known to be right (NTP has set it). Until then no
    // screen shows a time of day that may be false (core/clock.h).
    bool clock_known;
    ProgrammeView& programme;
    const std::string& content_dir;
    const std::string& pressed; // id of the target under the finger, if any
    int days_ahead;             // how far forward the day buttons go
    // Where "earlier/later" buttons go: in the control panel beside the content (a tall
    // landscape screen, where the panel column has room), or inside the content area.
    bool paging_in_panel;
    bool small_screen; // a 7" panel either way round: every millimetre counts
    // A 7" landscape panel at large text: a screen that asks for it gets its controls in
    // a column beside it (panel_beside_when_short) rather than a bar under it.
    bool panel_beside_if_asked;
    VisitDesk& visits;
    ActivityDesk& activities;
    const VisitOptions& visit_options;
    MonotonicMs thank_you_ms; // how long a thank-you screen stays
    StaffDesk& staff;
    MonotonicMs staff_idle_ms; // staff mode closes itself after this long untouched
    // The kiosk's disk is full: no record can be stored, so none is offered.
    bool storage_full = false;
    // Where Today has its controls, for a screen that keeps clear of them
    // (keeps_clear_of_home_controls); empty otherwise.
    Rect home_controls{};

    LayoutTools tools() const { return {metrics, measurer}; }
};

// A row of buttons in the control panel, with an optional caption above it.
struct ControlGroup {
    std::string caption;
    std::vector<ButtonSpec> buttons;
    double min_button_mm = sizes::min_target_mm; // each button's minimum width
    bool uniform_labels = true;                  // one label size for all its buttons
    bool starts_row = false;                     // begins a new row in a bar
    // In a bar under the content, left out rather than given a row of its own (the staff
    // button: visitors' space comes first).
    bool only_in_a_shared_row = false;
};

class Screen;

struct ScreenAction {
    // Push `next`; Pop this screen; Replace this screen with `next` (the PIN pad gives
    // way to staff mode, so "back" does not lead to it); Home: back to Today, the
    // visitor's session ended; Finish: Home, then `next` on top of it (a thank-you after
    // a record, which no "back" can undo).
    // BackTo: pop down to the screen named `target` (staff's attendance list, after the
    // walk-in's group, name and marker screens).
    enum class Kind { None, Push, Pop, Replace, Home, Finish, BackTo } kind = Kind::None;
    std::unique_ptr<Screen> next;
    std::string target;

    static ScreenAction push(std::unique_ptr<Screen> screen) { return {Kind::Push, std::move(screen), {}}; }
    static ScreenAction pop() { return {Kind::Pop, nullptr, {}}; }
    static ScreenAction replace(std::unique_ptr<Screen> screen) { return {Kind::Replace, std::move(screen), {}}; }
    static ScreenAction home() { return {Kind::Home, nullptr, {}}; }
    static ScreenAction finish(std::unique_ptr<Screen> screen) { return {Kind::Finish, std::move(screen), {}}; }
    static ScreenAction back_to(std::string screen_name) { return {Kind::BackTo, nullptr, std::move(screen_name)}; }
};

class Screen {
public:
    virtual ~Screen() = default;
    virtual std::string name() const = 0;

    // Reads what the frame shows from the kiosk's data, once at its start: the layout
    // asks for controls() more than once, and those calls use what was read here.
    virtual void begin_frame(const ScreenContext&) {}

    // Buttons this screen adds to the control panel, above the shared ones. When paging
    // is in the panel this is asked after build(), so it knows whether pages are needed.
    virtual std::vector<ControlGroup> controls(const ScreenContext& context) = 0;
    // Draws the screen's own content inside `area`.
    virtual void build(const ScreenContext& context, Rect area, DrawList& list) = 0;
    // A tap on one of this screen's targets.
    virtual ScreenAction on_tap(const std::string& id, const ScreenContext& context) = 0;

    // The day and time at the top; a screen with a question of its own may leave it out
    // to give the question the room.
    virtual bool shows_day_header() const { return true; }
    // On a 7" panel, where a screen with facts of its own (an event's detail, which says
    // its own day and time) needs the header's lines more.
    virtual bool shows_day_header_on_a_small_screen() const { return shows_day_header(); }
    // Text size and language in the panel. The keyboard takes the whole screen instead,
    // and a question on a 7" panel keeps the room for its answers (the visitor chose
    // their size and language on the programme screen).
    virtual bool shows_shared_controls(const ScreenContext&) const { return true; }
    // Something a visitor typed or chose that the next visitor must not see: when the
    // screen is left alone, the kiosk asks "Jatketaanko?" before it wipes it.
    virtual bool holds_personal_data() const { return false; }
    // A screen that closes by itself (a thank-you, the "Jatketaanko?" question) after
    // this long without a touch; the kiosk then returns home.
    virtual std::optional<MonotonicMs> closes_after_ms() const { return std::nullopt; }
    // Such a screen closing goes back to the screen under it instead of home.
    virtual bool closes_to_previous() const { return false; }
    // A screen whose figures change by themselves (the sync status) is drawn again this
    // often while it is shown.
    virtual std::optional<MonotonicMs> refreshes_every_ms() const { return std::nullopt; }
    // Staff mode's screens (named "staff_…"; the PIN pad, where a visitor may land, is
    // not one of them) may use smaller text to fit their lists (metrics.h).
    virtual bool read_by_staff() const { return name().starts_with("staff_") && name() != "staff_pin"; }
    // Today offers the "Henkilökunta" button among the text size and language buttons.
    virtual bool offers_staff_entry() const { return false; }
    // On a 7" landscape panel at large text, the controls stand in a column beside this
    // screen rather than a bar under it (Today, whose list needs the height; a question
    // whose facts need it).
    virtual bool panel_beside_when_short() const { return false; }
    // Today follows this screen by itself: its buttons keep clear of Today's controls
    // (ScreenContext::home_controls), so a late tap cannot press one.
    virtual bool keeps_clear_of_home_controls() const { return false; }
};

} // namespace olohuone::ui
