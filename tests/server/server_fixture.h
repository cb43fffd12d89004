#pragma once
// What the tests of the real server share: a temporary directory with a certificate
// authority and a server certificate, a configuration file, sites and kiosks made with
// the admin commands, and a look into the server's database.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "server_process.h"
#include "support/temp_dir.h"

namespace olohuone::testing {

class ServerFixture : public ::testing::Test {
protected:
    test::TempDir dir;
    TestCertificates certificates = make_test_certificates(dir.path().string(), "IP:127.0.0.1,DNS:localhost");
    std::string config = write_config();

    // The configuration, with `extra` TOML appended (a [feeds] section, …).
    std::string write_config(int max_body_bytes = 64 * 1024, const std::string& extra = {});
    // add-site; the site's id.
    std::string add_site(const std::string& site);
    // add-kiosk; the kiosk's token.
    std::string add_kiosk_to(const std::string& site_id, const std::string& name);
    std::string add_kiosk(const std::string& site, const std::string& name)
    {
        return add_kiosk_to(add_site(site), name);
    }

    // https://127.0.0.1:PORT<path>
    static std::string url(const ServerProcess& server, const std::string& path);
    // The first column of the first row of `sql` on the server's database.
    std::int64_t stored(const std::string& sql);
    // Where a server started with log_file() writes its log.
    std::string log_file() const { return dir.file("server.log"); }
    std::string log() const;
};

// Asks `done` again and again (every 50 ms) until it is true or `deadline` has passed:
// whether it became true, never how fast.
bool eventually(const std::function<bool()>& done, std::chrono::seconds deadline = std::chrono::seconds(30));

// The whole file, or "" if it cannot be read.
std::string read_file(const std::string& path);

} // namespace olohuone::testing
