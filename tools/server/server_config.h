#pragma once
// The server's configuration (/etc/olohuone/server.toml on a host). Every key has a
// default, so `olohuone-server` starts with no file; every value is validated with a
// message naming the key. docs/server.md describes each key.
#include <string>

#include "core/result.h"

namespace olohuone::server {

struct ServerConfig {
    // [server]
    std::string listen_address = "0.0.0.0";
    int port = 8443; // 0: any free port (tests); the port is printed when listening
    std::string state_dir = "olohuone-server-state"; // the database and a generated certificate

    // [tls]: both empty: a self-signed certificate is made in state_dir on first start
    std::string certificate;
    std::string private_key;

    // [limits]
    int max_body_bytes = 1024 * 1024;
    int max_records_per_batch = 500;
    int threads = 8;

    // [feeds]: the sites' calendar feeds (olohuonectl server set-feed)
    int feed_refresh_minutes = 15;
    std::string feed_ca_file; // empty: the system's certificate authorities

    // [web]: the coordinators' pages (docs/web.md)
    int session_idle_minutes = 30;         // a session unused this long ends
    int session_max_hours = 12;            // and every session ends this long after its login
    int kiosk_silent_warning_minutes = 60; // a kiosk not heard from this long is flagged
    int login_failures_before_lockout = 5; // failed logins in a row for one login name
    int login_lockout_minutes = 15;        // how long a login name (or an address) is then locked
    int max_upload_bytes = 2 * 1024 * 1024; // a calendar upload's whole body; every other body: max_body_bytes

    // [privacy]: visitors' names leave the records this many days after they were
    // received (docs/privacy.md): a funder's year and its report, with a margin.
    int erase_names_after_days = 400;
};

Result<ServerConfig> parse_server_config(const std::string& toml_text, const std::string& source_name);
Result<ServerConfig> load_server_config(const std::string& path);

} // namespace olohuone::server
