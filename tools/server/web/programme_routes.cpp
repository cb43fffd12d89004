// GET /programme, GET /sites/{id}/week, and the week page's forms: POST
// /sites/{id}/calendars (an .ics upload, the same all-or-nothing replacement as the
// import-programme command) and POST /sites/{id}/feed[/remove] (as set-feed).
#include <algorithm>
#include <map>

#include "admin_commands.h"
#include "edits_calendar.h"
#include "core/day_plan.h"
#include "core/programme_import.h"
#include "core/log.h"
#include "feed_url.h"
#include "kiosk_edit.h"
#include "web/simple_pages.h"
#include "web/web_guard.h"
#include "web/web_route_parts.h"
#include "web/web_texts.h"
#include "web/week_page.h"

namespace olohuone::server::web {
namespace {

constexpr std::size_t max_notice_items = 10;
constexpr std::size_t max_notice_item_bytes = 300;
// The week page lists this many of the kiosks' edits that did not come into effect.
constexpr std::size_t max_kiosk_edits_listed = 50;

void get_programme(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    const auto signed_in = signed_in_or_answer(web, request, response);
    if (!signed_in)
        return;
    // One site: nothing to choose.
    if (signed_in->sites.size() == 1) {
        redirect(response, week_path(signed_in->sites.front().id));
        return;
    }
    send_page(response, 200, programme_sites_page(web.texts, *signed_in));
}

// The week's days as the site's kiosks would show them, from the stored calendars read
// with the kiosk's own importer.
Result<std::vector<DayPlan>> week_days(WebContext& web, const std::vector<SiteCalendar>& calendars,
                                       const CivilDate& monday)
{
    std::vector<CalendarFile> files;
    for (const SiteCalendar& calendar : calendars)
        files.push_back({calendar.name, calendar.ics});
    const ImportWindow window{web.zone.start_of_day(monday), web.zone.start_of_day(monday.plus_days(7))};
    auto imported = import_programme(files, web.zone, window);
    if (!imported)
        return imported.error();
    std::vector<DayPlan> days;
    for (int day = 0; day < 7; ++day) {
        const CivilDate date = monday.plus_days(day);
        days.push_back(plan_day(date, occurrences_on(imported->occurrences, date, web.zone), std::nullopt));
    }
    return days;
}

// Kiosks' edits that did not come into effect, named after their kiosks: the newest the
// page has room for.
KioskEditsBox kiosk_edits_of(const std::vector<KioskEditNotApplied>& not_applied,
                             const std::map<std::int64_t, std::string>& kiosk_names)
{
    KioskEditsBox box;
    for (const KioskEditNotApplied& stored : not_applied) {
        if (box.lines.size() == max_kiosk_edits_listed) {
            ++box.older;
            continue;
        }
        auto edit = read_kiosk_edit(stored.record.payload);
        if (!edit) // stored by something else than this server: still counted
            ++box.older;
        else {
            const auto name = kiosk_names.find(stored.record.kiosk_id);
            box.lines.push_back({name != kiosk_names.end() ? name->second : std::to_string(stored.record.kiosk_id),
                                 std::move(edit.value()), stored.record.received_at, stored.outcome, stored.title});
        }
    }
    return box;
}

void get_week(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    const auto signed_in = signed_in_or_answer(web, request, response);
    if (!signed_in)
        return;
    const auto site = visible_site_or_answer(web, *signed_in, request.matches[1].str(), response);
    if (!site)
        return;
    const UnixSeconds now = web.clock.now();
    const CivilDate today = web.zone.to_local(now).date;
    const IsoWeek current = iso_week_of(today);
    std::optional<IsoWeek> week = current;
    if (request.has_param("week"))
        week = parse_iso_week(request.get_param_value("week"));
    if (!week) {
        answer_not_found(web, response, &*signed_in);
        return;
    }
    auto programme = web.store.site_programme(site->id, CalendarTexts::Include);
    auto feeds = web.store.feeds();
    auto edits = web.store.event_edits(site->id);
    auto kiosks = web.store.kiosks();
    auto not_applied = web.store.kiosk_edits_not_applied(site->id);
    if (!programme || !feeds || !edits || !kiosks || !not_applied) {
        answer_unavailable(web, response, &*signed_in, "reading a programme",
                           !programme  ? programme.error()
                               : !feeds ? feeds.error()
                               : !edits ? edits.error()
                               : !kiosks ? kiosks.error()
                                         : not_applied.error());
        return;
    }
    std::map<std::int64_t, std::string> kiosk_names;
    for (const KioskStatus& kiosk : kiosks.value())
        if (kiosk.site_id == site->id)
            kiosk_names[kiosk.kiosk_id] = kiosk.name;
    WeekView view{*signed_in,
                  *site,
                  *week,
                  current,
                  today,
                  now,
                  {},
                  std::nullopt,
                  {},
                  {},
                  web.config.feed_refresh_minutes,
                  web.config.max_upload_bytes,
                  take_notice(web, *signed_in),
                  orphaned_edits(programme->calendars, edits.value()),
                  edits.value(),
                  kiosk_names,
                  kiosk_edits_of(not_applied.value(), kiosk_names),
                  {}};
    // By the occurrences' first times: one moved into the week from the one before or
    // after is among them too.
    const UnixSeconds week_start = web.zone.start_of_day(monday_of(*week));
    constexpr UnixSeconds week_seconds = 7 * 24 * 60 * 60;
    auto moves = web.store.place_moves(site->id, week_start - week_seconds, week_start + 2 * week_seconds);
    if (!moves) {
        answer_unavailable(web, response, &*signed_in, "reading places", moves.error());
        return;
    }
    view.moves = std::move(moves.value());
    if (auto days = week_days(web, programme->calendars, monday_of(*week)))
        view.days = std::move(days.value());
    else
        view.unreadable = days.error().message;
    for (SiteCalendar& calendar : programme->calendars) {
        calendar.ics.clear();
        view.calendars.push_back(std::move(calendar));
    }
    for (const SiteFeed& feed : feeds.value())
        if (feed.site_id == site->id)
            view.feed_url = feed.url;
    send_page(response, 200, week_page(web.texts, web.zone, view));
}

// Back to the week the form was sent from.
std::string week_after_form(std::int64_t site_id, const FormFields& fields)
{
    const auto week = parse_iso_week(field(fields, "week"));
    return week_path(site_id, week ? iso_week_text(*week) : std::string());
}

std::string cut(std::string text)
{
    if (text.size() > max_notice_item_bytes)
        text = text.substr(0, max_notice_item_bytes) + "…";
    return text;
}

void post_calendars(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    const FormFields fields = form_fields(request);
    const auto signed_in = form_sender_or_answer(web, request, response, fields);
    if (!signed_in)
        return;
    const auto site = visible_site_or_answer(web, *signed_in, request.matches[1].str(), response);
    if (!site)
        return;
    std::vector<CalendarUpload> uploads;
    const auto [first, last] = request.files.equal_range("calendars");
    for (auto part = first; part != last; ++part)
        if (!part->second.filename.empty())
            uploads.push_back({part->second.filename, part->second.filename, part->second.content});
    Notice notice;
    if (uploads.empty()) {
        notice = {NoticeKind::Problem, web.texts.text("upload.no_file"), {}};
    } else {
        auto upload = replace_uploaded_programme(web.store, site->id, std::move(uploads), web.zone, web.clock.now());
        if (!upload) {
            log::error("storing uploaded calendars failed: " + upload.error().message);
            notice = {NoticeKind::Problem, web.texts.text("upload.unavailable"), {}};
        } else if (!upload->refusal.empty()) {
            notice = {NoticeKind::Problem, web.texts.format("upload.failed", {{"reason", cut(upload->refusal)}}), {}};
        } else {
            log::info("coordinator \"" + signed_in->account.login + "\" replaced the calendars of site "
                      + std::to_string(site->id));
            notice = {NoticeKind::Done,
                      web.texts.format("upload.done",
                                       {{"calendars", std::to_string(upload->calendars)},
                                        {"occurrences", std::to_string(upload->occurrences)}}),
                      {}};
            if (!upload->warnings.empty())
                notice.items.push_back(
                    web.texts.format("upload.skipped", {{"count", std::to_string(upload->warnings.size())}}));
            for (std::size_t i = 0; i < upload->warnings.size() && i < max_notice_items; ++i)
                notice.items.push_back(cut(upload->warnings[i]));
        }
    }
    keep_notice(web, *signed_in, notice);
    redirect(response, week_after_form(site->id, fields));
}

void post_feed(WebContext& web, const httplib::Request& request, httplib::Response& response, bool remove)
{
    const FormFields fields = form_fields(request);
    const auto signed_in = form_sender_or_answer(web, request, response, fields);
    if (!signed_in)
        return;
    const auto site = visible_site_or_answer(web, *signed_in, request.matches[1].str(), response);
    if (!site)
        return;
    const std::string url = remove ? std::string() : field(fields, "url");
    Notice notice;
    if (auto usable = remove ? Result<void>() : check_feed_url(url); !usable) {
        notice = {NoticeKind::Problem, web.texts.format("feed.failed", {{"reason", usable.error().message}}), {}};
    } else if (auto set = set_site_feed(web.store, site->id, url, web.clock.now()); !set) {
        log::error("setting a feed failed: " + set.error().message);
        notice = {NoticeKind::Problem, web.texts.text("feed.unavailable"), {}};
    } else {
        log::info("coordinator \"" + signed_in->account.login + "\" " + set.value());
        notice = remove
            ? Notice{NoticeKind::Done, web.texts.text("feed.removed"), {}}
            : Notice{NoticeKind::Done,
                     web.texts.format("feed.saved", {{"minutes", std::to_string(web.config.feed_refresh_minutes)}}),
                     {}};
    }
    keep_notice(web, *signed_in, notice);
    redirect(response, week_after_form(site->id, fields));
}

} // namespace

void add_programme_routes(httplib::Server& server, WebContext& web)
{
    server.Get("/programme", [&web](const httplib::Request& request, httplib::Response& response) {
        get_programme(web, request, response);
    });
    server.Get(R"(/sites/([^/]+)/week)", [&web](const httplib::Request& request, httplib::Response& response) {
        get_week(web, request, response);
    });
    server.Post(R"(/sites/([^/]+)/calendars)", [&web](const httplib::Request& request, httplib::Response& response) {
        post_calendars(web, request, response);
    });
    server.Post(R"(/sites/([^/]+)/feed)", [&web](const httplib::Request& request, httplib::Response& response) {
        post_feed(web, request, response, false);
    });
    server.Post(R"(/sites/([^/]+)/feed/remove)", [&web](const httplib::Request& request, httplib::Response& response) {
        post_feed(web, request, response, true);
    });
}

} // namespace olohuone::server::web
