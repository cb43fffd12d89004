#include "web/week_page.h"

#include "feed_url.h"
#include "site_edits.h"
#include "web/event_pages.h"
#include "web/simple_pages.h"
#include "web/web_texts.h"

namespace olohuone::server::web {
namespace {

void week_links(Html& html, const Catalog& texts, const WeekView& view)
{
    const IsoWeek previous = plus_weeks(view.week, -1);
    const IsoWeek next = plus_weeks(view.week, 1);
    html.open("nav", {{"class", "weeknav"}, {"aria-label", texts.text("programme.title")}});
    html.element("a", {{"class", "button"}, {"href", week_path(view.site.id, iso_week_text(previous))}},
                 texts.format("week.previous", {{"week", std::to_string(previous.week)}}));
    html.element("a", {{"class", "button"}, {"href", week_path(view.site.id, iso_week_text(next))}},
                 texts.format("week.next", {{"week", std::to_string(next.week)}}));
    if (!(view.week == view.current_week))
        html.element("a", {{"class", "button"}, {"href", week_path(view.site.id)}}, texts.text("week.current"));
    html.close();
}

// The edit a kiosk made of this occurrence, or of the event it added; none otherwise.
std::string kiosk_mark_of(const Catalog& texts, const TimeZone& zone, const WeekView& view,
                          const Occurrence& occurrence)
{
    const EventEdit* edit = find_edit(view.edits, occurrence.uid, occurrence.instance);
    if (edit == nullptr || !edit->kiosk_id)
        edit = find_edit(view.edits, occurrence.uid, 0);
    if (edit == nullptr || !edit->kiosk_id)
        return {};
    const auto name = view.kiosk_names.find(*edit->kiosk_id);
    const std::string kiosk = name != view.kiosk_names.end() ? name->second : std::to_string(*edit->kiosk_id);
    return kiosk_mark(texts, zone, view.now, *edit, kiosk);
}

// "10.00–11.00"; for a timed event across days, on each of its days: "18.00–la 12.00",
// "jatkuu koko päivän", "to 18.00–12.00" (an evening that ends at midnight is one day's).
std::string time_on_day(const Catalog& texts, const TimeZone& zone, const Occurrence& occurrence, const CivilDate& day)
{
    const LocalDateTime start = zone.to_local(occurrence.start);
    const LocalDateTime end = zone.to_local(occurrence.end);
    const bool ends_at_midnight = end.time.hour == 0 && end.time.minute == 0 && end.date == start.date.plus_days(1);
    if (!(start.date < end.date) || ends_at_midnight)
        return texts.time_range(start.time, end.time);
    if (!(start.date < day))
        return texts.clock(start.time) + "–" + texts.weekday_short(end.date) + " " + texts.clock(end.time);
    if (!(day < end.date))
        return texts.weekday_short(start.date) + " " + texts.clock(start.time) + "–" + texts.clock(end.time);
    return texts.text("week.continues");
}

void occurrence_item(Html& html, const Catalog& texts, const TimeZone& zone, const WeekView& view,
                     const PlanEntry& entry)
{
    const Occurrence& occurrence = entry.occurrence;
    const std::string& language = texts.language();
    html.open("li", {{"class", entry.cancelled() ? "cancelled" : ""}});
    const std::string when = occurrence.span == EventSpan::AllDay ? texts.text("week.all_day")
                                                                  : time_on_day(texts, zone, occurrence, entry.day);
    html.element("div", {{"class", "when"}}, when);
    html.open("div");
    html.element("span", {{"class", "title"}}, occurrence.title.in(language));
    if (entry.cancelled()) {
        html.text(" ");
        html.element("span", {{"class", "badge cancelled"}}, texts.text("week.cancelled"));
    }
    if (!occurrence.location.empty())
        html.element("div", {{"class", "details"}},
                     texts.format("week.place", {{"place", occurrence.location.in(language)}}));
    if (!occurrence.host.empty())
        html.element("div", {{"class", "details"}},
                     texts.format("week.host", {{"host", occurrence.host.in(language)}}));
    if (occurrence.moved_from)
        html.element(
            "div", {{"class", "details"}},
            texts.format("week.moved", {{"when", local_time_text(texts, zone, *occurrence.moved_from, view.now)}}));
    if (const std::string mark = kiosk_mark_of(texts, zone, view, occurrence); !mark.empty())
        html.element("div", {{"class", "details kiosk-mark"}}, mark);
    for (const PlaceMove& move : view.moves) {
        if (move.uid != occurrence.uid || move.instance != occurrence.instance)
            continue;
        const std::string name = move.name.empty() ? texts.text("present.name_erased") : move.name;
        const std::string when = local_time_text(texts, zone, move.at, view.now);
        html.element("div", {{"class", "details place-move"}},
                     move.promoted ? texts.format("week.place_promoted", {{"name", name}, {"when", when}})
                                   : texts.format("week.place_to_queue",
                                                  {{"name", name},
                                                   {"position", std::to_string(move.queue_position)},
                                                   {"when", when}}));
    }
    html.close();
    html.element("a",
                 {{"class", "button edit"},
                  {"href",
                   edit_event_path(view.site.id, occurrence.uid, occurrence.instance, iso_week_text(view.week))},
                  {"aria-label", texts.format("week.edit_label", {{"title", occurrence.title.in(language)}})}},
                 texts.text("week.edit"));
    html.close();
}

void day_section(Html& html, const Catalog& texts, const TimeZone& zone, const WeekView& view, const DayPlan& day)
{
    const bool today = day.date == view.today;
    html.open("section", {{"class", today ? "day today" : "day"}});
    html.open("h2");
    html.text(texts.day_heading(day.date));
    if (today) {
        html.text(" ");
        html.element("span", {{"class", "badge today"}}, texts.text("week.today"));
    }
    html.close();
    if (day.entries.empty()) {
        html.element("p", {{"class", "muted"}}, texts.text("week.empty_day"));
    } else {
        html.open("ul", {{"class", "events"}});
        for (const PlanEntry& entry : day.entries)
            occurrence_item(html, texts, zone, view, entry);
        html.close();
    }
    html.close();
}

// The edits whose event no calendar has any more: the kiosks still show them as the
// coordinator left them, until they are removed here.
void orphaned_edits(Html& html, const Catalog& texts, const TimeZone& zone, const WeekView& view)
{
    if (view.orphaned_edits.empty())
        return;
    html.open("section", {{"class", "card warning"}, {"id", "orphaned"}});
    html.element("h2", texts.text("week.orphaned_title"));
    html.element("p", texts.text("week.orphaned_help"));
    html.open("ul", {{"class", "orphans"}});
    for (const EventEdit& edit : view.orphaned_edits) {
        html.open("li");
        const std::string what = edit.kind == EditKind::Occurrence
            ? texts.format("week.orphaned_occurrence",
                           {{"title", edit.texts.title},
                            {"when", local_time_text(texts, zone, edit.instance, view.now)}})
            : texts.format("week.orphaned_series", {{"title", edit.texts.title}});
        html.element("span", what);
        const std::string action = "/sites/" + std::to_string(view.site.id) + "/events/forget";
        html.open("form", {{"method", "post"}, {"action", action}});
        csrf_field(html, view.signed_in.session.csrf_token);
        html.single("input", {{"type", "hidden"}, {"name", "uid"}, {"value", edit.uid}});
        html.single("input", {{"type", "hidden"}, {"name", "instance"}, {"value", std::to_string(edit.instance)}});
        html.single("input", {{"type", "hidden"}, {"name", "week"}, {"value", iso_week_text(view.week)}});
        html.element("button", {{"type", "submit"}, {"class", "danger"}}, texts.text("week.orphaned_remove"));
        html.close();
        html.close();
    }
    html.close();
    html.close();
}

void calendar_list(Html& html, const Catalog& texts, const WeekView& view)
{
    html.element("h2", texts.text("week.calendars"));
    if (view.calendars.empty()) {
        html.element("p", texts.text("week.no_calendars"));
        return;
    }
    html.open("ul");
    for (const SiteCalendar& calendar : view.calendars)
        html.element("li",
                     calendar.source == CalendarSource::Feed    ? texts.text("week.calendar_feed")
                         : calendar.source == CalendarSource::Edits ? texts.text("week.calendar_edits")
                                                                    : texts.format("week.calendar_upload",
                                                                                   {{"name", calendar.name}}));
    html.close();
}

void upload_form(Html& html, const Catalog& texts, const WeekView& view)
{
    const std::string action = "/sites/" + std::to_string(view.site.id) + "/calendars";
    html.element("h2", texts.text("upload.title"));
    html.element("p", texts.format("upload.help", {{"size", size_words(texts, view.max_upload_bytes)}}));
    html.open("form",
              {{"class", "stacked"}, {"method", "post"}, {"action", action}, {"enctype", "multipart/form-data"}});
    html.element("label", {{"for", "calendars"}}, texts.text("upload.file"));
    html.single("input",
                {{"type", "file"},
                 {"id", "calendars"},
                 {"name", "calendars"},
                 {"accept", ".ics,text/calendar"},
                 {"multiple", ""},
                 {"required", ""}});
    csrf_field(html, view.signed_in.session.csrf_token);
    html.single("input", {{"type", "hidden"}, {"name", "week"}, {"value", iso_week_text(view.week)}});
    html.element("button", {{"type", "submit"}, {"class", "primary"}}, texts.text("upload.submit"));
    html.close();
}

void feed_forms(Html& html, const Catalog& texts, const WeekView& view)
{
    const std::string action = "/sites/" + std::to_string(view.site.id) + "/feed";
    html.element("h2", texts.text("feed.title"));
    html.element("p", texts.format("feed.help", {{"minutes", std::to_string(view.feed_refresh_minutes)}}));
    if (view.feed_url.empty()) {
        html.element("p", texts.text("feed.none"));
    } else {
        // The query, where calendar services put their access tokens, is not shown again.
        html.element("p", texts.format("feed.current", {{"url", url_for_log(view.feed_url)}}));
        html.element("p", {{"class", "muted"}}, texts.text("feed.hidden_part"));
    }
    html.open("form", {{"class", "stacked"}, {"method", "post"}, {"action", action}});
    html.element("label", {{"for", "feed-url"}}, texts.text("feed.url"));
    html.single("input",
                {{"type", "url"},
                 {"id", "feed-url"},
                 {"name", "url"},
                 {"maxlength", "2048"},
                 {"placeholder", "https://"},
                 {"autocomplete", "off"},
                 {"required", ""}});
    csrf_field(html, view.signed_in.session.csrf_token);
    html.single("input", {{"type", "hidden"}, {"name", "week"}, {"value", iso_week_text(view.week)}});
    html.open("div", {{"class", "actions"}});
    html.element("button", {{"type", "submit"}, {"class", "primary"}}, texts.text("feed.submit"));
    html.close();
    html.close();
    if (view.feed_url.empty())
        return;
    html.open("form", {{"method", "post"}, {"action", action + "/remove"}});
    csrf_field(html, view.signed_in.session.csrf_token);
    html.single("input", {{"type", "hidden"}, {"name", "week"}, {"value", iso_week_text(view.week)}});
    html.element("button", {{"type", "submit"}, {"class", "danger"}}, texts.text("feed.remove"));
    html.close();
}

} // namespace

std::string week_page(const Catalog& texts, const TimeZone& zone, const WeekView& view)
{
    Html html;
    const std::string title = texts.format("week.title",
                                           {{"site", view.site.name}, {"week", std::to_string(view.week.week)}});
    open_page(html, texts, {title, Section::Programme, &view.signed_in, view.notice, {}});
    const CivilDate monday = monday_of(view.week);
    const CivilDate sunday = monday.plus_days(6);
    html.element("p", {{"class", "range"}},
                 texts.format("week.range",
                              {{"from", texts.short_date(monday)},
                               {"to", texts.short_date(sunday)},
                               {"year", std::to_string(sunday.year)}}));
    html.element("p", {{"class", "muted"}}, texts.text("week.intro"));
    html.open("p");
    html.element("a", {{"class", "button primary"}, {"href", new_event_path(view.site.id, iso_week_text(view.week))}},
                 texts.text("week.new_event"));
    html.close();
    orphaned_edits(html, texts, zone, view);
    kiosk_edits_box(html, texts, zone, view.now, view.kiosk_edits);
    week_links(html, texts, view);
    if (view.unreadable)
        write_notice(html, {NoticeKind::Problem, texts.format("week.unreadable", {{"reason", *view.unreadable}}), {}});
    for (const DayPlan& day : view.days)
        day_section(html, texts, zone, view, day);
    week_links(html, texts, view);
    html.open("section", {{"class", "card"}});
    calendar_list(html, texts, view);
    upload_form(html, texts, view);
    html.close();
    html.open("section", {{"class", "card"}});
    feed_forms(html, texts, view);
    html.close();
    return html.finish();
}

} // namespace olohuone::server::web
