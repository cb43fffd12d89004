#include "feed_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <csignal>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace olohuone::testing {

FeedServer::FeedServer(const TestCertificates& certificates)
    : m_server(std::make_unique<httplib::SSLServer>(certificates.certificate.c_str(), certificates.private_key.c_str()))
{
    // A client that gives up mid-answer (a feed too large) must not end the test.
    std::signal(SIGPIPE, SIG_IGN);
    if (!m_server->is_valid()) {
        ADD_FAILURE() << "the feed server cannot use the test certificate";
        return;
    }
    m_server->Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
        const std::lock_guard lock(m_mutex);
        const std::string if_none_match = request.get_header_value("If-None-Match");
        const auto found = m_answers.find(request.path);
        if (found == m_answers.end()) {
            response.status = 404;
        } else if (!found->second.etag.empty() && if_none_match == "\"" + found->second.etag + "\"") {
            response.status = 304;
            response.set_header("ETag", "\"" + found->second.etag + "\"");
        } else if (found->second.chunked) {
            response.status = 200;
            response.set_chunked_content_provider(
                "text/calendar", [body = found->second.body](std::size_t offset, httplib::DataSink& sink) {
                    const std::size_t piece = std::min<std::size_t>(64 * 1024, body.size() - offset);
                    if (!sink.write(body.data() + offset, piece))
                        return false;
                    if (offset + piece == body.size())
                        sink.done();
                    return true;
                });
        } else {
            response.status = 200;
            if (!found->second.etag.empty())
                response.set_header("ETag", "\"" + found->second.etag + "\"");
            response.set_content(found->second.body, "text/calendar; charset=utf-8");
        }
        m_requests.push_back({request.path, if_none_match, response.status});
    });
    m_port = m_server->bind_to_any_port("127.0.0.1");
    if (m_port <= 0) {
        ADD_FAILURE() << "the feed server cannot listen";
        return;
    }
    m_thread = std::thread([this] {
        m_server->listen_after_bind();
        m_done = true;
    });
}

FeedServer::~FeedServer()
{
    if (!m_thread.joinable())
        return;
    // A stop before the accept loop has started would be lost: ask until it has ended.
    while (!m_done) {
        m_server->stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    m_thread.join();
}

std::string FeedServer::url(const std::string& path) const
{
    return "https://127.0.0.1:" + std::to_string(m_port) + path;
}

void FeedServer::answer(const std::string& path, std::string body, std::string etag)
{
    const std::lock_guard lock(m_mutex);
    m_answers[path] = {std::move(body), std::move(etag)};
}

void FeedServer::answer_chunked(const std::string& path, std::string body)
{
    const std::lock_guard lock(m_mutex);
    m_answers[path] = {std::move(body), {}, true};
}

std::vector<FeedServer::Asked> FeedServer::requests() const
{
    const std::lock_guard lock(m_mutex);
    return m_requests;
}

SilentListener::SilentListener()
{
    m_socket = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (m_socket < 0 || bind(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0
        || listen(m_socket, 4) != 0 || getsockname(m_socket, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ADD_FAILURE() << "cannot make a listening socket";
        return;
    }
    m_port = ntohs(address.sin_port);
}

SilentListener::~SilentListener()
{
    if (m_socket >= 0)
        close(m_socket);
}

bool SilentListener::connection_waiting() const
{
    // A pending connection makes a listening socket readable; it is never accepted.
    pollfd readable{m_socket, POLLIN, 0};
    return poll(&readable, 1, 0) == 1;
}

} // namespace olohuone::testing
