#pragma once
// The real olohuonectl binary in a child process: its arguments exactly as given (no
// shell), standard input from the test, standard output and error kept apart. And a
// shell line run the same way, for the commands the documentation shows.
#include <string>
#include <vector>

namespace olohuone::testing {

struct CtlRun {
    int exit_code = -1; // -1: it did not exit normally
    std::string out;
    std::string err;
};

// Runs `olohuonectl <arguments>` to completion with `input` on its standard input
// (a pipe, so not a terminal).
CtlRun run_ctl(const std::vector<std::string>& arguments, const std::string& input = {});

// Runs `sh -c <line>` in `folder` with exactly `environment` (NAME=value each), as a
// reader types a documented command into a shell.
CtlRun run_shell(const std::string& line, const std::string& folder, const std::vector<std::string>& environment,
                 const std::string& input = {});

// Runs it with a pseudo-terminal as its standard input, output and error, answering
// each prompt that ends in ": " with the next of `answers` (as if typed, then Enter).
// `screen` is everything the terminal showed.
struct TerminalRun {
    int exit_code = -1;
    std::string screen;
};
TerminalRun run_ctl_on_terminal(const std::vector<std::string>& arguments, const std::vector<std::string>& answers);

} // namespace olohuone::testing
