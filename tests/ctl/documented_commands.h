#pragma once
// The command lines the documentation shows a reader, read out of the Markdown itself:
// README.md's shell blocks and inline commands, the command-line table of
// docs/configuration.md, and docs/olohuonectl.md's shell blocks and server command
// table. A table row or a line with optional parts ([--yes]) gives the command without
// them and with all of them; a placeholder (FILE, ID, NAME ...) gets a value a reader
// would type, so a new placeholder nobody gave a value shows up as a failure.
#include <ostream>
#include <string>
#include <vector>

namespace olohuone::testing {

struct DocumentedCommand {
    std::string where;    // "docs/olohuonectl.md:81"
    std::string shown;    // as the page shows it
    std::string line;     // as a shell runs it: placeholders filled, optional parts chosen
    std::string missing;  // a placeholder that has no value, else empty
};

inline void PrintTo(const DocumentedCommand& command, std::ostream* out)
{
    *out << command.where << ": " << command.line;
}

// `source_dir`: the source tree holding README.md and docs/.
std::vector<DocumentedCommand> documented_commands(const std::string& source_dir);

// Fills in placeholders and picks the optional parts: the variants of one shown line.
std::vector<DocumentedCommand> variants_of(const std::string& where, const std::string& shown);

} // namespace olohuone::testing
