#pragma once
// `olohuonectl server forget`: erases a person's name from the server's records on a
// data-protection request (docs/olohuonectl.md, docs/privacy.md).
#include "command_line.h"
#include "server_context.h"

namespace olohuone::ctl {

void server_forget_command(CLI::App& group, ServerContext& server, CommandRun& chosen);

} // namespace olohuone::ctl
