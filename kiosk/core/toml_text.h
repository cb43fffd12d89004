#pragma once
// TOML text to a table, with a syntax error as a value naming the source and line.
// Debian's toml++ reports syntax errors by exception; they stop at this boundary.
#include <toml++/toml.h>

#include <string>
#include <string_view>

#include "core/result.h"

namespace olohuone {

Result<toml::table> parse_toml(std::string_view text, const std::string& source_name);

} // namespace olohuone
