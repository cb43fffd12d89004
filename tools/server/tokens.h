#pragma once
// Kiosk tokens: 32 random bytes, shown once as base64url and kept only as a hash. A
// token has 256 bits of entropy, so a fast BLAKE2b hash is enough (a slow
// password hash protects guessable secrets, and would cost every request); the hash
// is also what the database looks the kiosk up by.
#include <optional>
#include <string>
#include <string_view>

namespace olohuone::server {

// Call once before anything else here (libsodium's own initialisation).
bool start_crypto();

std::string new_token();

// BLAKE2b-256 of `text`, in hex: for tokens and for telling records apart by content.
std::string hash_hex(std::string_view text);

// The hash stored for `token` (hex), or none when it cannot be a token at all (wrong
// length or alphabet): such a request is refused without a database lookup.
std::optional<std::string> token_hash(std::string_view token);

} // namespace olohuone::server
