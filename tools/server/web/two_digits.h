#pragma once
// "07": a day, month, hour or minute as the pages and CSV files write it.
#include <string>

namespace olohuone::server::web {

inline std::string two_digits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

} // namespace olohuone::server::web
