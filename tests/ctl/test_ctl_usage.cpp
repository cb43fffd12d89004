// The command line itself: --help for the tool, each group and each command (exit 0,
// naming the options), and mistakes on the command line (exit 64, naming the mistake).
#include <gtest/gtest.h>

#include "ctl_process.h"

namespace olohuone::testing {
namespace {

struct HelpCase {
    std::vector<std::string> command;
    std::vector<std::string> named; // what the help must mention
};

TEST(CtlUsage, HelpOfTheToolEachGroupAndEachCommandNamesItsOptions)
{
    const std::vector<HelpCase> cases = {
        {{}, {"kiosk", "server", "Exit codes", "64", "78"}},
        {{"kiosk"}, {"--config", "--state-dir", "import-programme", "export-visits", "export-attendance", "present",
                     "set-pin", "outbox", "forget"}},
        {{"server"}, {"--config", "add-site", "add-kiosk", "revoke-kiosk", "list-kiosks", "import-programme",
                      "set-feed"}},
        {{"kiosk", "import-programme"}, {"files", "49"}},
        {{"kiosk", "export-visits"}, {"--from", "--to", "--separator", "--output"}},
        {{"kiosk", "export-attendance"}, {"--from", "--to", "--separator", "--output"}},
        {{"kiosk", "present"}, {"--separator", "--output"}},
        {{"kiosk", "set-pin"}, {"standard input", "4 to 8 digits"}},
        {{"kiosk", "outbox"}, {"--set-aside", "--limit"}},
        {{"kiosk", "forget"}, {"--name", "--visitor-key", "--yes"}},
        {{"server", "add-site"}, {"--organisation", "--site"}},
        {{"server", "add-kiosk"}, {"--site", "--name"}},
        {{"server", "revoke-kiosk"}, {"--kiosk"}},
        {{"server", "list-kiosks"}, {"last heartbeat"}},
        {{"server", "import-programme"}, {"--site", "files"}},
        {{"server", "set-feed"}, {"--site", "--url"}},
    };
    for (const HelpCase& help : cases) {
        std::vector<std::string> arguments = help.command;
        arguments.push_back("--help");
        const CtlRun run = run_ctl(arguments);
        const std::string shown = ::testing::PrintToString(arguments);
        EXPECT_EQ(run.exit_code, 0) << shown << run.err;
        for (const std::string& name : help.named)
            EXPECT_NE(run.out.find(name), std::string::npos) << shown << " does not name " << name << ":\n" << run.out;
    }
}

TEST(CtlUsage, MistakesOnTheCommandLineAreExit64NamingTheMistake)
{
    const CtlRun nothing = run_ctl({});
    EXPECT_EQ(nothing.exit_code, 64);
    EXPECT_NE(nothing.err.find("subcommand is required"), std::string::npos) << nothing.err;

    const CtlRun unknown_command = run_ctl({"kiosk", "export-everything"});
    EXPECT_EQ(unknown_command.exit_code, 64);
    EXPECT_NE(unknown_command.err.find("export-everything"), std::string::npos) << unknown_command.err;

    const CtlRun unknown_option =
        run_ctl({"kiosk", "export-visits", "--from", "2026-11-01", "--to", "2026-11-30", "--colour", "red"});
    EXPECT_EQ(unknown_option.exit_code, 64);
    EXPECT_NE(unknown_option.err.find("--colour"), std::string::npos) << unknown_option.err;

    const CtlRun missing_option = run_ctl({"kiosk", "export-attendance", "--from", "2026-11-01"});
    EXPECT_EQ(missing_option.exit_code, 64);
    EXPECT_NE(missing_option.err.find("--to is required"), std::string::npos) << missing_option.err;

    const CtlRun not_a_number = run_ctl({"server", "revoke-kiosk", "--kiosk", "yksi"});
    EXPECT_EQ(not_a_number.exit_code, 64);
    EXPECT_NE(not_a_number.err.find("--kiosk"), std::string::npos) << not_a_number.err;
}

} // namespace
} // namespace olohuone::testing
