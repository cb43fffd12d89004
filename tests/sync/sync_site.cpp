#include "sync_site.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "store/record_key.h"
#include "store/visit_log.h"

namespace olohuone::testing {
namespace {

// The number after `label ` on the admin command's output ("site 3").
std::string value_after(const std::string& output, const std::string& label)
{
    const auto at = output.find(label + " ");
    EXPECT_NE(at, std::string::npos) << output;
    if (at == std::string::npos)
        return {};
    const auto start = at + label.size() + 1;
    return output.substr(start, output.find('\n', start) - start);
}

} // namespace

std::string letters_for(int i)
{
    std::string letters;
    do {
        letters.insert(letters.begin(), static_cast<char>('a' + i % 26));
        i /= 26;
    } while (i > 0);
    letters.front() = static_cast<char>(letters.front() - 'a' + 'A');
    return letters;
}

int free_port()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

bool eventually(const std::function<bool()>& done, int seconds)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (done())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return done();
}

SyncSite::SyncSite()
    : m_certificates(make_test_certificates(m_dir.path().string(), "IP:127.0.0.1")), m_port(free_port()),
      m_config(m_dir.file("server.toml"))
{
    std::filesystem::create_directory(kiosk_state_dir());
    std::ofstream(m_config) << "[server]\nlisten_address = \"127.0.0.1\"\nport = " << m_port << "\nstate_dir = \""
                            << m_dir.file("server-state") << "\"\n[tls]\ncertificate = \"" << m_certificates.certificate
                            << "\"\nprivate_key = \"" << m_certificates.private_key << "\"\n";
    site_id = value_after(admin("add-site --organisation Espoo --site 'Olohuone Leppävaara'"), "site");
    token = value_after(admin("add-kiosk --site " + site_id + " --name olohuone"), "token");
    other_site_id = value_after(admin("add-site --organisation Espoo --site 'Palvelutalo Kivenlahti'"), "site");
    other_site_token = value_after(admin("add-kiosk --site " + other_site_id + " --name aula"), "token");
}

std::string SyncSite::add_kiosk(const std::string& name) const
{
    return value_after(admin("add-kiosk --site " + site_id + " --name " + name), "token");
}

void SyncSite::start_server()
{
    m_server = std::make_unique<ServerProcess>(m_config);
    ASSERT_EQ(m_server->port(), m_port);
}

void SyncSite::kill_server()
{
    if (m_server)
        m_server->kill_now();
    m_server.reset();
}

sync::SyncSettings SyncSite::settings(int port) const
{
    sync::SyncSettings settings;
    settings.server_url = "https://127.0.0.1:" + std::to_string(port);
    settings.site = std::stoll(site_id);
    settings.token = token;
    settings.trust.ca_file = m_certificates.ca;
    settings.limits.connect_timeout_seconds = 3;
    settings.limits.request_timeout_seconds = 2 * 60;
    settings.version = "0.1.0-test";
    return settings;
}

std::unique_ptr<sync::SyncEngine> SyncSite::engine(sync::SyncSettings settings, const Clock& clock) const
{
    return std::make_unique<sync::SyncEngine>(
        std::move(settings), kiosk_database(), clock, [](const std::vector<CalendarFile>&) { return Result<void>(); },
        nullptr);
}

store::Store& SyncSite::kiosk()
{
    if (!m_kiosk) {
        auto opened = store::Store::open(kiosk_database());
        EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
        m_kiosk = std::make_unique<store::Store>(std::move(opened.value()));
    }
    return *m_kiosk;
}

std::vector<std::string> SyncSite::sign_in_visitors(int count, UnixSeconds at)
{
    store::VisitLog log(kiosk().database());
    std::vector<std::string> keys;
    // Without an fsync each: thousands of records at one fsync each would be the test's
    // whole run time, and the sync reads them the same either way.
    EXPECT_TRUE(kiosk().database().execute_script("PRAGMA synchronous = OFF").ok());
    for (int i = 0; i < count; ++i) {
        SignInDraft draft;
        draft.key = store::new_record_key();
        draft.group_id = i % 3 == 0 ? "resident" : "relative";
        draft.typed_name = "Vieras " + letters_for(i);
        const auto signed_in = log.sign_in(draft, {at + i, true});
        EXPECT_TRUE(signed_in.ok()) << (signed_in.ok() ? "" : signed_in.error().message);
        keys.push_back(draft.key);
    }
    EXPECT_TRUE(kiosk().database().execute_script("PRAGMA synchronous = FULL").ok());
    return keys;
}

std::int64_t SyncSite::on_server(const std::string& sql) const
{
    auto database = sql::Database::open(m_dir.file("server-state") + "/olohuone-server.sqlite3", sql::OpenMode::ReadOnly);
    EXPECT_TRUE(database.ok());
    if (!database)
        return -1;
    (void)database->execute_script("PRAGMA busy_timeout = 5000");
    auto value = database->query_int(sql);
    EXPECT_TRUE(value.ok()) << sql << ": " << (value.ok() ? "" : value.error().message);
    return value.ok() ? value.value() : -1;
}

std::int64_t SyncSite::on_kiosk(const std::string& sql)
{
    auto value = kiosk().database().query_int(sql);
    EXPECT_TRUE(value.ok()) << sql;
    return value.ok() ? value.value() : -1;
}

} // namespace olohuone::testing
