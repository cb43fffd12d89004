#include "web/present_page.h"

#include "web/html.h"
#include "web/web_texts.h"

namespace olohuone::server::web {

std::string present_page(const Catalog& texts, const TimeZone& zone, const PresentView& view)
{
    Html html;
    open_page(html, texts, {texts.text("present.title"), Section::Present, &view.signed_in, {}, {}});
    for (const SitePresent& site : view.sites) {
        const SiteRollCall& call = site.roll_call;
        html.open("section");
        html.element("h2", site.site.name);
        // How current the list is: it knows only what the kiosks have delivered.
        html.open("ul", {{"class", "muted"}});
        for (const KioskDelivery& kiosk : call.kiosks) {
            if (!kiosk.last_delivery) {
                html.element("li", texts.format("present.never_delivered", {{"kiosk", kiosk.kiosk}}));
                continue;
            }
            const std::string when = local_time_text(texts, zone, *kiosk.last_delivery, view.now) + " ("
                + ago_text(texts, std::max<std::int64_t>(0, view.now - *kiosk.last_delivery)) + ")";
            html.element("li", texts.format("present.delivered", {{"kiosk", kiosk.kiosk}, {"when", when}}));
        }
        html.close();
        html.element("p", {{"class", "figure"}},
                     texts.format("present.count", {{"count", std::to_string(call.people.size())}}));
        if (!call.people.empty()) {
            html.open("table", {{"class", "present"}});
            html.open("thead").open("tr");
            for (const char* key : {"present.name", "present.group", "present.seen", "present.seen_at"})
                html.element("th", {{"scope", "col"}}, texts.text(key));
            html.close().close();
            html.open("tbody");
            for (std::size_t i = 0; i < call.people.size(); ++i) {
                const RollCallPerson& person = call.people[i];
                html.open("tr");
                html.element("td", person.name.empty() ? texts.text("present.name_erased") : person.name);
                html.element("td", person.group);
                html.element("td", site.seen_at[i].empty() ? texts.text("present.signed_in") : site.seen_at[i]);
                html.element("td", local_time_text(texts, zone, person.seen_at, view.now));
                html.close();
            }
            html.close().close();
        }
        if (call.anonymous > 0)
            html.element("p", texts.format("present.anonymous", {{"count", std::to_string(call.anonymous)}}));
        html.close();
    }
    return html.finish();
}

} // namespace olohuone::server::web
