#pragma once
// The real olohuone-server binary in a child process on 127.0.0.1 (any free port), with
// its state, configuration and log in a folder of the benchmark's, and a certificate
// from the benchmark's own authority.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

#include "bench_support.h"

namespace olohuone::bench {

struct ServerOptions {
    std::optional<int> threads; // [limits] threads; none: the server's default
};

class LocalServer {
public:
    // Writes `dir`/server.toml; the database goes to `dir`/server-state, the log to
    // `dir`/server.log. Nothing runs yet.
    LocalServer(const std::string& dir, const Certificates& certificates, const ServerOptions& options);
    ~LocalServer(); // stop()
    LocalServer(const LocalServer&) = delete;
    LocalServer& operator=(const LocalServer&) = delete;

    // The admin command `olohuonectl server -c CONFIG <arguments>` to completion; its
    // output. Fails the benchmark when the command does.
    std::string admin(const std::vector<std::string>& arguments) const;

    // Makes this server's state a copy of `other`'s (its sites, kiosks and tokens); for
    // a fresh run without the admin commands again. Neither may be running.
    void copy_state_from(const LocalServer& other);

    // Starts serving and waits for "listening on …:PORT" and "pin …".
    void start();
    // SIGTERM, and waits for the server to finish (fails the benchmark after 30 s).
    void stop();

    int port() const { return m_port; }
    pid_t pid() const { return m_pid; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port); }
    // A number the server's database answers, read beside the running server.
    std::int64_t query(const std::string& sql) const;
    // The last lines of the server's log, for a failure message.
    std::string log_tail() const;

private:
    std::string state_dir() const { return m_dir + "/server-state"; }

    std::string m_dir;
    std::string m_config;
    pid_t m_pid = -1;
    int m_port = 0;
};

} // namespace olohuone::bench
