#include "web/web_routes.h"

#include <charconv>
#include <regex>

#include "web/embedded_files.h"
#include "web/simple_pages.h"
#include "web/web_guard.h"
#include "web/web_route_parts.h"
#include "web/web_texts.h"

namespace olohuone::server::web {

bool is_web_path(const std::string& path) { return !path.starts_with("/v1/"); }

std::size_t body_limit(const ServerConfig& config, const std::string& path)
{
    static const std::regex upload(R"(/sites/[^/]+/calendars)");
    return static_cast<std::size_t>(std::regex_match(path, upload) ? config.max_upload_bytes : config.max_body_bytes);
}

bool body_too_large(const ServerConfig& config, const httplib::Request& request)
{
    const std::string length = request.get_header_value("Content-Length");
    std::size_t bytes = 0;
    const auto [end, failed] = std::from_chars(length.data(), length.data() + length.size(), bytes);
    return failed != std::errc() || end != length.data() + length.size() || bytes > body_limit(config, request.path);
}

void add_web_routes(httplib::Server& server, WebContext& web)
{
    server.Get("/static/olohuone.css", [](const httplib::Request&, httplib::Response& response) {
        add_page_headers(response, Caching::Stylesheet);
        response.set_content(std::string(stylesheet_css()), "text/css; charset=utf-8");
    });
    add_login_routes(server, web);
    add_kiosk_routes(server, web);
    add_programme_routes(server, web);
    add_event_routes(server, web);
    add_report_routes(server, web);
    add_present_routes(server, web);
}

void answer_web_error(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    // A page for whoever is signed in, without touching the session's notice.
    std::optional<SignedIn> signed_in;
    if (auto found = web.sessions.find(cookie_value(request, session_cookie));
        found && found->first == SessionState::Active)
        signed_in = std::move(found->second);
    const SignedIn* who = signed_in ? &*signed_in : nullptr;
    const int status = response.status;
    if (status == 404)
        send_page(response, 404, error_page(web.texts, "not_found", who));
    else if (status == 413)
        send_page(response, 413,
                  error_page(web.texts, "too_large", who,
                             size_words(web.texts, static_cast<std::int64_t>(body_limit(web.config, request.path)))));
    else
        send_page(response, status, error_page(web.texts, "other", who));
}

} // namespace olohuone::server::web
