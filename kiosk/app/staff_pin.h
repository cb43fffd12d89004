#pragma once
// The staff PIN's rules and its hash. The PIN opens staff mode on the kiosk's own
// screen; only an argon2id hash of it is stored (store/staff_access.h), so a copy of the
// database does not give the PIN away, and a guess costs real work.
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace olohuone::app {

constexpr int min_staff_pin_digits = 4, max_staff_pin_digits = 8;

// Empty: fine. Otherwise the reason, e.g. "a PIN is 4 to 8 digits".
std::optional<std::string> staff_pin_problem(std::string_view pin);

// crypto_pwhash_str (argon2id, the interactive limits): a text with its own salt and
// parameters. A PIN with a problem is refused.
Result<std::string> hash_staff_pin(std::string_view pin);

// Whether `pin` is the one `hash` was made from (crypto_pwhash_str_verify). A malformed
// hash matches nothing.
bool staff_pin_matches(const std::string& hash, std::string_view pin);

} // namespace olohuone::app
