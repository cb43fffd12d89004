#pragma once
// Coordinators' login names and passwords: the rules an account is made with, and the
// argon2id hash (libsodium's crypto_pwhash_str) that is all the server keeps of a
// password.
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace olohuone::server {

inline constexpr std::size_t min_login_characters = 3;
inline constexpr std::size_t max_login_characters = 64;
inline constexpr std::size_t min_password_characters = 12;
inline constexpr std::size_t max_password_characters = 128;

// The login as it is stored and compared (lower case), or why it cannot be one: 3 to 64
// letters a–z, digits and . - _ @ ("maija.virtanen@espoo.fi").
Result<std::string> normalised_login(std::string_view login);

// Nothing if `password` is 12 to 128 characters of UTF-8 without control characters;
// else why not.
Result<void> check_new_password(std::string_view password);

// argon2id with libsodium's interactive limits (about 64 MiB and a tenth of a second).
Result<std::string> hash_password(std::string_view password);
bool password_matches(const std::string& hash, std::string_view password);

// Checks `password` against a hash of nothing, costing what a real check costs: a login
// name that does not exist then takes as long to refuse as a wrong password.
void spend_password_check_time(std::string_view password);

} // namespace olohuone::server
