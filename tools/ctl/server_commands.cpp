#include "server_commands.h"

#include <cstdio>
#include <fstream>

#include "admin_commands.h"
#include "coordinator_commands.h"
#include "core/clock.h"
#include "exit_codes.h"
#include "feed_url.h"
#include "kiosk_list.h"
#include "server_forget.h"
#include "site_programme.h"
#include "tokens.h"

namespace olohuone::ctl {
namespace {

constexpr std::size_t max_name_bytes = 200;

// Names staff give (an organisation, a site, a kiosk): something, not too long, and no
// control characters that would break a listing.
bool usable_name(const std::string& option, const std::string& value)
{
    if (value.empty() || value.size() > max_name_bytes) {
        fail(exit_usage, option + ": give a name of 1 to " + std::to_string(max_name_bytes) + " bytes");
        return false;
    }
    for (const unsigned char c : value)
        if (c < 0x20 || c == 0x7F) {
            fail(exit_usage, option + ": the name has a control character (a tab or a line break)");
            return false;
        }
    return true;
}

// 0 when the site exists; otherwise the exit code, with the message printed.
int check_site(server::ServerStore& store, std::int64_t site_id)
{
    auto exists = store.site_exists(site_id);
    if (!exists)
        return fail(exit_failure, "cannot read the sites: " + exists.error().message);
    if (!exists.value())
        return fail(exit_usage, "--site " + std::to_string(site_id) + ": there is no site " + std::to_string(site_id)
                                    + " (add-site prints a new site's id)");
    return exit_ok;
}

void add_site_command(CLI::App& group, ServerContext& server, CommandRun& chosen)
{
    auto organisation = std::make_shared<std::string>();
    auto site = std::make_shared<std::string>();
    auto* command = group.add_subcommand("add-site", "add a site (and its organisation if new); prints its id");
    command->add_option("--organisation", *organisation, "the organisation, e.g. a municipality")->required();
    command->add_option("--site", *site, "the site, e.g. a care home")->required();
    when_chosen(command, chosen, [&server, organisation, site] {
        if (!usable_name("--organisation", *organisation) || !usable_name("--site", *site))
            return exit_usage;
        auto* store = server.store();
        if (store == nullptr)
            return server.failure_code();
        auto id = store->add_site(*organisation, *site);
        if (!id)
            return fail(exit_failure, "cannot add the site: " + id.error().message);
        std::printf("site %lld\n", static_cast<long long>(id.value()));
        return exit_ok;
    });
}

void add_kiosk_command(CLI::App& group, ServerContext& server, CommandRun& chosen)
{
    auto site_id = std::make_shared<std::int64_t>(0);
    auto name = std::make_shared<std::string>();
    auto* command = group.add_subcommand("add-kiosk", "add a kiosk to a site; prints its token once");
    command->add_option("--site", *site_id, "the site's id (from add-site)")->required();
    command->add_option("--name", *name, "a name staff recognise, e.g. 'living room'")->required();
    when_chosen(command, chosen, [&server, site_id, name] {
        if (!usable_name("--name", *name))
            return exit_usage;
        auto* store = server.store();
        if (store == nullptr)
            return server.failure_code();
        if (const int site = check_site(*store, *site_id); site != exit_ok)
            return site;
        const std::string token = server::new_token();
        auto id = store->add_kiosk(*site_id, *name, server::token_hash(token).value());
        if (!id)
            return fail(exit_failure, "cannot add the kiosk: " + id.error().message);
        // Shown this once: only its hash is kept.
        std::printf("kiosk %lld\ntoken %s\n", static_cast<long long>(id.value()), token.c_str());
        return exit_ok;
    });
}

void revoke_kiosk_command(CLI::App& group, ServerContext& server, CommandRun& chosen)
{
    auto kiosk_id = std::make_shared<std::int64_t>(0);
    auto* command = group.add_subcommand("revoke-kiosk", "stop a kiosk's token from working");
    command->add_option("--kiosk", *kiosk_id, "the kiosk's id (from add-kiosk or list-kiosks)")->required();
    when_chosen(command, chosen, [&server, kiosk_id] {
        auto* store = server.store();
        if (store == nullptr)
            return server.failure_code();
        auto revoked = store->revoke_kiosk(*kiosk_id);
        if (!revoked)
            return fail(exit_failure, "cannot revoke the kiosk: " + revoked.error().message);
        if (!revoked.value())
            return fail(exit_usage, "--kiosk " + std::to_string(*kiosk_id) + ": no kiosk "
                                        + std::to_string(*kiosk_id) + " with a working token (see list-kiosks)");
        std::printf("revoked kiosk %lld\n", static_cast<long long>(*kiosk_id));
        return exit_ok;
    });
}

void list_kiosks_command(CLI::App& group, ServerContext& server, CommandRun& chosen)
{
    auto* command = group.add_subcommand("list-kiosks", "list the kiosks: site, status, last heartbeat");
    when_chosen(command, chosen, [&server] {
        auto* store = server.store();
        if (store == nullptr)
            return server.failure_code();
        auto kiosks = store->kiosks();
        if (!kiosks)
            return fail(exit_failure, "cannot list the kiosks: " + kiosks.error().message);
        std::fputs(server::kiosk_table(kiosks.value()).c_str(), stdout);
        return exit_ok;
    });
}

void import_programme_command(CLI::App& group, ServerContext& server, CommandRun& chosen)
{
    auto site_id = std::make_shared<std::int64_t>(0);
    auto files = std::make_shared<std::vector<std::string>>();
    auto* command =
        group.add_subcommand("import-programme", "replace a site's uploaded calendars with these .ics files");
    command->add_option("--site", *site_id, "the site's id (from add-site)")->required();
    command->add_option("files", *files, "iCalendar files (at most " + std::to_string(server::max_uploaded_calendars)
                                             + ", each at most 8 MiB)")
        ->required();
    when_chosen(command, chosen, [&server, site_id, files] {
        if (files->size() > server::max_uploaded_calendars)
            return fail(exit_usage, "give 1 to " + std::to_string(server::max_uploaded_calendars) + " calendar files");
        for (const std::string& file : *files)
            if (!std::ifstream(file, std::ios::binary))
                return fail(exit_no_input, file + ": cannot read the file (missing, or no permission)");
        auto* store = server.store();
        if (store == nullptr)
            return server.failure_code();
        if (const int site = check_site(*store, *site_id); site != exit_ok)
            return site;
        auto zone = TimeZone::named(server::site_time_zone);
        if (!zone)
            return fail(exit_failure, zone.error().message);
        // The files are readable and the site is there: what is left to refuse is in the
        // files themselves (not a calendar, too large, a name a kiosk cannot use).
        auto imported = server::import_programme_files(*store, *site_id, *files, zone.value(), SystemClock().now());
        if (!imported)
            return fail(exit_bad_data, imported.error().message);
        std::printf("%s\n", imported.value().c_str());
        return exit_ok;
    });
}

void set_feed_command(CLI::App& group, ServerContext& server, CommandRun& chosen)
{
    auto site_id = std::make_shared<std::int64_t>(0);
    auto url = std::make_shared<std::string>();
    auto* command = group.add_subcommand("set-feed", "read a site's programme also from a calendar feed");
    command->add_option("--site", *site_id, "the site's id (from add-site)")->required();
    command->add_option("--url", *url, "an https:// or http:// URL; \"\" removes the feed")->required();
    when_chosen(command, chosen, [&server, site_id, url] {
        if (!url->empty())
            if (auto usable = server::check_feed_url(*url); !usable)
                return fail(exit_usage, "--url: " + usable.error().message);
        auto* store = server.store();
        if (store == nullptr)
            return server.failure_code();
        if (const int site = check_site(*store, *site_id); site != exit_ok)
            return site;
        auto done = server::set_site_feed(*store, *site_id, *url, SystemClock().now());
        if (!done)
            return fail(exit_failure, done.error().message);
        std::printf("%s\n", done.value().c_str());
        return exit_ok;
    });
}

using AddCommand = void (*)(CLI::App& group, ServerContext& server, CommandRun& chosen);

// The group's commands, in the order --help lists them. A new command is a function
// like those above and a line here.
const AddCommand server_commands[] = {
    add_site_command,
    add_kiosk_command,
    revoke_kiosk_command,
    list_kiosks_command,
    import_programme_command,
    set_feed_command,
    add_coordinator_command,
    list_coordinators_command,
    disable_coordinator_command,
    server_forget_command,
};

} // namespace

void add_server_commands(CLI::App& group, ServerContext& server, CommandRun& chosen)
{
    for (const AddCommand add : server_commands)
        add(group, server, chosen);
}

} // namespace olohuone::ctl
