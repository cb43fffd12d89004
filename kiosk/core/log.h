#pragma once
// Log lines to stderr with the priority prefix journald understands ("<3>" = error),
// so the kiosk's messages land in the journal with the right level.
#include <string_view>

namespace olohuone::log {

void error(std::string_view message);
void warning(std::string_view message);
void info(std::string_view message);

} // namespace olohuone::log
