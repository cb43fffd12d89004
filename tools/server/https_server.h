#pragma once
// The HTTPS API (docs/api.md) on cpp-httplib: TLS 1.2 or newer, every request
// authenticated by its kiosk's token, every body size-limited, and errors as small JSON
// bodies that never carry an exception's text.
#include <functional>

#include "certificate.h"
#include "core/clock.h"
#include "core/result.h"
#include "server_config.h"
#include "server_store.h"

namespace olohuone::server {

// Serves until SIGINT or SIGTERM. `on_listening` gets the port once the socket is bound.
Result<void> serve(const ServerConfig& config, const CertificateFiles& certificate, ServerStore& store,
                   const Clock& clock, const std::function<void(int port)>& on_listening);

} // namespace olohuone::server
