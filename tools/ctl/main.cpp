// olohuonectl: the admin tool (docs/olohuonectl.md). Thin wiring only: the command line
// of two groups, `kiosk` (the kiosk's own database) and `server` (the central server's),
// and the exit codes. The commands live in the groups' files.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "command_line.h"
#include "exit_codes.h"
#include "kiosk_commands.h"
#include "server_commands.h"

namespace {

int run(int argc, char** argv)
{
    using namespace olohuone::ctl;
    CLI::App cli{"olohuonectl: the Olohuone admin tool, for the kiosk's own database and for the central server.\n"
                 "Exit codes: 0 ok, 64 bad usage, 65 bad data in an input file, 66 an input file missing or "
                 "unreadable, 73 cannot write the output, 78 configuration error, 1 anything else."};
    cli.require_subcommand(1);
    CommandRun chosen;

    KioskContext kiosk;
    auto* kiosk_group = cli.add_subcommand("kiosk", "work on this kiosk's database (the kiosk may be running)");
    kiosk_group->add_option("-c,--config", kiosk.config_path,
                            "the kiosk's configuration (default: /etc/olohuone/kiosk.toml if it exists)");
    kiosk_group->fallthrough();
    add_kiosk_commands(*kiosk_group, kiosk, chosen);

    ServerContext server;
    auto* server_group = cli.add_subcommand("server", "work on the central server's database");
    server_group->add_option("-c,--config", server.config_path,
                             "the server's configuration (default: /etc/olohuone/server.toml if it exists)");
    server_group->fallthrough();
    add_server_commands(*server_group, server, chosen);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // --help is a "parse error" whose code is 0; every other one is a bad command line.
        const int printed = cli.exit(error);
        return printed == 0 ? exit_ok : exit_usage;
    }
    if (chosen)
        return chosen();
    // A group without a command: checked here rather than by CLI11, whose message for it
    // would hide a misspelt command's name.
    const std::string group = kiosk_group->parsed() ? "kiosk" : "server";
    return fail(exit_usage, "give one of the " + group + " commands; they are listed by olohuonectl " + group
                                + " --help");
}

} // namespace

int main(int argc, char** argv)
{
    // Every expected failure is reported by its command; this is the last guard, so that
    // even an unforeseen exception ends in one plain line and not an abort.
    try {
        return run(argc, argv);
    } catch (...) {
        std::fputs("olohuonectl: stopped by an unexpected error\n", stderr);
    }
    return olohuone::ctl::exit_failure;
}
