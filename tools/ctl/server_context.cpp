#include "server_context.h"

#include <filesystem>

#include "exit_codes.h"
#include "tokens.h"

namespace olohuone::ctl {
namespace {

constexpr const char* system_server_config = "/etc/olohuone/server.toml";

} // namespace

const server::ServerConfig* ServerContext::config()
{
    if (m_config)
        return &*m_config;
    std::error_code no_file;
    std::string path = config_path;
    if (path.empty() && std::filesystem::exists(system_server_config, no_file))
        path = system_server_config;
    auto loaded =
        path.empty() ? Result<server::ServerConfig>(server::ServerConfig{}) : server::load_server_config(path);
    if (!loaded) {
        m_failure_code = fail(exit_config, "configuration error: " + loaded.error().message);
        return nullptr;
    }
    m_config = std::move(loaded.value());
    return &*m_config;
}

server::ServerStore* ServerContext::store()
{
    if (m_store)
        return m_store.get();
    const server::ServerConfig* settings = config();
    if (settings == nullptr)
        return nullptr;
    // Tokens come from libsodium's random source.
    if (!server::start_crypto()) {
        m_failure_code = fail(exit_failure, "cannot initialise libsodium (no source of randomness)");
        return nullptr;
    }
    std::error_code error;
    std::filesystem::create_directories(settings->state_dir, error);
    if (error) {
        m_failure_code = fail(exit_failure,
                         settings->state_dir + " (server.state_dir): cannot create the folder: " + error.message());
        return nullptr;
    }
    auto opened = server::open_sqlite_server_store(settings->state_dir + "/olohuone-server.sqlite3");
    if (!opened) {
        m_failure_code = fail(exit_failure, "cannot open the server's database: " + opened.error().message);
        return nullptr;
    }
    m_store = std::move(opened.value());
    return m_store.get();
}

} // namespace olohuone::ctl
