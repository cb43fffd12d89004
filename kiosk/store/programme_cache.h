#pragma once
// The programme's occurrences for the coming weeks, as last imported: what the screens
// read, so that the kiosk starts straight into the programme without parsing calendars.
#include <optional>
#include <string>
#include <vector>

#include "core/occurrence.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::store {

struct ProgrammeSource {
    std::string signature; // identifies the calendar files the cache was made from
    UnixSeconds window_from = 0;
    UnixSeconds window_to = 0;
    UnixSeconds imported_at = 0;
};

class ProgrammeCache {
public:
    explicit ProgrammeCache(sql::Database& database) : m_database(database) {}

    // Replaces the whole cached programme in one transaction: readers see the old one or
    // the new one, never a mix.
    Result<void> replace(const std::vector<Occurrence>& occurrences, const ProgrammeSource& source);

    // Occurrences that overlap [from, to), by start time.
    Result<std::vector<Occurrence>> between(UnixSeconds from, UnixSeconds to);

    Result<std::optional<ProgrammeSource>> source();

private:
    sql::Database& m_database;
};

} // namespace olohuone::store
