#include "report_records.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdio>

#include "core/time_zone.h"

namespace olohuone::testing {
namespace {

using nlohmann::json;

UnixSeconds local(int month, int day, int hour, int minute = 0)
{
    static const TimeZone helsinki = TimeZone::named("Europe/Helsinki").value();
    return helsinki.to_instant({{2026, month, day}, {hour, minute, 0}});
}

std::string next_key()
{
    static int count = 0;
    char key[40];
    std::snprintf(key, sizeof key, "00000000-0000-4000-8000-%012d", ++count);
    return key;
}

json time_at(UnixSeconds at) { return {{"at", at}, {"clock_synced", true}}; }

json visitor(const std::string& key, const std::string& name, const std::string& group)
{
    return {{"key", key}, {"name", name}, {"group", group}, {"marker", ""}};
}

json activity(const std::string& uid, UnixSeconds start) { return {{"uid", uid}, {"instance", start}, {"start", start}}; }

json record(const std::string& kind, json payload, UnixSeconds at)
{
    payload["time"] = time_at(at);
    return {{"key", next_key()}, {"kind", kind}, {"payload", payload}, {"created_at", at}, {"clock_synced", true}};
}

// A visitor who signs in, with their key at their site.
struct Person {
    std::string key;
    std::string name;
    std::string group;
};
const Person aino{"v-aino", "Aino Äijälä", "resident"};
const Person pekka{"v-pekka", "Pekka Öhman", "relative"};
const Person matti{"v-matti", "Matti Virtanen", "volunteer"};
// At site 2, with the same key text as Aino's at site 1: another person all the same.
const Person liisa{"v-aino", "Liisa Ääri", "resident"};

json sign_in(const Person& person, UnixSeconds at, const std::string& key = next_key())
{
    return record("visit.sign_in",
                  {{"visit", key}, {"group", person.group}, {"visitor", visitor(person.key, person.name, person.group)}},
                  at);
}

json counted(const std::string& group, UnixSeconds at, const std::string& key = next_key())
{
    return record("visit.counted", {{"visit", key}, {"group", group}}, at);
}

json count_taken_back(const std::string& key, UnixSeconds at)
{
    return record("visit.withdrawn", {{"visit", key}}, at);
}

json registration(const std::string& id, const json& what, const Person& person, UnixSeconds at)
{
    return record("registration.add",
                  {{"registration", id},
                   {"activity", what},
                   {"visitor", visitor(person.key, person.name, person.group)},
                   {"standing", {{"coming", true}, {"queue_position", 0}}}},
                  at);
}

json cancellation(const std::string& id, const json& what, UnixSeconds at)
{
    return record("registration.cancel", {{"registration", id}, {"activity", what}}, at);
}

json here(const std::string& id, const json& what, const Person& person, UnixSeconds at)
{
    return record("attendance.here",
                  {{"attendance", id}, {"activity", what}, {"visitor", visitor(person.key, person.name, person.group)}},
                  at);
}

json anonymous_here(const std::string& id, const json& what, UnixSeconds at)
{
    return record("attendance.counted", {{"attendance", id}, {"activity", what}}, at);
}

json withdrawal(const std::string& attendance, const json& what, UnixSeconds at)
{
    return record("attendance.withdrawn", {{"attendance", attendance}, {"activity", what}}, at);
}

void deliver(const std::string& url, const std::string& ca, const std::string& token, const json& records)
{
    const HttpAnswer answer = send({.url = url, .body = json{{"records", records}}.dump(), .token = token, .ca = ca});
    ASSERT_EQ(answer.status, 200) << answer.body;
    const json results = json::parse(answer.body)["results"];
    ASSERT_EQ(results.size(), records.size());
    for (const json& result : results)
        EXPECT_EQ(result["status"], "stored") << result.dump();
}

} // namespace

std::string report_programme_ics()
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone//report test//FI\r\n"
           "BEGIN:VEVENT\r\nUID:tuolijumppa@test\r\nDTSTAMP:20250101T000000Z\r\n"
           "DTSTART;TZID=Europe/Helsinki:20250107T100000\r\nDTEND;TZID=Europe/Helsinki:20250107T110000\r\n"
           "RRULE:FREQ=WEEKLY\r\nSUMMARY:Tuolijumppa\r\nEND:VEVENT\r\n"
           "BEGIN:VEVENT\r\nUID:kuoro@test\r\nDTSTAMP:20250101T000000Z\r\n"
           "DTSTART;TZID=Europe/Helsinki:20250109T140000\r\nDTEND;TZID=Europe/Helsinki:20250109T150000\r\n"
           "RRULE:FREQ=WEEKLY\r\nSUMMARY:Kuoro \"Äänet\"\\, harjoitus\r\nEND:VEVENT\r\n"
           "BEGIN:VEVENT\r\nUID:kuoro@test\r\nDTSTAMP:20250101T000000Z\r\n"
           "RECURRENCE-ID;TZID=Europe/Helsinki:20261105T140000\r\n"
           "DTSTART;TZID=Europe/Helsinki:20261105T140000\r\nDTEND;TZID=Europe/Helsinki:20261105T150000\r\n"
           "SUMMARY:Kuoro \"Äänet\"\\, harjoitus\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n"
           "END:VCALENDAR\r\n";
}

void deliver_report_records(const std::string& records_url, const std::string& ca, const std::string& kiosk_1,
                            const std::string& kiosk_2)
{
    // Site 1's visits: six sign-ins (Aino three times, Pekka twice, Matti once) and three
    // counted without a name within the period (a fourth taken back at once by the
    // visitor; a seventh sign-in, opened by an attendance mark, taken back with the
    // mark), and one of each kind just outside it.
    const json visits_1 = {
        sign_in(aino, local(10, 25, 23, 30)), // Sunday before the period
        sign_in(aino, local(10, 26, 0, 10)),  // Mon 26.10., week 44
        sign_in(aino, local(10, 27, 10, 0)),  // Tue 27.10.
        sign_in(pekka, local(10, 27, 10, 5)),
        counted("resident", local(10, 27, 10, 30)),
        counted("volunteer", local(10, 27, 11, 0)),
        counted("other", local(10, 27, 11, 5), "c-slip"),
        count_taken_back("c-slip", local(10, 27, 11, 5)),
        sign_in(matti, local(10, 27, 11, 10), "v-mark-slip"),
        count_taken_back("v-mark-slip", local(10, 27, 11, 20)),
        sign_in(aino, local(10, 31, 12, 0)),  // Sat 31.10.
        sign_in(matti, local(11, 1, 12, 0)),  // Sun 1.11.: week 44, November
        counted("resident", local(11, 2, 9, 0)), // Mon 2.11., week 45
        sign_in(pekka, local(11, 10, 23, 50)), // Tue 10.11., week 46, the period's last day
        counted("resident", local(11, 11, 0, 5)), // after the period
    };
    // Site 1's activities.
    const json jumppa_27 = activity("tuolijumppa@test", local(10, 27, 10));
    const json jumppa_3 = activity("tuolijumppa@test", local(11, 3, 10));
    const json jumppa_20 = activity("tuolijumppa@test", local(10, 20, 10)); // before the period
    const json kuoro_29 = activity("kuoro@test", local(10, 29, 14));
    const json kuoro_5 = activity("kuoro@test", local(11, 5, 14)); // cancelled in the programme
    const json activities_1 = {
        // Tuolijumppa 27.10.: three registered, Matti cancelled; Aino and Pekka there, two
        // counted without a name and one of those counts taken back by staff.
        registration("r-aino-27", jumppa_27, aino, local(10, 26, 12)),
        registration("r-pekka-27", jumppa_27, pekka, local(10, 26, 12, 5)),
        registration("r-matti-27", jumppa_27, matti, local(10, 26, 12, 10)),
        cancellation("r-matti-27", jumppa_27, local(10, 27, 8)),
        here("a-aino-27", jumppa_27, aino, local(10, 27, 9, 55)),
        here("a-pekka-27", jumppa_27, pekka, local(10, 27, 9, 56)),
        anonymous_here("a-anon-27-1", jumppa_27, local(10, 27, 10, 1)),
        anonymous_here("a-anon-27-2", jumppa_27, local(10, 27, 10, 2)),
        withdrawal("a-anon-27-2", jumppa_27, local(10, 27, 10, 3)),
        // Tuolijumppa 3.11.: Aino registered, was marked here, then marked absent.
        registration("r-aino-3", jumppa_3, aino, local(11, 2, 12)),
        here("a-aino-3", jumppa_3, aino, local(11, 3, 9, 58)),
        withdrawal("a-aino-3", jumppa_3, local(11, 3, 10, 15)),
        // Kuoro 29.10.: three counted without a name.
        anonymous_here("a-kuoro-1", kuoro_29, local(10, 29, 14)),
        anonymous_here("a-kuoro-2", kuoro_29, local(10, 29, 14, 1)),
        anonymous_here("a-kuoro-3", kuoro_29, local(10, 29, 14, 2)),
        // Kuoro 5.11. (cancelled): Matti had registered.
        registration("r-matti-5", kuoro_5, matti, local(11, 1, 12, 5)),
        // The week before the period.
        anonymous_here("a-jumppa-20", jumppa_20, local(10, 20, 10)),
    };
    // Site 2: Liisa signs in once, one visit counted; a reading circle no longer in any
    // programme (the site has none) that Liisa attended.
    const json lukupiiri = activity("@lukupiiri", local(11, 4, 15));
    const json site_2 = {
        sign_in(liisa, local(10, 27, 13)),
        counted("resident", local(11, 5, 13)),
        here("a-liisa-4", lukupiiri, liisa, local(11, 4, 15)),
    };
    deliver(records_url, ca, kiosk_1, visits_1);
    deliver(records_url, ca, kiosk_1, activities_1);
    deliver(records_url, ca, kiosk_2, site_2);
}

} // namespace olohuone::testing
