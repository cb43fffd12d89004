#pragma once
// What the `olohuonectl server` commands work on: the server's configuration
// (/etc/olohuone/server.toml, or -c) and its database in server.state_dir, opened
// only once a command needs it.
#include <memory>
#include <optional>
#include <string>

#include "server_config.h"
#include "server_store.h"

namespace olohuone::ctl {

class ServerContext {
public:
    // The -c option's value, filled in by the command line.
    std::string config_path;

    // The configuration, or null once the failure has been reported on standard error;
    // failure_code() is then the exit code.
    const server::ServerConfig* config();
    // The server's store (its state folder made on first use), or null as above.
    server::ServerStore* store();
    int failure_code() const { return m_failure_code; }

private:
    int m_failure_code = 0;
    std::optional<server::ServerConfig> m_config;
    std::unique_ptr<server::ServerStore> m_store;
};

} // namespace olohuone::ctl
