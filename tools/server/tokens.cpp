#include "tokens.h"

#include <sodium.h>

#include <algorithm>
#include <array>

namespace olohuone::server {
namespace {

constexpr std::size_t token_bytes = 32;
constexpr auto token_variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

bool is_token_character(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

} // namespace

bool start_crypto() { return sodium_init() >= 0; }

std::string new_token()
{
    std::array<unsigned char, token_bytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::string text(sodium_base64_ENCODED_LEN(token_bytes, token_variant), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), token_variant);
    text.resize(text.find('\0'));
    sodium_memzero(bytes.data(), bytes.size());
    return text;
}

std::optional<std::string> token_hash(std::string_view token)
{
    if (token.size() != sodium_base64_ENCODED_LEN(token_bytes, token_variant) - 1
        || !std::all_of(token.begin(), token.end(), is_token_character))
        return std::nullopt;
    return hash_hex(token);
}

std::string hash_hex(std::string_view text)
{
    std::array<unsigned char, 32> hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                       nullptr, 0);
    std::string hex(hash.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    hex.pop_back();
    return hex;
}

} // namespace olohuone::server
