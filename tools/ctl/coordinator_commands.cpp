#include "coordinator_commands.h"

#include <cstdio>

#include "coordinator_accounts.h"
#include "core/clock.h"
#include "exit_codes.h"
#include "passwords.h"
#include "secret_input.h"
#include "tokens.h"

namespace olohuone::ctl {
namespace {

// "sites 1, 2" or "all sites of Espoon kaupunki"
std::string sites_text(const server::CoordinatorAccount& account, const std::vector<server::SiteInfo>& sites)
{
    if (account.all_sites) {
        for (const server::SiteInfo& site : sites)
            if (site.organisation_id == account.organisation_id)
                return "all sites of " + site.organisation;
        return "all sites of its organisation";
    }
    std::string listed;
    for (const std::int64_t id : account.site_ids)
        listed += (listed.empty() ? "" : ", ") + std::to_string(id);
    return (account.site_ids.size() == 1 ? "site " : "sites ") + listed;
}

} // namespace

void add_coordinator_command(CLI::App& group, ServerContext& server, CommandRun& chosen)
{
    auto login = std::make_shared<std::string>();
    auto sites = std::make_shared<server::CoordinatorSites>();
    auto* command = group.add_subcommand(
        "add-coordinator", "add a coordinator's account for the web pages; reads its password from standard input");
    command->footer("The password is asked twice without echo on a terminal, or read as one line when piped in; "
                    "never give it on the command line.");
    command->add_option("--login", *login, "the login name: 3 to 64 letters a-z, digits and . - _ @")->required();
    auto* site_option = command->add_option("--site", sites->site_ids,
                                            "a site the account may see (from add-site); repeat for more");
    auto* all_option = command->add_flag("--all-sites", sites->all_sites,
                                         "every site of the organisation, also those added later");
    command
        ->add_option("--organisation", sites->organisation,
                     "with --all-sites: the organisation (needed when there are several)")
        ->needs(all_option);
    site_option->excludes(all_option);
    when_chosen(command, chosen, [&server, login, sites] {
        if (sites->site_ids.empty() && !sites->all_sites)
            return fail(exit_usage, "give --site ID (once per site) or --all-sites");
        if (auto usable = server::normalised_login(*login); !usable)
            return fail(exit_usage, "--login: " + usable.error().message);
        auto* store = server.store();
        if (store == nullptr)
            return server.failure_code();
        if (!server::start_crypto())
            return fail(exit_failure, "cannot initialise libsodium");
        auto password = read_new_secret({"New password (12 to 128 characters): ", "The same password again: ",
                                         "password", server::max_password_characters * 4});
        if (!password)
            return fail(exit_bad_data, password.error().message);
        if (auto usable = server::check_new_password(password.value()); !usable)
            return fail(exit_bad_data, "the password: " + usable.error().message + "; nothing was changed");
        auto known = store->sites();
        if (!known)
            return fail(exit_failure, "cannot read the sites: " + known.error().message);
        auto account = server::create_coordinator_account(*store, *login, password.value(), *sites,
                                                          SystemClock().now());
        if (!account)
            return fail(exit_usage, account.error().message);
        std::printf("coordinator %s: %s\n", account->login.c_str(), sites_text(account.value(), known.value()).c_str());
        return exit_ok;
    });
}

void list_coordinators_command(CLI::App& group, ServerContext& server, CommandRun& chosen)
{
    auto* command = group.add_subcommand("list-coordinators",
                                         "list the coordinators' accounts: organisation, sites, status");
    when_chosen(command, chosen, [&server] {
        auto* store = server.store();
        if (store == nullptr)
            return server.failure_code();
        auto accounts = store->coordinators();
        auto sites = store->sites();
        if (!accounts || !sites)
            return fail(exit_failure,
                        "cannot list the coordinators: " + (!accounts ? accounts.error() : sites.error()).message);
        std::fputs(server::coordinator_table(accounts.value(), sites.value()).c_str(), stdout);
        return exit_ok;
    });
}

void disable_coordinator_command(CLI::App& group, ServerContext& server, CommandRun& chosen)
{
    auto login = std::make_shared<std::string>();
    auto* command = group.add_subcommand("disable-coordinator",
                                         "stop a coordinator's account from logging in, and end its sessions");
    command->add_option("--login", *login, "the account's login name (see list-coordinators)")->required();
    when_chosen(command, chosen, [&server, login] {
        if (auto usable = server::normalised_login(*login); !usable)
            return fail(exit_usage, "--login: " + usable.error().message);
        auto* store = server.store();
        if (store == nullptr)
            return server.failure_code();
        if (auto disabled = server::disable_coordinator_account(*store, *login, SystemClock().now()); !disabled)
            return fail(exit_usage, "--login: " + disabled.error().message + " (see list-coordinators)");
        std::printf("disabled coordinator %s\n", server::normalised_login(*login).value().c_str());
        return exit_ok;
    });
}

} // namespace olohuone::ctl
