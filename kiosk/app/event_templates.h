#pragma once
// content/event-templates.toml: the usual activities staff add as one-off events from the
// kiosk's staff mode, each with its title in the kiosk's languages, length, place and
// places. The file is optional; a broken one stops the kiosk at start (and
// --check-config) with the entry and what is wrong, as visitors.toml does.
#include <string>
#include <vector>

#include "core/programme_edit.h"
#include "core/result.h"

namespace olohuone::app {

Result<std::vector<EventTemplate>> parse_event_templates(const std::string& toml_text, const std::string& source_name,
                                                         const std::vector<std::string>& languages);

// None when the file does not exist.
Result<std::vector<EventTemplate>> load_event_templates(const std::string& content_dir,
                                                        const std::vector<std::string>& languages);

} // namespace olohuone::app
