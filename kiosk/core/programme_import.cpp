#include "core/programme_import.h"

#include <libical/ical.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <optional>

#include "core/calendar_structure.h"
#include "core/legacy_text.h"
#include "core/text_limits.h"

namespace olohuone {
namespace {

constexpr std::size_t max_title_bytes = 200;
constexpr std::size_t max_short_text_bytes = 200;
constexpr std::size_t max_description_bytes = 4000;
constexpr int max_capacity = 10000;
// The budget for recurrence, so that no calendar within the size limit takes more than
// about a second to import (libical takes some microseconds an instance): instances a
// rule may make on its way to the end of the window, per event and per file, and the
// instances an event may show inside it (a programme shows each event a few times a day
// at most; a rule that makes more is a mistake or a prank).
constexpr int max_instances_per_event = 20000;
constexpr int max_instances_per_file = 100000;
constexpr int max_shown_per_event = 500;
constexpr std::string_view x_prefix = "X-OLOHUONE-";

struct ComponentDeleter {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentDeleter>;

struct IteratorDeleter {
    void operator()(icalrecur_iterator* iterator) const { icalrecur_iterator_free(iterator); }
};
using IteratorPtr = std::unique_ptr<icalrecur_iterator, IteratorDeleter>;

// How the times of one property are to be read: as dates, in UTC, or in a zone.
struct TimeFrame {
    enum class Kind { Date, Utc, Zoned } kind = Kind::Zoned;
    icaltimezone* zone = nullptr;
};

// The component's properties of one kind. libical keeps a single iteration cursor per
// component, and many of its getters (icalcomponent_get_uid, ...) move it, so loops
// work on a copied list instead of the cursor.
std::vector<icalproperty*> properties_of(icalcomponent* component, icalproperty_kind kind)
{
    std::vector<icalproperty*> found;
    for (icalproperty* property = icalcomponent_get_first_property(component, kind); property != nullptr;
         property = icalcomponent_get_next_property(component, kind))
        found.push_back(property);
    return found;
}

std::string describe(const std::string& file, icalcomponent* event)
{
    const char* uid = icalcomponent_get_uid(event);
    return file + ": event " + (uid ? std::string("'") + uid + "'" : std::string("without UID"));
}

bool same_ignoring_case(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
           });
}

std::string upper_ascii(std::string_view text)
{
    std::string result(text);
    for (char& c : result)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return result;
}

// The IANA zone ICU maps a Windows zone name to ("W. Europe Standard Time" →
// Europe/Berlin), as Outlook writes TZID; none for a name Windows does not have.
std::optional<std::string> iana_for_windows_zone(const char* name)
{
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString iana;
    icu::TimeZone::getIDForWindowsID(icu::UnicodeString::fromUTF8(name), nullptr, iana, status);
    if (U_FAILURE(status) || iana.isEmpty())
        return std::nullopt;
    std::string utf8;
    iana.toUTF8String(utf8);
    return utf8;
}

// The zone a TZID names. An IANA name is the system's zone, which wins over a file's
// VTIMEZONE of the same name (a truncated one would move events by an hour); a Windows
// name is the IANA zone it stands for; any other name only the file can define.
icaltimezone* find_zone(const char* tzid, icalcomponent* calendar)
{
    if (icaltimezone* zone = icaltimezone_get_builtin_timezone(tzid))
        return zone;
    if (const auto iana = iana_for_windows_zone(tzid))
        if (icaltimezone* zone = icaltimezone_get_builtin_timezone(iana->c_str()))
            return zone;
    if (icaltimezone* zone = icalcomponent_get_timezone(calendar, tzid))
        return zone;
    // Some programs prefix IANA names: "/freeassociation.sourceforge.net/Europe/Helsinki".
    const std::string name = tzid;
    const auto last = name.rfind('/');
    if (last == std::string::npos || last == 0)
        return nullptr;
    const auto before = name.rfind('/', last - 1);
    if (before == std::string::npos)
        return nullptr;
    return icaltimezone_get_builtin_timezone(name.substr(before + 1).c_str());
}

// The UTC offset of `zone` at the instant `at`.
int offset_at(icaltimezone* zone, UnixSeconds at)
{
    icaltimetype utc = icaltime_from_timet_with_zone(static_cast<time_t>(at), 0, icaltimezone_get_utc_timezone());
    int is_daylight = 0;
    return icaltimezone_get_utc_offset_of_utc_time(zone, &utc, &is_daylight);
}

// The instant of a wall-clock time in `zone` as RFC 5545 (3.3.5) reads it: a time that
// happens twice (the autumn change) is its first; a time the spring change skips is
// read with the offset before the gap (03.30 on 29 March in Helsinki is 04.30 EEST).
UnixSeconds wall_time_instant(const icaltimetype& time, icaltimezone* zone)
{
    icaltimetype as_utc = time;
    as_utc.zone = icaltimezone_get_utc_timezone();
    const auto wall = static_cast<UnixSeconds>(icaltime_as_timet_with_zone(as_utc, icaltimezone_get_utc_timezone()));
    if (zone == nullptr)
        return wall;
    constexpr UnixSeconds hours = 18 * 60 * 60; // further than any offset or change from the wall time
    const int before = offset_at(zone, wall - hours);
    const int after = offset_at(zone, wall + hours);
    if (before == after)
        return wall - before;
    const UnixSeconds with_before = wall - before;
    const UnixSeconds with_after = wall - after;
    const bool before_holds = offset_at(zone, with_before) == before;
    const bool after_holds = offset_at(zone, with_after) == after;
    if (before_holds && after_holds)
        return std::min(with_before, with_after);
    if (after_holds)
        return with_after;
    return with_before; // in the gap, or before the change
}

// Where a floating time (no TZID, no Z) is: the calendar's X-WR-TIMEZONE, as Google
// and Apple write the calendar's zone, or else the kiosk's own.
icaltimezone* floating_zone_of(const std::string& file, icalcomponent* calendar, const TimeZone& local_zone,
                               std::vector<std::string>& warnings)
{
    for (icalproperty* property : properties_of(calendar, ICAL_X_PROPERTY)) {
        const char* name = icalproperty_get_x_name(property);
        const char* value = icalproperty_get_x(property);
        if (name == nullptr || value == nullptr || !same_ignoring_case(name, "X-WR-TIMEZONE"))
            continue;
        if (icaltimezone* zone = find_zone(value, calendar))
            return zone;
        warnings.push_back(file + ": unknown X-WR-TIMEZONE '" + std::string(value) + "'; times without a zone are read as "
                           + local_zone.name());
    }
    return local_zone.libical_zone();
}

class EventReader {
public:
    EventReader(const std::string& file, icalcomponent* calendar, const TimeZone& local_zone,
                std::vector<std::string>& warnings)
        : m_file(file), m_calendar(calendar), m_local_zone(local_zone), m_warnings(warnings),
          m_floating_zone(floating_zone_of(file, calendar, local_zone, warnings))
    {
    }

    TimeFrame frame_of(icalproperty* property, const icaltimetype& time, const std::string& context) const
    {
        if (time.is_date)
            return {TimeFrame::Kind::Date, nullptr};
        if (icaltime_is_utc(time))
            return {TimeFrame::Kind::Utc, icaltimezone_get_utc_timezone()};
        icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
        if (tzid == nullptr)
            return {TimeFrame::Kind::Zoned, m_floating_zone}; // floating time
        const char* name = icalparameter_get_tzid(tzid);
        if (icaltimezone* zone = find_zone(name, m_calendar))
            return {TimeFrame::Kind::Zoned, zone};
        m_warnings.push_back(context + ": unknown time zone '" + name + "', read as " + m_local_zone.name());
        return {TimeFrame::Kind::Zoned, m_local_zone.libical_zone()};
    }

    UnixSeconds instant(icaltimetype time, const TimeFrame& frame) const
    {
        if (frame.kind == TimeFrame::Kind::Date || time.is_date)
            return m_local_zone.start_of_day({time.year, time.month, time.day});
        if (frame.kind == TimeFrame::Kind::Utc)
            return static_cast<UnixSeconds>(icaltime_as_timet_with_zone(time, frame.zone));
        return wall_time_instant(time, frame.zone);
    }

    UnixSeconds property_instant(icalproperty* property, icaltimetype time, const std::string& context) const
    {
        return instant(time, frame_of(property, time, context));
    }

    const std::string& file() const { return m_file; }
    std::vector<std::string>& warnings() const { return m_warnings; }

    // Takes one instance from the file's recurrence budget: false once it is spent, the
    // first time with a warning naming the file.
    bool spend_instance() const
    {
        if (m_instances_left > 0) {
            --m_instances_left;
            return true;
        }
        if (m_instances_left == 0) {
            m_warnings.push_back(m_file + ": its repeating events make more than "
                                 + std::to_string(max_instances_per_file)
                                 + " instances in all; the later instances of the rest are not shown");
            m_instances_left = -1;
        }
        return false;
    }

private:
    const std::string& m_file;
    icalcomponent* m_calendar;
    const TimeZone& m_local_zone;
    std::vector<std::string>& m_warnings;
    mutable int m_instances_left = max_instances_per_file;
    icaltimezone* m_floating_zone;
};

std::string property_text(icalproperty* property, std::size_t max_bytes, LineBreaks breaks)
{
    const char* raw = nullptr;
    if (icalproperty_isa(property) == ICAL_X_PROPERTY) {
        raw = icalproperty_get_x(property);
    } else {
        icalvalue* value = icalproperty_get_value(property);
        raw = value ? icalvalue_get_text(value) : nullptr;
    }
    return raw ? truncate_utf8(clean_text(raw, breaks), max_bytes) : std::string{};
}

std::string language_of(icalproperty* property)
{
    icalparameter* language = icalproperty_get_first_parameter(property, ICAL_LANGUAGE_PARAMETER);
    if (language == nullptr)
        return {};
    std::string tag = icalparameter_get_language(language);
    // "sv-FI" → "sv": the kiosk's catalogs are per language, not per region.
    tag = tag.substr(0, tag.find('-'));
    std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return std::tolower(c); });
    return tag;
}

// The fields that an override may leave out and inherit from its master.
struct EventFields {
    LocalizedText title;
    LocalizedText description;
    LocalizedText location;
    LocalizedText host;
    std::optional<int> capacity;
    std::string picture;
    std::optional<EventStatus> status;
};

// SUMMARY, DESCRIPTION and LOCATION are the event's own text whatever their LANGUAGE
// says: Outlook and Exchange tag them with the language of the writer's Outlook
// ("en-US", "de-CH"), not of the text. Translations come from X-OLOHUONE-… properties.
void read_standard_text(icalcomponent* event, icalproperty_kind kind, LocalizedText& target, std::size_t max_bytes,
                        LineBreaks breaks)
{
    if (icalproperty* property = icalcomponent_get_first_property(event, kind))
        target.set_default(property_text(property, max_bytes, breaks));
}

std::optional<int> parse_capacity(const std::string& text)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 1 || value > max_capacity)
        return std::nullopt;
    return value;
}

bool safe_relative_path(const std::string& path)
{
    if (path.empty() || path.size() > max_short_text_bytes || path.front() == '/')
        return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part.empty() || part == "." || part == "..")
            return false;
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return path.find('\\') == std::string::npos;
}

EventFields read_fields(icalcomponent* event, const EventReader& reader)
{
    EventFields fields;
    read_standard_text(event, ICAL_SUMMARY_PROPERTY, fields.title, max_title_bytes, LineBreaks::Remove);
    read_standard_text(event, ICAL_DESCRIPTION_PROPERTY, fields.description, max_description_bytes, LineBreaks::Keep);
    read_standard_text(event, ICAL_LOCATION_PROPERTY, fields.location, max_short_text_bytes, LineBreaks::Remove);

    if (icalproperty* organizer = icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY)) {
        if (icalparameter* cn = icalproperty_get_first_parameter(organizer, ICAL_CN_PARAMETER))
            fields.host.set_default(truncate_utf8(clean_text(icalparameter_get_cn(cn), LineBreaks::Remove),
                                                  max_short_text_bytes));
    }
    if (icalproperty* status = icalcomponent_get_first_property(event, ICAL_STATUS_PROPERTY))
        fields.status = icalproperty_get_status(status) == ICAL_STATUS_CANCELLED ? EventStatus::Cancelled
                                                                                : EventStatus::Scheduled;

    const std::string context = describe(reader.file(), event);
    for (icalproperty* property : properties_of(event, ICAL_X_PROPERTY)) {
        const char* x_name = icalproperty_get_x_name(property);
        if (x_name == nullptr || !same_ignoring_case(std::string_view(x_name).substr(0, x_prefix.size()), x_prefix))
            continue;
        const std::string name = upper_ascii(std::string_view(x_name).substr(x_prefix.size()));
        const std::string language = language_of(property);
        const auto set_text = [&](LocalizedText& target, std::size_t max_bytes, LineBreaks breaks) {
            std::string text = property_text(property, max_bytes, breaks);
            if (language.empty() || language == "fi")
                target.set_default(std::move(text));
            else
                target.set(language, std::move(text));
        };
        if (name == "SUMMARY") {
            set_text(fields.title, max_title_bytes, LineBreaks::Remove);
        } else if (name == "DESCRIPTION") {
            set_text(fields.description, max_description_bytes, LineBreaks::Keep);
        } else if (name == "LOCATION") {
            set_text(fields.location, max_short_text_bytes, LineBreaks::Remove);
        } else if (name == "HOST") {
            set_text(fields.host, max_short_text_bytes, LineBreaks::Remove);
        } else if (name == "CAPACITY") {
            const std::string text = property_text(property, 32, LineBreaks::Remove);
            fields.capacity = parse_capacity(text);
            if (!fields.capacity)
                reader.warnings().push_back(context + ": X-OLOHUONE-CAPACITY '" + text
                                            + "' ignored (expected a whole number from 1 to "
                                            + std::to_string(max_capacity) + ")");
        } else if (name == "PICTURE") {
            std::string path = property_text(property, max_short_text_bytes + 1, LineBreaks::Remove);
            if (safe_relative_path(path))
                fields.picture = std::move(path);
            else
                reader.warnings().push_back(context + ": X-OLOHUONE-PICTURE '" + path
                                            + "' ignored (expected a path inside the content folder)");
        } else {
            reader.warnings().push_back(context + ": unknown property X-OLOHUONE-" + std::string(name) + " ignored");
        }
    }
    return fields;
}

// A field an override leaves out comes from the master with its translations. If the
// override keeps the master's Finnish text, the master's translations still fit it and
// fill in the languages the override lacks; a changed Finnish text never borrows them.
void inherit(LocalizedText& target, const LocalizedText& master)
{
    if (target.empty()) {
        target = master;
        return;
    }
    if (target.default_text() != master.default_text())
        return;
    for (const auto& [language, text] : master.translations())
        if (!target.translations().count(language))
            target.set(language, text);
}

void inherit_fields(EventFields& fields, const EventFields& master)
{
    inherit(fields.title, master.title);
    inherit(fields.description, master.description);
    inherit(fields.location, master.location);
    inherit(fields.host, master.host);
    if (!fields.capacity)
        fields.capacity = master.capacity;
    if (fields.picture.empty())
        fields.picture = master.picture;
}

// Start, span and length of one VEVENT.
struct EventTiming {
    icalproperty* dtstart_property = nullptr;
    icaltimetype dtstart{};
    TimeFrame frame;
    UnixSeconds start = 0;
    EventSpan span = EventSpan::Timed;
    std::int64_t seconds = 3600; // timed events: length
    int days = 1;                // all-day events: number of days
};

// Whether the date and time exist: libical keeps "20261324T250000" and 31 November as
// written, and they would become other days without a word.
bool real_time(const icaltimetype& time)
{
    const CivilDate date{time.year, time.month, time.day};
    if (!date.valid())
        return false;
    const bool midnight_ending = time.hour == 24 && time.minute == 0 && time.second == 0; // T240000: the next 00.00
    return time.is_date || midnight_ending
        || (time.hour >= 0 && time.hour <= 23 && time.minute >= 0 && time.minute <= 59 && time.second >= 0
            && time.second <= 60);
}

// "20261324T250000": the value as the file wrote it, for a message.
std::string written_value(icalproperty* property)
{
    const char* value = icalproperty_get_value_as_string(property);
    return value ? std::string(value).substr(0, 40) : std::string();
}

std::optional<EventTiming> read_timing(icalcomponent* event, const EventReader& reader)
{
    const std::string context = describe(reader.file(), event);
    EventTiming timing;
    timing.dtstart_property = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    if (timing.dtstart_property == nullptr) {
        reader.warnings().push_back(context + " skipped: it has no DTSTART");
        return std::nullopt;
    }
    timing.dtstart = icalproperty_get_dtstart(timing.dtstart_property);
    if (icaltime_is_null_time(timing.dtstart) || !icaltime_is_valid_time(timing.dtstart) || !real_time(timing.dtstart)) {
        reader.warnings().push_back(context + " skipped: its DTSTART '" + written_value(timing.dtstart_property)
                                    + "' is not a real date and time");
        return std::nullopt;
    }
    timing.frame = reader.frame_of(timing.dtstart_property, timing.dtstart, context);
    timing.start = reader.instant(timing.dtstart, timing.frame);
    timing.span = timing.dtstart.is_date ? EventSpan::AllDay : EventSpan::Timed;

    icalproperty* dtend = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY);
    if (dtend != nullptr && !real_time(icalproperty_get_dtend(dtend))) {
        reader.warnings().push_back(context + ": its DTEND '" + written_value(dtend)
                                    + "' is not a real date and time; the usual length is used");
        dtend = nullptr;
    }
    if (dtend != nullptr) {
        const icaltimetype end = icalproperty_get_dtend(dtend);
        if (timing.span == EventSpan::AllDay) {
            const CivilDate first{timing.dtstart.year, timing.dtstart.month, timing.dtstart.day};
            const CivilDate last{end.year, end.month, end.day};
            timing.days = static_cast<int>(std::max<std::int64_t>(1, last.days_since_epoch() - first.days_since_epoch()));
        } else {
            timing.seconds = reader.property_instant(dtend, end, context) - timing.start;
        }
    } else if (icalproperty* duration = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
        const int seconds = icaldurationtype_as_int(icalproperty_get_duration(duration));
        if (timing.span == EventSpan::AllDay)
            timing.days = std::max(1, seconds / 86400);
        else
            timing.seconds = seconds;
    }
    if (timing.span == EventSpan::Timed && timing.seconds <= 0) {
        reader.warnings().push_back(context + ": it ends before it starts; shown as lasting one hour");
        timing.seconds = 3600;
    }
    return timing;
}

struct Interval {
    UnixSeconds start;
    UnixSeconds end;
};

Interval interval_at(const EventTiming& timing, UnixSeconds start, const TimeZone& local_zone)
{
    if (timing.span == EventSpan::Timed)
        return {start, start + timing.seconds};
    const CivilDate first = local_zone.to_local(start).date;
    return {start, local_zone.start_of_day(first.plus_days(timing.days))};
}

bool overlaps(const Interval& interval, const ImportWindow& window)
{
    return interval.start < window.to && interval.end > window.from;
}

Occurrence make_occurrence(const std::string& uid, UnixSeconds instance, const Interval& interval,
                           const EventTiming& timing, const EventFields& fields)
{
    Occurrence occurrence;
    occurrence.uid = uid;
    occurrence.instance = instance;
    occurrence.start = interval.start;
    occurrence.end = interval.end;
    occurrence.span = timing.span;
    occurrence.status = fields.status.value_or(EventStatus::Scheduled);
    occurrence.title = fields.title;
    occurrence.description = fields.description;
    occurrence.location = fields.location;
    occurrence.host = fields.host;
    occurrence.capacity = fields.capacity;
    occurrence.picture = fields.picture;
    return occurrence;
}

// All the VEVENTs that share one UID: the master and the overrides of its instances.
struct EventGroup {
    struct Member {
        icalcomponent* event;
        const EventReader* reader;
    };
    std::optional<Member> master;
    std::vector<Member> overrides;
};

// "2026-11-24": a day in a warning.
std::string day_text(UnixSeconds at, const TimeZone& zone)
{
    const CivilDate day = zone.to_local(at).date;
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", day.year, day.month, day.day);
    return text;
}

// A daily or weekly rule without COUNT, begun long before the window, starts a whole
// number of its periods after DTSTART, just before the window, instead of walking every
// instance since (a daily event from 1900): the same weekday and time of day, so its
// instances fall where they would have. A day and the event's length are kept before
// the window, so an instance under way when it begins is there. A COUNT has to be
// counted from DTSTART, and other frequencies make few instances; the per-event budget
// bounds them.
void skip_to_window(IteratorPtr& iterator, const icalrecurrencetype& rule, const EventTiming& timing,
                    const ImportWindow& window)
{
    if (rule.count != 0 || (rule.freq != ICAL_DAILY_RECURRENCE && rule.freq != ICAL_WEEKLY_RECURRENCE))
        return;
    constexpr UnixSeconds day = 24 * 60 * 60;
    const UnixSeconds length = timing.span == EventSpan::AllDay ? timing.days * day : timing.seconds;
    const UnixSeconds behind = window.from - length - day - timing.start;
    const int period_days = (rule.freq == ICAL_DAILY_RECURRENCE ? 1 : 7) * std::max(1, static_cast<int>(rule.interval));
    const UnixSeconds periods = behind / day / period_days;
    if (periods <= 0)
        return;
    icaltimetype start = timing.dtstart;
    icaltime_adjust(&start, static_cast<int>(periods * period_days), 0, 0, 0);
    if (icalrecur_iterator_set_start(iterator.get(), start) == 0) // refused: walk from DTSTART after all
        iterator.reset(icalrecur_iterator_new(rule, timing.dtstart));
}

// The start instants of every instance of the master, from DTSTART, RRULE and RDATE,
// minus EXDATE, up to the end of the window, within the recurrence budget.
std::vector<UnixSeconds> instance_starts(icalcomponent* event, const EventTiming& timing, const EventReader& reader,
                                         const TimeZone& local_zone, const ImportWindow& window,
                                         std::map<UnixSeconds, UnixSeconds>& period_ends)
{
    const std::string context = describe(reader.file(), event);
    std::vector<UnixSeconds> starts;
    const auto consider = [&](UnixSeconds start) {
        if (overlaps(interval_at(timing, start, local_zone), window))
            starts.push_back(start);
    };

    icalproperty* rrule = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY);
    if (rrule == nullptr) {
        consider(timing.start);
    } else {
        // Iterates in DTSTART's own wall-clock time, so 10:00 stays 10:00 across DST. An
        // UNTIL in UTC (as exporters write it) is moved into that wall-clock time first:
        // libical would otherwise compare 08:00Z with 10:00 local and drop the last instance.
        icalrecurrencetype rule = icalproperty_get_rrule(rrule);
        if (!icaltime_is_null_time(rule.until) && !rule.until.is_date && icaltime_is_utc(rule.until)
            && timing.frame.kind == TimeFrame::Kind::Zoned) {
            icaltimezone_convert_time(&rule.until, icaltimezone_get_utc_timezone(), timing.frame.zone);
            rule.until.zone = timing.dtstart.zone;
        }
        IteratorPtr iterator(icalrecur_iterator_new(rule, timing.dtstart));
        if (!iterator) {
            reader.warnings().push_back(context + ": its RRULE could not be read; only the first instance is shown");
            consider(timing.start);
        } else if ((rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE
                    || rule.freq == ICAL_HOURLY_RECURRENCE)
                   && rule.count == 0 && icaltime_is_null_time(rule.until)) {
            // Without an end it never stops; with COUNT or UNTIL the budget bounds it.
            reader.warnings().push_back(context + ": it repeats " + icalrecur_freq_to_string(rule.freq)
                                        + " without end, more often than a day's programme can show; only its first "
                                          "time is shown");
            consider(timing.start);
        } else {
            skip_to_window(iterator, rule, timing, window);
            int made = 0;
            for (icaltimetype next = iterator ? icalrecur_iterator_next(iterator.get()) : icaltime_null_time();
                 !icaltime_is_null_time(next);
                 next = icalrecur_iterator_next(iterator.get())) {
                const UnixSeconds start = reader.instant(next, timing.frame);
                if (start >= window.to)
                    break;
                if (++made > max_instances_per_event) {
                    reader.warnings().push_back(
                        context + ": its RRULE makes more than " + std::to_string(max_instances_per_event)
                        + " instances before " + day_text(start, local_zone) + "; the later ones are not shown");
                    break;
                }
                // The file's budget pays for the walk to the window: instances inside it
                // are bounded per event, and one event's bomb leaves the others theirs.
                if (start < window.from && !reader.spend_instance())
                    break;
                consider(start);
                if (starts.size() > static_cast<std::size_t>(max_shown_per_event)) {
                    starts.pop_back();
                    reader.warnings().push_back(context + ": it repeats more than "
                                                + std::to_string(max_shown_per_event)
                                                + " times in the days shown; the times after "
                                                + day_text(starts.back(), local_zone) + " are not shown");
                    break;
                }
            }
        }
        if (properties_of(event, ICAL_RRULE_PROPERTY).size() > 1)
            reader.warnings().push_back(context + ": only its first RRULE is used");
    }

    for (icalproperty* rdate : properties_of(event, ICAL_RDATE_PROPERTY)) {
        const icaldatetimeperiodtype value = icalproperty_get_rdate(rdate);
        const bool period = icaltime_is_null_time(value.time);
        const icaltimetype time = period ? value.period.start : value.time;
        if (icaltime_is_null_time(time) || !real_time(time)) {
            reader.warnings().push_back(context + ": an RDATE '" + written_value(rdate)
                                        + "' is not a real date and time; it is left out");
            continue;
        }
        const UnixSeconds start = reader.property_instant(rdate, time, context);
        consider(start);
        // RDATE;VALUE=PERIOD gives that instance its own end (or length).
        if (period) {
            UnixSeconds end = 0;
            if (!icaltime_is_null_time(value.period.end) && real_time(value.period.end))
                end = reader.property_instant(rdate, value.period.end, context);
            else if (!icaldurationtype_is_null_duration(value.period.duration))
                end = start + icaldurationtype_as_int(value.period.duration);
            if (end > start)
                period_ends[start] = end;
        }
    }

    for (icalproperty* exdate : properties_of(event, ICAL_EXDATE_PROPERTY)) {
        const icaltimetype time = icalproperty_get_exdate(exdate);
        if (time.is_date && timing.span == EventSpan::Timed) {
            // A date-only EXDATE on a timed event removes that whole day.
            const CivilDate day{time.year, time.month, time.day};
            std::erase_if(starts, [&](UnixSeconds start) { return local_zone.to_local(start).date == day; });
        } else {
            const UnixSeconds excluded = reader.property_instant(exdate, time, context);
            std::erase(starts, excluded);
        }
    }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    return starts;
}

// What a THISANDFUTURE override makes of the instances from its own on: its times
// (moved from its instance by `shift`) and its texts.
struct FutureChange {
    EventTiming timing;
    EventFields fields;
    UnixSeconds shift = 0;
};

std::optional<FutureChange> future_change(const EventGroup::Member& member, UnixSeconds instance,
                                          const std::optional<EventTiming>& master_timing,
                                          const EventFields& master_fields)
{
    std::optional<EventTiming> timing;
    if (icalcomponent_get_first_property(member.event, ICAL_DTSTART_PROPERTY) != nullptr)
        timing = read_timing(member.event, *member.reader);
    else if (master_timing) {
        timing = master_timing;
        timing->start = instance;
    }
    if (!timing)
        return std::nullopt;
    FutureChange change{*timing, read_fields(member.event, *member.reader), timing->start - instance};
    inherit_fields(change.fields, master_fields);
    if (!change.fields.status)
        change.fields.status = master_fields.status;
    return change;
}

// The instance at `start` as the last THISANDFUTURE change before it makes it; none when
// no such change comes before it.
std::optional<Occurrence> later_instance_of(const std::string& uid, UnixSeconds start,
                                            const std::map<UnixSeconds, FutureChange>& changes,
                                            const TimeZone& local_zone)
{
    auto from = changes.upper_bound(start);
    if (from == changes.begin())
        return std::nullopt;
    const FutureChange& change = std::prev(from)->second;
    EventTiming shifted = change.timing;
    shifted.start = start + change.shift;
    const Interval interval = interval_at(shifted, shifted.start, local_zone);
    Occurrence occurrence = make_occurrence(uid, start, interval, shifted, change.fields);
    if (interval.start != start)
        occurrence.moved_from = start;
    return occurrence;
}

void expand_group(const std::string& uid, const EventGroup& group, const TimeZone& local_zone,
                  const ImportWindow& window, std::vector<Occurrence>& out)
{
    EventFields master_fields;
    std::optional<EventTiming> master_timing;
    std::map<UnixSeconds, const EventGroup::Member*> override_by_instance;
    // RANGE=THISANDFUTURE overrides: each changes its instance and every later one, up to
    // the next such override (Outlook's and Lightning's "this and following").
    std::map<UnixSeconds, const EventGroup::Member*> future_from;

    for (const auto& member : group.overrides) {
        icalproperty* rid = icalcomponent_get_first_property(member.event, ICAL_RECURRENCEID_PROPERTY);
        const UnixSeconds instance =
            member.reader->property_instant(rid, icalproperty_get_recurrenceid(rid), describe(member.reader->file(), member.event));
        override_by_instance[instance] = &member;
        icalparameter* range = icalproperty_get_first_parameter(rid, ICAL_RANGE_PARAMETER);
        if (range != nullptr && icalparameter_get_range(range) == ICAL_RANGE_THISANDFUTURE)
            future_from[instance] = &member;
    }

    if (group.master) {
        const EventReader& reader = *group.master->reader;
        icalcomponent* event = group.master->event;
        master_fields = read_fields(event, reader);
        master_timing = read_timing(event, reader);
        std::map<UnixSeconds, FutureChange> changes;
        for (const auto& [instance, member] : future_from)
            if (auto change = future_change(*member, instance, master_timing, master_fields))
                changes.emplace(instance, std::move(*change));
        if (const auto& timing = master_timing) {
            std::map<UnixSeconds, UnixSeconds> period_ends;
            for (const UnixSeconds start : instance_starts(event, *timing, reader, local_zone, window, period_ends)) {
                if (override_by_instance.count(start))
                    continue;
                if (auto future = later_instance_of(uid, start, changes, local_zone)) {
                    out.push_back(std::move(*future));
                    continue;
                }
                Interval interval = interval_at(*timing, start, local_zone);
                if (const auto period = period_ends.find(start); period != period_ends.end())
                    interval.end = period->second;
                out.push_back(make_occurrence(uid, start, interval, *timing, master_fields));
            }
        }
    }

    for (const auto& [instance, member] : override_by_instance) {
        EventFields fields = read_fields(member->event, *member->reader);
        if (group.master) {
            inherit_fields(fields, master_fields);
            // A cancelled series stays cancelled unless the override says otherwise.
            if (!fields.status)
                fields.status = master_fields.status;
        }
        // An override without DTSTART (against RFC 5545, but seen) keeps its slot and the
        // master's length rather than making the instance vanish.
        std::optional<EventTiming> timing;
        if (master_timing && icalcomponent_get_first_property(member->event, ICAL_DTSTART_PROPERTY) == nullptr) {
            timing = master_timing;
            timing->start = instance;
        } else {
            timing = read_timing(member->event, *member->reader);
        }
        if (!timing)
            continue;
        const Interval interval = interval_at(*timing, timing->start, local_zone);
        if (!overlaps(interval, window))
            continue;
        Occurrence occurrence = make_occurrence(uid, instance, interval, *timing, fields);
        if (interval.start != instance)
            occurrence.moved_from = instance;
        out.push_back(std::move(occurrence));
    }
}

// Whether `text` has `word` in it, whatever the case (property names are not case
// sensitive: some exporters write "begin:vcalendar").
bool contains_ignoring_case(std::string_view text, std::string_view word)
{
    return std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
               return std::toupper(static_cast<unsigned char>(a)) == std::toupper(static_cast<unsigned char>(b));
           }) != text.end();
}

// Several VCALENDARs in one file (RFC 5545 allows it; some exporters write one per
// event) are read as one: their events, zones and properties in one VCALENDAR.
ComponentPtr one_calendar(ComponentPtr root)
{
    if (icalcomponent_isa(root.get()) != ICAL_XROOT_COMPONENT)
        return root;
    ComponentPtr merged(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    for (icalcomponent* calendar = icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT);
         calendar != nullptr; calendar = icalcomponent_get_next_component(root.get(), ICAL_VCALENDAR_COMPONENT)) {
        while (icalcomponent* inner = icalcomponent_get_first_component(calendar, ICAL_ANY_COMPONENT)) {
            icalcomponent_remove_component(calendar, inner);
            icalcomponent_add_component(merged.get(), inner);
        }
        for (icalproperty* property : properties_of(calendar, ICAL_ANY_PROPERTY))
            icalcomponent_add_property(merged.get(), icalproperty_new_clone(property));
    }
    return merged;
}

Result<ComponentPtr> parse_file(const CalendarFile& file, std::vector<std::string>& warnings)
{
    if (file.text.size() > max_calendar_file_bytes)
        return make_error(file.name + ": the file is larger than " + std::to_string(max_calendar_file_bytes / 1024 / 1024)
                          + " MiB; is it really a programme?");
    if (!contains_ignoring_case(file.text, "BEGIN:VCALENDAR"))
        return make_error(file.name + ": not an iCalendar file (no BEGIN:VCALENDAR)");
    std::string_view text = file.text;
    const std::optional<std::string> converted = windows_1252_as_utf8(text);
    if (converted) {
        warnings.push_back(file.name + ": the file is not UTF-8; it is read as Windows-1252 (Latin-1). "
                                       "Save it as UTF-8 to be sure of its letters");
        text = *converted;
        if (text.size() > max_calendar_file_bytes) // letters of two or three bytes now
            return make_error(file.name + ": the file is larger than "
                              + std::to_string(max_calendar_file_bytes / 1024 / 1024) + " MiB in UTF-8");
    }
    CheckedStructure checked = leave_out_broken_components(file.name, text);
    ComponentPtr root(icalparser_parse_string(checked.text.c_str()));
    if (!root || (icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT
                  && icalcomponent_isa(root.get()) != ICAL_XROOT_COMPONENT))
        return make_error(file.name + ": not a readable iCalendar file (the VCALENDAR could not be parsed)");
    if (icalcomponent_isa(root.get()) == ICAL_XROOT_COMPONENT
        && icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT) == nullptr)
        return make_error(file.name + ": not a readable iCalendar file (no VCALENDAR in it)");
    warnings.insert(warnings.end(), checked.warnings.begin(), checked.warnings.end());
    return one_calendar(std::move(root));
}

// A UID for an event without one, from what identifies it: its times, repeat rule,
// title and place as written (FNV-1a, 64 bits: stable across runs and machines).
std::string uid_from_content(icalcomponent* event)
{
    std::string content;
    for (const icalproperty_kind kind : {ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY, ICAL_DURATION_PROPERTY,
                                         ICAL_RRULE_PROPERTY, ICAL_SUMMARY_PROPERTY, ICAL_LOCATION_PROPERTY})
        if (icalproperty* property = icalcomponent_get_first_property(event, kind)) {
            content += icalproperty_as_ical_string(property);
            content += '\n';
        }
    std::uint64_t hash = 14695981039346656037ULL;
    for (const unsigned char c : content) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    char text[40];
    std::snprintf(text, sizeof text, "%016llx@no-uid.olohuone", static_cast<unsigned long long>(hash));
    return text;
}

// Whether the calendar says it holds edits of the others (X-OLOHUONE-EDITS:TRUE, as the
// server writes its coordinators' edits): such a calendar is read after all the others.
bool holds_edits(icalcomponent* calendar)
{
    for (icalproperty* property : properties_of(calendar, ICAL_X_PROPERTY)) {
        const char* name = icalproperty_get_x_name(property);
        const char* value = icalproperty_get_x(property);
        if (name && value && same_ignoring_case(name, "X-OLOHUONE-EDITS") && same_ignoring_case(value, "TRUE"))
            return true;
    }
    return false;
}

} // namespace

Result<ImportedProgramme> import_programme(const std::vector<CalendarFile>& files, const TimeZone& local_zone,
                                           ImportWindow window)
{
    icalerror_set_errors_are_fatal(0);
    ImportedProgramme programme;
    std::vector<ComponentPtr> roots;
    std::vector<std::unique_ptr<EventReader>> readers;
    std::map<std::string, EventGroup> groups;

    for (const CalendarFile& file : files) {
        auto root = parse_file(file, programme.warnings);
        if (!root)
            return root.error();
        roots.push_back(std::move(root.value()));
    }
    // Edits are read last, whatever the files' order: their masters and overrides then
    // replace the ones they edit, as later ones always do.
    std::vector<std::size_t> order(files.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_partition(order.begin(), order.end(),
                          [&](std::size_t i) { return !holds_edits(roots[i].get()); });

    for (const std::size_t index : order) {
        const CalendarFile& file = files[index];
        icalcomponent* calendar = roots[index].get();
        const bool edits = holds_edits(calendar);
        int without_uid = 0;
        readers.push_back(std::make_unique<EventReader>(file.name, calendar, local_zone, programme.warnings));
        const EventReader* reader = readers.back().get();

        for (icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
             event != nullptr; event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
            for (icalproperty* error : properties_of(event, ICAL_XLICERROR_PROPERTY)) {
                const char* text = icalproperty_get_xlicerror(error);
                // An empty property ("DESCRIPTION:", as Google writes for every event
                // without one) has nothing to show: libical's "No value for … Removing
                // entire property" would fill the log.
                if (text != nullptr && std::string_view(text).starts_with("No value for"))
                    continue;
                programme.warnings.push_back(describe(file.name, event) + ": " + (text ? text : "unreadable property"));
            }
            const char* uid = icalcomponent_get_uid(event);
            if (uid == nullptr || *uid == '\0') {
                // Confluence, khal and others leave UID out: the event gets one made from
                // its times, title and place, the same each time the file is read, so edits
                // and registrations follow it as long as those do not change.
                icalcomponent_set_uid(event, uid_from_content(event).c_str());
                uid = icalcomponent_get_uid(event);
                ++without_uid;
            }
            EventGroup& group = groups[uid];
            const EventGroup::Member member{event, reader};
            if (icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY) != nullptr) {
                group.overrides.push_back(member);
            } else {
                if (group.master && !edits)
                    programme.warnings.push_back(describe(file.name, event)
                                                 + " appears twice; the later one is used");
                group.master = member;
            }
        }
        if (without_uid > 0)
            programme.warnings.push_back(file.name + ": " + std::to_string(without_uid)
                                         + " event(s) have no UID; each is known by its times, title and place instead");
    }

    for (const auto& [uid, group] : groups)
        expand_group(uid, group, local_zone, window, programme.occurrences);

    std::sort(programme.occurrences.begin(), programme.occurrences.end(), [](const Occurrence& a, const Occurrence& b) {
        return std::tie(a.start, a.uid, a.instance) < std::tie(b.start, b.uid, b.instance);
    });
    return programme;
}

} // namespace olohuone
