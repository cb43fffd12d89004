// "Tulen mukaan" rules: places in order of registration, the waiting list and its moves
// when someone cancels, when registration closes, cancelled activities, and an
// occurrence moved by RECURRENCE-ID keeping its key.
#include <gtest/gtest.h>

#include "core/registration.h"
#include "test_support.h"

namespace olohuone {
namespace {

using test::utc;

// Chair gymnastics on Tue 24 Nov 2026 at 10.00 in Helsinki (08:00Z), 15 places.
Occurrence gymnastics()
{
    Occurrence occurrence;
    occurrence.uid = "tuolijumppa-2026@olohuone.example";
    occurrence.instance = utc(2026, 11, 24, 8, 0);
    occurrence.start = occurrence.instance;
    occurrence.end = occurrence.start + 3600;
    occurrence.capacity = 15;
    return occurrence;
}

std::vector<Registration> registrations_of(int count, UnixSeconds from = utc(2026, 11, 20, 9, 0))
{
    std::vector<Registration> all;
    for (int i = 0; i < count; ++i)
        all.push_back({i + 1, 100 + i, from + i * 60, false});
    return all;
}

TEST(Registration, TheFirstRegistrationsGetThePlacesTheRestWaitInOrder)
{
    const Places places = allocate_places(registrations_of(17), 15);
    EXPECT_EQ(places.coming, 15);
    EXPECT_EQ(places.waiting, 2);
    EXPECT_EQ(places.left(), 0);
    ASSERT_NE(places.of(114), nullptr);
    EXPECT_TRUE(places.of(114)->coming) << "the 15th registration has the last place";
    EXPECT_EQ(places.of(115)->queue_position, 1);
    EXPECT_EQ(places.of(116)->queue_position, 2);
}

TEST(Registration, RegistrationTimeDecidesNotTheOrderTheRecordsArrive)
{
    std::vector<Registration> all = registrations_of(3);
    std::swap(all[0], all[2]); // as a sync might deliver them
    const Places places = allocate_places(all, 2);
    EXPECT_TRUE(places.of(100)->coming);
    EXPECT_TRUE(places.of(101)->coming);
    EXPECT_EQ(places.of(102)->queue_position, 1);
}

TEST(Registration, TwoTapsInTheSameSecondForTheLastPlaceGoToTheFirstStored)
{
    const UnixSeconds same_second = utc(2026, 11, 23, 12, 0);
    const std::vector<Registration> race = {{8, 201, same_second, false}, {7, 200, same_second, false}};
    const Places places = allocate_places(race, 1);
    EXPECT_TRUE(places.of(200)->coming) << "the lower row id was stored first";
    EXPECT_EQ(places.of(201)->queue_position, 1);
}

TEST(Registration, ACancellationMovesTheFirstInTheQueueUp)
{
    std::vector<Registration> all = registrations_of(17);
    const Places before = allocate_places(all, 15);
    all[3].cancelled = true; // visitor 103 cannot come after all
    const Places after = allocate_places(all, 15);
    EXPECT_EQ(after.coming, 15);
    EXPECT_EQ(after.waiting, 1);
    EXPECT_TRUE(after.of(115)->coming);
    EXPECT_EQ(after.of(116)->queue_position, 1);
    EXPECT_EQ(after.of(103), nullptr);
    EXPECT_EQ(promoted(before, after), (std::vector<std::int64_t>{115}));
}

TEST(Registration, ACancellationFromTheQueueMovesNobodyIntoAPlace)
{
    std::vector<Registration> all = registrations_of(17);
    const Places before = allocate_places(all, 15);
    all[15].cancelled = true; // the first in the queue gives up
    const Places after = allocate_places(all, 15);
    EXPECT_TRUE(promoted(before, after).empty());
    EXPECT_EQ(after.of(116)->queue_position, 1);
}

TEST(Registration, MorePlacesMoveAsManyUpAsFit)
{
    const std::vector<Registration> all = registrations_of(17);
    EXPECT_EQ(promoted(allocate_places(all, 15), allocate_places(all, 16)), (std::vector<std::int64_t>{115}));
    EXPECT_EQ(promoted(allocate_places(all, 15), allocate_places(all, std::nullopt)),
              (std::vector<std::int64_t>{115, 116}));
}

TEST(Registration, WithoutACapacityEveryoneIsComing)
{
    const Places places = allocate_places(registrations_of(40), std::nullopt);
    EXPECT_EQ(places.coming, 40);
    EXPECT_EQ(places.waiting, 0);
    EXPECT_EQ(places.left(), std::nullopt);
}

TEST(Registration, OnePersonHoldsOnePlaceHoweverOftenTheyTapped)
{
    std::vector<Registration> all = registrations_of(2);
    all.push_back({3, 100, all[1].registered_at + 5, false});
    const Places places = allocate_places(all, 2);
    EXPECT_EQ(places.coming, 2);
    EXPECT_EQ(places.standings.size(), 2u);
}

// Aino (visitor 100, key "a") and Toivo (101, "t") registered on this kiosk; "x" and "y"
// are other kiosks' registrations in the server's answer.
std::vector<KeyedRegistration> aino_and_toivo()
{
    const std::vector<Registration> two = registrations_of(2);
    return {{two[0], "a"}, {two[1], "t"}};
}

TEST(SiteOrder, TheServersOrderDecidesAndOtherKiosksPlacesCount)
{
    const std::vector<Registration> order = site_order(aino_and_toivo(), {{"x", false}, {"a", false}, {"t", false}}, {});
    const Places places = allocate_in_order(order, 2);
    EXPECT_EQ(places.coming, 2);
    EXPECT_TRUE(places.of(100)->coming);
    EXPECT_EQ(places.of(101)->queue_position, 1) << "another kiosk's visitor reached the server first";
    EXPECT_LT(places.standings[0].visitor_id, 0) << "a place only the other kiosk can name";
}

TEST(SiteOrder, RegistrationsTheServerHasNotHeardOfComeAfterItsOrder)
{
    const Places places = allocate_in_order(site_order(aino_and_toivo(), {{"x", false}, {"t", false}}, {}), 2);
    EXPECT_TRUE(places.of(101)->coming);
    EXPECT_EQ(places.of(100)->queue_position, 1) << "Aino made offline, after what the server had";
    // With no answer at all, the kiosk's own order.
    const Places alone = allocate_in_order(site_order(aino_and_toivo(), {}, {}), 1);
    EXPECT_TRUE(alone.of(100)->coming);
    EXPECT_EQ(alone.of(101)->queue_position, 1);
}

TEST(SiteOrder, ThisKiosksCancellationsAndRestoresCountBeforeTheServerHearsOfThem)
{
    // Aino cancelled here; the server still has her place.
    std::vector<KeyedRegistration> toivo_only = {aino_and_toivo()[1]};
    const Places cancelled =
        allocate_in_order(site_order(toivo_only, {{"a", false}, {"t", false}}, {"a"}), 1);
    EXPECT_EQ(cancelled.of(100), nullptr);
    EXPECT_TRUE(cancelled.of(101)->coming);
    // Restored here after the server heard of the cancellation: her original place.
    const Places restored = allocate_in_order(site_order(aino_and_toivo(), {{"a", true}, {"t", false}}, {}), 1);
    EXPECT_TRUE(restored.of(100)->coming);
    EXPECT_EQ(restored.of(101)->queue_position, 1);
    // Another kiosk's cancelled registration holds no place.
    const Places freed = allocate_in_order(site_order(toivo_only, {{"x", true}, {"t", false}}, {}), 1);
    EXPECT_TRUE(freed.of(101)->coming);
    EXPECT_EQ(freed.waiting, 0);
}

TEST(SiteOrder, MovesNameOnlyThisKiosksVisitors)
{
    const Places before = allocate_in_order(site_order(aino_and_toivo(), {{"a", false}, {"t", false}}, {}), 1);
    const Places after = allocate_in_order(site_order(aino_and_toivo(), {{"x", false}, {"a", false}, {"t", false}}, {}), 1);
    EXPECT_EQ(moved_to_queue(before, after), (std::vector<std::int64_t>{100}));
    EXPECT_TRUE(promoted(before, after).empty());
    EXPECT_EQ(promoted(after, before), (std::vector<std::int64_t>{100}));
}

TEST(RegistrationState, OpenUntilTheClosingTimeBeforeTheStart)
{
    const Occurrence occurrence = gymnastics();
    const RegistrationRules rules{60, 30, 60};
    EXPECT_EQ(registration_state(occurrence, utc(2026, 11, 24, 6, 59), rules), RegistrationState::Open);
    EXPECT_EQ(registration_state(occurrence, utc(2026, 11, 24, 7, 0), rules), RegistrationState::ClosedSoon);
    EXPECT_EQ(registration_state(occurrence, utc(2026, 11, 24, 8, 0), rules), RegistrationState::Started);
}

TEST(RegistrationState, ACancelledActivityTakesNoRegistrations)
{
    Occurrence occurrence = gymnastics();
    occurrence.status = EventStatus::Cancelled;
    EXPECT_EQ(registration_state(occurrence, utc(2026, 11, 20, 9, 0), RegistrationRules{}),
              RegistrationState::Cancelled);
    EXPECT_FALSE(attendance_open(occurrence, occurrence.start, RegistrationRules{}));
}

TEST(RegistrationState, AttendanceIsOfferedAroundTheStart)
{
    const Occurrence occurrence = gymnastics();
    const RegistrationRules rules{60, 30, 60};
    EXPECT_FALSE(attendance_open(occurrence, utc(2026, 11, 24, 7, 29), rules));
    EXPECT_TRUE(attendance_open(occurrence, utc(2026, 11, 24, 7, 30), rules));
    EXPECT_TRUE(attendance_open(occurrence, utc(2026, 11, 24, 8, 59), rules));
    EXPECT_FALSE(attendance_open(occurrence, utc(2026, 11, 24, 9, 0), rules));
}

TEST(RegistrationState, StaffCorrectAttendanceUntilTheEndOfTheActivitysDay)
{
    Occurrence occurrence = gymnastics(); // 24.11. 10.00 Helsinki, 08.00 UTC
    const RegistrationRules rules{60, 30, 60};
    const UnixSeconds midnight = utc(2026, 11, 24, 22, 0); // 25.11. 00.00 in Helsinki
    EXPECT_FALSE(staff_attendance_open(occurrence, utc(2026, 11, 24, 7, 29), rules, midnight));
    EXPECT_TRUE(staff_attendance_open(occurrence, utc(2026, 11, 24, 7, 30), rules, midnight));
    EXPECT_TRUE(staff_attendance_open(occurrence, utc(2026, 11, 24, 15, 0), rules, midnight))
        << "after the visitors' window has closed";
    EXPECT_TRUE(staff_attendance_open(occurrence, midnight - 1, rules, midnight));
    EXPECT_FALSE(staff_attendance_open(occurrence, midnight, rules, midnight));
    occurrence.status = EventStatus::Cancelled;
    EXPECT_FALSE(staff_attendance_open(occurrence, utc(2026, 11, 24, 8, 0), rules, midnight));
}

TEST(RegistrationState, AMovedOccurrenceKeepsItsKeySoItsRegistrationsFollowIt)
{
    const Occurrence planned = gymnastics();
    Occurrence moved = planned;
    moved.moved_from = moved.start;
    moved.start += 2 * 3600; // to 12.00 by a RECURRENCE-ID override
    moved.end += 2 * 3600;
    EXPECT_EQ(moved.key(), planned.key());
    const RegistrationRules rules{60, 30, 60};
    EXPECT_EQ(registration_state(moved, utc(2026, 11, 24, 8, 30), rules), RegistrationState::Open)
        << "10.30: past the old start, but registration closes an hour before the new one";
}

TEST(Registration, OnlyTimedActivitiesTakeRegistrations)
{
    Occurrence exhibition = gymnastics();
    exhibition.span = EventSpan::AllDay;
    EXPECT_TRUE(takes_registrations(gymnastics()));
    EXPECT_FALSE(takes_registrations(exhibition));
}

TEST(Registration, AnActivityIsFullWhenNoPlaceIsLeftAndCanBeCancelledUntilItStarts)
{
    ActivityStatus status;
    status.places = allocate_places(registrations_of(15), 15);
    EXPECT_TRUE(status.full());
    status.places = allocate_places(registrations_of(14), 15);
    EXPECT_FALSE(status.full());
    status.places = allocate_places(registrations_of(40), std::nullopt);
    EXPECT_FALSE(status.full()) << "no limit is never full";

    for (RegistrationState state : {RegistrationState::Open, RegistrationState::ClosedSoon}) {
        status.registration = state;
        EXPECT_TRUE(status.can_cancel());
    }
    for (RegistrationState state : {RegistrationState::Started, RegistrationState::Cancelled}) {
        status.registration = state;
        EXPECT_FALSE(status.can_cancel());
    }
    status.registration = RegistrationState::Open;
    status.places = allocate_places({}, 15);
    EXPECT_FALSE(status.can_cancel()) << "nobody to cancel";
}

} // namespace
} // namespace olohuone
