#pragma once
// The real olohuone-server in a child process, on a port of its own on 127.0.0.1, with
// a certificate from the tests' authority (support/test_authority.h); and a libcurl client that trusts
// only what the test tells it to.
#include <curl/curl.h>

#include <chrono>
#include <string>
#include <vector>

#include <sys/types.h>

#include "support/test_authority.h"

namespace olohuone::testing {

// Runs the admin command `olohuonectl server -c config <arguments>` to completion; its
// standard output and error.
std::string run_admin(const std::string& config, const std::string& arguments);

struct AdminRun {
    std::string output; // standard output and error
    int exit_code = -1;
};
AdminRun run_admin_command(const std::string& config, const std::string& arguments);

// Runs `olohuone-server -c config` to completion: for a configuration that stops it at
// start. (One that starts would run until stopped: use ServerProcess.)
AdminRun run_server_to_exit(const std::string& config);
// `olohuone-server --check-config -c CONFIG`, to its exit.
AdminRun check_server_config(const std::string& config);

class ServerProcess {
public:
    // `log_file`: where its standard error (the log) goes, appended; empty: the test's own.
    explicit ServerProcess(const std::string& config, const std::string& log_file = {});
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;
    ~ServerProcess(); // stop()

    int port() const { return m_port; }
    const std::string& pin() const { return m_pin; }
    bool running();
    // SIGTERM, then waits up to 10 s (a failure after that); how long it took.
    std::chrono::milliseconds stop();
    // SIGKILL: the server stops at once, in the middle of whatever it was doing.
    void kill_now();
    // Moves the server's clock, wall and monotonic, on by `by` at once: where a person
    // would wait (olohuone-server --clock-offset-file), the test does not sleep.
    void advance_clock(std::chrono::milliseconds by);
    // Puts the server's calendar at `at` (its monotonic clock stays): a test that reads
    // dated pages does not depend on the day it runs.
    void set_wall_clock(std::chrono::system_clock::time_point at);

private:
    void write_clock_offsets();

    std::string m_clock_offset_file;
    std::chrono::milliseconds m_wall_offset{0};
    std::chrono::milliseconds m_monotonic_offset{0};
    pid_t m_pid = -1;
    int m_port = 0;
    std::string m_pin;
};

struct HttpAnswer {
    CURLcode transport = CURLE_OK; // not CURLE_OK: no HTTP answer at all (TLS refused, …)
    long status = 0;
    std::string body;
    std::string headers; // as received, one "Name: value\r\n" per line

    // The value of the last header `name` (case-insensitive), or "".
    std::string header(const std::string& name) const;
};

struct Request {
    std::string url{};
    std::string body{};     // sent as a POST
    std::string token{};    // "Authorization: Bearer …" when not empty
    std::string ca{};       // the only authority trusted; empty: the system's
    std::string pin{};      // CURLOPT_PINNEDPUBLICKEY when not empty
    std::string resolve{};  // CURLOPT_RESOLVE entry ("host:port:127.0.0.1") when not empty
    bool chunked = false;   // the body in chunks, without a Content-Length
    std::vector<std::string> headers{};
    bool get = false;       // a GET instead of a POST (the body is not sent)
};

HttpAnswer send(const Request& request);

} // namespace olohuone::testing
