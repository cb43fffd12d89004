#pragma once
// Reads the programme from iCalendar (RFC 5545) files, as exported by Outlook, Google
// Calendar or Nextcloud, and expands it into the occurrences inside a time window.
// The properties read, including Olohuone's X- properties, are documented in
// docs/programme-format.md.
#include <string>
#include <vector>

#include "core/occurrence.h"
#include "core/result.h"
#include "core/time_zone.h"

namespace olohuone {

struct CalendarFile {
    std::string name; // for messages: the file's path
    std::string text;
};

struct ImportWindow {
    UnixSeconds from = 0; // occurrences that end after this ...
    UnixSeconds to = 0;   // ... and start before this
};

struct ImportedProgramme {
    std::vector<Occurrence> occurrences; // sorted by start, then UID
    std::vector<std::string> warnings;   // events skipped or fields ignored, for the log
};

inline constexpr std::size_t max_calendar_file_bytes = 8 * 1024 * 1024;

// All or nothing: a file that is not an iCalendar file fails the whole import, so a
// half-read programme never replaces a good one. Single bad events are skipped with a
// warning. Floating times (no TZID, no Z) are read in `local_zone`.
Result<ImportedProgramme> import_programme(const std::vector<CalendarFile>& files, const TimeZone& local_zone,
                                           ImportWindow window);

} // namespace olohuone
