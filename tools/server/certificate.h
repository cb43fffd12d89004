#pragma once
// The server's TLS certificate: the configured one, or on first start a self-signed one
// made in the state directory and kept there. Either way its public key's pin
// ("sha256//…", libcurl's CURLOPT_PINNEDPUBLICKEY form) is printed so a kiosk can be
// pointed at a self-hosted server without a certificate authority.
#include <string>

#include "core/result.h"
#include "server_config.h"

namespace olohuone::server {

struct CertificateFiles {
    std::string certificate;
    std::string private_key;
    std::string public_key_pin;
    bool made_now = false;
};

Result<CertificateFiles> ensure_certificate(const ServerConfig& config);

} // namespace olohuone::server
