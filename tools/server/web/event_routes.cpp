// The week page's event editing (docs/web.md, "Editing events"): GET
// /sites/{id}/events/new and POST /sites/{id}/events make a new event; GET
// /sites/{id}/events/edit shows an event, and POST /sites/{id}/events/occurrence,
// /events/series, /events/cancel and /events/forget change one occurrence or the whole
// event, cancel or restore them, or drop an edit. Every change rewrites the site's edits
// calendar, which the kiosks fetch with the others.
#include <algorithm>
#include <charconv>
#include <memory>

#include "core/log.h"
#include "edits_calendar.h"
#include "site_edits.h"
#include "site_programme.h"
#include "tokens.h"
#include "web/event_pages.h"
#include "web/iso_week.h"
#include "web/simple_pages.h"
#include "web/web_guard.h"
#include "web/web_route_parts.h"
#include "web/web_texts.h"

namespace olohuone::server::web {
namespace {

struct SiteEvents {
    std::vector<SiteCalendar> calendars;
    std::vector<EventEdit> edits;
};

Result<SiteEvents> read_site_events(WebContext& web, std::int64_t site_id)
{
    auto programme = web.store.site_programme(site_id, CalendarTexts::Include);
    if (!programme)
        return programme.error();
    auto edits = web.store.event_edits(site_id);
    if (!edits)
        return edits.error();
    return SiteEvents{std::move(programme->calendars), std::move(edits.value())};
}

CivilTime minute_of(const LocalDateTime& local) { return {local.time.hour, local.time.minute, 0}; }

// A change to the site's edits, or the Finnish reason it was refused.
using EditsChange = std::function<std::optional<std::string>(std::vector<EventEdit>&)>;

// Applies `change` to the site's edits and stores them with the calendar they make, once
// the kiosk's importer has read that calendar with the site's others. The refusal in
// Finnish when the change could not be made; an error when the database failed.
Result<std::string> change_edits(WebContext& web, std::int64_t site_id, const std::vector<SiteCalendar>& calendars,
                                 const EditsChange& change)
{
    std::string refusal;
    const UnixSeconds now = web.clock.now();
    auto changed = web.store.change_event_edits(
        site_id,
        [&](std::vector<EventEdit> edits) -> Result<ServerStore::EditsAndCalendar> {
            if (auto why = change(edits)) {
                refusal = *why;
                return make_error("refused: " + refusal);
            }
            if (edits.size() > max_edits_per_site) {
                refusal = web.texts.format("event.too_many", {{"max", std::to_string(max_edits_per_site)}});
                return make_error("refused: too many edits");
            }
            auto ics = write_edits_calendar(edits, web.zone);
            if (!ics)
                return ics.error();
            if (auto readable = check_with_edits_calendar(calendars, *ics, web.zone, now); !readable) {
                refusal = web.texts.format("event.unreadable", {{"reason", readable.error().message}});
                return make_error("refused: " + refusal);
            }
            return ServerStore::EditsAndCalendar{std::move(edits), std::move(ics.value())};
        },
        now);
    if (!refusal.empty())
        return refusal;
    if (!changed)
        return changed.error();
    return std::string();
}

// The refusal when the event's calendar no longer has it.
std::optional<std::string> gone_unless(WebContext& web, bool changed)
{
    if (changed)
        return std::nullopt;
    return web.texts.text("event.gone");
}

std::optional<UnixSeconds> instance_of(const std::string& text)
{
    UnixSeconds value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string week_of(WebContext& web, UnixSeconds at) { return iso_week_text(iso_week_of(web.zone.to_local(at).date)); }

std::string week_field(const std::string& text, const std::string& fallback)
{
    const auto week = parse_iso_week(text);
    return week ? iso_week_text(*week) : fallback;
}

EventFormValues series_values_of(const EventEdit& made_here)
{
    EventFormValues values = values_of(made_here.texts);
    values.date = date_field_text(made_here.first_date);
    if (made_here.start_time)
        values.start = time_field_text(*made_here.start_time);
    if (made_here.end_time)
        values.end = time_field_text(*made_here.end_time);
    values.weekdays = made_here.weekdays;
    if (made_here.until)
        values.until = date_field_text(*made_here.until);
    return values;
}

// The event's page as it is now, with its forms filled in from the event.
std::optional<EditEventView> edit_view(WebContext& web, const SignedIn& signed_in, const SiteInfo& site,
                                       const SiteEvents& events, const std::string& uid, UnixSeconds instance,
                                       const std::string& week)
{
    auto occurrence = find_site_occurrence(events.calendars, web.zone, uid, instance);
    if (!occurrence)
        return std::nullopt;
    EditEventView view{signed_in, site, week, std::move(*occurrence), false, false, false, false, {}, {}, {}, {}, {}};
    const Occurrence& shown = view.occurrence;
    view.occurrence_edited = find_edit(events.edits, uid, instance) != nullptr;
    view.occurrence_values = values_of(texts_of(shown));
    const LocalDateTime start = web.zone.to_local(shown.start);
    view.occurrence_values.date = date_field_text(start.date);
    if (shown.span == EventSpan::Timed) {
        view.occurrence_values.start = time_field_text(minute_of(start));
        view.occurrence_values.end = time_field_text(minute_of(web.zone.to_local(shown.end)));
    }
    const EventEdit* made_here = find_edit(events.edits, uid, 0);
    if (made_here && made_here->kind == EditKind::NewEvent) {
        view.made_here = true;
        view.series_editable = true;
        view.series_cancelled = made_here->cancelled;
        view.series_values = series_values_of(*made_here);
        return view;
    }
    const EventEdit* series = find_edit(events.edits, uid, 0);
    const std::optional<std::string> base =
        series ? std::optional<std::string>(series->base_event) : copy_of_calendar_event(events.calendars, uid);
    if (!base)
        return view;
    auto facts = read_calendar_event(*base, web.zone);
    if (!facts)
        return view;
    view.series_editable = true;
    view.series_cancelled = series ? series->cancelled : facts->cancelled;
    view.series_values = values_of(series ? series->texts : facts->texts);
    const auto start_time = series && series->start_time ? series->start_time : facts->start_time;
    const auto end_time = series && series->end_time ? series->end_time : facts->end_time;
    if (start_time && end_time) {
        view.series_values.start = time_field_text(*start_time);
        view.series_values.end = time_field_text(*end_time);
    }
    return view;
}

struct EventRequest {
    SignedIn signed_in;
    SiteInfo site;
    FormFields fields;
};

// The checks in front of every event form: then the form's fields.
std::optional<EventRequest> event_form_or_answer(WebContext& web, const httplib::Request& request,
                                                 httplib::Response& response)
{
    FormFields fields = form_fields(request);
    auto signed_in = form_sender_or_answer(web, request, response, fields);
    if (!signed_in)
        return std::nullopt;
    auto site = visible_site_or_answer(web, *signed_in, request.matches[1].str(), response);
    if (!site)
        return std::nullopt;
    return EventRequest{std::move(*signed_in), std::move(*site), std::move(fields)};
}

void finish(WebContext& web, const EventRequest& form, httplib::Response& response, const Result<std::string>& changed,
            const std::string& done, const std::string& week, const std::string& what)
{
    Notice notice;
    if (!changed) {
        log::error("storing an event edit failed: " + changed.error().message);
        notice = {NoticeKind::Problem, web.texts.text("event.unavailable"), {}};
    } else if (!changed->empty()) {
        notice = {NoticeKind::Problem, changed.value(), {}};
    } else {
        log::info("coordinator \"" + form.signed_in.account.login + "\" " + what + " at site "
                  + std::to_string(form.site.id));
        notice = {NoticeKind::Done, done, {}};
    }
    keep_notice(web, form.signed_in, notice);
    redirect(response, week_path(form.site.id, week));
}

void get_new_event(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    const auto signed_in = signed_in_or_answer(web, request, response);
    if (!signed_in)
        return;
    const auto site = visible_site_or_answer(web, *signed_in, request.matches[1].str(), response);
    if (!site)
        return;
    const std::string week =
        week_field(request.get_param_value("week"), week_of(web, web.clock.now()));
    send_page(response, 200, new_event_page(web.texts, {*signed_in, *site, week, {}, {}}));
}

void post_new_event(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    const auto form = event_form_or_answer(web, request, response);
    if (!form)
        return;
    const UnixSeconds now = web.clock.now();
    const std::string back = week_field(field(form->fields, "week"), week_of(web, now));
    EventFormCheck check =
        check_event_form(web.texts, form->fields, EventFormKind::NewEvent, web.zone.to_local(now).date);
    if (!check.input) {
        send_page(response, 400,
                  new_event_page(web.texts, {form->signed_in, form->site, back, check.values, check.problems}));
        return;
    }
    auto events = read_site_events(web, form->site.id);
    if (!events) {
        answer_unavailable(web, response, &form->signed_in, "reading a programme", events.error());
        return;
    }
    const EventInput& input = *check.input;
    const EventEdit edit = new_event(new_token() + "@olohuone", input, now);
    const auto changed = change_edits(web, form->site.id, events->calendars, [&](std::vector<EventEdit>& edits) {
        edits.push_back(edit);
        return std::optional<std::string>();
    });
    finish(web, *form, response, changed, web.texts.format("event.created", {{"title", input.texts.title}}),
           iso_week_text(iso_week_of(input.date)), "added event " + edit.uid);
}

void get_edit_event(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    const auto signed_in = signed_in_or_answer(web, request, response);
    if (!signed_in)
        return;
    const auto site = visible_site_or_answer(web, *signed_in, request.matches[1].str(), response);
    if (!site)
        return;
    const std::string uid = request.get_param_value("uid");
    const auto instance = instance_of(request.get_param_value("instance"));
    if (uid.empty() || !instance) {
        answer_not_found(web, response, &*signed_in);
        return;
    }
    auto events = read_site_events(web, site->id);
    if (!events) {
        answer_unavailable(web, response, &*signed_in, "reading a programme", events.error());
        return;
    }
    const std::string week = week_field(request.get_param_value("week"), week_of(web, *instance));
    auto view = edit_view(web, *signed_in, *site, *events, uid, *instance, week);
    if (!view) {
        answer_not_found(web, response, &*signed_in);
        return;
    }
    view->notice = take_notice(web, *signed_in);
    send_page(response, 200, edit_event_page(web.texts, web.zone, web.clock.now(), *view));
}

// A form's event as it is now. Kept in one place: the page's view refers to the form's
// coordinator.
struct FormEvent {
    EventRequest form;
    SiteEvents events;
    std::string uid;
    UnixSeconds instance = 0;
    std::optional<EditEventView> found;
    EditEventView& view() { return *found; }
    const EditEventView& view() const { return *found; }
};

// None when answered already (no such event: 404).
std::unique_ptr<FormEvent> form_event_or_answer(WebContext& web, const httplib::Request& request,
                                                httplib::Response& response)
{
    auto form = event_form_or_answer(web, request, response);
    if (!form)
        return nullptr;
    const std::string uid = field(form->fields, "uid");
    const auto instance = instance_of(field(form->fields, "instance"));
    auto events = read_site_events(web, form->site.id);
    if (!events) {
        answer_unavailable(web, response, &form->signed_in, "reading a programme", events.error());
        return nullptr;
    }
    auto event = std::make_unique<FormEvent>(
        FormEvent{std::move(*form), std::move(events.value()), uid, instance.value_or(0), std::nullopt});
    if (!uid.empty() && instance) {
        const std::string week = week_field(field(event->form.fields, "week"), week_of(web, *instance));
        if (auto view = edit_view(web, event->form.signed_in, event->form.site, event->events, uid, *instance, week))
            event->found.emplace(std::move(*view));
    }
    if (!event->found) {
        answer_not_found(web, response, &event->form.signed_in);
        return nullptr;
    }
    return event;
}

void post_occurrence(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    auto event = form_event_or_answer(web, request, response);
    if (!event)
        return;
    EventFormCheck check = check_event_form(web.texts, event->form.fields, EventFormKind::Occurrence,
                                            web.zone.to_local(web.clock.now()).date);
    if (!check.input) {
        event->view().occurrence_values = check.values;
        event->view().occurrence_problems = check.problems;
        send_page(response, 400, edit_event_page(web.texts, web.zone, web.clock.now(), event->view()));
        return;
    }
    const EventInput& input = *check.input;
    const auto changed = change_edits(web, event->form.site.id, event->events.calendars, [&](auto& edits) {
        change_occurrence(edits, event->view().occurrence, input, web.zone, web.clock.now());
        return std::optional<std::string>();
    });
    finish(web, event->form, response, changed,
           web.texts.format("event.occurrence_saved", {{"title", input.texts.title}}),
           iso_week_text(iso_week_of(input.date)), "changed an occurrence of " + printable(event->uid));
}

void post_series(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    auto event = form_event_or_answer(web, request, response);
    if (!event)
        return;
    if (!event->view().series_editable) {
        answer_not_found(web, response, &event->form.signed_in);
        return;
    }
    const EventFormKind kind = event->view().made_here ? EventFormKind::NewEvent : EventFormKind::CalendarEvent;
    EventFormCheck check =
        check_event_form(web.texts, event->form.fields, kind, web.zone.to_local(web.clock.now()).date);
    if (!check.input) {
        event->view().series_values = check.values;
        event->view().series_problems = check.problems;
        send_page(response, 400, edit_event_page(web.texts, web.zone, web.clock.now(), event->view()));
        return;
    }
    const auto changed = change_edits(web, event->form.site.id, event->events.calendars, [&](auto& edits) {
        const bool changed_it =
            event->view().made_here
                ? change_new_event(edits, event->uid, *check.input, web.zone, web.clock.now())
                : change_calendar_event(edits, event->events.calendars, event->uid, *check.input, web.zone,
                                        web.clock.now());
        return gone_unless(web, changed_it);
    });
    finish(web, event->form, response, changed,
           web.texts.format("event.series_saved", {{"title", check.input->texts.title}}), event->view().week,
           "changed the event " + printable(event->uid));
}

void post_cancel(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    auto event = form_event_or_answer(web, request, response);
    if (!event)
        return;
    const std::string scope = field(event->form.fields, "scope");
    const std::string action = field(event->form.fields, "action");
    if ((scope != "occurrence" && scope != "series") || (action != "cancel" && action != "restore")
        || (scope == "series" && !event->view().series_editable)) {
        answer_not_found(web, response, &event->form.signed_in);
        return;
    }
    const bool cancel = action == "cancel";
    const Cancellation what = cancel ? Cancellation::Cancel : Cancellation::Restore;
    const auto changed = change_edits(web, event->form.site.id, event->events.calendars, [&](auto& edits) {
        if (scope == "occurrence") {
            set_occurrence_cancelled(edits, event->view().occurrence, what, web.clock.now());
            return std::optional<std::string>();
        }
        return gone_unless(web, set_event_cancelled(edits, event->events.calendars, event->uid, what, web.zone,
                                                    web.clock.now()));
    });
    const std::string title = event->view().occurrence.title.default_text();
    const std::string done = "event." + scope + (cancel ? "_cancelled" : "_restored");
    finish(web, event->form, response, changed, web.texts.format(done, {{"title", title}}), event->view().week,
           action + " " + scope + " of " + printable(event->uid));
}

// Drops an edit: one occurrence's, a calendar event's whole-event edit, or a new event
// with its occurrences' edits. Also for edits whose event is gone, so it needs no
// occurrence to be found.
void post_forget(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    const auto form = event_form_or_answer(web, request, response);
    if (!form)
        return;
    const std::string uid = field(form->fields, "uid");
    const auto instance = instance_of(field(form->fields, "instance"));
    const bool whole = field(form->fields, "scope") == "series";
    auto events = read_site_events(web, form->site.id);
    if (!events) {
        answer_unavailable(web, response, &form->signed_in, "reading a programme", events.error());
        return;
    }
    const EventEdit* edit = instance ? find_edit(events->edits, uid, whole ? 0 : *instance) : nullptr;
    if (edit == nullptr) {
        answer_not_found(web, response, &form->signed_in);
        return;
    }
    const std::string title = edit->texts.title;
    const UnixSeconds key = edit->instance;
    const bool whole_new_event = edit->kind == EditKind::NewEvent;
    const auto changed = change_edits(web, form->site.id, events->calendars, [&](std::vector<EventEdit>& edits) {
        forget_edit(edits, uid, key);
        return std::optional<std::string>();
    });
    finish(web, *form, response, changed,
           web.texts.format(whole_new_event ? "event.deleted" : "event.forgotten", {{"title", title}}),
           week_field(field(form->fields, "week"), week_of(web, web.clock.now())),
           "dropped an edit of " + printable(uid));
}

} // namespace

void add_event_routes(httplib::Server& server, WebContext& web)
{
    server.Get(R"(/sites/([^/]+)/events/new)", [&web](const httplib::Request& request, httplib::Response& response) {
        get_new_event(web, request, response);
    });
    server.Post(R"(/sites/([^/]+)/events)", [&web](const httplib::Request& request, httplib::Response& response) {
        post_new_event(web, request, response);
    });
    server.Get(R"(/sites/([^/]+)/events/edit)", [&web](const httplib::Request& request, httplib::Response& response) {
        get_edit_event(web, request, response);
    });
    server.Post(R"(/sites/([^/]+)/events/occurrence)",
                [&web](const httplib::Request& request, httplib::Response& response) {
                    post_occurrence(web, request, response);
                });
    server.Post(R"(/sites/([^/]+)/events/series)",
                [&web](const httplib::Request& request, httplib::Response& response) {
                    post_series(web, request, response);
                });
    server.Post(R"(/sites/([^/]+)/events/cancel)",
                [&web](const httplib::Request& request, httplib::Response& response) {
                    post_cancel(web, request, response);
                });
    server.Post(R"(/sites/([^/]+)/events/forget)",
                [&web](const httplib::Request& request, httplib::Response& response) {
                    post_forget(web, request, response);
                });
}

} // namespace olohuone::server::web
