#include "ui/screens/staff/programme_screens.h"

#include <algorithm>
#include <set>

#include "ui/screens/choice_screen.h"
#include "ui/screens/event_row.h"
#include "ui/screens/staff/staff_controls.h"

namespace olohuone::ui {
namespace {

constexpr const char* programme_screen_name = "staff_programme";
constexpr const char* earlier_day_id = "programme/earlier";
constexpr const char* later_day_id = "programme/later";
constexpr const char* add_event_id = "programme/add";
// Moves offered for an occurrence, in minutes; those leaving its day are left out.
constexpr int time_shifts[] = {-120, -60, -30, -15, 15, 30, 60, 120};
// Numbers of places offered, besides "no limit".
constexpr int capacities[] = {5, 8, 10, 12, 15, 20, 25, 30, 40};
// A one-off event starts on the half hour between these hours.
constexpr int first_start_hour = 8;
constexpr int last_start_hour = 20;

// What the programme screens share while staff work on one day: the day, the
// occurrences the list showed (a tap names one by its place in it), and the line saying
// what the last change did.
struct ProgrammeDay {
    CivilDate day;
    std::vector<Occurrence> shown;
    std::string last_change;
};

using Day = std::shared_ptr<ProgrammeDay>;

std::optional<Occurrence> find_shown(const Day& day, const std::string& uid, UnixSeconds instance,
                                     const ScreenContext& context)
{
    for (Occurrence& occurrence : context.programme.occurrences_on(day->day))
        if (occurrence.uid == uid && occurrence.instance == instance)
            return occurrence;
    return std::nullopt;
}

std::string places_label(const std::optional<int>& capacity, const ScreenContext& context)
{
    return capacity ? context.catalog.format("staff.places", {{"count", std::to_string(*capacity)}})
                    : context.catalog.text("staff.no_limit");
}

// "10.00–11.00 · Sali", then "Peruttu" on a line of its own (the list), or
// "10.00–11.00 · Sali · 15 paikkaa · Peruttu" (the occurrence's own screen): the
// occurrence as staff check it.
enum class Detail { Brief, Whole };
std::string occurrence_detail(const Occurrence& occurrence, const ScreenContext& context, Detail detail_wanted)
{
    std::string detail = time_label(occurrence, context);
    if (const std::string& place = occurrence.location.in(context.catalog.language()); !place.empty())
        detail += " · " + place;
    if (occurrence.capacity && detail_wanted == Detail::Whole)
        detail += " · " + places_label(occurrence.capacity, context);
    if (occurrence.status == EventStatus::Cancelled)
        detail += (detail_wanted == Detail::Brief ? "\n" : " · ") + context.catalog.text("staff.cancelled");
    return detail;
}

// A word in the list, and a sentence on the occurrence's own screen, on where staff's
// change stands.
const char* standing_key(EditStanding standing, bool sentence)
{
    switch (standing) {
    case EditStanding::None:
        return nullptr;
    case EditStanding::Kept:
        return sentence ? "staff.edit_kept_line" : "staff.edit_here";
    case EditStanding::Here:
        return sentence ? "staff.edit_here_line" : "staff.edit_here";
    case EditStanding::InEffect:
        return sentence ? "staff.edit_in_effect_line" : "staff.edit_in_effect";
    case EditStanding::Overruled:
        return sentence ? "staff.edit_overruled_line" : "staff.edit_overruled";
    case EditStanding::Refused:
        return sentence ? "staff.edit_refused_line" : "staff.edit_refused";
    }
    return nullptr;
}

// A change with the occurrence's times, place and capacity as they are now, for one of
// them to be set (or, given another action, a cancel or restore of it as it is now).
ProgrammeEdit change_of(const Occurrence& occurrence, const ScreenContext& context)
{
    ProgrammeEdit edit;
    edit.action = EditAction::Change;
    edit.key = context.visits.new_key();
    edit.uid = occurrence.uid;
    edit.instance = occurrence.instance;
    edit.start = occurrence.start;
    edit.end = occurrence.end;
    edit.capacity = occurrence.capacity;
    return edit;
}

// Stores `edit` and notes on `day` what it did: `done` when stored, else why not.
ScreenAction save(const ProgrammeEdit& edit, const std::string& done, const Day& day, const ScreenContext& context,
                  ScreenAction then)
{
    const Result<void> stored = context.staff.edit_programme(edit);
    day->last_change = stored                                         ? done
        : stored.error().kind == ErrorKind::StorageFull ? context.catalog.text("staff.storage_full")
                                                        : context.catalog.text("visit.not_saved");
    return then;
}

std::unique_ptr<Screen> make_time_screen(const Day& day, const Occurrence& occurrence, MonotonicMs closes_after_ms)
{
    const auto starts = [day, occurrence](const ScreenContext& context) {
        std::vector<int> shifts;
        for (int minutes : time_shifts) {
            const UnixSeconds start = occurrence.start + minutes * 60;
            if (context.zone.to_local(start).date == day->day && context.zone.to_local(start).date
                == context.zone.to_local(occurrence.end + minutes * 60 - 1).date)
                shifts.push_back(minutes);
        }
        return shifts;
    };
    return staff_choices(
        "staff_edit_time",
        [occurrence, starts](const ScreenContext& now) {
            ChoiceSpec spec;
            spec.message.title = now.catalog.format("staff.when_now", {{"title", occurrence.title.in(
                                                                                     now.catalog.language())}});
            spec.message.lines.push_back(now.catalog.format("staff.now_at", {{"time", time_label(occurrence, now)}}));
            for (int minutes : starts(now)) {
                Occurrence moved = occurrence;
                moved.start += minutes * 60;
                moved.end += minutes * 60;
                const std::string shift = (minutes < 0 ? "−" : "+")
                    + (std::abs(minutes) % 60 == 0 ? std::to_string(std::abs(minutes) / 60) + " h"
                                                   : std::to_string(std::abs(minutes)) + " min");
                spec.choices.push_back({std::to_string(minutes), time_label(moved, now), shift});
            }
            return spec;
        },
        [day, occurrence](const std::string& id, const ScreenContext& now) -> ScreenAction {
            for (int minutes : time_shifts) {
                if (id != std::to_string(minutes))
                    continue;
                ProgrammeEdit edit = change_of(occurrence, now);
                edit.start += minutes * 60;
                edit.end += minutes * 60;
                Occurrence moved = occurrence;
                moved.start = edit.start;
                moved.end = edit.end;
                return save(edit, now.catalog.format("staff.moved_to", {{"time", time_label(moved, now)}}), day, now,
                            ScreenAction::pop());
            }
            return {};
        },
        closes_after_ms);
}

// Every place the programme and the templates name, so staff pick one rather than type it.
std::vector<std::string> known_places(const ScreenContext& context)
{
    std::set<std::string> places;
    for (int ahead = 0; ahead <= context.days_ahead; ++ahead)
        for (const Occurrence& occurrence : context.programme.occurrences_on(context.local_now.date.plus_days(ahead)))
            if (!occurrence.location.default_text().empty())
                places.insert(occurrence.location.default_text());
    for (const EventTemplate& event : context.staff.event_templates())
        if (!event.place.empty())
            places.insert(event.place);
    return {places.begin(), places.end()};
}

std::unique_ptr<Screen> make_place_screen(const Day& day, const Occurrence& occurrence, MonotonicMs closes_after_ms)
{
    auto places = std::make_shared<std::vector<std::string>>();
    return staff_choices(
        "staff_edit_place",
        [occurrence, places](const ScreenContext& now) {
            *places = known_places(now);
            std::erase(*places, occurrence.location.default_text());
            ChoiceSpec spec;
            spec.message.title = now.catalog.format("staff.where_now", {{"title", occurrence.title.in(
                                                                                      now.catalog.language())}});
            if (const std::string& place = occurrence.location.in(now.catalog.language()); !place.empty())
                spec.message.lines.push_back(now.catalog.format("staff.now_in", {{"place", place}}));
            for (const std::string& place : *places)
                spec.choices.push_back({place, place});
            spec.empty_text = now.catalog.text("staff.no_places");
            return spec;
        },
        [day, occurrence, places](const std::string& id, const ScreenContext& now) -> ScreenAction {
            if (std::find(places->begin(), places->end(), id) == places->end())
                return {};
            ProgrammeEdit edit = change_of(occurrence, now);
            edit.location = id;
            return save(edit, now.catalog.format("staff.moved_place", {{"place", id}}), day, now, ScreenAction::pop());
        },
        closes_after_ms);
}

std::unique_ptr<Screen> make_capacity_screen(const Day& day, const Occurrence& occurrence,
                                             MonotonicMs closes_after_ms)
{
    // Never fewer places than people registered: that would move some of them to the
    // waiting list without anyone telling them.
    const auto offered = [occurrence](const ScreenContext& context) {
        const Places places = context.activities.status(occurrence).places;
        const int registered = places.coming + places.waiting;
        std::vector<std::optional<int>> choices;
        if (occurrence.capacity)
            choices.push_back(std::nullopt);
        for (int count : capacities)
            if (occurrence.capacity != count && count >= registered)
                choices.push_back(count);
        return choices;
    };
    return staff_choices(
        "staff_edit_capacity",
        [occurrence, offered](const ScreenContext& now) {
            ChoiceSpec spec;
            spec.message.title = now.catalog.format("staff.how_many_now",
                                                    {{"title", occurrence.title.in(now.catalog.language())}});
            const ActivityStatus status = now.activities.status(occurrence);
            spec.message.lines.push_back(now.catalog.format(
                "staff.capacity_now", {{"places", places_label(occurrence.capacity, now)},
                                       {"registered", std::to_string(status.places.coming + status.places.waiting)}}));
            for (const std::optional<int>& count : offered(now))
                spec.choices.push_back({count ? std::to_string(*count) : "none", places_label(count, now)});
            spec.empty_text = now.catalog.text("staff.no_fewer_places");
            return spec;
        },
        [day, occurrence, offered](const std::string& id, const ScreenContext& now) -> ScreenAction {
            for (const std::optional<int>& count : offered(now)) {
                if (id != (count ? std::to_string(*count) : "none"))
                    continue;
                ProgrammeEdit edit = change_of(occurrence, now);
                edit.capacity = count;
                return save(edit, now.catalog.format("staff.capacity_set", {{"places", places_label(count, now)}}),
                            day, now, ScreenAction::pop());
            }
            return {};
        },
        closes_after_ms);
}

// Cancelling takes a second tap on a screen that says what it means: one tap in passing
// must not take an event from the residents' day. Either answer ends at the day's list.
std::unique_ptr<Screen> make_cancel_screen(const Day& day, const Occurrence& occurrence, MonotonicMs closes_after_ms)
{
    return staff_choices(
        "staff_confirm_cancel",
        [occurrence](const ScreenContext& now) {
            ChoiceSpec spec;
            spec.message.title = now.catalog.format("staff.cancel_question",
                                                    {{"title", occurrence.title.in(now.catalog.language())}});
            spec.message.lines.push_back(occurrence_detail(occurrence, now, Detail::Whole));
            const Places places = now.activities.status(occurrence).places;
            if (places.coming + places.waiting > 0)
                spec.message.lines.push_back(now.catalog.format(
                    "staff.cancel_registered", {{"count", std::to_string(places.coming + places.waiting)}}));
            spec.choices.push_back({"yes", now.catalog.text("staff.cancel_yes")});
            spec.choices.push_back({"no", now.catalog.text("staff.cancel_no"), {}, ButtonStyle::Unselected});
            return spec;
        },
        [day, occurrence](const std::string& id, const ScreenContext& now) -> ScreenAction {
            if (id == "no")
                return ScreenAction::back_to(programme_screen_name);
            if (id != "yes")
                return {};
            ProgrammeEdit edit = change_of(occurrence, now);
            edit.action = EditAction::Cancel;
            return save(edit,
                        now.catalog.format("staff.cancelled_line",
                                           {{"title", occurrence.title.in(now.catalog.language())}}),
                        day, now, ScreenAction::back_to(programme_screen_name));
        },
        closes_after_ms);
}

// The occurrence's screen as it will read once staff change something here: it keeps
// room for that, so its buttons do not move when a change is made.
std::vector<Message> edit_screen_messages(const Message& shown, const ScreenContext& context)
{
    std::vector<Message> messages;
    for (EditStanding standing : {EditStanding::Kept, EditStanding::Here}) {
        Message message = shown;
        message.lines.resize(1);
        message.lines.push_back(context.catalog.text(standing_key(standing, true)));
        messages.push_back(std::move(message));
    }
    return messages;
}

std::unique_ptr<Screen> make_edit_screen(const Day& day, const Occurrence& chosen, MonotonicMs closes_after_ms)
{
    // The occurrence is found again each time: the change just made is what shows.
    const std::string uid = chosen.uid;
    const UnixSeconds instance = chosen.instance;
    return staff_choices(
        "staff_edit",
        [day, uid, instance](const ScreenContext& now) {
            ChoiceSpec spec;
            const std::optional<Occurrence> occurrence = find_shown(day, uid, instance, now);
            spec.empty_text = now.catalog.text("staff.edit_gone");
            if (!occurrence)
                return spec;
            spec.message.title = occurrence->title.in(now.catalog.language());
            spec.message.lines.push_back(occurrence_detail(*occurrence, now, Detail::Whole));
            if (!day->last_change.empty())
                spec.message.lines.push_back(day->last_change);
            else if (const char* key = standing_key(now.staff.edit_standing(*occurrence), true))
                spec.message.lines.push_back(now.catalog.text(key));
            spec.message_alternatives = edit_screen_messages(spec.message, now);
            // Four changes on one page of a 7" panel: staff's screen, staff's hands.
            spec.choice_height_mm = sizes::min_target_mm + 1.0;
            if (occurrence->status == EventStatus::Cancelled) {
                spec.choices.push_back({"restore", now.catalog.text("staff.restore")});
                return spec;
            }
            // The changes first and alike; cancelling last, where it is not tapped in passing.
            if (occurrence->span == EventSpan::Timed) {
                spec.choices.push_back({"time", now.catalog.text("staff.change_time"), {}, ButtonStyle::Unselected});
                spec.choices.push_back(
                    {"capacity", now.catalog.text("staff.change_capacity"), {}, ButtonStyle::Unselected});
            }
            spec.choices.push_back({"place", now.catalog.text("staff.change_place"), {}, ButtonStyle::Unselected});
            spec.choices.push_back({"cancel", now.catalog.text("staff.cancel"), {}, ButtonStyle::Unselected});
            return spec;
        },
        [day, uid, instance, closes_after_ms](const std::string& id, const ScreenContext& now) -> ScreenAction {
            const std::optional<Occurrence> occurrence = find_shown(day, uid, instance, now);
            if (!occurrence)
                return {};
            day->last_change.clear();
            if (id == "restore") {
                ProgrammeEdit edit = change_of(*occurrence, now);
                edit.action = EditAction::Restore;
                return save(edit,
                            now.catalog.format("staff.restored_line",
                                               {{"title", occurrence->title.in(now.catalog.language())}}),
                            day, now, ScreenAction::back_to(programme_screen_name));
            }
            if (id == "cancel")
                return ScreenAction::push(make_cancel_screen(day, *occurrence, closes_after_ms));
            if (id == "time")
                return ScreenAction::push(make_time_screen(day, *occurrence, closes_after_ms));
            if (id == "place")
                return ScreenAction::push(make_place_screen(day, *occurrence, closes_after_ms));
            if (id == "capacity")
                return ScreenAction::push(make_capacity_screen(day, *occurrence, closes_after_ms));
            return {};
        },
        closes_after_ms);
}

// The half hours on `day` from now (or the first start hour) to the last start hour.
std::vector<UnixSeconds> start_times(const CivilDate& day, const ScreenContext& context)
{
    std::vector<UnixSeconds> starts;
    for (int half_hours = first_start_hour * 2; half_hours <= last_start_hour * 2; ++half_hours) {
        const UnixSeconds start = context.zone.to_instant({day, {half_hours / 2, (half_hours % 2) * 30, 0}});
        if (start >= context.now)
            starts.push_back(start);
    }
    return starts;
}

std::unique_ptr<Screen> make_start_screen(const Day& day, const EventTemplate& event, MonotonicMs closes_after_ms)
{
    const auto as_occurrence = [event](UnixSeconds start) {
        Occurrence occurrence;
        occurrence.start = start;
        occurrence.end = start + event.minutes * 60;
        return occurrence;
    };
    return staff_choices(
        "staff_add_time",
        [day, event, as_occurrence](const ScreenContext& now) {
            ChoiceSpec spec;
            spec.message.title = now.catalog.format("staff.when_starts", {{"title", event.title.in(
                                                                                       now.catalog.language())}});
            spec.message.lines.push_back(now.catalog.day_heading(day->day));
            for (UnixSeconds start : start_times(day->day, now))
                spec.choices.push_back({std::to_string(start), time_label(as_occurrence(start), now)});
            spec.empty_text = now.catalog.text("staff.day_over");
            return spec;
        },
        [day, event, as_occurrence](const std::string& id, const ScreenContext& now) -> ScreenAction {
            for (UnixSeconds start : start_times(day->day, now)) {
                if (id != std::to_string(start))
                    continue;
                ProgrammeEdit edit;
                edit.action = EditAction::Add;
                edit.key = now.visits.new_key();
                edit.uid = edit.key + "@kiosk.olohuone";
                edit.instance = edit.start = start;
                edit.end = start + event.minutes * 60;
                if (!event.place.empty())
                    edit.location = event.place;
                edit.capacity = event.capacity;
                edit.title = event.title; // with its translations: Swedish and English visitors read them
                const std::string done = now.catalog.format(
                    "staff.added", {{"title", event.title.in(now.catalog.language())},
                                    {"time", time_label(as_occurrence(start), now)}});
                return save(edit, done, day, now, ScreenAction::back_to(programme_screen_name));
            }
            return {};
        },
        closes_after_ms);
}

std::unique_ptr<Screen> make_template_screen(const Day& day, MonotonicMs closes_after_ms)
{
    return staff_choices(
        "staff_add_event",
        [day](const ScreenContext& now) {
            ChoiceSpec spec;
            spec.message.title = now.catalog.format("staff.add_title", {{"day", now.catalog.day_in_text(day->day)}});
            const std::vector<EventTemplate>& templates = now.staff.event_templates();
            for (std::size_t i = 0; i < templates.size(); ++i) {
                const EventTemplate& event = templates[i];
                std::string detail = std::to_string(event.minutes) + " min";
                if (!event.place.empty())
                    detail += " · " + event.place;
                if (event.capacity)
                    detail += " · " + places_label(event.capacity, now);
                spec.choices.push_back({std::to_string(i), event.title.in(now.catalog.language()), detail});
            }
            spec.empty_text = now.catalog.text("staff.no_templates");
            return spec;
        },
        [day, closes_after_ms](const std::string& id, const ScreenContext& now) -> ScreenAction {
            const std::vector<EventTemplate>& templates = now.staff.event_templates();
            for (std::size_t i = 0; i < templates.size(); ++i)
                if (id == std::to_string(i))
                    return ScreenAction::push(make_start_screen(day, templates[i], closes_after_ms));
            return {};
        },
        closes_after_ms);
}

} // namespace

std::unique_ptr<Screen> make_staff_programme_screen(const ScreenContext& context, MonotonicMs closes_after_ms)
{
    auto day = std::make_shared<ProgrammeDay>();
    day->day = context.local_now.date;
    return staff_choices(
        programme_screen_name,
        [day](const ScreenContext& now) {
            const CivilDate today = now.local_now.date;
            day->day = std::clamp(day->day, today, today.plus_days(now.days_ahead));
            day->shown = now.programme.occurrences_on(day->day);
            ChoiceSpec spec;
            spec.message.title = now.catalog.format("staff.programme_title",
                                                    {{"day", now.catalog.day_in_text(day->day)}});
            spec.message.lines.push_back(day->last_change.empty() ? now.catalog.text("staff.programme_hint")
                                                                  : day->last_change);
            for (const Occurrence& occurrence : day->shown) {
                std::string detail = occurrence_detail(occurrence, now, Detail::Brief);
                if (const char* key = standing_key(now.staff.edit_standing(occurrence), false))
                    detail += (occurrence.status == EventStatus::Cancelled ? " · " : "\n") + now.catalog.text(key);
                // By its key, not its place in the list: the list may change between the
                // finger coming down and lifting (a new programme, midnight).
                spec.choices.push_back({occurrence.key(), occurrence.title.in(now.catalog.language()), detail,
                                        occurrence.status == EventStatus::Cancelled ? ButtonStyle::Unselected
                                                                                    : ButtonStyle::Primary});
            }
            spec.min_choice_width_mm = 50.0; // titles run long: two columns on a 7" panel
            spec.empty_text = now.catalog.text("staff.programme_empty");
            ControlGroup days;
            days.caption = now.catalog.text("staff.day");
            if (day->day > today)
                days.buttons.push_back({earlier_day_id, "◀", ButtonStyle::Unselected});
            if (day->day < today.plus_days(now.days_ahead))
                days.buttons.push_back({later_day_id, "▶", ButtonStyle::Unselected});
            if (!days.buttons.empty())
                spec.control_groups.push_back(std::move(days));
            spec.extra_controls.push_back({add_event_id, now.catalog.text("staff.add_event"), ButtonStyle::Primary});
            return spec;
        },
        [day, closes_after_ms](const std::string& id, const ScreenContext&) -> ScreenAction {
            if (id == earlier_day_id || id == later_day_id) {
                day->day = day->day.plus_days(id == earlier_day_id ? -1 : 1);
                day->last_change.clear();
                return {};
            }
            if (id == add_event_id)
                return ScreenAction::push(make_template_screen(day, closes_after_ms));
            for (const Occurrence& occurrence : day->shown)
                if (id == occurrence.key()) {
                    day->last_change.clear();
                    return ScreenAction::push(make_edit_screen(day, occurrence, closes_after_ms));
                }
            return {};
        },
        closes_after_ms);
}

} // namespace olohuone::ui
