#include "app/staff_pin.h"

#include <sodium.h>

#include <algorithm>

namespace olohuone::app {
namespace {

// sodium_init() may be called any number of times from any thread; it picks the fastest
// implementation once. It fails only when the system has no source of randomness.
bool sodium_ready() { return sodium_init() >= 0; }

bool all_digits(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

std::optional<std::string> staff_pin_problem(std::string_view pin)
{
    const std::string rule = "a PIN is " + std::to_string(min_staff_pin_digits) + " to "
        + std::to_string(max_staff_pin_digits) + " digits";
    if (pin.empty())
        return rule + "; none was given";
    if (!all_digits(pin))
        return rule + " (0-9 only, no letters, spaces or other characters)";
    if (pin.size() < static_cast<std::size_t>(min_staff_pin_digits))
        return rule + "; this one has " + std::to_string(pin.size());
    if (pin.size() > static_cast<std::size_t>(max_staff_pin_digits))
        return rule + "; this one has " + std::to_string(pin.size());
    return std::nullopt;
}

Result<std::string> hash_staff_pin(std::string_view pin)
{
    if (auto problem = staff_pin_problem(pin))
        return make_error(*problem);
    if (!sodium_ready())
        return make_error("cannot hash the PIN: libsodium could not start (no source of randomness)");
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return make_error("cannot hash the PIN: not enough memory for argon2id");
    return std::string(hash);
}

bool staff_pin_matches(const std::string& hash, std::string_view pin)
{
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || !sodium_ready())
        return false;
    // A PIN that breaks the rules was never set, so it cannot match; this also keeps an
    // overly long input from being hashed at all.
    if (staff_pin_problem(pin))
        return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

} // namespace olohuone::app
