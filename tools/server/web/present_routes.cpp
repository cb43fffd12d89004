// GET /present: who is in the building at each of the coordinator's sites, for the fire
// alarm's roll call on a phone.
#include "core/programme_import.h"
#include "web/present_page.h"
#include "web/web_guard.h"
#include "web/web_route_parts.h"

namespace olohuone::server::web {
namespace {

// "Ulkoiluryhmä, Piha" for each person seen at an activity; empty for the sign-in. An
// activity the programme no longer has is still named as one.
std::vector<std::string> seen_at_texts(WebContext& web, std::int64_t site_id, const SiteRollCall& call,
                                       UnixSeconds from, UnixSeconds to)
{
    std::vector<Occurrence> today;
    if (auto programme = web.store.site_programme(site_id, CalendarTexts::Include)) {
        std::vector<CalendarFile> files;
        for (const SiteCalendar& calendar : programme->calendars)
            files.push_back({calendar.name, calendar.ics});
        if (auto imported = import_programme(files, web.zone, {from, to}))
            today = std::move(imported->occurrences);
    }
    std::vector<std::string> texts;
    for (const RollCallPerson& person : call.people) {
        std::string text;
        if (person.seen_at_uid) {
            text = web.texts.text("present.at_activity");
            for (const Occurrence& occurrence : today)
                if (occurrence.uid == *person.seen_at_uid && occurrence.instance == person.seen_at_instance) {
                    text = occurrence.title.default_text();
                    if (!occurrence.location.default_text().empty())
                        text += ", " + occurrence.location.default_text();
                }
        }
        texts.push_back(std::move(text));
    }
    return texts;
}

void get_present(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    const auto signed_in = signed_in_or_answer(web, request, response);
    if (!signed_in)
        return;
    const UnixSeconds now = web.clock.now();
    const CivilDate today = web.zone.to_local(now).date;
    const UnixSeconds from = web.zone.start_of_day(today);
    const UnixSeconds to = web.zone.start_of_day(today.plus_days(1));
    PresentView view{*signed_in, {}, now};
    for (const SiteInfo& site : signed_in->sites) {
        auto call = web.store.site_roll_call(site.id, from, to);
        if (!call) {
            answer_unavailable(web, response, &*signed_in, "reading who is in the building", call.error());
            return;
        }
        std::vector<std::string> seen_at = seen_at_texts(web, site.id, call.value(), from, to);
        view.sites.push_back({site, std::move(call.value()), std::move(seen_at)});
    }
    // Never kept by a browser or a proxy: names, and a list that must be current.
    response.set_header("Cache-Control", "no-store");
    send_page(response, 200, present_page(web.texts, web.zone, view));
}

} // namespace

void add_present_routes(httplib::Server& server, WebContext& web)
{
    server.Get("/present", [&web](const httplib::Request& request, httplib::Response& response) {
        get_present(web, request, response);
    });
}

} // namespace olohuone::server::web
