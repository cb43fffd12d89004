#include "core/programme_edit.h"

#include <algorithm>

namespace olohuone {
namespace {

bool same_occurrence(const Occurrence& occurrence, const ProgrammeEdit& edit)
{
    return occurrence.uid == edit.uid && occurrence.instance == edit.instance;
}

void change(Occurrence& occurrence, const ProgrammeEdit& edit)
{
    // "Siirretty, oli 14.30": the time visitors saw last, even if the calendar had moved
    // it before.
    if (edit.start != occurrence.start)
        occurrence.moved_from = occurrence.start;
    occurrence.start = edit.start;
    occurrence.end = edit.end;
    occurrence.capacity = edit.capacity;
    if (edit.location)
        occurrence.location = LocalizedText(*edit.location); // staff write it in one language
}

Occurrence added(const ProgrammeEdit& edit)
{
    Occurrence occurrence;
    occurrence.uid = edit.uid;
    occurrence.instance = edit.instance;
    occurrence.start = edit.start;
    occurrence.end = edit.end;
    occurrence.title = edit.title;
    occurrence.location = LocalizedText(edit.location.value_or(""));
    occurrence.capacity = edit.capacity;
    return occurrence;
}

} // namespace

const char* action_name(EditAction action)
{
    switch (action) {
    case EditAction::Cancel:
        return "cancel";
    case EditAction::Restore:
        return "restore";
    case EditAction::Change:
        return "change";
    case EditAction::Add:
        return "add";
    }
    return "cancel";
}

std::optional<EditAction> action_named(const std::string& name)
{
    for (EditAction action : {EditAction::Cancel, EditAction::Restore, EditAction::Change, EditAction::Add})
        if (name == action_name(action))
            return action;
    return std::nullopt;
}

std::vector<Occurrence> apply_programme_edits(std::vector<Occurrence> occurrences,
                                              const std::vector<ProgrammeEdit>& edits, UnixSeconds from, UnixSeconds to)
{
    for (const ProgrammeEdit& edit : edits) {
        if (edit.action == EditAction::Add) {
            const bool overlaps = edit.start < to && edit.end > from;
            const bool known = std::any_of(occurrences.begin(), occurrences.end(),
                                           [&](const Occurrence& o) { return same_occurrence(o, edit); });
            if (overlaps && !known)
                occurrences.push_back(added(edit));
            continue;
        }
        for (Occurrence& occurrence : occurrences) {
            if (!same_occurrence(occurrence, edit))
                continue;
            if (edit.action == EditAction::Cancel)
                occurrence.status = EventStatus::Cancelled;
            else if (edit.action == EditAction::Restore)
                occurrence.status = EventStatus::Scheduled;
            else
                change(occurrence, edit);
        }
    }
    std::stable_sort(occurrences.begin(), occurrences.end(),
                     [](const Occurrence& a, const Occurrence& b) { return a.start < b.start; });
    return occurrences;
}

bool edit_shows_in(const ProgrammeEdit& edit, const Occurrence& shown)
{
    switch (edit.action) {
    case EditAction::Cancel:
        return shown.status == EventStatus::Cancelled;
    case EditAction::Restore:
        return shown.status == EventStatus::Scheduled;
    case EditAction::Change:
        return shown.start == edit.start && shown.end == edit.end && shown.capacity == edit.capacity
            && (!edit.location || shown.location.default_text() == *edit.location);
    case EditAction::Add:
        return shown.start == edit.start && shown.end == edit.end;
    }
    return false;
}

} // namespace olohuone
