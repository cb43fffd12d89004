#pragma once
// The control panel: rows of button groups (the screen's own, then text size and
// language). In a narrow column every group gets its own row; in a wide bottom bar
// groups share rows.
#include <vector>

#include "ui/screens/screen.h"

namespace olohuone::ui {

// Lays the groups out from the top of `area`; returns the height used. A column gives
// every group a row of its own; a bar puts as many groups in a row as fit.
enum class PanelShape { Column, Bar };

int build_control_panel(const std::vector<ControlGroup>& groups, const ScreenContext& context, Rect area,
                        DrawList* list, PanelShape shape);

} // namespace olohuone::ui
