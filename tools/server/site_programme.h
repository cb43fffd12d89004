#pragma once
// A site's programme as the server keeps it: named iCalendar texts, each read by the
// kiosk's own importer before it is stored (a text the kiosk could not read never
// replaces one it can), under names the kiosk takes as file names, and small enough
// together for the kiosk to read in one answer (kiosk/sync/sync_messages.cpp).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/programme_import.h"
#include "core/result.h"
#include "core/time_zone.h"
#include "server_store.h"

namespace olohuone::server {

// Every site is in Finland for now; a site's own zone can follow.
inline constexpr const char* site_time_zone = "Europe/Helsinki";

// A kiosk takes at most 50 calendars: one is kept for the feed and one for the
// coordinators' edits (event_edit.h).
inline constexpr std::size_t max_uploaded_calendars = 48;
// The programme's answer, as JSON; a kiosk reads at most 32 MiB.
inline constexpr std::size_t max_programme_answer_bytes = 24 * 1024 * 1024;

// Nothing if `name` can name an uploaded calendar (1–200 bytes, not hidden, no path,
// no control characters, not "feed" nor "edits"); else why not.
Result<void> check_calendar_name(const std::string& name);

// Reads `files` as a kiosk would, over the days it shows around `now`: from the day
// before to 60 days ahead. An error names the file; the occurrences count what it read.
Result<ImportedProgramme> read_calendars(const std::vector<CalendarFile>& files, const TimeZone& zone, UnixSeconds now);

SiteCalendar make_site_calendar(std::string name, std::string ics, CalendarSource source);

// Nothing if the calendars fit in one answer to a kiosk; else why not.
Result<void> check_programme_size(const std::vector<SiteCalendar>& calendars);

// The calendars as the files the kiosk's importer reads.
std::vector<CalendarFile> calendar_files(const std::vector<SiteCalendar>& calendars);

// The occurrence `uid`/`instance` as the site's kiosks read it from `calendars` (edits
// included), looked for within 92 days of its instance: one its calendar moved further
// is not found.
std::optional<Occurrence> find_site_occurrence(const std::vector<SiteCalendar>& calendars, const TimeZone& zone,
                                               const std::string& uid, UnixSeconds instance);

// `calendars` with their edits calendar replaced by `edits_ics` (none when it is empty),
// if a kiosk's importer reads them all and they fit in one answer; else why not.
Result<void> check_with_edits_calendar(const std::vector<SiteCalendar>& calendars, const std::string& edits_ics,
                                       const TimeZone& zone, UnixSeconds now);

// The programme's version, hex without quotes: BLAKE2b over the calendars' names and
// texts (through their hashes), in name order. Equal for equal content, and different as
// soon as a name or a text differs.
std::string programme_etag(const std::vector<SiteCalendar>& calendars);

// The calendar's text as kiosks get it: in UTF-8, a Windows-1252 file converted as the
// importer reads it.
std::string calendar_text_for_kiosks(const std::string& ics);

// The calendar's text as a JSON string: calendar_text_for_kiosks, where bytes that are
// still not UTF-8 become U+FFFD, as the kiosk's importer would read them anyway.
std::string calendar_text_json(const std::string& ics);

} // namespace olohuone::server
