#pragma once
// The bundled content folder: the programme's calendar files and the translation
// catalogs (content/programme/*.ics, content/i18n/<language>.toml, content/pictures/).
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/programme_import.h"
#include "core/result.h"

namespace olohuone::app {

// The catalogs for `languages`, in that order; a missing or broken one is an error.
Result<Catalogs> load_catalogs(const std::string& content_dir, const std::vector<std::string>& languages);

// The programme's calendar files, sorted by name.
Result<std::vector<CalendarFile>> read_calendar_files(const std::string& content_dir);

// Names, sizes and modification times of the calendar files: changes when staff
// replace or edit a file, without reading it.
std::string calendar_files_signature(const std::string& content_dir);

Result<std::string> read_small_file(const std::string& path, std::size_t max_bytes);

} // namespace olohuone::app
