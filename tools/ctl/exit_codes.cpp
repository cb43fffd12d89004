#include "exit_codes.h"

#include <cstdio>

namespace olohuone::ctl {

int fail(int exit_code, const std::string& message)
{
    std::fprintf(stderr, "olohuonectl: %s\n", message.c_str());
    return exit_code;
}

} // namespace olohuone::ctl
