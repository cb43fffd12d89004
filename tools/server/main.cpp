// olohuone-server: the central server kiosks deliver their records to (docs/server.md).
//   olohuone-server [-c FILE]                                   serve
//   olohuone-server [-c FILE] add-site --organisation O --site S
//   olohuone-server [-c FILE] add-kiosk --site ID --name NAME   prints the token once
//   olohuone-server [-c FILE] revoke-kiosk --kiosk ID
//   olohuone-server [-c FILE] list-kiosks
//   olohuone-server [-c FILE] import-programme --site ID FILE.ics [FILE.ics ...]
//   olohuone-server [-c FILE] set-feed --site ID --url URL      --url "": no feed
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "admin_commands.h"
#include "certificate.h"
#include "core/log.h"
#include "feed_fetch.h"
#include "feed_poller.h"
#include "https_server.h"
#include "kiosk_list.h"
#include "server_config.h"
#include "server_store.h"
#include "site_programme.h"
#include "tokens.h"

namespace {

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
    std::string organisation;
    std::string site_name;
    auto* add_site = cli.add_subcommand("add-site", "add a site (and its organisation if new); prints its id");
    add_site->add_option("--organisation", organisation, "the organisation, e.g. a municipality")->required();
    add_site->add_option("--site", site_name, "the site, e.g. a care home")->required();
    std::int64_t site_id = 0;
    std::string kiosk_name;
    auto* add_kiosk = cli.add_subcommand("add-kiosk", "add a kiosk to a site; prints its token once");
    add_kiosk->add_option("--site", site_id, "the site's id (from add-site)")->required();
    add_kiosk->add_option("--name", kiosk_name, "a name staff recognise, e.g. 'living room'")->required();
    std::int64_t kiosk_id = 0;
    auto* revoke_kiosk = cli.add_subcommand("revoke-kiosk", "stop a kiosk's token from working");
    revoke_kiosk->add_option("--kiosk", kiosk_id, "the kiosk's id (from add-kiosk)")->required();
    auto* list_kiosks = cli.add_subcommand("list-kiosks", "list the kiosks: site, status, last heartbeat");
    std::vector<std::string> calendar_files;
    auto* import_programme =
        cli.add_subcommand("import-programme", "replace a site's uploaded calendars with these .ics files");
    import_programme->add_option("--site", site_id, "the site's id (from add-site)")->required();
    import_programme->add_option("files", calendar_files, "iCalendar files")->required();
    std::string feed_url;
    auto* set_feed = cli.add_subcommand("set-feed", "read a site's programme also from a calendar feed");
    set_feed->add_option("--site", site_id, "the site's id (from add-site)")->required();
    set_feed->add_option("--url", feed_url, "an https:// or http:// URL; \"\" removes the feed")->required();
    cli.require_subcommand(0, 1);
    CLI11_PARSE(cli, argc, argv);

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

    if (add_site->parsed()) {
        auto id = store.value()->add_site(organisation, site_name);
        if (!id) {
            log::error("cannot add the site: " + id.error().message);
            return exit_failure;
        }
        std::printf("site %lld\n", static_cast<long long>(id.value()));
        return 0;
    }
    if (add_kiosk->parsed()) {
        const std::string token = server::new_token();
        auto id = store.value()->add_kiosk(site_id, kiosk_name, server::token_hash(token).value());
        if (!id) {
            log::error("cannot add the kiosk: " + id.error().message);
            return exit_failure;
        }
        // Shown this once: only its hash is kept.
        std::printf("kiosk %lld\ntoken %s\n", static_cast<long long>(id.value()), token.c_str());
        return 0;
    }
    if (revoke_kiosk->parsed()) {
        auto revoked = store.value()->revoke_kiosk(kiosk_id);
        if (!revoked || !revoked.value()) {
            log::error("no kiosk " + std::to_string(kiosk_id) + " with a working token");
            return exit_failure;
        }
        std::printf("revoked kiosk %lld\n", static_cast<long long>(kiosk_id));
        return 0;
    }
    if (list_kiosks->parsed()) {
        auto kiosks = store.value()->kiosks();
        if (!kiosks) {
            log::error("cannot list the kiosks: " + kiosks.error().message);
            return exit_failure;
        }
        std::fputs(server::kiosk_table(kiosks.value()).c_str(), stdout);
        return 0;
    }
    SystemClock clock;
    auto zone = TimeZone::named(server::site_time_zone);
    if (!zone) {
        log::error(zone.error().message);
        return exit_failure;
    }
    if (import_programme->parsed() || set_feed->parsed()) {
        auto done = import_programme->parsed()
            ? server::import_programme_files(*store.value(), site_id, calendar_files, zone.value(), clock.now())
            : server::set_site_feed(*store.value(), site_id, feed_url, clock.now());
        if (!done) {
            log::error(done.error().message);
            return exit_failure;
        }
        std::printf("%s\n", done.value().c_str());
        return 0;
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
    auto served = server::serve(config.value(), certificate.value(), *store.value(), clock, [&](int port) {
        // On standard output for whoever started the server (a test, an admin): where it
        // listens and the pin a kiosk needs for a self-signed certificate.
        std::printf("listening on %s:%d\npin %s\n", config->listen_address.c_str(), port,
                    certificate->public_key_pin.c_str());
        std::fflush(stdout);
    });
    feeds.stop();
    if (!served) {
        log::error(served.error().message);
        return exit_failure;
    }
    return 0;
}
