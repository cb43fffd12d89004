#include "fault_proxy.h"

#include <httplib.h>

#include <chrono>

namespace olohuone::testing {
namespace {

// Sends the request on to the server; false when the server did not answer.
bool forward(const httplib::Request& request, httplib::Response& response, int server_port, const std::string& ca)
{
    httplib::SSLClient client("127.0.0.1", server_port);
    client.set_ca_cert_path(ca.c_str());
    client.enable_server_certificate_verification(true);
    client.set_read_timeout(30, 0);
    httplib::Headers headers;
    for (const char* name : {"Authorization", "If-None-Match", "Accept"})
        if (request.has_header(name))
            headers.emplace(name, request.get_header_value(name));
    const auto answer = request.method == "POST"
        ? client.Post(request.path.c_str(), headers, request.body, "application/json")
        : client.Get(request.path.c_str(), headers);
    if (!answer)
        return false;
    response.status = answer->status;
    for (const char* name : {"ETag", "Retry-After", "WWW-Authenticate"})
        if (answer->has_header(name))
            response.set_header(name, answer->get_header_value(name));
    response.body = answer->body;
    response.set_header("Content-Type", answer->get_header_value("Content-Type"));
    return true;
}

} // namespace

FaultProxy::FaultProxy(const std::string& certificate, const std::string& private_key, int server_port,
                       const std::string& server_ca)
    : m_server(std::make_unique<httplib::SSLServer>(certificate.c_str(), private_key.c_str())),
      m_server_port(server_port), m_server_ca(server_ca)
{
    const auto handle = [this](const httplib::Request& request, httplib::Response& response) {
        ++m_requests;
        switch (m_fault.load()) {
        case Fault::InternalError:
            response.status = 500;
            response.set_content("<html>Internal Server Error</html>", "text/html");
            return;
        case Fault::Unavailable:
            response.status = 503;
            response.set_header("Retry-After", "7");
            response.set_content("<html>Service Unavailable</html>", "text/html");
            return;
        case Fault::MalformedAnswer:
            response.status = 200;
            response.set_content(R"({"results": [{"key": 12, "status": )", "application/json");
            return;
        case Fault::Slow: {
            std::unique_lock hold(m_hold_mutex);
            m_released_signal.wait(hold, [this] { return m_released; });
            break;
        }
        case Fault::CutAnswer:
        case Fault::None:
            break;
        }
        if (!forward(request, response, m_server_port, m_server_ca)) {
            response.status = 502;
            return;
        }
        if (m_fault.load() == Fault::CutAnswer && !response.body.empty()) {
            // The whole length is promised, half is sent, then the connection closes.
            const std::string body = response.body;
            response.body.clear();
            response.set_content_provider(body.size(), "application/json",
                                          [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                              if (offset == 0)
                                                  sink.write(body.data(), body.size() / 2);
                                              return false;
                                          });
        }
    };
    m_server->Get(R"(/.*)", handle);
    m_server->Post(R"(/.*)", handle);
    m_port = m_server->bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    while (!m_server->is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

FaultProxy::~FaultProxy()
{
    release_held();
    m_server->stop();
    if (m_thread.joinable())
        m_thread.join();
}

void FaultProxy::set_fault(Fault fault) { m_fault = fault; }

void FaultProxy::release_held()
{
    {
        const std::lock_guard hold(m_hold_mutex);
        m_released = true;
    }
    m_released_signal.notify_all();
}

} // namespace olohuone::testing
