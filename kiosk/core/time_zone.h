#pragma once
// A named IANA time zone (from the system's tzdata through libical), used to turn
// instants into what the wall clock in the living room says, and back.
#include <string>

#include "core/civil_time.h"
#include "core/result.h"

struct _icaltimezone;

namespace olohuone {

class TimeZone {
public:
    // Europe/Helsinki, Europe/Stockholm, UTC ...; an unknown name is an error.
    static Result<TimeZone> named(const std::string& iana_name);

    LocalDateTime to_local(UnixSeconds instant) const;
    // A wall-clock time that does not exist (skipped by a DST change) moves forward by the
    // gap, as a person would read "10 past 3" on the spring-forward night.
    UnixSeconds to_instant(const LocalDateTime& local) const;
    UnixSeconds start_of_day(const CivilDate& date) const { return to_instant({date, {}}); }

    const std::string& name() const { return m_name; }
    _icaltimezone* libical_zone() const { return m_zone; }

private:
    TimeZone(std::string name, _icaltimezone* zone) : m_name(std::move(name)), m_zone(zone) {}

    std::string m_name;
    _icaltimezone* m_zone; // owned by libical's builtin table, lives for the process
};

} // namespace olohuone
