#pragma once
// How olohuonectl's commands are wired to CLI11: each command, once parsed, names the
// work to run; main() runs it after the whole command line has been read, so that a
// parse error never leaves half a command done.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>

namespace olohuone::ctl {

// A command's work; returns the exit code.
using CommandRun = std::function<int()>;

// Runs `run` when `command` is the one given. `chosen` is main()'s slot for the work.
inline void when_chosen(CLI::App* command, CommandRun& chosen, CommandRun run)
{
    command->callback([&chosen, run = std::move(run)] { chosen = run; });
}

} // namespace olohuone::ctl
