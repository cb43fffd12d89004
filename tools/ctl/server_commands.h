#pragma once
// `olohuonectl server [-c FILE] <command>`: the central server's sites, kiosks and
// programmes, changed in its database directly (docs/olohuonectl.md).
#include "command_line.h"
#include "server_context.h"

namespace olohuone::ctl {

// Adds the group's commands to `group`; the one given is put in `chosen`.
void add_server_commands(CLI::App& group, ServerContext& server, CommandRun& chosen);

} // namespace olohuone::ctl
