#pragma once
// Stand-ins for a site's calendar feed: an HTTPS server in the test process with the
// test's certificate, answering what the test tells it to (with ETags and 304s as a
// real feed does) and counting what it was asked; and a socket that takes connections
// but never answers, as a feed host that hangs.
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server_process.h"

namespace httplib {
class SSLServer;
}

namespace olohuone::testing {

class FeedServer {
public:
    explicit FeedServer(const TestCertificates& certificates);
    FeedServer(const FeedServer&) = delete;
    FeedServer& operator=(const FeedServer&) = delete;
    ~FeedServer();

    // https://127.0.0.1:PORT<path>
    std::string url(const std::string& path) const;
    // What GET `path` answers from now on: `body`, with `etag` (quoted) if not empty; a
    // request whose If-None-Match names it gets a 304.
    void answer(const std::string& path, std::string body, std::string etag = {});
    // The same, sent in chunks without a Content-Length.
    void answer_chunked(const std::string& path, std::string body);

    struct Asked {
        std::string path;
        std::string if_none_match;
        int status = 0;
    };
    std::vector<Asked> requests() const;

private:
    struct Answer {
        std::string body;
        std::string etag;
        bool chunked = false;
    };
    std::unique_ptr<httplib::SSLServer> m_server;
    int m_port = 0;
    std::thread m_thread;
    std::atomic<bool> m_done{false};
    mutable std::mutex m_mutex;
    std::map<std::string, Answer> m_answers;
    std::vector<Asked> m_requests;
};

class SilentListener {
public:
    SilentListener();
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;
    ~SilentListener();

    int port() const { return m_port; }
    // Whether a client has connected (and waits in vain for the TLS handshake).
    bool connection_waiting() const;

private:
    int m_socket = -1;
    int m_port = 0;
};

} // namespace olohuone::testing
