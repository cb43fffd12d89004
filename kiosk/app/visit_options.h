#pragma once
// content/visitors.toml: the visitor groups, the "whom are you visiting?" choices and the
// markers, each with its names in every language the kiosk offers.
#include <string>
#include <vector>

#include "core/result.h"
#include "core/visits.h"

namespace olohuone::app {

// Parses the file's text; `languages` are the kiosk's, and every name must have the
// first (the default) of them. Errors name the file, the entry and what is wrong.
Result<VisitOptions> parse_visit_options(const std::string& toml_text, const std::string& source_name,
                                         const std::vector<std::string>& languages);

Result<VisitOptions> load_visit_options(const std::string& content_dir, const std::vector<std::string>& languages);

} // namespace olohuone::app
