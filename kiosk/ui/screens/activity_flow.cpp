#include "ui/screens/activity_flow.h"

#include "ui/screens/choice_screen.h"
#include "ui/screens/event_row.h"
#include "ui/screens/message_screens.h"
#include "ui/screens/storage_full_screen.h"
#include "ui/screens/visit_flow.h"

namespace olohuone::ui {
namespace {

constexpr const char* no_break_space = "\u00A0";

// How long a new registration's thank-you waits for the server's decision of its place.
constexpr UnixSeconds place_wait_seconds = 3;

struct PlaceWait {
    RegistrationReceipt receipt; // this kiosk's decision, then the server's
    bool waiting = false;
    UnixSeconds until = 0;
};

std::unique_ptr<Screen> thanks(std::function<Message(const ScreenContext&)> describe, const ScreenContext& context)
{
    return std::make_unique<ThanksScreen>(std::move(describe), context.thank_you_ms);
}

std::string who_label(const VisitorIdentity& who, const std::string& shown_name, const ScreenContext& context)
{
    return visitor_label(shown_name, who.group_id, who.marker_id, context);
}

// "Asukas · Ruusu", and the queue number for someone on the waiting list.
std::string registrant_detail(const Registrant& registrant, const ScreenContext& context)
{
    std::string detail = visitor_detail(registrant.group_id, registrant.marker_id, context);
    if (!registrant.coming && registrant.queue_position > 0)
        detail += " · "
            + context.catalog.format("activity.queue_number",
                                     {{"position", std::to_string(registrant.queue_position)}});
    return detail;
}

// What a registration's thank-you and confirmation say about the place.
std::string standing_line(bool coming, int queue_position, const Occurrence& activity, const ScreenContext& context)
{
    if (coming || queue_position <= 0)
        return context.catalog.format("activity.you_are_coming", {{"activity", activity_label(activity, context)}});
    return context.catalog.format("activity.you_are_waiting", {{"position", std::to_string(queue_position)}});
}

std::unique_ptr<Screen> confirm_registration(const Occurrence& activity, const VisitorIdentity& who,
                                             const std::string& shown_name, const ScreenContext& context)
{
    const std::string key = context.visits.new_key();
    const bool full = context.activities.status(activity).full();
    return std::make_unique<ConfirmScreen>(
        "register_confirm",
        [activity, who, shown_name](const ScreenContext& now) {
            const ActivityStatus status = now.activities.status(activity);
            Message message{now.catalog.text("activity.confirm_register"),
                            {who_label(who, shown_name, now), activity_label(activity, now)},
                            now.catalog.text("activity.privacy")};
            if (status.full())
                message.lines.push_back(now.catalog.format(
                    "activity.full_queue", {{"position", std::to_string(status.places.waiting + 1)}}));
            else if (status.places.capacity)
                message.lines.push_back(places_text(status, now.catalog));
            return message;
        },
        full ? "activity.confirm_queue_yes" : "activity.confirm_register_yes",
        [activity, who, key](const ScreenContext& now) -> Result<ScreenAction> {
            // The closing time passed while the visitor was on their way here: say so,
            // rather than that something failed.
            if (now.activities.status(activity).registration != RegistrationState::Open)
                return ScreenAction::finish(thanks(
                    [activity](const ScreenContext& later) {
                        return Message{later.catalog.text("activity.closed"), {activity_label(activity, later)}, {}};
                    },
                    now));
            auto receipt = now.activities.register_visitor(activity, who, key);
            if (!receipt)
                return receipt.error();
            // The record is on disk; where the server decides the site's places, the
            // thank-you says "checking" until it answers, for a couple of seconds at most,
            // and then the place it gave (or, without an answer, this kiosk's).
            auto place = std::make_shared<PlaceWait>(
                PlaceWait{receipt.value(), !receipt->already && now.activities.shares_places(),
                          now.now + place_wait_seconds});
            const auto describe = [activity, key, place](const ScreenContext& later) {
                if (place->waiting) {
                    if (auto decided = later.activities.site_decision(activity, key)) {
                        place->receipt = *decided;
                        place->waiting = false;
                    } else if (later.now >= place->until) {
                        place->waiting = false;
                    }
                }
                const RegistrationReceipt& done = place->receipt;
                const std::string title_key = done.already ? "activity.already" : "visit.thanks_in";
                return Message{later.catalog.format(title_key, {{"name", done.first_name}}),
                               {place->waiting ? later.catalog.text("activity.checking_place")
                                               : standing_line(done.coming, done.queue_position, activity, later)},
                               {}};
            };
            return ScreenAction::finish(std::make_unique<ThanksScreen>(
                describe, now.thank_you_ms, std::nullopt, ThanksScreen::Closing::Home,
                [place] { return place->waiting; }));
        });
}

std::unique_ptr<Screen> confirm_cancellation(const Occurrence& activity, const Registrant& registrant,
                                             const ScreenContext& context)
{
    const std::string key = context.visits.new_key();
    return std::make_unique<ConfirmScreen>(
        "cancel_confirm",
        [activity, registrant](const ScreenContext& now) {
            return Message{now.catalog.text("activity.confirm_cancel"),
                           {visitor_label(registrant.public_name, registrant.group_id, registrant.marker_id, now),
                            activity_label(activity, now)},
                           {}};
        },
        "activity.confirm_cancel_yes",
        [activity, registrant, key](const ScreenContext& now) -> Result<ScreenAction> {
            auto receipt = now.activities.cancel_registration(activity, registrant.visitor_id, key);
            if (!receipt)
                return receipt.error();
            const std::string name = receipt->first_name;
            return ScreenAction::finish(thanks(
                [activity, name](const ScreenContext& later) {
                    return Message{later.catalog.format("activity.cancelled_title", {{"name", name}}),
                                   {later.catalog.format("activity.cancelled_line",
                                                         {{"activity", activity_label(activity, later)}})},
                                   {}};
                },
                now));
        });
}

std::unique_ptr<Screen> confirm_attendance(const Occurrence& activity, const VisitorIdentity& who,
                                           const std::string& shown_name, const ScreenContext& context)
{
    const std::string key = context.visits.new_key();
    return std::make_unique<ConfirmScreen>(
        "attendance_confirm",
        [activity, who, shown_name](const ScreenContext& now) {
            return Message{now.catalog.text("activity.confirm_here"),
                           {who_label(who, shown_name, now), activity_label(activity, now)},
                           {}};
        },
        "activity.confirm_here_yes",
        [activity, who, key](const ScreenContext& now) -> Result<ScreenAction> {
            auto receipt = now.activities.mark_here(activity, who, key);
            if (!receipt)
                return receipt.error();
            const AttendanceReceipt done = receipt.value();
            return ScreenAction::finish(thanks(
                [activity, done](const ScreenContext& later) {
                    const std::string line_key = done.already ? "activity.already_here" : "activity.marked_here";
                    return Message{later.catalog.format("activity.welcome", {{"name", done.first_name}}),
                                   {later.catalog.format(line_key, {{"activity", activity_label(activity, later)}})},
                                   {}};
                },
                now));
        });
}

// A pick-your-name list of those registered; `chosen` gets the one tapped.
Choice registrant_choice(const Registrant& registrant, const ScreenContext& context)
{
    return {std::to_string(registrant.visitor_id), registrant.public_name, registrant_detail(registrant, context)};
}

const Registrant* find_registrant(const std::vector<Registrant>& registrants, const std::string& id)
{
    for (const Registrant& registrant : registrants)
        if (std::to_string(registrant.visitor_id) == id)
            return &registrant;
    return nullptr;
}

// What the attendance list remembers while it is open: the "+1" taps' outcome.
struct AttendanceDesk {
    std::vector<Registrant> registrants;
    bool failed = false;
};

// Both thank-yous of a count without a name close back to the attendance list, where the
// next person counts themselves.
std::unique_ptr<Screen> counted_thanks(const Occurrence& activity, const ScreenContext& context)
{
    ThanksScreen::Undo undo = count_undo(
        [activity](const ScreenContext& now) {
            return now.activities.withdraw_count(activity, now.visits.new_key()).ok();
        },
        "activity.count_undone_line", ThanksScreen::Closing::Back, context);
    return std::make_unique<ThanksScreen>(
        [](const ScreenContext& now) {
            return Message{now.catalog.text("visit.thanks_counted"), {now.catalog.text("activity.counted")}, {}};
        },
        context.thank_you_ms, std::move(undo), ThanksScreen::Closing::Back);
}

} // namespace

std::string places_text(const ActivityStatus& status, const Catalog& catalog, PlacesDetail detail)
{
    const Places& places = status.places;
    std::vector<std::string> parts;
    if (places.capacity) {
        parts.push_back(catalog.format("activity.coming", {{"coming", std::to_string(places.coming)},
                                                           {"capacity", std::to_string(*places.capacity)}}));
        const int left = *places.left();
        const bool brief = detail == PlacesDetail::Short;
        parts.push_back(left == 0 ? catalog.text("activity.full")
                        : brief   ? catalog.format("activity.free", {{"count", std::to_string(left)}})
                        : left == 1 ? catalog.text("activity.one_place_left")
                                    : catalog.format("activity.places_left", {{"count", std::to_string(left)}}));
    } else if (places.coming > 0) {
        parts.push_back(catalog.format("activity.coming_open", {{"coming", std::to_string(places.coming)}}));
    }
    if (places.waiting > 0 && detail == PlacesDetail::WithQueue)
        parts.push_back(catalog.format("activity.waiting", {{"count", std::to_string(places.waiting)}}));
    // Each part stays whole on a line ("5 paikkaa vapaana", never "5 paikkaa" and then
    // "vapaana"): its spaces do not break.
    std::string text;
    for (std::string part : parts) {
        for (std::size_t at = part.find(' '); at != std::string::npos; at = part.find(' ', at))
            part.replace(at, 1, no_break_space);
        text += (text.empty() ? "" : " · ") + part;
    }
    return text;
}

std::string activity_label(const Occurrence& activity, const ScreenContext& context)
{
    const std::string& title = activity.title.in(context.catalog.language());
    return title + ", " + when_label(activity, context);
}

std::unique_ptr<Screen> make_register_screen(const Occurrence& activity, const ScreenContext& context)
{
    return make_identify_screen(
        "activity.who_comes",
        [activity](const VisitorIdentity& who, const std::string& shown_name, const ScreenContext& now) {
            return ScreenAction::push(confirm_registration(activity, who, shown_name, now));
        },
        context);
}

std::unique_ptr<Screen> make_cancel_screen(const Occurrence& activity, const ScreenContext& context)
{
    // Who cancels says who they are, as registering does: a list of everyone registered
    // would let anyone cancel anyone's place in three taps.
    return make_identify_screen(
        "activity.who_cancels",
        [activity](const VisitorIdentity& who, const std::string& shown_name, const ScreenContext& now) {
            if (const auto registrant = now.activities.registrant(activity, who))
                return ScreenAction::push(confirm_cancellation(activity, *registrant, now));
            return ScreenAction::push(std::make_unique<ChoiceScreen>(
                "cancel_not_registered",
                [activity, who, shown_name](const ScreenContext& later) {
                    ChoiceSpec spec;
                    spec.message = {later.catalog.text("activity.not_registered_title"),
                                    {who_label(who, shown_name, later),
                                     later.catalog.format("activity.not_registered",
                                                          {{"activity", activity_label(activity, later)}})},
                                    {}};
                    return spec;
                },
                [](const std::string&, const ScreenContext&) { return ScreenAction{}; }, true));
        },
        context);
}

std::unique_ptr<Screen> make_attendance_screen(const Occurrence& activity, const ScreenContext& context)
{
    auto desk = std::make_shared<AttendanceDesk>();
    desk->registrants = context.activities.registrants(activity);
    return std::make_unique<ChoiceScreen>(
        "attendance_list",
        [activity, desk](const ScreenContext& now) {
            const ActivityStatus status = now.activities.status(activity);
            ChoiceSpec spec;
            spec.message.title = now.catalog.text("activity.pick_here");
            spec.message.lines.push_back(now.catalog.format(
                "activity.here_count",
                {{"named", std::to_string(status.here_named)}, {"anonymous", std::to_string(status.here_anonymous)}}));
            if (desk->failed)
                spec.message.lines.push_back(now.catalog.text("visit.not_saved"));
            for (const Registrant& registrant : desk->registrants)
                if (!registrant.here)
                    spec.choices.push_back(registrant_choice(registrant, now));
            spec.empty_text = now.catalog.text(desk->registrants.empty() ? "activity.nobody_registered"
                                                                         : "activity.all_marked");
            spec.extra_controls.push_back(
                {"attendance/walk_in", now.catalog.text("activity.walk_in"), ButtonStyle::Unselected});
            spec.extra_controls.push_back(
                {"attendance/plus_one", now.catalog.text("activity.plus_one"), ButtonStyle::Primary});
            return spec;
        },
        [activity, desk](const std::string& id, const ScreenContext& now) {
            if (id == "attendance/plus_one") {
                // One tap is one person: the tap recognizer has already dropped a shaky
                // hand's second touch, and the thank-you between two counts says each one.
                const auto marked = now.activities.mark_here(activity, std::nullopt, now.visits.new_key());
                if (!marked)
                    if (auto full = storage_full_action(marked.error(), now))
                        return std::move(*full);
                desk->failed = !marked.ok();
                return marked ? ScreenAction::push(counted_thanks(activity, now)) : ScreenAction{};
            }
            if (id == "attendance/walk_in")
                return ScreenAction::push(make_identify_screen(
                    "activity.who_is_here",
                    [activity](const VisitorIdentity& who, const std::string& shown_name, const ScreenContext& later) {
                        return ScreenAction::push(confirm_attendance(activity, who, shown_name, later));
                    },
                    now));
            const Registrant* registrant = find_registrant(desk->registrants, id);
            if (registrant == nullptr || registrant->here)
                return ScreenAction{};
            return ScreenAction::push(confirm_attendance(
                activity, VisitorIdentity{registrant->visitor_id, {}, registrant->group_id, registrant->marker_id},
                registrant->public_name, now));
        },
        false);
}

} // namespace olohuone::ui
