#pragma once
// The server group's commands for coordinators' accounts on the web pages
// (docs/web.md): add-coordinator, list-coordinators, disable-coordinator.
#include "command_line.h"
#include "server_context.h"

namespace olohuone::ctl {

void add_coordinator_command(CLI::App& group, ServerContext& server, CommandRun& chosen);
void list_coordinators_command(CLI::App& group, ServerContext& server, CommandRun& chosen);
void disable_coordinator_command(CLI::App& group, ServerContext& server, CommandRun& chosen);

} // namespace olohuone::ctl
