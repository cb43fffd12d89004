#include "edits_calendar.h"

#include <libical/ical.h>

#include <memory>

namespace olohuone::server {
namespace {

struct ComponentDeleter {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentDeleter>;

std::string or_empty(const char* text) { return text ? text : ""; }

constexpr const char* weekday_codes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

ComponentPtr parse_calendar(const std::string& text)
{
    ComponentPtr root(icalparser_parse_string(text.c_str()));
    if (root && icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT)
        root.reset();
    return root;
}

// Properties are removed from a list first: libical's one cursor per component would
// skip some if they were removed while iterating.
void remove_properties(icalcomponent* event, icalproperty_kind kind, const char* x_name = nullptr)
{
    std::vector<icalproperty*> found;
    for (icalproperty* property = icalcomponent_get_first_property(event, kind); property != nullptr;
         property = icalcomponent_get_next_property(event, kind))
        if (x_name == nullptr || std::string_view(or_empty(icalproperty_get_x_name(property))) == x_name)
            found.push_back(property);
    for (icalproperty* property : found) {
        icalcomponent_remove_property(event, property);
        icalproperty_free(property);
    }
}

icalproperty* find_x(icalcomponent* event, const char* x_name)
{
    for (icalproperty* property = icalcomponent_get_first_property(event, ICAL_X_PROPERTY); property != nullptr;
         property = icalcomponent_get_next_property(event, ICAL_X_PROPERTY))
        if (std::string_view(or_empty(icalproperty_get_x_name(property))) == x_name
            && icalproperty_get_first_parameter(property, ICAL_LANGUAGE_PARAMETER) == nullptr)
            return property;
    return nullptr;
}

void add_x(icalcomponent* event, const char* x_name, const std::string& value, const std::string& language = "")
{
    icalproperty* property = icalproperty_new_x(value.c_str());
    icalproperty_set_x_name(property, x_name);
    if (!language.empty())
        icalproperty_add_parameter(property, icalparameter_new_language(language.c_str()));
    icalcomponent_add_property(event, property);
}

icaltimetype utc_time(UnixSeconds instant)
{
    return icaltime_from_timet_with_zone(static_cast<time_t>(instant), 0, icaltimezone_get_utc_timezone());
}

// A wall-clock time in the site's zone: DTSTART;TZID=Europe/Helsinki:20261201T103000, so a
// weekly event keeps its time across a change to or from summer time.
icalproperty* zoned(icalproperty* property, const TimeZone& zone)
{
    icalproperty_add_parameter(property, icalparameter_new_tzid(zone.name().c_str()));
    return property;
}

icaltimetype floating(const CivilDate& date, const CivilTime& time)
{
    icaltimetype value = icaltime_null_time();
    value.year = date.year;
    value.month = date.month;
    value.day = date.day;
    value.hour = time.hour;
    value.minute = time.minute;
    value.second = 0;
    value.is_date = 0;
    return value;
}

// The texts of an event as the kiosk's importer finds them first: SUMMARY, DESCRIPTION,
// LOCATION, the host as X-OLOHUONE-HOST or ORGANIZER's CN, X-OLOHUONE-CAPACITY.
std::string summary_of(icalcomponent* event) { return or_empty(icalcomponent_get_summary(event)); }
std::string description_of(icalcomponent* event) { return or_empty(icalcomponent_get_description(event)); }
std::string location_of(icalcomponent* event) { return or_empty(icalcomponent_get_location(event)); }
std::string host_of(icalcomponent* event)
{
    if (icalproperty* host = find_x(event, "X-OLOHUONE-HOST"))
        return or_empty(icalproperty_get_x(host));
    if (icalproperty* organizer = icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY))
        if (icalparameter* cn = icalproperty_get_first_parameter(organizer, ICAL_CN_PARAMETER))
            return or_empty(icalparameter_get_cn(cn));
    return {};
}
std::optional<int> capacity_of(icalcomponent* event)
{
    icalproperty* capacity = find_x(event, "X-OLOHUONE-CAPACITY");
    if (capacity == nullptr)
        return std::nullopt;
    try {
        return std::stoi(or_empty(icalproperty_get_x(capacity)));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// Sets the texts that differ from the event's. A text left as it was keeps its
// translations (X-OLOHUONE-SUMMARY;LANGUAGE=sv …); a changed one loses them, as they
// no longer say the same.
void set_texts(icalcomponent* event, const EventTexts& texts)
{
    if (summary_of(event) != texts.title) {
        remove_properties(event, ICAL_SUMMARY_PROPERTY);
        remove_properties(event, ICAL_X_PROPERTY, "X-OLOHUONE-SUMMARY");
        icalcomponent_add_property(event, icalproperty_new_summary(texts.title.c_str()));
        for (const auto& [language, title] : texts.title_translations)
            add_x(event, "X-OLOHUONE-SUMMARY", title, language);
    }
    if (description_of(event) != texts.description) {
        remove_properties(event, ICAL_DESCRIPTION_PROPERTY);
        remove_properties(event, ICAL_X_PROPERTY, "X-OLOHUONE-DESCRIPTION");
        if (!texts.description.empty())
            icalcomponent_add_property(event, icalproperty_new_description(texts.description.c_str()));
    }
    if (location_of(event) != texts.location) {
        remove_properties(event, ICAL_LOCATION_PROPERTY);
        remove_properties(event, ICAL_X_PROPERTY, "X-OLOHUONE-LOCATION");
        if (!texts.location.empty())
            icalcomponent_add_property(event, icalproperty_new_location(texts.location.c_str()));
    }
    if (host_of(event) != texts.host) {
        remove_properties(event, ICAL_ORGANIZER_PROPERTY);
        remove_properties(event, ICAL_X_PROPERTY, "X-OLOHUONE-HOST");
        if (!texts.host.empty())
            add_x(event, "X-OLOHUONE-HOST", texts.host);
    }
    if (capacity_of(event) != texts.capacity) {
        remove_properties(event, ICAL_X_PROPERTY, "X-OLOHUONE-CAPACITY");
        if (texts.capacity)
            add_x(event, "X-OLOHUONE-CAPACITY", std::to_string(*texts.capacity));
    }
}

void set_status(icalcomponent* event, bool cancelled)
{
    remove_properties(event, ICAL_STATUS_PROPERTY);
    icalcomponent_add_property(event,
                               icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
}

icalcomponent* new_event(const EventEdit& edit)
{
    icalcomponent* event = icalcomponent_new_vevent();
    icalcomponent_add_property(event, icalproperty_new_uid(edit.uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(utc_time(edit.updated_at)));
    return event;
}

std::string weekly_rule(const EventEdit& edit, const TimeZone& zone)
{
    std::string rule = "FREQ=WEEKLY;BYDAY=";
    bool first = true;
    for (int day = 0; day < 7; ++day) {
        if ((edit.weekdays & (1 << day)) == 0)
            continue;
        rule += (first ? "" : ",") + std::string(weekday_codes[day]);
        first = false;
    }
    if (edit.until) {
        // The last moment of the until day in the site's zone, in UTC as RFC 5545 asks
        // for with a zoned DTSTART.
        const UnixSeconds last = zone.start_of_day(edit.until->plus_days(1)) - 1;
        rule += ";UNTIL=" + std::string(icaltime_as_ical_string(utc_time(last)));
    }
    return rule;
}

void add_new_event(icalcomponent* calendar, const EventEdit& edit, const TimeZone& zone)
{
    icalcomponent* event = new_event(edit);
    const CivilTime start = edit.start_time.value_or(CivilTime{});
    const CivilTime end = edit.end_time.value_or(start);
    icalcomponent_add_property(event, zoned(icalproperty_new_dtstart(floating(edit.first_date, start)), zone));
    icalcomponent_add_property(event, zoned(icalproperty_new_dtend(floating(edit.first_date, end)), zone));
    if (edit.weekdays != 0)
        icalcomponent_add_property(
            event, icalproperty_new_rrule(icalrecurrencetype_from_string(weekly_rule(edit, zone).c_str())));
    set_texts(event, edit.texts);
    set_status(event, edit.cancelled);
    icalcomponent_add_component(calendar, event);
}

void add_occurrence(icalcomponent* calendar, const EventEdit& edit)
{
    icalcomponent* event = new_event(edit);
    icalcomponent_add_property(event, icalproperty_new_recurrenceid(utc_time(edit.instance)));
    icalcomponent_add_property(event, icalproperty_new_dtstart(utc_time(edit.start)));
    icalcomponent_add_property(event, icalproperty_new_dtend(utc_time(edit.end)));
    set_texts(event, edit.texts);
    // Without a STATUS the occurrence is as its event is: scheduled, or cancelled with the
    // whole event.
    if (edit.cancelled)
        set_status(event, true);
    icalcomponent_add_component(calendar, event);
}

icalcomponent* first_event(icalcomponent* calendar)
{
    return icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
}

// The zone DTSTART is read in, as the importer reads it.
icaltimezone* zone_of(icalproperty* property, const icaltimetype& time, icalcomponent* calendar,
                      const TimeZone& site_zone)
{
    if (icaltime_is_utc(time))
        return icaltimezone_get_utc_timezone();
    if (icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER)) {
        const char* name = icalparameter_get_tzid(tzid);
        if (icaltimezone* zone = icalcomponent_get_timezone(calendar, name))
            return zone;
        if (icaltimezone* zone = icaltimezone_get_builtin_timezone(name))
            return zone;
    }
    return site_zone.libical_zone();
}

Result<void> add_series(icalcomponent* calendar, std::set<std::string>& zones_added, const EventEdit& edit,
                        const TimeZone& zone)
{
    const ComponentPtr base = parse_calendar(edit.base_event);
    icalcomponent* base_event = base ? first_event(base.get()) : nullptr;
    if (base_event == nullptr)
        return make_error("the copy of event " + edit.uid + " cannot be read");
    for (icalcomponent* timezone = icalcomponent_get_first_component(base.get(), ICAL_VTIMEZONE_COMPONENT);
         timezone != nullptr; timezone = icalcomponent_get_next_component(base.get(), ICAL_VTIMEZONE_COMPONENT)) {
        icalproperty* tzid = icalcomponent_get_first_property(timezone, ICAL_TZID_PROPERTY);
        if (tzid && zones_added.insert(icalproperty_get_tzid(tzid)).second)
            icalcomponent_add_component(calendar, icalcomponent_new_clone(timezone));
    }
    icalcomponent* event = icalcomponent_new_clone(base_event);
    if (edit.start_time && edit.end_time) {
        auto facts = read_calendar_event(edit.base_event, zone);
        if (!facts) {
            icalcomponent_free(event);
            return facts.error();
        }
        remove_properties(event, ICAL_DTSTART_PROPERTY);
        remove_properties(event, ICAL_DTEND_PROPERTY);
        remove_properties(event, ICAL_DURATION_PROPERTY);
        icalcomponent_add_property(
            event, zoned(icalproperty_new_dtstart(floating(facts->first_date, *edit.start_time)), zone));
        icalcomponent_add_property(event,
                                   zoned(icalproperty_new_dtend(floating(facts->first_date, *edit.end_time)), zone));
    }
    set_texts(event, edit.texts);
    set_status(event, edit.cancelled);
    icalcomponent_add_component(calendar, event);
    return {};
}

// Calls `visit(calendar, event)` for every VEVENT of the calendars that are not the
// edits calendar; unreadable calendars are passed over.
template <typename Visit>
void each_calendar_event(const std::vector<SiteCalendar>& calendars, Visit visit)
{
    icalerror_set_errors_are_fatal(0);
    for (const SiteCalendar& calendar : calendars) {
        if (calendar.source == CalendarSource::Edits)
            continue;
        const ComponentPtr root = parse_calendar(calendar.ics);
        if (!root)
            continue;
        for (icalcomponent* event = first_event(root.get()); event != nullptr;
             event = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT))
            visit(root.get(), event);
    }
}


} // namespace

Result<std::string> write_edits_calendar(const std::vector<EventEdit>& edits, const TimeZone& zone)
{
    if (edits.empty())
        return std::string();
    icalerror_set_errors_are_fatal(0);
    ComponentPtr calendar(icalcomponent_new_vcalendar());
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Olohuone//Coordinators' edits//FI"));
    add_x(calendar.get(), "X-OLOHUONE-EDITS", "TRUE");
    std::set<std::string> zones_added;
    for (const EventEdit& edit : edits) {
        if (edit.kind == EditKind::NewEvent)
            add_new_event(calendar.get(), edit, zone);
        else if (edit.kind == EditKind::Occurrence)
            add_occurrence(calendar.get(), edit);
        else if (auto added = add_series(calendar.get(), zones_added, edit, zone); !added)
            return added.error();
    }
    char* text = icalcomponent_as_ical_string_r(calendar.get());
    std::string written = text ? text : "";
    free(text);
    return written;
}

Result<CalendarEvent> read_calendar_event(const std::string& base_event, const TimeZone& zone)
{
    icalerror_set_errors_are_fatal(0);
    const ComponentPtr base = parse_calendar(base_event);
    icalcomponent* event = base ? first_event(base.get()) : nullptr;
    icalproperty* dtstart = event ? icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY) : nullptr;
    if (dtstart == nullptr)
        return make_error("the copy of the event cannot be read");
    CalendarEvent facts;
    facts.texts = {summary_of(event), description_of(event), location_of(event), host_of(event), capacity_of(event)};
    facts.recurring = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY) != nullptr
        || icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY) != nullptr;
    if (icalproperty* status = icalcomponent_get_first_property(event, ICAL_STATUS_PROPERTY))
        facts.cancelled = icalproperty_get_status(status) == ICAL_STATUS_CANCELLED;
    const icaltimetype start = icalproperty_get_dtstart(dtstart);
    if (start.is_date) {
        facts.first_date = {start.year, start.month, start.day};
        return facts;
    }
    const UnixSeconds start_at = icaltime_as_timet_with_zone(start, zone_of(dtstart, start, base.get(), zone));
    UnixSeconds end_at = start_at + 3600;
    if (icalproperty* dtend = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY)) {
        const icaltimetype end = icalproperty_get_dtend(dtend);
        end_at = icaltime_as_timet_with_zone(end, zone_of(dtend, end, base.get(), zone));
    } else if (icalproperty* duration = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
        end_at = start_at + icaldurationtype_as_int(icalproperty_get_duration(duration));
    }
    const LocalDateTime local_start = zone.to_local(start_at);
    facts.first_date = local_start.date;
    facts.start_time = CivilTime{local_start.time.hour, local_start.time.minute, 0};
    const LocalDateTime local_end = zone.to_local(end_at);
    facts.end_time = CivilTime{local_end.time.hour, local_end.time.minute, 0};
    return facts;
}

std::optional<std::string> copy_of_calendar_event(const std::vector<SiteCalendar>& calendars, const std::string& uid)
{
    std::optional<std::string> copy;
    each_calendar_event(calendars, [&](icalcomponent* calendar, icalcomponent* event) {
        const char* event_uid = icalcomponent_get_uid(event);
        if (event_uid == nullptr || event_uid != uid
            || icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY) != nullptr)
            return;
        ComponentPtr single(icalcomponent_new_vcalendar());
        icalcomponent_add_property(single.get(), icalproperty_new_version("2.0"));
        for (icalcomponent* timezone = icalcomponent_get_first_component(calendar, ICAL_VTIMEZONE_COMPONENT);
             timezone != nullptr; timezone = icalcomponent_get_next_component(calendar, ICAL_VTIMEZONE_COMPONENT))
            icalcomponent_add_component(single.get(), icalcomponent_new_clone(timezone));
        icalcomponent_add_component(single.get(), icalcomponent_new_clone(event));
        char* text = icalcomponent_as_ical_string_r(single.get());
        copy = text ? text : "";
        free(text);
    });
    return copy;
}

std::set<std::string> calendar_event_uids(const std::vector<SiteCalendar>& calendars)
{
    std::set<std::string> uids;
    each_calendar_event(calendars, [&](icalcomponent*, icalcomponent* event) {
        if (const char* uid = icalcomponent_get_uid(event))
            uids.insert(uid);
    });
    return uids;
}

std::vector<EventEdit> orphaned_edits(const std::vector<SiteCalendar>& calendars, const std::vector<EventEdit>& edits)
{
    std::set<std::string> known = calendar_event_uids(calendars);
    for (const EventEdit& edit : edits)
        if (edit.kind == EditKind::NewEvent)
            known.insert(edit.uid);
    std::vector<EventEdit> orphans;
    for (const EventEdit& edit : edits)
        if (!known.count(edit.uid))
            orphans.push_back(edit);
    return orphans;
}

} // namespace olohuone::server
