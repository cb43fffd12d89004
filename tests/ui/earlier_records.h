#pragma once
// Sign-ins, registrations and attendance made before a test's moment, written by the
// kiosk's own desk and store code into its database, as the kiosk recorded them earlier.
#include <string>
#include <vector>

#include "core/occurrence.h"
#include "offscreen_kiosk.h"

namespace olohuone::testing {

// The offscreen kiosk's day (KioskSetup::at): Tuesday 24 November 2026.
inline constexpr CivilDate today{2026, 11, 24};
// The staff PIN the tests set (set_staff_pin_earlier) and type.
inline constexpr const char* test_staff_pin = "2468";

// Signs each name in, in `group`, through the desk the screens use.
void sign_in_earlier(OffscreenKiosk& kiosk, const std::vector<std::string>& names, const std::string& group);

// The occurrence titled `title` (Finnish) on `date`; fails the test if there is none.
Occurrence occurrence_titled(OffscreenKiosk& kiosk, const CivilDate& date, const std::string& title);

// Registers each name (a new visitor in `group` unless the name is already known), in
// order, a day before the kiosk's clock.
void register_earlier(OffscreenKiosk& kiosk, const Occurrence& activity, const std::vector<std::string>& names,
                      const std::string& group = "resident");

// Marks each name present (which on the activity's day signs them in, as on the kiosk),
// and `anonymous` people without a name.
void mark_here_earlier(OffscreenKiosk& kiosk, const Occurrence& activity, const std::vector<std::string>& names,
                       int anonymous = 0, const std::string& group = "resident");

// The staff PIN, set as `olohuonectl kiosk set-pin` sets it.
void set_staff_pin_earlier(OffscreenKiosk& kiosk, const std::string& pin);

// Types `pin` on the staff PIN pad, key by key, and taps "OK".
void type_staff_pin(OffscreenKiosk& kiosk, const std::string& pin);

// People who come to activities without signing in at the desk that day.
std::vector<std::string> activity_regulars(int count);

// Tonight's film night (Elokuvailta, 18.00), which staff gave six places this morning.
Occurrence film_night_of_six(OffscreenKiosk& kiosk);
// Seven of activity_regulars registered for `film`; Helmi's cancellation this morning
// gave Irja, first in the queue, a place.
void helmi_cancelled(OffscreenKiosk& kiosk, const Occurrence& film);

} // namespace olohuone::testing
