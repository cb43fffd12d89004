#include "core/toml_text.h"

#include <sstream>

namespace olohuone {

Result<toml::table> parse_toml(std::string_view text, const std::string& source_name)
{
    try {
        return toml::parse(text, source_name);
    } catch (const toml::parse_error& error) {
        std::ostringstream message;
        message << source_name << ":" << error.source().begin.line << ": " << error.description();
        return make_error(message.str());
    }
}

} // namespace olohuone
