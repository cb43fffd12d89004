#pragma once
// olohuonectl's exit codes (docs/olohuonectl.md), the sysexits.h numbers scripts know,
// and the one way a command reports a failure: a message on standard error that names
// the bad thing and what is allowed.
#include <string>

namespace olohuone::ctl {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;         // anything else: the database, the system
inline constexpr int exit_usage = 64;          // a bad command line: option, argument, value
inline constexpr int exit_bad_data = 65;       // an input file's content is not usable
inline constexpr int exit_no_input = 66;       // an input file is missing or unreadable
inline constexpr int exit_cannot_create = 73;  // the output cannot be written
inline constexpr int exit_config = 78;         // the configuration file is wrong

// Prints "olohuonectl: <message>" on standard error; returns `exit_code`.
int fail(int exit_code, const std::string& message);

} // namespace olohuone::ctl
