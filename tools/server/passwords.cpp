#include "passwords.h"

#include <sodium.h>

#include <algorithm>
#include <mutex>

namespace olohuone::server {
namespace {

// The number of UTF-8 characters in `text`, or none when it is not UTF-8 or holds a
// control character.
std::optional<std::size_t> printable_characters(std::string_view text)
{
    std::size_t count = 0;
    for (std::size_t at = 0; at < text.size();) {
        const auto lead = static_cast<unsigned char>(text[at]);
        const std::size_t length = lead < 0x80 ? 1
            : (lead >> 5) == 0x6               ? 2
            : (lead >> 4) == 0xE               ? 3
            : (lead >> 3) == 0x1E              ? 4
                                               : 0;
        if (length == 0 || at + length > text.size())
            return std::nullopt;
        for (std::size_t i = 1; i < length; ++i)
            if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80)
                return std::nullopt;
        if (lead < 0x20 || lead == 0x7F)
            return std::nullopt;
        at += length;
        ++count;
    }
    return count;
}

} // namespace

Result<std::string> normalised_login(std::string_view login)
{
    if (login.size() < min_login_characters || login.size() > max_login_characters)
        return make_error("a login name is 3 to 64 characters long");
    std::string lower;
    for (const char c : login) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '-' || c == '_' || c == '@';
        if (!allowed)
            return make_error("a login name may hold only the letters a-z, digits and . - _ @");
        lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return lower;
}

Result<void> check_new_password(std::string_view password)
{
    const auto characters = printable_characters(password);
    if (!characters)
        return make_error("a password must be UTF-8 text without control characters");
    if (*characters < min_password_characters || *characters > max_password_characters)
        return make_error("a password is 12 to 128 characters long");
    return {};
}

Result<std::string> hash_password(std::string_view password)
{
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_argon2id_str(hash, password.data(), password.size(), crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
                                   crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE)
        != 0)
        return make_error("not enough memory to hash the password");
    return std::string(hash);
}

bool password_matches(const std::string& hash, std::string_view password)
{
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void spend_password_check_time(std::string_view password)
{
    static std::once_flag made;
    static std::string nobody_hash;
    std::call_once(made, [] {
        auto hash = hash_password("no such coordinator");
        nobody_hash = hash ? hash.value() : std::string();
    });
    if (!nobody_hash.empty())
        (void)password_matches(nobody_hash, password);
}

} // namespace olohuone::server
