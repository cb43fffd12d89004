// GET / and GET /kiosks: the kiosks of the coordinator's sites.
#include <algorithm>

#include "web/kiosks_page.h"
#include "web/web_guard.h"
#include "web/web_route_parts.h"

namespace olohuone::server::web {
namespace {

void get_kiosks(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    const auto signed_in = signed_in_or_answer(web, request, response);
    if (!signed_in)
        return;
    auto kiosks = web.store.kiosks();
    if (!kiosks) {
        answer_unavailable(web, response, &*signed_in, "listing kiosks", kiosks.error());
        return;
    }
    std::erase_if(kiosks.value(), [&](const KioskStatus& kiosk) {
        return std::none_of(signed_in->sites.begin(), signed_in->sites.end(),
                            [&](const SiteInfo& site) { return site.id == kiosk.site_id; });
    });
    const KiosksView view{*signed_in, std::move(kiosks.value()), web.config.kiosk_silent_warning_minutes,
                          web.clock.now(), take_notice(web, *signed_in)};
    send_page(response, 200, kiosks_page(web.texts, web.zone, view));
}

} // namespace

void add_kiosk_routes(httplib::Server& server, WebContext& web)
{
    server.Get("/", [&web](const httplib::Request& request, httplib::Response& response) {
        if (signed_in_or_answer(web, request, response))
            redirect(response, "/kiosks");
    });
    server.Get("/kiosks", [&web](const httplib::Request& request, httplib::Response& response) {
        get_kiosks(web, request, response);
    });
}

} // namespace olohuone::server::web
