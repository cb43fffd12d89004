#pragma once
// Staff's own changes to the programme, made on the kiosk: an occurrence cancelled or
// restored, its time, place or capacity changed, or a one-off event added. They are laid
// over the programme as read from its calendars, in the order they were made, so the screens show them
// at once; the server takes them into the site's programme (see docs/architecture.md for
// who wins when the server's programme changed too).
#include <optional>
#include <string>
#include <vector>

#include "core/occurrence.h"

namespace olohuone {

enum class EditAction { Cancel, Restore, Change, Add };

struct ProgrammeEdit {
    EditAction action = EditAction::Cancel;
    std::string key;          // the record's idempotency key
    std::string uid;          // the event; Add: the new event's own UID
    UnixSeconds instance = 0; // which occurrence (RECURRENCE-ID); Add: its start
    // Change and Add: the new times, place and capacity. A Change carries all three
    // whole, as staff saw them when they saved; no place means the place is unchanged.
    // Cancel and Restore: the occurrence's times as shown when staff changed it.
    UnixSeconds start = 0;
    UnixSeconds end = 0;
    std::optional<std::string> location;
    std::optional<int> capacity;
    LocalizedText title; // Add only: in Finnish, with the template's translations
    UnixSeconds made_at = 0;
};

// A usual activity staff add as a one-off event in a few taps (content/event-templates.toml).
struct EventTemplate {
    LocalizedText title;
    int minutes = 60;
    std::string place;
    std::optional<int> capacity;
};

// "cancel", "restore", "change", "add": the action's name in records.
const char* action_name(EditAction action);
std::optional<EditAction> action_named(const std::string& name);

// `occurrences` with `edits` applied in the order given (the order staff made them); an
// added event appears when it overlaps [from, to). The result is ordered by start.
std::vector<Occurrence> apply_programme_edits(std::vector<Occurrence> occurrences,
                                              const std::vector<ProgrammeEdit>& edits, UnixSeconds from,
                                              UnixSeconds to);

// Whether `shown` is as `edit` left it: after the server's answer, an edit that is not
// has been overruled by a later change there.
bool edit_shows_in(const ProgrammeEdit& edit, const Occurrence& shown);

} // namespace olohuone
