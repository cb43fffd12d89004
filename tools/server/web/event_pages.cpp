#include "web/event_pages.h"

#include "web/simple_pages.h"
#include "web/web_texts.h"

namespace olohuone::server::web {
namespace {

std::string site_path(std::int64_t site_id, const std::string& rest)
{
    return "/sites/" + std::to_string(site_id) + rest;
}

// A query parameter's value with everything but letters, digits and -._~ %-escaped.
std::string query_value(const std::string& text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

void problems_notice(Html& html, const Catalog& texts, const std::vector<std::string>& problems)
{
    if (problems.empty())
        return;
    write_notice(html, {NoticeKind::Problem, texts.text("event.problem.intro"), problems});
}

// The hidden fields every event form sends: the session's token, the event, and the
// week to go back to.
void hidden_fields(Html& html, const SignedIn& signed_in, const std::string& uid, UnixSeconds instance,
                   const std::string& week)
{
    csrf_field(html, signed_in.session.csrf_token);
    html.single("input", {{"type", "hidden"}, {"name", "uid"}, {"value", uid}});
    html.single("input", {{"type", "hidden"}, {"name", "instance"}, {"value", std::to_string(instance)}});
    html.single("input", {{"type", "hidden"}, {"name", "week"}, {"value", week}});
}

void button_form(Html& html, const EditEventView& view, const std::string& action,
                 std::initializer_list<std::pair<std::string, std::string>> extra, const std::string& label,
                 const char* button_class)
{
    html.open("form", {{"method", "post"}, {"action", site_path(view.site.id, action)}, {"class", "inline"}});
    hidden_fields(html, view.signed_in, view.occurrence.uid, view.occurrence.instance, view.week);
    for (const auto& [name, value] : extra)
        html.single("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
    html.element("button", {{"type", "submit"}, {"class", button_class}}, label);
    html.close();
}

void back_link(Html& html, const Catalog& texts, std::int64_t site_id, const std::string& week)
{
    html.open("p");
    html.element("a", {{"class", "button"}, {"href", week_path(site_id, week)}}, texts.text("event.back"));
    html.close();
}

} // namespace

std::string edit_event_path(std::int64_t site_id, const std::string& uid, UnixSeconds instance,
                            const std::string& week)
{
    return site_path(site_id, "/events/edit?uid=" + query_value(uid) + "&instance=" + std::to_string(instance)
                                  + "&week=" + query_value(week));
}

std::string new_event_path(std::int64_t site_id, const std::string& week)
{
    return site_path(site_id, "/events/new?week=" + query_value(week));
}

std::string new_event_page(const Catalog& texts, const NewEventView& view)
{
    Html html;
    open_page(html, texts,
              {texts.format("event.new_title", {{"site", view.site.name}}), Section::Programme, &view.signed_in, {},
               {}});
    problems_notice(html, texts, view.problems);
    html.element("p", {{"class", "muted"}}, texts.text("event.new_intro"));
    html.open("section", {{"class", "card"}});
    html.open("form", {{"class", "stacked"}, {"method", "post"}, {"action", site_path(view.site.id, "/events")}});
    write_event_fields(html, texts, EventFormKind::NewEvent, view.values, "new-");
    csrf_field(html, view.signed_in.session.csrf_token);
    html.single("input", {{"type", "hidden"}, {"name", "week"}, {"value", view.week}});
    html.open("div", {{"class", "actions"}});
    html.element("button", {{"type", "submit"}, {"class", "primary"}}, texts.text("event.create"));
    html.element("a", {{"class", "button"}, {"href", week_path(view.site.id, view.week)}},
                 texts.text("event.cancel_form"));
    html.close();
    html.close();
    html.close();
    return html.finish();
}

std::string edit_event_page(const Catalog& texts, const TimeZone& zone, UnixSeconds now, const EditEventView& view)
{
    const Occurrence& occurrence = view.occurrence;
    const std::string& language = texts.language();
    const bool cancelled = occurrence.status == EventStatus::Cancelled;
    Html html;
    open_page(html, texts,
              {texts.format("event.edit_title", {{"title", occurrence.title.in(language)}}), Section::Programme,
               &view.signed_in, view.notice, {}});
    html.open("p", {{"class", "range"}});
    html.text(local_time_text(texts, zone, occurrence.start, now));
    if (cancelled) {
        html.text(" ");
        html.element("span", {{"class", "badge cancelled"}}, texts.text("week.cancelled"));
    }
    html.close();
    html.element("p", {{"class", "muted"}},
                 texts.text(view.made_here ? "event.made_here" : "event.from_calendar"));

    const std::string day = texts.short_date(zone.to_local(occurrence.instance).date);
    html.open("section", {{"class", "card"}, {"id", "occurrence"}});
    html.element("h2", texts.format("event.occurrence_heading", {{"day", day}}));
    html.element("p", {{"class", "muted"}}, texts.text("event.occurrence_help"));
    problems_notice(html, texts, view.occurrence_problems);
    html.open("form",
              {{"class", "stacked"}, {"method", "post"}, {"action", site_path(view.site.id, "/events/occurrence")}});
    write_event_fields(html, texts, EventFormKind::Occurrence, view.occurrence_values, "occurrence-");
    hidden_fields(html, view.signed_in, occurrence.uid, occurrence.instance, view.week);
    html.open("div", {{"class", "actions"}});
    html.element("button", {{"type", "submit"}, {"class", "primary"}}, texts.text("event.save_occurrence"));
    html.close();
    html.close();
    html.open("div", {{"class", "actions"}});
    // While the whole event is cancelled, so is every occurrence: it is restored below.
    if (view.series_cancelled)
        html.element("p", {{"class", "muted"}}, texts.text("event.occurrence_with_series"));
    else if (cancelled)
        button_form(html, view, "/events/cancel", {{"scope", "occurrence"}, {"action", "restore"}},
                    texts.text("event.restore_occurrence"), "primary");
    else
        button_form(html, view, "/events/cancel", {{"scope", "occurrence"}, {"action", "cancel"}},
                    texts.text("event.cancel_occurrence"), "danger");
    if (view.occurrence_edited)
        button_form(html, view, "/events/forget", {}, texts.text("event.forget_occurrence"), "");
    html.close();
    html.close();

    if (!view.series_editable) {
        back_link(html, texts, view.site.id, view.week);
        return html.finish();
    }
    html.open("section", {{"class", "card"}, {"id", "series"}});
    html.element("h2", texts.text("event.series_heading"));
    html.element("p", {{"class", "muted"}},
                 texts.text(view.made_here ? "event.series_help_here" : "event.series_help_calendar"));
    problems_notice(html, texts, view.series_problems);
    html.open("form",
              {{"class", "stacked"}, {"method", "post"}, {"action", site_path(view.site.id, "/events/series")}});
    write_event_fields(html, texts, view.made_here ? EventFormKind::NewEvent : EventFormKind::CalendarEvent,
                       view.series_values, "series-");
    hidden_fields(html, view.signed_in, occurrence.uid, occurrence.instance, view.week);
    html.open("div", {{"class", "actions"}});
    html.element("button", {{"type", "submit"}, {"class", "primary"}}, texts.text("event.save_series"));
    html.close();
    html.close();
    html.open("div", {{"class", "actions"}});
    if (view.series_cancelled)
        button_form(html, view, "/events/cancel", {{"scope", "series"}, {"action", "restore"}},
                    texts.text("event.restore_series"), "primary");
    else
        button_form(html, view, "/events/cancel", {{"scope", "series"}, {"action", "cancel"}},
                    texts.text("event.cancel_series"), "danger");
    if (view.made_here)
        button_form(html, view, "/events/forget", {{"scope", "series"}}, texts.text("event.delete_new"), "danger");
    html.close();
    html.close();
    back_link(html, texts, view.site.id, view.week);
    return html.finish();
}

} // namespace olohuone::server::web
