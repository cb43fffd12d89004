#pragma once
// The week page's box of staff's edits made on kiosks that did not come into effect: a
// later change of the same occurrence won, or the programme has no such occurrence
// (docs/web.md, "Editing events"). Each names the kiosk, the occurrence, what staff
// tried, when, and why it was not applied.
#include <cstddef>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/time_zone.h"
#include "kiosk_edit.h"
#include "server_store.h"
#include "web/html.h"

namespace olohuone::server::web {

struct KioskEditLine {
    std::string kiosk; // its name
    KioskEdit edit;
    UnixSeconds received_at = 0;
    KioskEditOutcome outcome = KioskEditOutcome::UnknownOccurrence;
    std::string title; // the occurrence's, when the programme had it
};

struct KioskEditsBox {
    std::vector<KioskEditLine> lines; // newest first
    std::size_t older = 0;            // not shown: more than the page lists
};

// Nothing when there are none.
void kiosk_edits_box(Html& html, const Catalog& texts, const TimeZone& zone, UnixSeconds now,
                     const KioskEditsBox& box);

// "Muutettu kioskilla Aula, ke 25.11. klo 10.05" for an occurrence or event whose edit
// came from a kiosk; "" otherwise.
std::string kiosk_mark(const Catalog& texts, const TimeZone& zone, UnixSeconds now, const EventEdit& edit,
                       const std::string& kiosk);

} // namespace olohuone::server::web
