#pragma once
// POST /v1/heartbeat: a kiosk says how it is (its version, how long it has run, what
// waits in its outbox, when it last reached the server, its free disk), so staff can
// see a kiosk in trouble before its visitors do (docs/api.md).
#include <string>

#include "core/result.h"
#include "server_store.h"

namespace olohuone::server {

// The heartbeat in `body`, or why it is not one (the 400's message, naming the field).
Result<Heartbeat> parse_heartbeat(const std::string& body);

} // namespace olohuone::server
