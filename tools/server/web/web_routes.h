#pragma once
// The coordinators' pages on the server (docs/web.md): every path outside /v1/. Each
// page needs a signed-in session except /login and the stylesheet; each form is checked
// for its origin and its CSRF token; each site in a path is checked against the sites
// the coordinator may see.
#include <httplib.h>

#include <cstddef>
#include <semaphore>
#include <string>

#include "core/catalog.h"
#include "core/clock.h"
#include "core/time_zone.h"
#include "server_config.h"
#include "server_store.h"
#include "web/login_throttle.h"
#include "web/sessions.h"

namespace olohuone::server::web {

struct WebContext {
    WebContext(const ServerConfig& config, ServerStore& store, const Clock& clock, TimeZone zone, Catalog texts)
        : config(config), store(store), clock(clock), zone(std::move(zone)), texts(std::move(texts)),
          throttle(config.login_failures_before_lockout, config.login_lockout_minutes), sessions(store, config, clock)
    {
    }

    const ServerConfig& config;
    ServerStore& store;
    const Clock& clock;
    TimeZone zone;
    Catalog texts;
    LoginThrottle throttle;
    Sessions sessions;
    // A password check takes about 64 MiB for a tenth of a second: a few at a time at most.
    std::counting_semaphore<16> password_checks{2};
};

void add_web_routes(httplib::Server& server, WebContext& web);

// Whether `path` is one of the pages' (not the kiosks' API under /v1/).
bool is_web_path(const std::string& path);
// The largest body a POST to `path` may have: the calendar upload's own limit, or the
// server's for every other request.
std::size_t body_limit(const ServerConfig& config, const std::string& path);
// Whether the request's Content-Length is over its path's limit (or is no number).
bool body_too_large(const ServerConfig& config, const httplib::Request& request);

// A page for what the HTTP library answered by itself (no such page, a body too large).
void answer_web_error(WebContext& web, const httplib::Request& request, httplib::Response& response);

} // namespace olohuone::server::web
