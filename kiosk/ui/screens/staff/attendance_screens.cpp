#include "ui/screens/staff/attendance_screens.h"

#include "core/registration.h"
#include "core/visitor_name.h"
#include "ui/screens/choice_screen.h"
#include "ui/screens/event_row.h"
#include "ui/screens/staff/staff_controls.h"
#include "ui/screens/visit_flow.h"

namespace olohuone::ui {
namespace {

constexpr const char* add_name_id = "attendance/add_name";
constexpr const char* plus_one_id = "attendance/plus_one";
constexpr const char* minus_one_id = "attendance/minus_one";
constexpr const char* walk_in_prefix = "walk_in/";
constexpr const char* restore_prefix = "restore/";
constexpr const char* restore_yes_id = "restore/yes";
// The latest moves into places and into the queue the sheet's heading tells.
constexpr std::size_t changes_shown = 2;

// The line under the title saying what the last tap did, so staff see it took.
struct LastChange {
    std::string text;
};

// "Osallistujia voi merkitä klo 10.30 alkaen." (`key` staff.attendance_opens), or the
// list's short "avautuu 10.30" (staff.opens_at).
std::string opens_line(const char* key, const AttendanceSheet& sheet, const ScreenContext& context)
{
    return context.catalog.format(key, {{"time", context.catalog.clock(context.zone.to_local(sheet.opens_at).time)}});
}

// What the line under the title says after a change: what it did, or why it was not made.
std::string outcome_text(const Result<std::string>& outcome, const ScreenContext& now)
{
    return outcome.ok()                                     ? outcome.value()
        : outcome.error().kind == ErrorKind::StorageFull ? now.catalog.text("staff.storage_full")
                                                         : now.catalog.text("visit.not_saved");
}

// "10.05 Helmi Laine pääsi mukaan jonosta.": a move staff should know of, since the
// person who moved may not.
std::string change_line(const PlaceChange& change, const ScreenContext& now)
{
    const std::string time = now.catalog.clock(now.zone.to_local(change.at).time);
    if (change.promoted)
        return now.catalog.format("staff.move_promoted", {{"time", time}, {"name", change.name}});
    return now.catalog.format(change.by_server ? "staff.move_to_queue_by_server" : "staff.move_to_queue",
                              {{"time", time}, {"name", change.name},
                               {"position", std::to_string(change.queue_position)}});
}

// "Aino Korhonen saa alkuperäisen paikkansa takaisin. Helmi Laine siirtyy takaisin jonoon."
std::vector<std::string> restore_lines(const RestoreReceipt& receipt, const ScreenContext& now)
{
    std::vector<std::string> lines;
    lines.push_back(receipt.coming ? now.catalog.format("staff.restore_gets_place", {{"name", receipt.name}})
                                   : now.catalog.format("staff.restore_waits",
                                                        {{"name", receipt.name},
                                                         {"position", std::to_string(receipt.queue_position)}}));
    for (const std::string& name : receipt.to_queue)
        lines.push_back(now.catalog.format("staff.restore_bumps", {{"name", name}}));
    return lines;
}

// The line a tap leaves: `done` when its record was stored, else why not.
template <typename Value>
Result<std::string> line_after(const Result<Value>& stored, std::string done)
{
    if (!stored)
        return stored.error();
    return done;
}

// "✓ Paikalla · Asukas", "✓ Paikalla · ei ilmoittautunut · Omainen": what matters to
// staff first, since a narrow button ends the line in "…".
std::string marked_detail(bool here, bool registered, const std::string& group_id, const std::string& marker_id,
                          const ScreenContext& context)
{
    std::string detail = context.catalog.text(here ? "staff.marked_here" : "staff.not_marked");
    if (!registered)
        detail += " · " + context.catalog.text("staff.not_registered");
    if (const std::string who = visitor_detail(group_id, marker_id, context); !who.empty())
        detail += " · " + who;
    return detail;
}

// "Aino K. · ✓ Paikalla · Jonossa sijalla 2 · paikka päätetty tällä laitteella · Asukas"
std::string registrant_detail(const Registrant& registrant, bool shares_places, const ScreenContext& context)
{
    std::string detail = context.catalog.text(registrant.here ? "staff.marked_here" : "staff.not_marked");
    if (!registrant.coming && registrant.queue_position > 0)
        detail += " · "
            + context.catalog.format("activity.queue_number",
                                     {{"position", std::to_string(registrant.queue_position)}});
    if (shares_places && !registrant.known_to_server)
        detail += " · " + context.catalog.text("staff.decided_here");
    if (const std::string who = visitor_detail(registrant.group_id, registrant.marker_id, context); !who.empty())
        detail += " · " + who;
    return detail;
}

// Undoing a cancellation made by mistake: what it will do first (whose place it takes
// back), then one tap.
std::unique_ptr<Screen> make_restore_screen(const Occurrence& activity, const Cancellation& cancellation,
                                            std::shared_ptr<LastChange> last, std::string key,
                                            MonotonicMs closes_after_ms)
{
    return staff_choices(
        "staff_restore",
        [activity, cancellation, key](const ScreenContext& now) {
            ChoiceSpec spec;
            spec.message.title = now.catalog.text("staff.restore_title");
            spec.message.lines.push_back(cancellation.name + ", " + time_label(activity, now) + " "
                                         + activity.title.in(now.catalog.language()));
            auto preview = now.staff.restore_registration(activity, cancellation.registration_key, key, true);
            if (preview) {
                for (std::string& line : restore_lines(preview.value(), now))
                    spec.message.lines.push_back(std::move(line));
                spec.choices.push_back({restore_yes_id, now.catalog.text("staff.restore_yes"), "", ButtonStyle::Primary});
            } else {
                spec.message.lines.push_back(now.catalog.text("visit.not_saved"));
            }
            return spec; // "Takaisin" leaves it as it is
        },
        [activity, cancellation, last, key](const std::string& id, const ScreenContext& now) -> ScreenAction {
            if (id != restore_yes_id)
                return {};
            auto restored = now.staff.restore_registration(activity, cancellation.registration_key, key, false);
            // Whom it put back in the queue, the sheet's heading tells with the other moves.
            last->text = restored ? now.catalog.format("staff.restored", {{"name", restored->name}})
                                  : outcome_text(restored.error(), now);
            return ScreenAction::back_to(staff_attendance_screen_name);
        },
        closes_after_ms);
}

std::unique_ptr<Screen> make_attendance_sheet_screen(const Occurrence& activity, MonotonicMs closes_after_ms)
{
    auto last = std::make_shared<LastChange>();
    // Every tap is a change with a key of its own: the tap recogniser has already dropped
    // a shaky hand's second touch, and the line under the title says what each one did.
    const auto record = [last](Result<std::string> outcome, const ScreenContext& now) {
        last->text = outcome_text(outcome, now);
        return ScreenAction{};
    };
    return staff_choices(
        staff_attendance_screen_name,
        [activity, last](const ScreenContext& now) {
            const AttendanceSheet sheet = now.staff.attendance_sheet(activity);
            ChoiceSpec spec;
            spec.message.title = time_label(activity, now) + " " + activity.title.in(now.catalog.language());
            spec.message.lines.push_back(now.catalog.format(
                "activity.here_count",
                {{"named", std::to_string(sheet.named_here())}, {"anonymous", std::to_string(sheet.anonymous)}}));
            for (std::size_t i = 0; i < sheet.changes.size() && i < changes_shown; ++i)
                spec.message.lines.push_back(change_line(sheet.changes[i], now));
            if (!last->text.empty())
                spec.message.lines.push_back(last->text);
            else if (!sheet.open)
                spec.message.lines.push_back(now.now < sheet.opens_at ? opens_line("staff.attendance_opens", sheet, now)
                                                                      : now.catalog.text("staff.attendance_closed"));
            else
                spec.message.lines.push_back(now.catalog.text("staff.mark_hint"));
            for (const Registrant& registrant : sheet.registrants)
                spec.choices.push_back({std::to_string(registrant.visitor_id), registrant.public_name,
                                        registrant_detail(registrant, sheet.shares_places, now),
                                        registrant.here ? ButtonStyle::Selected : ButtonStyle::Unselected});
            for (const Attendee& walk_in : sheet.walk_ins)
                spec.choices.push_back({walk_in_prefix + std::to_string(walk_in.visitor_id), walk_in.public_name,
                                        marked_detail(true, false, walk_in.group_id, walk_in.marker_id, now),
                                        ButtonStyle::Selected});
            for (const Cancellation& cancellation : sheet.cancellations)
                spec.choices.push_back(
                    {restore_prefix + cancellation.registration_key, public_name(cancellation.name),
                     now.catalog.format("staff.cancelled_at",
                                        {{"time", now.catalog.clock(now.zone.to_local(cancellation.cancelled_at).time)}}),
                     ButtonStyle::Unselected});
            spec.empty_text = now.catalog.text("staff.nobody_at_activity");
            if (sheet.open) {
                spec.extra_controls.push_back({add_name_id, now.catalog.text("staff.add_name"), ButtonStyle::Primary});
                ControlGroup count;
                count.caption = now.catalog.text("staff.without_name");
                count.buttons.push_back({minus_one_id, "−1", ButtonStyle::Unselected});
                count.buttons.push_back({plus_one_id, "+1", ButtonStyle::Unselected});
                spec.control_groups.push_back(std::move(count));
            }
            return spec;
        },
        [activity, record, last, closes_after_ms](const std::string& id, const ScreenContext& now) -> ScreenAction {
            const AttendanceSheet sheet = now.staff.attendance_sheet(activity);
            if (id.starts_with(restore_prefix)) {
                for (const Cancellation& cancellation : sheet.cancellations)
                    if (id == restore_prefix + cancellation.registration_key)
                        return ScreenAction::push(
                            make_restore_screen(activity, cancellation, last, now.visits.new_key(), closes_after_ms));
                return {};
            }
            if (!sheet.open)
                return {};
            if (id == plus_one_id) {
                auto counted = now.staff.mark_present(activity, std::nullopt, now.visits.new_key());
                return record(line_after(counted, now.catalog.text("staff.counted_one_more")), now);
            }
            if (id == minus_one_id) {
                auto withdrawn = now.staff.withdraw_attendance(activity, std::nullopt, now.visits.new_key());
                if (!withdrawn)
                    return record(withdrawn.error(), now);
                return record(now.catalog.text(withdrawn.value() ? "staff.counted_one_less" : "staff.none_counted"),
                              now);
            }
            if (id == add_name_id)
                return ScreenAction::push(make_identify_screen(
                    "staff.who_came",
                    [activity, record](const VisitorIdentity& who, const std::string& shown_name,
                                       const ScreenContext& later) {
                        auto marked = later.staff.mark_present(activity, who, later.visits.new_key());
                        const std::string done = later.catalog.format("staff.marked_name_here", {{"name", shown_name}});
                        record(line_after(marked, done), later);
                        return ScreenAction::back_to(staff_attendance_screen_name);
                    },
                    now));
            // A person's button: marked → take the mark back; not marked → mark.
            const auto take_back = [&](std::int64_t visitor_id, const std::string& name) {
                auto withdrawn = now.staff.withdraw_attendance(activity, visitor_id, now.visits.new_key());
                const bool none = withdrawn && !withdrawn.value();
                const char* said = none ? "staff.was_not_marked" : "staff.marked_name_absent";
                return record(line_after(withdrawn, now.catalog.format(said, {{"name", name}})), now);
            };
            if (id.starts_with(walk_in_prefix)) {
                for (const Attendee& person : sheet.walk_ins)
                    if (id == walk_in_prefix + std::to_string(person.visitor_id))
                        return take_back(person.visitor_id, person.public_name);
                return {};
            }
            for (const Registrant& person : sheet.registrants) {
                if (id != std::to_string(person.visitor_id))
                    continue;
                if (person.here)
                    return take_back(person.visitor_id, person.public_name);
                auto marked = now.staff.mark_present(
                    activity, VisitorIdentity{person.visitor_id, {}, person.group_id, person.marker_id},
                    now.visits.new_key());
                return record(
                    line_after(marked, now.catalog.format("staff.marked_name_here", {{"name", person.public_name}})),
                    now);
            }
            return {};
        },
        closes_after_ms);
}

} // namespace

std::unique_ptr<Screen> make_staff_activities_screen(const ScreenContext& context, MonotonicMs closes_after_ms)
{
    // Today's activities as they were when staff opened the list; a programme change
    // while it is open shows the next time.
    std::vector<Occurrence> activities;
    for (Occurrence& occurrence : context.programme.occurrences_on(context.local_now.date))
        if (takes_registrations(occurrence) && occurrence.status != EventStatus::Cancelled)
            activities.push_back(std::move(occurrence));
    return staff_choices(
        "staff_activities",
        [activities](const ScreenContext& now) {
            ChoiceSpec spec;
            spec.message.title = now.catalog.text("staff.pick_activity");
            spec.min_choice_width_mm = 70.0; // titles run long: two columns on a 7" panel
            for (std::size_t i = 0; i < activities.size(); ++i) {
                const Occurrence& activity = activities[i];
                const AttendanceSheet sheet = now.staff.attendance_sheet(activity);
                const int here = sheet.named_here() + sheet.anonymous;
                const std::string state = !sheet.open && now.now < sheet.opens_at
                    ? opens_line("staff.opens_at", sheet, now)
                    : now.catalog.format("staff.present_count", {{"count", std::to_string(here)}});
                spec.choices.push_back({std::to_string(i), activity.title.in(now.catalog.language()),
                                        time_label(activity, now) + " · " + state,
                                        sheet.open ? ButtonStyle::Primary : ButtonStyle::Unselected});
            }
            spec.empty_text = now.catalog.text("staff.no_activities");
            return spec;
        },
        [activities, closes_after_ms](const std::string& id, const ScreenContext&) -> ScreenAction {
            for (std::size_t i = 0; i < activities.size(); ++i)
                if (id == std::to_string(i))
                    return ScreenAction::push(make_attendance_sheet_screen(activities[i], closes_after_ms));
            return {};
        },
        closes_after_ms);
}

} // namespace olohuone::ui
