#pragma once
// Screens are small classes on a stack owned by the KioskUi. A screen builds its content
// and its controls into a DrawList, and answers taps on its own targets; it asks to be
// popped or to push another screen, and never deletes itself.
#include <memory>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/time_zone.h"
#include "ui/layout/widgets.h"
#include "ui/screens/programme_view.h"

namespace olohuone::ui {

struct ScreenContext {
    const Metrics& metrics;
    TextMeasurer& measurer;
    const Catalog& catalog;
    const TimeZone& zone;
    UnixSeconds now;
    LocalDateTime local_now;
    ProgrammeView& programme;
    const std::string& content_dir;
    const std::string& pressed; // id of the target under the finger, if any
    int days_ahead;             // how far forward the day buttons go
    // Where "earlier/later" buttons go: in the control panel beside the content (a tall
    // landscape screen, where the panel column has room), or inside the content area.
    bool paging_in_panel;

    LayoutTools tools() const { return {metrics, measurer}; }
};

// A row of buttons in the control panel, with an optional caption above it.
struct ControlGroup {
    std::string caption;
    std::vector<ButtonSpec> buttons;
    double min_button_mm = sizes::min_target_mm; // each button's minimum width
    bool uniform_labels = true;                  // one label size for all its buttons
};

class Screen;

struct ScreenAction {
    enum class Kind { None, Push, Pop } kind = Kind::None;
    std::unique_ptr<Screen> next; // for Push
};

class Screen {
public:
    virtual ~Screen() = default;
    virtual std::string name() const = 0;

    // Buttons this screen adds to the control panel, above the shared ones. When paging
    // is in the panel this is asked after build(), so it knows whether pages are needed.
    virtual std::vector<ControlGroup> controls(const ScreenContext& context) = 0;
    // Draws the screen's own content inside `area`.
    virtual void build(const ScreenContext& context, Rect area, DrawList& list) = 0;
    // A tap on one of this screen's targets.
    virtual ScreenAction on_tap(const std::string& id, const ScreenContext& context) = 0;
};

} // namespace olohuone::ui
