#pragma once
// One event in the day's list: time and state badges, the title, place and host.
#include "core/day_plan.h"
#include "ui/screens/screen.h"

namespace olohuone::ui {

// How much a row shows. A row that does not fit the list on its own (large text on a
// small panel) first leaves out the place and host, then how many are coming, and as a
// last resort shortens a long title with "…"; the detail screen always has everything.
enum class RowDetail { Full, Compact, Plain, Smaller };

// "12 / 15 tulossa · 3 vapaana" for a row, or "" (past, cancelled, all-day, nobody and
// no limit). Asked once per layout: a row is measured more than once.
std::string row_places(const PlanEntry& entry, const ScreenContext& context);

// Lays out the row at (x, y) with `width`; returns its height. With list == nullptr it
// only measures. `places` is the row's row_places(). `max_height` (0: none) limits a
// Smaller row's title lines.
int build_event_row(const PlanEntry& entry, const std::string& places, const std::string& id,
                    const ScreenContext& context, int x, int y, int width, DrawList* list, RowDetail detail,
                    int max_height = 0);

// "10.00–11.00", or "Koko päivän" for an all-day event; "18.00–la 12.00" for a timed
// event that ends on a later day.
std::string time_label(const Occurrence& occurrence, const ScreenContext& context);
// The time as the list of `day` shows it: a timed event across days is on every day it
// covers, "18.00–la 12.00" on its first, "Jatkuu koko päivän" between, "to 18.00–12.00"
// on its last.
std::string time_label_on(const Occurrence& occurrence, const CivilDate& day, const Catalog& catalog,
                          const TimeZone& zone);
// "Siirretty, oli klo 15.00", "Siirretty, oli ti 24.11. klo 15.00" from another day,
// "Siirretty, oli ti 24.11." for an all-day event; "" when it was not moved.
std::string moved_text(const Occurrence& occurrence, const Catalog& catalog, const TimeZone& zone);
// The day (or days) and time inside a sentence: "keskiviikko 25.11. 10.00–11.00",
// "maanantai 30.11. – perjantai 4.12." for an event on several days.
std::string when_label(const Occurrence& occurrence, const ScreenContext& context);

// "Sali · Ohjaaja Liisa": the place and who runs it, as far as known.
std::string place_and_host(const Occurrence& occurrence, const std::string& language);

} // namespace olohuone::ui
