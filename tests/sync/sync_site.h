#pragma once
// One site on the real olohuone-server, as the sync tests need it: a certificate
// authority and server certificate the test made, the server on a port of its own that
// stays the same across restarts, a kiosk token, and the kiosk's own database.
#include <memory>
#include <string>
#include <vector>

#include "server/server_process.h"
#include "store/store.h"
#include "support/temp_dir.h"
#include "sync/sync_engine.h"

namespace olohuone::testing {

class SyncSite {
public:
    SyncSite();

    void start_server();
    void stop_server() { m_server.reset(); }
    // SIGKILL: the server dies without finishing anything.
    void kill_server();
    bool server_running() { return m_server && m_server->running(); }
    int port() const { return m_port; }
    // Puts the running server's calendar at `at` (a test's kiosk lives on a chosen day).
    void set_server_wall_clock(UnixSeconds at)
    {
        m_server->set_wall_clock(std::chrono::system_clock::from_time_t(static_cast<std::time_t>(at)));
    }
    std::string server_pin() const { return m_server ? m_server->pin() : std::string(); }
    const TestCertificates& certificates() const { return m_certificates; }
    const std::string& config() const { return m_config; }
    std::string admin(const std::string& arguments) const { return run_admin(m_config, arguments); }
    // Another kiosk of the site; its token.
    std::string add_kiosk(const std::string& name) const;

    // Settings for a kiosk of this site talking to `port` (the server's, or a proxy's).
    sync::SyncSettings settings(int port) const;
    sync::SyncSettings settings() const { return settings(m_port); }
    // The kiosk's state folder and its database, as olohuone-kiosk --state-dir uses them.
    std::string kiosk_state_dir() const { return m_dir.file("kiosk-state"); }
    std::string kiosk_database() const { return kiosk_state_dir() + "/olohuone.sqlite3"; }
    std::string file(const std::string& name) const { return m_dir.file(name); }

    // The kiosk's sync with `settings`, taking any programme, on the kiosk's database.
    std::unique_ptr<sync::SyncEngine> engine(sync::SyncSettings settings, const Clock& clock) const;

    // The kiosk's database, opened as the screens open it.
    store::Store& kiosk();
    // Makes `count` sign-ins the way the screens make them; returns their keys.
    std::vector<std::string> sign_in_visitors(int count, UnixSeconds at);

    // A number the server's own database answers (read-only, beside the running server).
    std::int64_t on_server(const std::string& sql) const;
    std::int64_t on_kiosk(const std::string& sql);

    std::string site_id;
    std::string other_site_id;
    std::string token;
    std::string other_site_token;

private:
    test::TempDir m_dir;
    TestCertificates m_certificates;
    int m_port = 0;
    std::string m_config;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<store::Store> m_kiosk;
};

// A surname made of letters for visitor `i` (names take no digits): "Aa", "Ab", ….
std::string letters_for(int i);

// A port nothing listens on right now.
int free_port();

// Keeps calling `done` until it is true or `seconds` pass; for waits on another process.
bool eventually(const std::function<bool()>& done, int seconds = 30);

} // namespace olohuone::testing
