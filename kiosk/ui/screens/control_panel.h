#pragma once
// The control panel: rows of button groups (the screen's own, then text size and
// language). In a narrow column every group gets its own row; in a wide bottom bar
// groups share rows.
#include <vector>

#include "ui/screens/screen.h"

namespace olohuone::ui {

// Lays the groups out from the top of `area`; returns the height used.
// Column: every group on a row of its own. Bar: as many groups on a row as fit at their
// minimum widths (a short screen, where every row costs the list dearly). RoomyBar: as
// many as fit with their labels at a readable size (a portrait screen). Stack: every
// button on a row of its own, the rows sharing the column's height (a 7" landscape panel
// at large text, where the labels need two lines and the list the full height).
enum class PanelShape { Column, Bar, RoomyBar, Stack };

int build_control_panel(const std::vector<ControlGroup>& groups, const ScreenContext& context, Rect area,
                        DrawList* list, PanelShape shape);

} // namespace olohuone::ui
