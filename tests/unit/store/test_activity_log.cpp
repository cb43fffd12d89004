// Registrations, cancellations, waiting-list moves and attendance in a real SQLite file:
// the places as a visitor would read them, each record once with its outbox row however
// often the screen repeats it, and the last place given once when two writers race.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <thread>

#include "core/programme_import.h"
#include "store/activity_log.h"
#include "store/migrations.h"
#include "store/record_key.h"
#include "store/store.h"
#include "store/visit_log.h"
#include "store_test_support.h"
#include "support/instants.h"

namespace olohuone::store {
namespace {

using test::TempDir;

// Mon 23 Nov 2026 12:00 in Helsinki: the day before the activity.
constexpr UnixSeconds monday_noon = 1795428000;
using olohuone::test::tuesday_ten; // Tue 24 Nov 2026 10:00 in Helsinki

Occurrence gymnastics(std::optional<int> capacity = 3)
{
    Occurrence activity;
    activity.uid = "tuolijumppa@olohuone";
    activity.instance = tuesday_ten;
    activity.start = tuesday_ten;
    activity.end = tuesday_ten + 3600;
    activity.capacity = capacity;
    activity.title.set_default("Tuolijumppa");
    return activity;
}

using test::named;

class ActivityLogTest : public ::testing::Test {
protected:
    TempDir dir;
    Store store = open();
    ActivityLog log{store.database()};
    UnixSeconds clock = monday_noon;

    Store open()
    {
        auto opened = Store::open(dir.file("olohuone.sqlite3"));
        EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
        return std::move(opened).value();
    }

    std::int64_t count(const std::string& sql) { return store.database().query_int(sql).value(); }

    // A registration a minute after the one before.
    RegistrationReceipt register_ok(const Occurrence& activity, const std::string& name,
                                    const std::string& key = new_record_key())
    {
        clock += 60;
        auto receipt = log.register_visitor(activity, named(name), key, {clock, true});
        EXPECT_TRUE(receipt.ok()) << (receipt.ok() ? "" : receipt.error().message);
        return receipt.ok() ? receipt.value() : RegistrationReceipt{};
    }

    std::int64_t visitor_id(const std::string& name)
    {
        auto select = store.database().prepare("SELECT id FROM visitor WHERE name = ?");
        select->bind(1, name);
        EXPECT_TRUE(select->step().value()) << name;
        return select->column_int(0);
    }

    CancellationReceipt cancel_ok(const Occurrence& activity, const std::string& name,
                                  const std::string& key = new_record_key())
    {
        clock += 60;
        auto receipt = log.cancel(activity, visitor_id(name), key, {clock, true});
        EXPECT_TRUE(receipt.ok()) << (receipt.ok() ? "" : receipt.error().message);
        return receipt.ok() ? receipt.value() : CancellationReceipt{};
    }

    std::vector<std::string> names_in_order(const Occurrence& activity)
    {
        std::vector<std::string> names;
        const auto registrants = log.registrants(activity);
        for (const Registrant& registrant : registrants.value())
            names.push_back(registrant.public_name + (registrant.coming ? "" : " #" + std::to_string(
                                                                                     registrant.queue_position)));
        return names;
    }

    std::vector<std::string> outbox_kinds()
    {
        auto select = store.database().prepare("SELECT kind FROM outbox ORDER BY id");
        return sql::collect_rows(*select, [](const sql::Statement& row) { return row.column_text(0); }).value();
    }
};

TEST_F(ActivityLogTest, PlacesGoInOrderOfRegistrationAndTheRestWait)
{
    const Occurrence activity = gymnastics(3);
    for (const char* name : {"Aino Korhonen", "Toivo Heikkinen", "Kerttu Mäkelä"})
        EXPECT_TRUE(register_ok(activity, name).coming) << name;
    const RegistrationReceipt fourth = register_ok(activity, "Veikko Koskinen");
    const RegistrationReceipt fifth = register_ok(activity, "Sirkka Järvinen");
    EXPECT_FALSE(fourth.coming);
    EXPECT_EQ(fourth.queue_position, 1);
    EXPECT_EQ(fifth.queue_position, 2);
    EXPECT_EQ(fifth.first_name, "Sirkka");

    const Places places = log.places(activity).value();
    EXPECT_EQ(places.coming, 3);
    EXPECT_EQ(places.waiting, 2);
    EXPECT_EQ(places.left(), 0);
    EXPECT_EQ(names_in_order(activity),
              (std::vector<std::string>{"Aino K.", "Toivo H.", "Kerttu M.", "Veikko K. #1", "Sirkka J. #2"}));
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE kind = 'registration.add'"), 5);
}

TEST_F(ActivityLogTest, ACancellationMovesTheFirstInTheQueueUpAndRecordsTheMove)
{
    const Occurrence activity = gymnastics(2);
    register_ok(activity, "Aino Korhonen");
    register_ok(activity, "Toivo Heikkinen");
    register_ok(activity, "Kerttu Mäkelä");
    register_ok(activity, "Veikko Koskinen");

    const CancellationReceipt receipt = cancel_ok(activity, "Toivo Heikkinen");
    EXPECT_EQ(receipt.first_name, "Toivo");
    EXPECT_EQ(receipt.promoted, 1);
    EXPECT_EQ(names_in_order(activity), (std::vector<std::string>{"Aino K.", "Kerttu M.", "Veikko K. #1"}));

    // The move names Kerttu's own registration and the cancellation that made it.
    const auto move = nlohmann::json::parse(
        store.database().query_text("SELECT payload FROM outbox WHERE kind = 'registration.promoted'").value());
    const std::string kerttu_key = store.database()
                                       .query_text("SELECT key FROM registration WHERE visitor_id = (SELECT id FROM "
                                                   "visitor WHERE name = 'Kerttu Mäkelä')")
                                       .value();
    EXPECT_EQ(move["registration"], kerttu_key);
    EXPECT_EQ(move["activity"]["uid"], activity.uid);
    EXPECT_EQ(outbox_kinds(), (std::vector<std::string>{"registration.add", "registration.add", "registration.add",
                                                        "registration.add", "registration.cancel",
                                                        "registration.promoted"}));

    // Someone in the queue cancelling moves nobody.
    EXPECT_EQ(cancel_ok(activity, "Veikko Koskinen").promoted, 0);
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE kind = 'registration.promoted'"), 1);
}

TEST_F(ActivityLogTest, StaffRestoreACancellationToItsOriginalPlaceAndWhoeverHadItWaitsAgain)
{
    const Occurrence activity = gymnastics(2);
    register_ok(activity, "Aino Korhonen");
    register_ok(activity, "Toivo Heikkinen");
    register_ok(activity, "Helmi Laine");
    register_ok(activity, "Veikko Koskinen");
    const std::string cancel_key = new_record_key();
    cancel_ok(activity, "Aino Korhonen", cancel_key);
    EXPECT_EQ(names_in_order(activity), (std::vector<std::string>{"Toivo H.", "Helmi L.", "Veikko K. #1"}));

    // Staff see the cancellation, and Helmi's move up, for staff's screens.
    const std::vector<Cancellation> cancelled = log.cancellations(activity).value();
    ASSERT_EQ(cancelled.size(), 1u);
    EXPECT_EQ(cancelled[0].name, "Aino Korhonen");
    EXPECT_EQ(cancelled[0].cancelled_at, clock);
    EXPECT_FALSE(cancelled[0].registered_again);
    std::vector<PlaceChange> changes = log.place_changes(activity).value();
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].name, "Helmi Laine");
    EXPECT_TRUE(changes[0].promoted);
    EXPECT_FALSE(changes[0].by_server);

    // A preview says what a restore would do and stores nothing.
    const std::int64_t outbox_before = count("SELECT count(*) FROM outbox");
    const std::string key = new_record_key();
    const RestoreReceipt preview =
        log.restore(activity, cancelled[0].registration_key, key, {clock + 60, true}, true).value();
    EXPECT_TRUE(preview.coming);
    EXPECT_EQ(preview.to_queue, (std::vector<std::string>{"Helmi Laine"}));
    EXPECT_EQ(count("SELECT count(*) FROM outbox"), outbox_before);
    EXPECT_EQ(names_in_order(activity), (std::vector<std::string>{"Toivo H.", "Helmi L.", "Veikko K. #1"}));

    clock += 60;
    const RestoreReceipt restored = log.restore(activity, cancelled[0].registration_key, key, {clock, true}).value();
    EXPECT_EQ(restored.name, "Aino Korhonen");
    EXPECT_TRUE(restored.coming);
    EXPECT_EQ(restored.to_queue, (std::vector<std::string>{"Helmi Laine"}));
    EXPECT_EQ(names_in_order(activity),
              (std::vector<std::string>{"Aino K.", "Toivo H.", "Helmi L. #1", "Veikko K. #2"}));
    changes = log.place_changes(activity).value();
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].name, "Helmi Laine");
    EXPECT_FALSE(changes[0].promoted);
    EXPECT_EQ(changes[0].queue_position, 1);
    EXPECT_TRUE(log.cancellations(activity).value().empty());

    // One record for the server, naming the registration and the cancellation it undoes.
    const auto record = nlohmann::json::parse(
        store.database().query_text("SELECT payload FROM outbox WHERE kind = 'registration.restore'").value());
    EXPECT_EQ(record["registration"], cancelled[0].registration_key);
    EXPECT_EQ(record["cancellation"], cancel_key);
    EXPECT_EQ(record["activity"]["capacity"], 2);
    // The same tap again changes nothing.
    EXPECT_TRUE(log.restore(activity, cancelled[0].registration_key, key, {clock + 5, true}).ok());
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE kind = 'registration.restore'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM registration_move"), 2);
}

TEST_F(ActivityLogTest, ACancellationIsNotRestoredOverARegistrationMadeAgain)
{
    const Occurrence activity = gymnastics(2);
    register_ok(activity, "Aino Korhonen");
    cancel_ok(activity, "Aino Korhonen");
    register_ok(activity, "Aino Korhonen");
    const std::vector<Cancellation> cancelled = log.cancellations(activity).value();
    ASSERT_EQ(cancelled.size(), 1u);
    EXPECT_TRUE(cancelled[0].registered_again);
    EXPECT_FALSE(log.restore(activity, cancelled[0].registration_key, new_record_key(), {clock, true}).ok());
    EXPECT_EQ(count("SELECT count(*) FROM registration WHERE cancelled_at IS NULL"), 1);
}

TEST_F(ActivityLogTest, TheServersOrderOfTheSitesPlacesDecidesAndItsMovesAreNotedForStaff)
{
    const Occurrence activity = gymnastics(1);
    const RegistrationReceipt aino = register_ok(activity, "Aino Korhonen");
    EXPECT_TRUE(aino.coming) << "alone, the kiosk gives the place";
    const std::string aino_key = store.database().query_text("SELECT key FROM registration").value();
    EXPECT_FALSE(log.site_decision(activity, aino_key).value()) << "the server has not answered";

    // Another kiosk's registration reached the server first: Aino waits.
    clock += 60;
    const SiteActivityPlaces answer{
        activity.uid, activity.instance, std::optional<int>(1), {{"other-kiosk-key", false}, {aino_key, false}}};
    EXPECT_EQ(log.take_site_places({answer}, clock).value(), 1);
    EXPECT_EQ(names_in_order(activity), (std::vector<std::string>{"Aino K. #1"}));
    const auto decided = log.site_decision(activity, aino_key).value();
    ASSERT_TRUE(decided);
    EXPECT_FALSE(decided->coming);
    EXPECT_EQ(decided->queue_position, 1);
    const Places places = log.places(activity).value();
    EXPECT_EQ(places.coming, 1);
    EXPECT_EQ(places.waiting, 1);
    std::vector<PlaceChange> changes = log.place_changes(activity).value();
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_TRUE(changes[0].by_server);
    EXPECT_FALSE(changes[0].promoted);
    EXPECT_EQ(changes[0].queue_position, 1);
    EXPECT_TRUE(log.registrants(activity).value()[0].known_to_server);

    // Registered here after that answer: after the server's order, until it answers.
    const RegistrationReceipt toivo = register_ok(activity, "Toivo Heikkinen");
    EXPECT_EQ(toivo.queue_position, 2);
    EXPECT_FALSE(log.registrants(activity).value()[1].known_to_server);

    // The other kiosk's visitor cancels: Aino gets the place, and staff here see it. The
    // same answer again moves nobody.
    const SiteActivityPlaces after_cancel{
        activity.uid, activity.instance, std::optional<int>(1), {{"other-kiosk-key", true}, {aino_key, false}}};
    EXPECT_EQ(log.take_site_places({after_cancel}, clock + 60).value(), 1);
    EXPECT_EQ(log.take_site_places({after_cancel}, clock + 120).value(), 0);
    EXPECT_EQ(names_in_order(activity), (std::vector<std::string>{"Aino K.", "Toivo H. #1"}));
    changes = log.place_changes(activity).value();
    EXPECT_TRUE(changes[0].promoted);
    EXPECT_EQ(changes[0].name, "Aino Korhonen");

    // A cancellation here that the server has not heard of counts here at once.
    cancel_ok(activity, "Aino Korhonen");
    EXPECT_EQ(names_in_order(activity), (std::vector<std::string>{"Toivo H."}));
}

TEST_F(ActivityLogTest, ARepeatedConfirmIsTheSameRegistrationAndASecondOneIsNotAPlace)
{
    const Occurrence activity = gymnastics(3);
    const std::string key = new_record_key();
    register_ok(activity, "Aino Korhonen", key);
    const RegistrationReceipt again = register_ok(activity, "Aino Korhonen", key);
    EXPECT_TRUE(again.coming);
    EXPECT_FALSE(again.already);

    // A new registration by the same person (another walk to the kiosk) says so.
    const RegistrationReceipt second = register_ok(activity, "Aino Korhonen");
    EXPECT_TRUE(second.already);
    EXPECT_EQ(count("SELECT count(*) FROM registration"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM outbox"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM visitor"), 1);
}

TEST_F(ActivityLogTest, ARepeatedCancellationIsOneCancellationAndTheVisitorCanRegisterAgainAtTheEnd)
{
    const Occurrence activity = gymnastics(1);
    register_ok(activity, "Aino Korhonen");
    register_ok(activity, "Toivo Heikkinen");
    const std::string key = new_record_key();
    EXPECT_EQ(cancel_ok(activity, "Aino Korhonen", key).promoted, 1);
    EXPECT_EQ(cancel_ok(activity, "Aino Korhonen", key).promoted, 0);
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE kind = 'registration.cancel'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE kind = 'registration.promoted'"), 1);

    // Not registered any more: another cancellation is an error, not a record.
    auto nothing = log.cancel(activity, visitor_id("Aino Korhonen"), new_record_key(), {clock, true});
    EXPECT_FALSE(nothing.ok());

    const RegistrationReceipt back = register_ok(activity, "Aino Korhonen");
    EXPECT_FALSE(back.already);
    EXPECT_EQ(back.queue_position, 1);
    EXPECT_EQ(count("SELECT count(*) FROM registration"), 3); // the cancelled one stays
}

TEST_F(ActivityLogTest, WithoutALimitEveryoneIsComing)
{
    const Occurrence activity = gymnastics(std::nullopt);
    for (int i = 0; i < 30; ++i)
        EXPECT_TRUE(register_ok(activity, "Kävijä " + std::string(1, static_cast<char>('A' + i % 26))
                                              + std::string(1, static_cast<char>('a' + i / 26)))
                        .coming);
    const Places places = log.places(activity).value();
    EXPECT_EQ(places.coming, 30);
    EXPECT_EQ(places.left(), std::nullopt);
}

TEST_F(ActivityLogTest, AnOccurrenceMovedByRecurrenceIdKeepsItsRegistrations)
{
    const TimeZone zone = TimeZone::named("Europe/Helsinki").value();
    const std::string series = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                               "BEGIN:VEVENT\r\nUID:jumppa@test\r\nDTSTAMP:20261101T000000Z\r\n"
                               "DTSTART;TZID=Europe/Helsinki:20261103T100000\r\nDURATION:PT1H\r\n"
                               "RRULE:FREQ=WEEKLY;BYDAY=TU\r\nSUMMARY:Tuolijumppa\r\nX-OLOHUONE-CAPACITY:2\r\n"
                               "END:VEVENT\r\n";
    const std::string moved = "BEGIN:VEVENT\r\nUID:jumppa@test\r\nDTSTAMP:20261120T000000Z\r\n"
                              "RECURRENCE-ID;TZID=Europe/Helsinki:20261124T100000\r\n"
                              "DTSTART;TZID=Europe/Helsinki:20261124T140000\r\nDURATION:PT1H\r\n"
                              "SUMMARY:Tuolijumppa\r\nEND:VEVENT\r\n";
    const ImportWindow window{zone.start_of_day({2026, 11, 24}), zone.start_of_day({2026, 11, 25})};
    const auto before = import_programme({{"weekly.ics", series + "END:VCALENDAR\r\n"}}, zone, window).value();
    ASSERT_EQ(before.occurrences.size(), 1u);
    register_ok(before.occurrences[0], "Aino Korhonen");
    register_ok(before.occurrences[0], "Toivo Heikkinen");
    register_ok(before.occurrences[0], "Kerttu Mäkelä");

    // Staff move Tuesday's session to the afternoon: the same activity, the same people.
    const auto after = import_programme({{"weekly.ics", series + moved + "END:VCALENDAR\r\n"}}, zone, window).value();
    ASSERT_EQ(after.occurrences.size(), 1u);
    const Occurrence& afternoon = after.occurrences[0];
    ASSERT_NE(afternoon.start, before.occurrences[0].start);
    EXPECT_EQ(names_in_order(afternoon), (std::vector<std::string>{"Aino K.", "Toivo H.", "Kerttu M. #1"}));
    // The capacity came from the series, as the override did not change it.
    EXPECT_EQ(log.places(afternoon).value().capacity, 2);
}

TEST_F(ActivityLogTest, AttendanceIsItsOwnRecordForRegisteredWalkInAndAnonymousVisitors)
{
    const Occurrence activity = gymnastics(3);
    register_ok(activity, "Aino Korhonen");
    register_ok(activity, "Toivo Heikkinen");
    const store::RecordTime at{tuesday_ten - 300, true};

    auto aino = log.mark_here(activity, named("Aino Korhonen"), new_record_key(), at);
    ASSERT_TRUE(aino.ok());
    EXPECT_EQ(aino->first_name, "Aino");
    auto walk_in = log.mark_here(activity, named("Reino Karjalainen"), new_record_key(), at);
    ASSERT_TRUE(walk_in.ok());
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(log.mark_here(activity, std::nullopt, new_record_key(), at).ok());

    EXPECT_EQ(log.here_counts(activity).value(), (std::pair{2, 3}));
    // Registered and came, registered and did not come, walk-in: all readable from the
    // records, and the registration stays as it was.
    const auto registrants = log.registrants(activity).value();
    ASSERT_EQ(registrants.size(), 2u);
    EXPECT_TRUE(registrants[0].here);
    EXPECT_FALSE(registrants[1].here);
    EXPECT_EQ(count("SELECT count(*) FROM registration WHERE cancelled_at IS NULL"), 2);

    const auto came = nlohmann::json::parse(
        store.database()
            .query_text("SELECT payload FROM outbox WHERE kind = 'attendance.here' ORDER BY id LIMIT 1")
            .value());
    EXPECT_TRUE(came.contains("registration"));
    const auto walked_in = nlohmann::json::parse(
        store.database()
            .query_text("SELECT payload FROM outbox WHERE kind = 'attendance.here' ORDER BY id DESC LIMIT 1")
            .value());
    EXPECT_FALSE(walked_in.contains("registration"));
    EXPECT_EQ(walked_in["visitor"]["name"], "Reino Karjalainen");
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE kind = 'attendance.counted'"), 3);
}

TEST_F(ActivityLogTest, AttendanceIsOncePerPersonAndOncePerKey)
{
    const Occurrence activity = gymnastics(3);
    const store::RecordTime at{tuesday_ten, true};
    const std::string key = new_record_key();
    ASSERT_TRUE(log.mark_here(activity, named("Aino Korhonen"), key, at).ok());
    auto repeated = log.mark_here(activity, named("Aino Korhonen"), key, at);
    ASSERT_TRUE(repeated.ok());
    EXPECT_FALSE(repeated->already);
    auto again = log.mark_here(activity, named("Aino Korhonen"), new_record_key(), at);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->already);
    const std::string anonymous_key = new_record_key();
    ASSERT_TRUE(log.mark_here(activity, std::nullopt, anonymous_key, at).ok());
    ASSERT_TRUE(log.mark_here(activity, std::nullopt, anonymous_key, at).ok());
    EXPECT_EQ(log.here_counts(activity).value(), (std::pair{1, 1}));
    EXPECT_EQ(count("SELECT count(*) FROM outbox"), 2);
}

TEST_F(ActivityLogTest, AMarkTakenBackIsARecordNamingItAndThePersonCanBeMarkedAgain)
{
    const Occurrence activity = gymnastics(3);
    register_ok(activity, "Aino Korhonen");
    const store::RecordTime at{tuesday_ten, true};
    const std::string here_key = new_record_key();
    ASSERT_TRUE(log.mark_here(activity, named("Aino Korhonen"), here_key, at).ok());
    const std::int64_t aino = visitor_id("Aino Korhonen");

    const std::string withdraw_key = new_record_key();
    auto withdrawn = log.withdraw(activity, aino, withdraw_key, {tuesday_ten + 600, true});
    ASSERT_TRUE(withdrawn.ok()) << withdrawn.error().message;
    EXPECT_TRUE(withdrawn.value());
    EXPECT_FALSE(log.registrants(activity).value().at(0).here);
    EXPECT_EQ(log.here_counts(activity).value(), (std::pair{0, 0}));
    const auto record = nlohmann::json::parse(
        store.database().query_text("SELECT payload FROM outbox WHERE kind = 'attendance.withdrawn'").value());
    EXPECT_EQ(record["attendance"], here_key);
    EXPECT_EQ(record["activity"]["uid"], "tuolijumppa@olohuone");
    EXPECT_EQ(record["time"]["at"], tuesday_ten + 600);
    EXPECT_FALSE(record.contains("visitor")) << "the withdrawal names the mark, not the person";

    // The same key again is the same withdrawal; nothing is left to take back after it.
    EXPECT_TRUE(log.withdraw(activity, aino, withdraw_key, at).value());
    EXPECT_FALSE(log.withdraw(activity, aino, new_record_key(), at).value());
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE kind = 'attendance.withdrawn'"), 1);

    // She did come after all.
    auto again = log.mark_here(activity, named("Aino Korhonen"), new_record_key(), at);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_FALSE(again->already);
    EXPECT_TRUE(log.registrants(activity).value().at(0).here);
    EXPECT_EQ(count("SELECT count(*) FROM attendance"), 2);
}

// The fire roll call reads the open visits: a named person marked present at an activity
// today is in the building, signed in at the kiosk or not, and shown where last seen.
TEST_F(ActivityLogTest, ANamedMarkTodayPutsThePersonInTheBuildingOnce)
{
    const Occurrence activity = gymnastics(3);
    VisitLog visits{store.database()};
    const UnixSeconds day_start = tuesday_ten - 10 * 3600;
    const auto present = [&] { return visits.present(day_start, day_start + 86400).value(); };

    // Aino never signed in: her mark signs her in, in the same transaction.
    const std::string aino_key = new_record_key();
    ASSERT_TRUE(log.mark_here(activity, named("Aino Korhonen"), aino_key, {tuesday_ten + 60, true}, day_start).ok());
    ASSERT_EQ(present().size(), 1u);
    EXPECT_EQ(present()[0].name, "Aino Korhonen");
    EXPECT_EQ(present()[0].since, tuesday_ten + 60);
    ASSERT_TRUE(present()[0].seen_at_activity.has_value());
    EXPECT_EQ(*present()[0].seen_at_activity, (ActivityRef{activity.uid, activity.instance}));
    const auto sign_in = nlohmann::json::parse(
        store.database().query_text("SELECT payload FROM outbox WHERE kind = 'visit.sign_in'").value());
    EXPECT_EQ(sign_in["visitor"]["name"], "Aino Korhonen");
    EXPECT_EQ(sign_in["activity"]["uid"], activity.uid) << "the visit says it came from the activity";
    // The screen repeating the mark is the same mark and the same visit.
    ASSERT_TRUE(log.mark_here(activity, named("Aino Korhonen"), aino_key, {tuesday_ten + 90, true}, day_start).ok());
    EXPECT_EQ(count("SELECT count(*) FROM visit"), 1);

    // Veikko signed in at 9.30 and then came: no second visit, but he was last seen here.
    SignInDraft veikko{new_record_key(), "resident", false, std::nullopt, "Veikko Virtanen", "", ""};
    ASSERT_TRUE(visits.sign_in(veikko, {tuesday_ten - 1800, true}).ok());
    ASSERT_TRUE(log.mark_here(activity, named("Veikko Virtanen"), new_record_key(), {tuesday_ten + 120, true},
                              day_start)
                    .ok());
    EXPECT_EQ(count("SELECT count(*) FROM visit"), 2);
    const auto people = present();
    ASSERT_EQ(people.size(), 2u);
    const PresentVisitor& him = people[0].name == "Veikko Virtanen" ? people[0] : people[1];
    EXPECT_EQ(him.since, tuesday_ten - 1800);
    EXPECT_EQ(him.seen_at, tuesday_ten + 120);
    EXPECT_TRUE(him.seen_at_activity.has_value());

    // Without a day (an activity not on today) a mark signs nobody in.
    ASSERT_TRUE(log.mark_here(activity, named("Reino Karjalainen"), new_record_key(), {tuesday_ten, true}).ok());
    EXPECT_EQ(present().size(), 2u);

    // Staff take Aino's mark back: the visit it opened goes with it, as a record.
    ASSERT_TRUE(log.withdraw(activity, visitor_id("Aino Korhonen"), new_record_key(), {tuesday_ten + 600, true})
                    .value());
    ASSERT_EQ(present().size(), 1u);
    EXPECT_EQ(present()[0].name, "Veikko Virtanen");
    const auto withdrawn = nlohmann::json::parse(
        store.database().query_text("SELECT payload FROM outbox WHERE kind = 'visit.withdrawn'").value());
    EXPECT_EQ(withdrawn["visit"], sign_in["visit"]);
    // Veikko's own sign-in stays when his mark is taken back; he was seen at the sign-in.
    ASSERT_TRUE(log.withdraw(activity, visitor_id("Veikko Virtanen"), new_record_key(), {tuesday_ten + 660, true})
                    .value());
    ASSERT_EQ(present().size(), 1u);
    EXPECT_FALSE(present()[0].seen_at_activity.has_value());
    EXPECT_EQ(present()[0].seen_at, tuesday_ten - 1800);

    // Kerttu is marked at gymnastics (a visit opens) and then at the singing (the same
    // visit); the first mark taken back leaves her in the building.
    Occurrence singing = gymnastics(3);
    singing.uid = "laulu@olohuone";
    ASSERT_TRUE(log.mark_here(activity, named("Kerttu Mäkelä"), new_record_key(), {tuesday_ten + 700, true}, day_start)
                    .ok());
    ASSERT_TRUE(log.mark_here(singing, named("Kerttu Mäkelä"), new_record_key(), {tuesday_ten + 800, true}, day_start)
                    .ok());
    ASSERT_TRUE(log.withdraw(activity, visitor_id("Kerttu Mäkelä"), new_record_key(), {tuesday_ten + 900, true})
                    .value());
    EXPECT_EQ(present().size(), 2u) << "still at the singing";

    // She then signs in at the kiosk too: one visit, which one sign-out ends.
    SignInDraft kerttu{new_record_key(), "resident", false, std::nullopt, "Kerttu Mäkelä", "", ""};
    ASSERT_TRUE(visits.sign_in(kerttu, {tuesday_ten + 1000, true}).ok());
    EXPECT_EQ(present().size(), 2u) << "in the building once";
    ASSERT_TRUE(visits.sign_out(kerttu.key, new_record_key(), {tuesday_ten + 1100, true}).ok());
    EXPECT_EQ(present().size(), 1u);
}

TEST_F(ActivityLogTest, TheCountWithoutANameGoesDownByItsLatestAndNotBelowZero)
{
    const Occurrence activity = gymnastics(std::nullopt);
    const std::string first = new_record_key();
    const std::string second = new_record_key();
    ASSERT_TRUE(log.mark_here(activity, std::nullopt, first, {tuesday_ten, true}).ok());
    ASSERT_TRUE(log.mark_here(activity, std::nullopt, second, {tuesday_ten + 60, true}).ok());
    ASSERT_TRUE(log.withdraw(activity, std::nullopt, new_record_key(), {tuesday_ten + 120, true}).value());
    EXPECT_EQ(log.here_counts(activity).value(), (std::pair{0, 1}));
    EXPECT_EQ(nlohmann::json::parse(store.database()
                                        .query_text("SELECT payload FROM outbox WHERE kind = 'attendance.withdrawn'")
                                        .value())["attendance"],
              second);
    ASSERT_TRUE(log.withdraw(activity, std::nullopt, new_record_key(), {tuesday_ten + 180, true}).value());
    EXPECT_FALSE(log.withdraw(activity, std::nullopt, new_record_key(), {tuesday_ten + 240, true}).value());
    EXPECT_EQ(log.here_counts(activity).value(), (std::pair{0, 0}));
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE kind = 'attendance.withdrawn'"), 2);
}

TEST_F(ActivityLogTest, WalkInsAreThoseHereWithoutAnActiveRegistration)
{
    const Occurrence activity = gymnastics(3);
    register_ok(activity, "Aino Korhonen");
    const store::RecordTime at{tuesday_ten, true};
    ASSERT_TRUE(log.mark_here(activity, named("Aino Korhonen"), new_record_key(), at).ok());
    ASSERT_TRUE(log.mark_here(activity, named("Reino Karjalainen"), new_record_key(), at).ok());
    ASSERT_TRUE(log.mark_here(activity, named("Ässä Öhman"), new_record_key(), at).ok());
    ASSERT_TRUE(log.withdraw(activity, visitor_id("Ässä Öhman"), new_record_key(), at).value());
    const auto walk_ins = log.walk_ins(activity).value();
    ASSERT_EQ(walk_ins.size(), 1u);
    EXPECT_EQ(walk_ins[0].public_name, "Reino K.");
    EXPECT_EQ(walk_ins[0].group_id, "resident");
}

TEST(ActivityLogMigration, AttendanceMarkedBeforeWithdrawalsExistedCanBeTakenBackAndMarkedAgain)
{
    const TempDir dir;
    const std::string path = dir.file("olohuone.sqlite3");
    {
        // A kiosk's database as the previous release left it: migrations 1 to 5, and one
        // visitor marked at chair gymnastics.
        sql::Database plain = test::open_plain(path);
        for (const Migration& migration : migrations()) {
            if (migration.version <= 5) {
                ASSERT_TRUE(plain.execute_script(std::string(migration.sql)).ok()) << migration.version;
            }
        }
        ASSERT_TRUE(plain
                        .execute_script(
                            "PRAGMA user_version = 5;"
                            "INSERT INTO visitor (id, key, name, fold_key, public_fold, group_id, created_at, "
                            "last_seen_at) VALUES (1, 'v1', 'Aino Korhonen', 'aino korhonen', 'aino k.', 'resident', "
                            "10, 20);"
                            "INSERT INTO attendance (key, event_uid, instance, visitor_id, arrived_at, clock_synced) "
                            "VALUES ('a1', 'tuolijumppa@olohuone', 1795507200, 1, 1795507100, 1);")
                        .ok());
    }
    auto opened = Store::open(path);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    ActivityLog log(opened->database());
    const Occurrence activity = gymnastics(3);
    EXPECT_EQ(log.here_counts(activity).value(), (std::pair{1, 0}));
    ASSERT_TRUE(log.withdraw(activity, 1, new_record_key(), {tuesday_ten, true}).value());
    EXPECT_EQ(opened->database().query_text("SELECT json_extract(payload, '$.attendance') FROM outbox").value(), "a1");
    auto again = log.mark_here(activity, named("Aino Korhonen"), new_record_key(), {tuesday_ten, true});
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(log.here_counts(activity).value(), (std::pair{1, 0}));
}

TEST_F(ActivityLogTest, RecordsSurviveClosingAndOpeningTheDatabase)
{
    const Occurrence activity = gymnastics(1);
    register_ok(activity, "Aino Korhonen");
    register_ok(activity, "Toivo Heikkinen");
    {
        Store reopened = open();
        ActivityLog again(reopened.database());
        EXPECT_EQ(again.places(activity).value().waiting, 1);
    }
}

TEST_F(ActivityLogTest, TwoWritersRacingForTheLastPlaceGiveItOnce)
{
    // Two connections to one file (the kiosk and, say, a second screen on the same
    // device), each with its own visitor, tapping at the same moment, many times over.
    const std::string path = dir.file("olohuone.sqlite3");
    for (int round = 0; round < 20; ++round) {
        Occurrence activity = gymnastics(1);
        activity.uid = "race-" + std::to_string(round);
        RegistrationReceipt first;
        RegistrationReceipt second;
        const auto writer = [&](const std::string& name, RegistrationReceipt& out) {
            auto opened = Store::open(path);
            ASSERT_TRUE(opened.ok());
            ActivityLog own(opened->database());
            auto receipt = own.register_visitor(activity, named(name), new_record_key(), {monday_noon, true});
            ASSERT_TRUE(receipt.ok()) << receipt.error().message;
            out = receipt.value();
        };
        std::thread a(writer, "Aino Korhonen", std::ref(first));
        std::thread b(writer, "Toivo Heikkinen", std::ref(second));
        a.join();
        b.join();
        EXPECT_NE(first.coming, second.coming) << "round " << round;
        EXPECT_EQ(first.queue_position + second.queue_position, 1) << "round " << round;
        const Places places = log.places(activity).value();
        EXPECT_EQ(places.coming, 1);
        EXPECT_EQ(places.waiting, 1);
        // What each screen said is what the database holds.
        const std::string winner = first.coming ? "Aino Korhonen" : "Toivo Heikkinen";
        EXPECT_TRUE(places.of(visitor_id(winner))->coming) << "round " << round;
    }
}

} // namespace
} // namespace olohuone::store
