#pragma once
// Activities, screen by screen. "Tulen mukaan": who is it (today's signed-in list or a
// typed name) → confirm, saying whether there is a place or a queue → "Kiitos, Aino!".
// "Peru ilmoittautuminen": pick your name from those registered → confirm → "Selvä,
// Aino.". "Olen paikalla": pick your name from those registered, or "En ilmoittautunut"
// to identify as a walk-in, or "+1 ilman nimeä" to be counted on the spot.
#include <memory>

#include "ui/screens/screen.h"

namespace olohuone::ui {

std::unique_ptr<Screen> make_register_screen(const Occurrence& activity, const ScreenContext& context);
std::unique_ptr<Screen> make_cancel_screen(const Occurrence& activity, const ScreenContext& context);
std::unique_ptr<Screen> make_attendance_screen(const Occurrence& activity, const ScreenContext& context);

// "12 / 15 tulossa · 3 paikkaa vapaana", "15 / 15 tulossa · Täynnä · Jonossa: 2.", "4
// tulossa"; empty when there is nothing to say. The programme's rows say it briefly
// ("12 / 15 tulossa · 3 vapaana") and leave the queue out.
enum class PlacesDetail { WithQueue, Short };
std::string places_text(const ActivityStatus& status, const Catalog& catalog,
                        PlacesDetail detail = PlacesDetail::WithQueue);

// "Tuolijumppa, Tiistai 24.11. 10.00–11.00": the activity a record is about.
std::string activity_label(const Occurrence& activity, const ScreenContext& context);

} // namespace olohuone::ui
