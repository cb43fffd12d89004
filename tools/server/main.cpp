// olohuone-server: the central server kiosks deliver their records to (docs/server.md).
//   olohuone-server [-c FILE]      serve
// Sites, kiosks and programmes are managed with `olohuonectl server` (docs/olohuonectl.md).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "certificate.h"
#include "core/log.h"
#include "feed_fetch.h"
#include "feed_poller.h"
#include "https_server.h"
#include "name_retention.h"
#include "offset_clock.h"
#include "server_config.h"
#include "server_store.h"
#include "service/service_notifier.h"
#include "site_programme.h"
#include "tokens.h"

namespace {

constexpr int exit_usage = 64;
constexpr int exit_config_error = 78;
constexpr int exit_failure = 1;
constexpr const char* system_config = "/etc/olohuone/server.toml";

} // namespace

int main(int argc, char** argv)
{
    using namespace olohuone;
    CLI::App cli("Olohuone server: receives the kiosks' records over HTTPS");
    std::string config_path;
    cli.add_option("-c,--config", config_path, std::string("configuration file (default: ") + system_config
                                                    + " if it exists)");
    bool check_config = false;
    cli.add_flag("--check-config", check_config,
                 "validate the configuration and the files it names, then exit (0 when valid, 78 naming the fault); "
                 "writes nothing");
    std::string clock_offset_file;
    cli.add_option("--clock-offset-file", clock_offset_file,
                   "for tests: a file holding milliseconds to add to the clock (and optionally, second, to the monotonic "
                   "clock), read at every reading");
    cli.allow_extras();
    CLI11_PARSE(cli, argc, argv);
    if (!cli.remaining().empty()) {
        // The admin commands it once had (add-site, add-kiosk, ...) moved to olohuonectl.
        log::error("'" + cli.remaining().front() + "': olohuone-server only serves; sites, kiosks and programmes are "
                   "managed with `olohuonectl server " + cli.remaining().front() + " ...` (docs/olohuonectl.md)");
        return exit_usage;
    }

    // Both before any thread starts: libsodium's and libcurl's own initialisation.
    if (!server::start_crypto() || !server::start_feed_client()) {
        log::error("cannot initialise libsodium or libcurl");
        return exit_failure;
    }
    std::error_code no_file;
    if (config_path.empty() && std::filesystem::exists(system_config, no_file))
        config_path = system_config;
    auto config = config_path.empty() ? Result<server::ServerConfig>(server::ServerConfig{})
                                      : server::load_server_config(config_path);
    if (!config) {
        log::error("configuration error: " + config.error().message);
        return exit_config_error;
    }
    if (check_config) {
        // The files the configuration names must be readable by this user; nothing is made.
        for (const auto& [key, file] : {std::pair{"tls.certificate", config->certificate},
                                        std::pair{"tls.private_key", config->private_key},
                                        std::pair{"feeds.ca_file", config->feed_ca_file}})
            if (!file.empty() && !std::ifstream(file)) {
                log::error(std::string("configuration error: ") + key + ": cannot read " + file);
                return exit_config_error;
            }
        std::printf("%s: the configuration is valid\n", config_path.empty() ? "defaults" : config_path.c_str());
        return 0;
    }
    std::error_code error;
    std::filesystem::create_directories(config->state_dir, error);
    if (error) {
        log::error(config->state_dir + ": cannot create the state directory: " + error.message());
        return exit_failure;
    }
    auto store = server::open_sqlite_server_store(config->state_dir + "/olohuone-server.sqlite3");
    if (!store) {
        log::error("cannot open the database: " + store.error().message);
        return exit_failure;
    }

    const SystemClock system_clock;
    const server::OffsetClock test_clock(clock_offset_file);
    const Clock& clock = clock_offset_file.empty() ? static_cast<const Clock&>(system_clock) : test_clock;
    auto zone = TimeZone::named(server::site_time_zone);
    if (!zone) {
        log::error(zone.error().message);
        return exit_failure;
    }
    auto certificate = server::ensure_certificate(config.value());
    if (!certificate) {
        log::error("certificate: " + certificate.error().message);
        return exit_config_error;
    }
    if (certificate->made_now)
        log::info("made a self-signed certificate " + certificate->certificate);
    if (!config->feed_ca_file.empty() && !std::ifstream(config->feed_ca_file)) {
        log::error("configuration error: feeds.ca_file: cannot read " + config->feed_ca_file);
        return exit_config_error;
    }
    server::FeedPoller feeds(*store.value(), config.value(), clock, zone.value());
    feeds.start();
    server::NameRetention name_retention(*store.value(), config->erase_names_after_days, clock);
    name_retention.start();
    // Under systemd (Type=notify): ready once it listens.
    service::ServiceNotifier notifier(clock);
    auto served = server::serve(config.value(), certificate.value(), *store.value(), clock, [&](int port) {
        // On standard output for whoever started the server (a test, an admin): where it
        // listens and the pin a kiosk needs for a self-signed certificate.
        std::printf("listening on %s:%d\npin %s\n", config->listen_address.c_str(), port,
                    certificate->public_key_pin.c_str());
        std::fflush(stdout);
        notifier.ready();
    });
    notifier.stopping();
    feeds.stop();
    name_retention.stop();
    if (!served) {
        log::error(served.error().message);
        return exit_failure;
    }
    return 0;
}
