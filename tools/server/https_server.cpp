#include "https_server.h"

#include <httplib.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

#include "core/log.h"
#include "heartbeat_api.h"
#include "kiosk_edits_apply.h"
#include "places_api.h"
#include "programme_api.h"
#include "records_api.h"
#include "site_programme.h"
#include "tokens.h"
#include "web/web_routes.h"
#include "web/web_texts.h"

namespace olohuone::server {
namespace {

void answer_error(httplib::Response& response, int status, const std::string& error, const std::string& message)
{
    response.status = status;
    response.set_content(nlohmann::json{{"error", error}, {"message", message}}.dump(), "application/json");
}

// The kiosk behind the request's "Authorization: Bearer <token>", or none (the answer
// is then already a 401).
std::optional<KioskIdentity> authenticate(const httplib::Request& request, httplib::Response& response,
                                          ServerStore& store, const Clock& clock)
{
    constexpr std::string_view scheme = "Bearer ";
    const std::string header = request.get_header_value("Authorization");
    // Refused before any lookup: no header, another scheme, or anything that is not a
    // token's alphabet (the HTTP library would have percent-decoded it).
    const auto hash = header.starts_with(scheme) ? token_hash(std::string_view(header).substr(scheme.size()))
                                                 : std::nullopt;
    if (hash) {
        auto kiosk = store.kiosk_for_token(*hash, clock.now());
        if (!kiosk) {
            log::error("token lookup failed: " + kiosk.error().message);
            answer_error(response, 503, "unavailable", "the server cannot check tokens right now");
            return std::nullopt;
        }
        if (kiosk.value())
            return kiosk.value();
    }
    response.set_header("WWW-Authenticate", "Bearer");
    answer_error(response, 401, "unauthorized", "a valid kiosk token is required");
    return std::nullopt;
}

// Whether the batch delivered a programme edit, new or again: a repeat may carry one an
// earlier answer could not apply.
bool has_programme_edit(const ParsedBatch& batch, const std::vector<Delivery>& deliveries)
{
    for (std::size_t i = 0; i < deliveries.size(); ++i)
        if (batch.valid[i].kind == "programme.edit" && deliveries[i] != Delivery::Conflict)
            return true;
    return false;
}

void post_records(const httplib::Request& request, httplib::Response& response, const ServerConfig& config,
                  ServerStore& store, const Clock& clock, const TimeZone& zone)
{
    const auto kiosk = authenticate(request, response, store, clock);
    if (!kiosk)
        return;
    auto batch = parse_batch(request.body, config.max_records_per_batch);
    if (!batch) {
        answer_error(response, 400, "bad_batch", batch.error().message);
        return;
    }
    auto deliveries = store.deliver(*kiosk, batch->valid, clock.now());
    if (!deliveries) {
        // Nothing was stored (one transaction): the kiosk keeps its records and retries.
        log::error("storing a batch failed: " + deliveries.error().message);
        answer_error(response, 503, "unavailable", "the records could not be stored; send them again later");
        response.set_header("Retry-After", "30");
        return;
    }
    for (std::size_t i = 0; i < deliveries->size(); ++i)
        if ((*deliveries)[i] == Delivery::Conflict)
            log::warning("kiosk " + std::to_string(kiosk->kiosk_id) + " sent a different record under key "
                         + batch->valid[i].key + "; refused and kept aside");
    // Applied before the answer: the kiosk fetches the programme right after it, and
    // takes its edit as settled once it has.
    if (has_programme_edit(batch.value(), deliveries.value())) {
        if (auto applied = apply_kiosk_edits(store, zone, kiosk->site_id, clock.now()); !applied) {
            log::error("applying kiosks' programme edits failed: " + applied.error().message);
            answer_error(response, 503, "unavailable",
                         "the records were stored but not all applied; send them again later");
            response.set_header("Retry-After", "30");
            return;
        }
    }
    response.set_content(batch_answer(batch.value(), deliveries.value()).dump(), "application/json");
}

// The database could not answer: nothing was changed, the kiosk asks again later.
void answer_unavailable(httplib::Response& response, const std::string& what, const Error& error)
{
    log::error(what + " failed: " + error.message);
    answer_error(response, 503, "unavailable", "the server cannot answer this right now; try again later");
    response.set_header("Retry-After", "30");
}

// The site in the path of a kiosk's GET, once its token is for that site; none when the
// request was answered already (404, 401 or 403).
std::optional<std::int64_t> own_site_or_answer(const httplib::Request& request, httplib::Response& response,
                                               ServerStore& store, const Clock& clock)
{
    // A path that cannot name a site is no endpoint at all, token or not.
    const auto site_id = site_id_from_path(request.matches[1].str());
    if (!site_id) {
        answer_error(response, 404, "not_found", "no such endpoint");
        return std::nullopt;
    }
    const auto kiosk = authenticate(request, response, store, clock);
    if (!kiosk)
        return std::nullopt;
    if (kiosk->site_id != *site_id) {
        answer_error(response, 403, "forbidden", "this kiosk's token is for another site");
        return std::nullopt;
    }
    return site_id;
}

void get_programme(const httplib::Request& request, httplib::Response& response, ServerStore& store,
                   const Clock& clock)
{
    const auto site_id = own_site_or_answer(request, response, store, clock);
    if (!site_id)
        return;
    // The version first, without the texts: a kiosk that has it gets a 304 cheaply.
    auto version = store.site_programme(*site_id, CalendarTexts::Omit);
    if (!version) {
        answer_unavailable(response, "reading a programme", version.error());
        return;
    }
    const std::string etag = programme_etag(version->calendars);
    if (etag_matches(request.get_header_value("If-None-Match"), etag)) {
        response.status = 304;
        response.set_header("ETag", "\"" + etag + "\"");
        return;
    }
    auto programme = store.site_programme(*site_id, CalendarTexts::Include);
    if (!programme) {
        answer_unavailable(response, "reading a programme", programme.error());
        return;
    }
    // Computed again from what is sent: the programme may have changed in between.
    const std::string sent_etag = programme_etag(programme->calendars);
    response.set_header("ETag", "\"" + sent_etag + "\"");
    response.set_content(programme_body(*site_id, programme.value(), sent_etag), "application/json");
}

void get_places(const httplib::Request& request, httplib::Response& response, ServerStore& store, const Clock& clock)
{
    const auto site_id = own_site_or_answer(request, response, store, clock);
    if (!site_id)
        return;
    auto places = store.site_places(*site_id, clock.now() - places_look_back_seconds);
    if (!places) {
        answer_unavailable(response, "reading places", places.error());
        return;
    }
    response.set_content(places_body(*site_id, places.value()), "application/json");
}

void post_heartbeat(const httplib::Request& request, httplib::Response& response, ServerStore& store,
                    const Clock& clock)
{
    const auto kiosk = authenticate(request, response, store, clock);
    if (!kiosk)
        return;
    auto heartbeat = parse_heartbeat(request.body);
    if (!heartbeat) {
        answer_error(response, 400, "bad_heartbeat", heartbeat.error().message);
        return;
    }
    const UnixSeconds now = clock.now();
    if (auto noted = store.note_heartbeat(kiosk->kiosk_id, heartbeat.value(), now); !noted) {
        answer_unavailable(response, "storing a heartbeat", noted.error());
        return;
    }
    response.set_content(nlohmann::json{{"received_at", now}}.dump(), "application/json");
}

} // namespace

Result<void> serve(const ServerConfig& config, const CertificateFiles& certificate, ServerStore& store,
                   const Clock& clock, const std::function<void(int port)>& on_listening)
{
    httplib::SSLServer server(certificate.certificate.c_str(), certificate.private_key.c_str());
    if (!server.is_valid())
        return make_error("cannot use the certificate " + certificate.certificate + " with its key "
                          + certificate.private_key);
    SSL_CTX_set_min_proto_version(server.ssl_context(), TLS1_2_VERSION);
    auto zone = TimeZone::named(site_time_zone);
    if (!zone)
        return zone.error();
    auto texts = web::load_web_texts();
    if (!texts)
        return texts.error();
    web::WebContext pages(config, store, clock, zone.value(), std::move(texts.value()));
    const int threads = config.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    // The library has one limit for every body: the largest of the paths'. Each path's
    // own limit is checked below: the API's before the body is read, the pages' after.
    server.set_payload_max_length(
        static_cast<std::size_t>(std::max(config.max_body_bytes, config.max_upload_bytes)));
    server.set_read_timeout(10);
    server.set_write_timeout(10);
    server.set_keep_alive_timeout(5);

    // Checked before a body is read: the library limits a body only by its
    // Content-Length, so a chunked body (or one without a length) is refused.
    server.set_pre_routing_handler([&](const httplib::Request& request, httplib::Response& response) {
        if (request.method != "POST")
            return httplib::Server::HandlerResponse::Unhandled;
        if (request.has_header("Transfer-Encoding") || !request.has_header("Content-Length")) {
            response.status = 411;
            if (web::is_web_path(request.path))
                web::answer_web_error(pages, request, response);
            else
                answer_error(response, 411, "length_required", "send the body with a Content-Length");
            return httplib::Server::HandlerResponse::Handled;
        }
        // The API's bodies are refused before they are read. A page's form is read (and
        // thrown away, past the largest limit) and then refused with a page: a browser
        // shows no answer to a request it could not send whole.
        if (!web::is_web_path(request.path) && web::body_too_large(config, request)) {
            answer_error(response, 413, "too_large", "the body is larger than this server accepts");
            // The unread body must not be taken for the next request on this connection.
            response.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_exception_handler([&](const httplib::Request& request, httplib::Response& response,
                                     std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& caught) {
            log::error(std::string("request failed: ") + caught.what());
        } catch (...) {
            log::error("request failed");
        }
        response.status = 500;
        if (web::is_web_path(request.path))
            web::answer_web_error(pages, request, response);
        else
            answer_error(response, 500, "internal", "the server could not answer this request");
    });
    server.set_error_handler([&](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty())
            return;
        if (web::is_web_path(request.path)) {
            web::answer_web_error(pages, request, response);
            return;
        }
        if (response.status == 413)
            answer_error(response, 413, "too_large", "the body is larger than this server accepts");
        else if (response.status == 404)
            answer_error(response, 404, "not_found", "no such endpoint");
        else
            answer_error(response, response.status, "error", "the request could not be handled");
    });
    server.Post("/v1/records", [&](const httplib::Request& request, httplib::Response& response) {
        post_records(request, response, config, store, clock, zone.value());
    });
    server.Post("/v1/heartbeat", [&](const httplib::Request& request, httplib::Response& response) {
        post_heartbeat(request, response, store, clock);
    });
    server.Get(R"(/v1/sites/([^/]+)/places)", [&](const httplib::Request& request, httplib::Response& response) {
        get_places(request, response, store, clock);
    });
    server.Get(R"(/v1/sites/([^/]+)/programme)", [&](const httplib::Request& request, httplib::Response& response) {
        get_programme(request, response, store, clock);
    });
    web::add_web_routes(server, pages);

    const int port = config.port == 0 ? server.bind_to_any_port(config.listen_address)
                                      : (server.bind_to_port(config.listen_address, config.port) ? config.port : -1);
    if (port <= 0)
        return make_error("cannot listen on " + config.listen_address + ":" + std::to_string(config.port));

    // SIGINT/SIGTERM are waited for on a thread of their own, which stops the server:
    // the handler then runs outside any signal context.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    std::atomic<bool> done{false};
    std::thread stopper([&server, &done, stop_signals] {
        int received = 0;
        sigwait(&stop_signals, &received);
        if (!done)
            log::info("stopping on signal " + std::to_string(received));
        // A signal that comes before the accept loop has started would be lost by a
        // single stop(): ask until the loop has ended.
        while (!done) {
            server.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });

    on_listening(port);
    const bool listened = server.listen_after_bind();
    done = true;
    if (!listened) // the stopper still waits for a signal: send it the one it waits for
        pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    return listened ? Result<void>() : make_error("the server stopped listening unexpectedly");
}

} // namespace olohuone::server
