// Staff's programme edits made on a kiosk (programme.edit records, docs/api.md) on the
// real server over real HTTPS: the records are made by the kiosk's own store code and
// posted with the kiosk's token as its sync posts them. Each action is in the programme
// the site's kiosks fetch next (read back with the kiosk's importer); a kiosk edit older
// than a coordinator's edit of the same occurrence, or of an occurrence the programme
// does not have, is kept but not applied and listed on the week page; a malformed one
// is refused with the field named.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <ctime>

#include "core/programme_edit.h"
#include "core/programme_import.h"
#include "core/time_zone.h"
#include "kiosk_edit_records.h"
#include "store/record_key.h"
#include "web/iso_week.h"
#include "web_fixture.h"

namespace olohuone::testing {
namespace {

// A weekly coffee morning on Tuesdays 10.00–11.30 since 2025.
const std::string kiosk_edits_calendar =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone//test//FI\r\n"
    "BEGIN:VEVENT\r\nUID:kahvi@test\r\nDTSTAMP:20250101T000000Z\r\n"
    "DTSTART;TZID=Europe/Helsinki:20250107T100000\r\nDTEND;TZID=Europe/Helsinki:20250107T113000\r\n"
    "RRULE:FREQ=WEEKLY\r\nSUMMARY:Kahviaamu\r\nLOCATION:Olohuone\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";

class ServerKioskEditsTest : public WebFixture {
protected:
    void SetUp() override
    {
        add_coordinator("maija.virtanen", {{std::stoll(site_1)}, false, {}});
        ASSERT_EQ(browser.log_in("maija.virtanen", good_password).status, 303);
        token = WebClient::csrf_of(browser.get("/kiosks").body);
        const HttpAnswer uploaded = browser.post_files("/sites/" + site_1 + "/calendars", {{"csrf", token}},
                                                       {{"calendars", "viikko.ics", kiosk_edits_calendar}});
        ASSERT_EQ(uploaded.status, 303);
    }

    ServerProcess server{config, log_file()};
    WebClient browser{server.port(), certificates.ca};
    std::string token;
    const TimeZone helsinki = TimeZone::named("Europe/Helsinki").value();
    const UnixSeconds now = std::time(nullptr);
    // The coffee morning of the Tuesday two weeks on: in every window the server and the
    // kiosks read, whatever day the test runs.
    const CivilDate tuesday = [this] {
        const CivilDate today = helsinki.to_local(now).date;
        const int to_tuesday = (static_cast<int>(Weekday::Tuesday) - static_cast<int>(today.weekday()) + 7) % 7;
        return today.plus_days(to_tuesday + 14);
    }();
    const UnixSeconds coffee = helsinki.to_instant({tuesday, {10, 0, 0}});
    const std::string week = server::web::iso_week_text(server::web::iso_week_of(tuesday));

    // The kiosk's own database, where its store code makes the records.
    test::TempDir kiosk_dir;
    store::Store kiosk = store::Store::open(kiosk_dir.file("olohuone.sqlite3")).value();

    ProgrammeEdit edit_of_coffee(EditAction action)
    {
        return programme_edit(action, "kahvi@test", coffee);
    }

    nlohmann::json record_of(const ProgrammeEdit& edit, store::RecordTime time)
    {
        return kiosk_edit_record(kiosk, edit, time);
    }

    nlohmann::json post(const nlohmann::json& record)
    {
        const nlohmann::json result = post_record(url(server, "/v1/records"), certificates.ca, kiosk_1, record);
        return result.is_object() ? result : nlohmann::json::object();
    }

    std::string deliver(const ProgrammeEdit& edit, store::RecordTime time)
    {
        return post(record_of(edit, time)).value("status", "");
    }

    HttpAnswer kiosk_answer()
    {
        return send({.url = url(server, "/v1/sites/" + site_1 + "/programme"),
                     .token = kiosk_1,
                     .ca = certificates.ca,
                     .get = true});
    }
    std::string etag() { return kiosk_answer().header("ETag"); }

    // What the site's kiosks read from the programme they fetch, around the coffee morning.
    std::vector<Occurrence> kiosk_shows()
    {
        const HttpAnswer answer = kiosk_answer();
        EXPECT_EQ(answer.status, 200);
        const auto json = nlohmann::json::parse(answer.body, nullptr, false);
        std::vector<CalendarFile> files;
        for (const auto& calendar : json.value("calendars", nlohmann::json::array()))
            files.push_back({calendar.value("name", ""), calendar.value("ics", "")});
        auto imported = import_programme(files, helsinki, {coffee - 7 * 86400, coffee + 14 * 86400});
        EXPECT_TRUE(imported.ok()) << (imported.ok() ? "" : imported.error().message);
        return imported.ok() ? imported->occurrences : std::vector<Occurrence>();
    }

    std::optional<Occurrence> shown(const std::string& uid, UnixSeconds instance)
    {
        for (const Occurrence& occurrence : kiosk_shows())
            if (occurrence.uid == uid && occurrence.instance == instance)
                return occurrence;
        return std::nullopt;
    }

    std::string week_text() { return visible_text(browser.get("/sites/" + site_1 + "/week?week=" + week).body); }

    // A coordinator's cancellation of the coffee morning on the week page.
    void coordinator_cancels()
    {
        const HttpAnswer cancelled = browser.post_form("/sites/" + site_1 + "/events/cancel",
                                                       {{"uid", "kahvi@test"},
                                                        {"instance", std::to_string(coffee)},
                                                        {"week", week},
                                                        {"scope", "occurrence"},
                                                        {"action", "cancel"},
                                                        {"csrf", token}});
        ASSERT_EQ(cancelled.status, 303);
    }
};

TEST_F(ServerKioskEditsTest, EachActionIsInTheProgrammeTheKiosksFetchNext)
{
    std::string before = etag();
    const ProgrammeEdit cancel = edit_of_coffee(EditAction::Cancel);
    ASSERT_EQ(deliver(cancel, {now - 600, true}), "stored");
    EXPECT_NE(etag(), before);
    ASSERT_TRUE(shown("kahvi@test", coffee));
    EXPECT_EQ(shown("kahvi@test", coffee)->status, EventStatus::Cancelled);
    EXPECT_TRUE(edit_shows_in(cancel, *shown("kahvi@test", coffee)));
    const auto next_week = shown("kahvi@test", coffee + 7 * 86400);
    ASSERT_TRUE(next_week);
    EXPECT_EQ(next_week->status, EventStatus::Scheduled) << "only that occurrence";
    EXPECT_NE(week_text().find("Kahviaamu Peruttu Paikka: Olohuone Peruttu kioskilla aula"), std::string::npos)
        << week_text();

    // The same record again (the kiosk did not hear the answer): nothing changes.
    before = etag();
    EXPECT_EQ(post(record_of(cancel, {now - 600, true})).value("status", ""), "duplicate");
    EXPECT_EQ(etag(), before);

    const ProgrammeEdit restore = edit_of_coffee(EditAction::Restore);
    ASSERT_EQ(deliver(restore, {now - 500, true}), "stored");
    EXPECT_EQ(shown("kahvi@test", coffee)->status, EventStatus::Scheduled);
    EXPECT_TRUE(edit_shows_in(restore, *shown("kahvi@test", coffee)));

    ProgrammeEdit change = edit_of_coffee(EditAction::Change);
    change.start = coffee + 1800;
    change.end = coffee + 7200;
    change.capacity = 8;
    change.location = "Sali 2";
    ASSERT_EQ(deliver(change, {now - 400, true}), "stored");
    const auto changed = shown("kahvi@test", coffee);
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->start, coffee + 1800);
    EXPECT_EQ(changed->end, coffee + 7200);
    EXPECT_EQ(changed->capacity, 8);
    EXPECT_EQ(changed->location.default_text(), "Sali 2");
    EXPECT_EQ(changed->title.default_text(), "Kahviaamu") << "the title stays the calendar's";
    EXPECT_TRUE(edit_shows_in(change, *changed));
    EXPECT_NE(week_text().find("10.30–12.00 Kahviaamu Paikka: Sali 2 Siirretty"), std::string::npos) << week_text();
    EXPECT_NE(week_text().find("Muutettu kioskilla aula"), std::string::npos) << week_text();

    // A one-off event, Wednesday 13.00–14.00, under the UID the kiosk made.
    ProgrammeEdit add = programme_edit(EditAction::Add, store::new_record_key() + "@kiosk.olohuone",
                                       helsinki.to_instant({tuesday.plus_days(1), {13, 0, 0}}));
    add.start = add.instance;
    add.end = add.start + 3600;
    // Added from a template, with the template's Swedish and English titles.
    add.title = LocalizedText("Kahvihetki");
    add.title.set("sv", "Kaffestund");
    add.title.set("en", "Coffee break");
    add.location = "Olohuone";
    add.capacity = 20;
    ASSERT_EQ(deliver(add, {now - 300, true}), "stored");
    const auto added = shown(add.uid, add.instance);
    ASSERT_TRUE(added);
    EXPECT_EQ(added->title.default_text(), "Kahvihetki");
    EXPECT_EQ(added->title.in("sv"), "Kaffestund") << "the kiosks of the site read it in Swedish";
    EXPECT_EQ(added->title.in("en"), "Coffee break");
    EXPECT_EQ(added->end, add.end);
    EXPECT_EQ(added->capacity, 20);
    EXPECT_TRUE(edit_shows_in(add, *added));
    EXPECT_NE(week_text().find("13.00–14.00 Kahvihetki Paikka: Olohuone Lisätty kioskilla aula"), std::string::npos)
        << week_text();
    EXPECT_EQ(week_text().find("eivät tulleet voimaan"), std::string::npos) << "every edit came into effect";
}

TEST_F(ServerKioskEditsTest, AKioskEditOlderThanTheCoordinatorsIsKeptButNotAppliedAndListed)
{
    coordinator_cancels();
    const std::string before = etag();
    // Made on the kiosk an hour ago, by a clock known to be right: older than the page's.
    ProgrammeEdit change = edit_of_coffee(EditAction::Change);
    change.start = coffee + 3600;
    change.end = coffee + 7200;
    change.location = "Sali 2";
    ASSERT_EQ(deliver(change, {now - 3600, true}), "stored") << "kept, so the kiosk does not send it again";
    EXPECT_EQ(etag(), before);
    const auto occurrence = shown("kahvi@test", coffee);
    ASSERT_TRUE(occurrence);
    EXPECT_EQ(occurrence->status, EventStatus::Cancelled);
    EXPECT_EQ(occurrence->start, coffee);
    EXPECT_FALSE(edit_shows_in(change, *occurrence)) << "the kiosk's staff see it overruled";

    const std::string text = week_text();
    EXPECT_NE(text.find("Kioskien muutokset, jotka eivät tulleet voimaan"), std::string::npos) << text;
    const std::string day = std::to_string(tuesday.day) + "." + std::to_string(tuesday.month) + ".";
    EXPECT_NE(text.find("Kahviaamu, ti " + day), std::string::npos) << text;
    EXPECT_NE(text.find("Kioski aula, tehty"), std::string::npos) << text;
    EXPECT_NE(text.find("Yritti muuttaa:"), std::string::npos) << text;
    EXPECT_NE(text.find("11.00–12.00, paikka Sali 2, ei paikkarajaa."), std::string::npos) << text;
    EXPECT_NE(text.find("Ei voimassa: samaa kertaa muutettiin myöhemmin tällä sivulla."), std::string::npos) << text;

    // A kiosk whose clock was not known to be right: its edit counts from when it
    // arrived, later than the page's, and wins.
    const ProgrammeEdit restore = edit_of_coffee(EditAction::Restore);
    ASSERT_EQ(deliver(restore, {now - 7200, false}), "stored");
    EXPECT_EQ(shown("kahvi@test", coffee)->status, EventStatus::Scheduled);
}

TEST_F(ServerKioskEditsTest, AnEditOfAnOccurrenceTheProgrammeDoesNotHaveIsListed)
{
    const std::string before = etag();
    ProgrammeEdit cancel = programme_edit(EditAction::Cancel, "poistettu@test", coffee);
    ASSERT_EQ(deliver(cancel, {now - 60, true}), "stored");
    EXPECT_EQ(etag(), before) << "nothing to apply it to";
    // The coffee morning's occurrence that never was: a Wednesday.
    const ProgrammeEdit wrong_day = programme_edit(EditAction::Cancel, "kahvi@test", coffee + 86400);
    ASSERT_EQ(deliver(wrong_day, {now - 30, true}), "stored");
    EXPECT_EQ(etag(), before);
    EXPECT_EQ(shown("kahvi@test", coffee)->status, EventStatus::Scheduled);

    const std::string text = week_text();
    EXPECT_NE(text.find("Kioskien muutokset, jotka eivät tulleet voimaan"), std::string::npos) << text;
    EXPECT_NE(text.find("Tapahtuma, jota ei ole ohjelmassa"), std::string::npos) << text;
    EXPECT_NE(text.find("Yritti: perua tämän kerran."), std::string::npos) << text;
    const auto reason = text.find("Ei voimassa: tapahtumaa ei ole ohjelmassa.");
    ASSERT_NE(reason, std::string::npos) << text;
    EXPECT_NE(text.find("Ei voimassa: tapahtumaa ei ole ohjelmassa.", reason + 1), std::string::npos)
        << "both are listed";
}

TEST_F(ServerKioskEditsTest, AMalformedProgrammeEditIsRefusedWithTheFieldNamed)
{
    const std::string before = etag();
    ProgrammeEdit change = edit_of_coffee(EditAction::Change);
    change.start = coffee;
    change.end = coffee + 3600;
    change.capacity = 8;
    nlohmann::json record = record_of(change, {now, true});
    record["payload"]["values"]["capacity"] = 1000;
    const nlohmann::json result = post(record);
    EXPECT_EQ(result.value("status", ""), "invalid");
    EXPECT_EQ(result.value("reason", ""), "payload.values.capacity must be null or a whole number from 1 to 999");
    record["payload"]["values"]["capacity"] = 8;
    record["payload"]["event"].erase("uid");
    EXPECT_EQ(post(record).value("reason", ""), "payload.event.uid is missing");
    EXPECT_EQ(etag(), before);
    EXPECT_EQ(stored("SELECT count(*) FROM record"), 0);
    EXPECT_EQ(week_text().find("eivät tulleet voimaan"), std::string::npos);
}

} // namespace
} // namespace olohuone::testing
