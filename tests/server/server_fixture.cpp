#include "server_fixture.h"

#include <fstream>
#include <sstream>
#include <thread>

#include "store/sqlite.h"

namespace olohuone::testing {

std::string ServerFixture::write_config(int max_body_bytes, const std::string& extra)
{
    const std::string path = dir.file("server.toml");
    std::ofstream(path) << "[server]\nlisten_address = \"127.0.0.1\"\nport = 0\nstate_dir = \"" << dir.file("state")
                        << "\"\n[tls]\ncertificate = \"" << certificates.certificate << "\"\nprivate_key = \""
                        << certificates.private_key << "\"\n[limits]\nmax_body_bytes = " << max_body_bytes
                        << "\nmax_records_per_batch = 50\n"
                        << extra;
    return path;
}

std::string ServerFixture::add_site(const std::string& site)
{
    const std::string added = run_admin(config, "add-site --organisation Espoo --site '" + site + "'");
    EXPECT_EQ(added.rfind("site ", 0), 0u) << added;
    return added.substr(5, added.find('\n') - 5);
}

std::string ServerFixture::add_kiosk_to(const std::string& site_id, const std::string& name)
{
    const std::string kiosk = run_admin(config, "add-kiosk --site " + site_id + " --name '" + name + "'");
    const auto at = kiosk.find("token ");
    EXPECT_NE(at, std::string::npos) << kiosk;
    return at == std::string::npos ? std::string() : kiosk.substr(at + 6, kiosk.find('\n', at) - at - 6);
}

std::string ServerFixture::url(const ServerProcess& server, const std::string& path)
{
    return "https://127.0.0.1:" + std::to_string(server.port()) + path;
}

std::int64_t ServerFixture::stored(const std::string& sql)
{
    auto database = sql::Database::open(dir.file("state") + "/olohuone-server.sqlite3", sql::OpenMode::ReadOnly);
    EXPECT_TRUE(database.ok());
    if (!database.ok())
        return -1;
    auto value = database->query_int(sql);
    EXPECT_TRUE(value.ok()) << sql << ": " << (value.ok() ? "" : value.error().message);
    return value.ok() ? value.value() : -1;
}

std::string ServerFixture::log() const { return read_file(log_file()); }

bool eventually(const std::function<bool()>& done, std::chrono::seconds deadline)
{
    const auto give_up = std::chrono::steady_clock::now() + deadline;
    for (;;) {
        if (done())
            return true;
        if (std::chrono::steady_clock::now() > give_up)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace olohuone::testing
