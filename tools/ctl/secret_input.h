#pragma once
// Reading a new secret (a coordinator's password, the staff PIN) from standard input, never from the
// command line, where `ps` and the shell's history would show it: asked twice without
// echo on a terminal, one line when piped in.
#include <cstddef>
#include <string>

#include "core/result.h"

namespace olohuone::ctl {

struct SecretQuestion {
    const char* prompt; // "New password: "
    const char* again; // "The same password again: "
    const char* what; // "password", for messages
    std::size_t max_bytes; // a longer line is refused, not read on
};

// The secret as typed (not yet checked against its rules). An error says why there is
// none: the two entries differ, the input ended, the line is too long.
Result<std::string> read_new_secret(const SecretQuestion& question);

} // namespace olohuone::ctl
