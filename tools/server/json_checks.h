#pragma once
// Small checks on JSON values from kiosks, shared by the endpoints that read them.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>

namespace olohuone::server {

// The value as a whole number in [min, max] (max >= 0), or none: a float, a text, or a
// number out of range. JSON's non-negative integers arrive as unsigned, and one too large
// for int64 must not wrap into range.
inline std::optional<std::int64_t> whole_number_in(const nlohmann::json& value, std::int64_t min, std::int64_t max)
{
    std::int64_t number = 0;
    if (value.is_number_unsigned()) {
        const std::uint64_t unsigned_number = value.get<std::uint64_t>();
        if (unsigned_number > static_cast<std::uint64_t>(max))
            return std::nullopt;
        number = static_cast<std::int64_t>(unsigned_number);
    } else if (value.is_number_integer()) {
        number = value.get<std::int64_t>();
    } else {
        return std::nullopt;
    }
    if (number < min || number > max)
        return std::nullopt;
    return number;
}

} // namespace olohuone::server
