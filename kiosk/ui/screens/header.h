#pragma once
// The orientation line at the top of every screen: weekday, date, time and the part of
// the day in words ("Tiistai 24. marraskuuta 2026 · klo 10.15 · aamupäivä").
#include "ui/screens/screen.h"

namespace olohuone::ui {

// OneLine: a small screen, where every line counts, gives the date as "Tiistai 24.11."
// rather than spend a second line on it (or a third, when even that does not fit).
enum class HeaderSpace { TwoLines, OneLine };

// Lays out the header at the top of `area`; returns the height used.
int build_header(const ScreenContext& context, Rect area, DrawList* list, HeaderSpace space);

} // namespace olohuone::ui
