#pragma once
// Where a command's report goes: standard output, or the file given with -o. A file is
// written whole under a temporary name and then renamed, so a reader never sees half a
// report and a failed run leaves any earlier file as it was.
#include <string>

namespace olohuone::ctl {

// Writes `text` to `path` ("" or "-": standard output). Returns the exit code, having
// reported a failure (exit 73, naming the file).
int write_output(const std::string& path, const std::string& text);

} // namespace olohuone::ctl
