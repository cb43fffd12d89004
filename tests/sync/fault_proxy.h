#pragma once
// A reverse proxy in front of the real server, as nginx would stand in front of it on a
// host, that misbehaves on request: the network faults and error answers the kiosk must
// live through. It terminates TLS with a certificate from the test's authority and
// forwards to the server over HTTPS.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class SSLServer;
}

namespace olohuone::testing {

enum class Fault {
    None,             // pass everything through
    InternalError,    // 500, nothing forwarded
    Unavailable,      // 503 with "Retry-After: 7", nothing forwarded
    CutAnswer,        // forwarded (the server acts on it), then the answer stops half-way
    Slow,             // held until release_held(), then forwarded: longer than the kiosk waits
    MalformedAnswer,  // 200 with a body that is not the API's JSON, nothing forwarded
};

class FaultProxy {
public:
    FaultProxy(const std::string& certificate, const std::string& private_key, int server_port,
               const std::string& server_ca);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return m_port; }
    void set_fault(Fault fault);
    // Requests that reached the proxy, whatever it did with them.
    int requests() const { return m_requests; }
    // Lets the requests Fault::Slow is holding go on to the server, as a slow network
    // finally delivers them.
    void release_held();

private:
    std::unique_ptr<httplib::SSLServer> m_server;
    std::thread m_thread;
    int m_port = 0;
    int m_server_port;
    std::string m_server_ca;
    std::atomic<Fault> m_fault{Fault::None};
    std::atomic<int> m_requests{0};
    std::mutex m_hold_mutex;
    std::condition_variable m_released_signal;
    bool m_released = false;
};

} // namespace olohuone::testing
