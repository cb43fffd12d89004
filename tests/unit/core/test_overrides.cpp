// Overrides of single instances (RECURRENCE-ID): moves, cancellations, changed texts,
// and what an override takes from its master. overrides.ics is the example of
// docs/programme-format.md, extended. Tuesdays and Fridays 10:00 EET = 08:00Z.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/day_plan.h"
#include "test_support.h"

namespace olohuone {
namespace {

using test::fixture;
using test::helsinki;
using test::import_ok;
using test::starts_of;
using test::utc;
using test::with_uid;
using test::window;
using Starts = std::vector<UnixSeconds>;

const std::string gym_uid = "tuolijumppa-2026@olohuone.example";

// Mon 16 Nov 00:00 – Tue 8 Dec 00:00 in Helsinki.
std::vector<Occurrence> gym_in_window()
{
    const auto programme = import_ok({fixture("overrides.ics")}, window(utc(2026, 11, 15, 22), utc(2026, 12, 7, 22)));
    return with_uid(programme, gym_uid);
}

const Occurrence* starting_at(const std::vector<Occurrence>& occurrences, UnixSeconds start)
{
    const auto found = std::find_if(occurrences.begin(), occurrences.end(),
                                    [&](const Occurrence& occurrence) { return occurrence.start == start; });
    return found == occurrences.end() ? nullptr : &*found;
}

TEST(Override, TheWindowShowsEveryInstanceOnceAtItsCurrentTime)
{
    const auto gym = gym_in_window();
    EXPECT_EQ(starts_of(gym), (Starts{
                                  utc(2026, 11, 17, 8),     // Tue, as planned
                                  utc(2026, 11, 20, 8),     // Fri, as planned
                                  utc(2026, 11, 24, 12, 30), // Tue, moved to 14:30
                                  utc(2026, 11, 27, 8),     // Fri, cancelled in place
                                  utc(2026, 12, 1, 8),      // Tue, retitled
                                  utc(2026, 12, 3, 11),     // Fri 4 Dec moved to Thu 3 Dec 13:00
                                  utc(2026, 12, 7, 8),      // Tue 8 Dec (outside) moved to Mon 7 Dec
                              }));
}

TEST(Override, MovedInstanceKeepsItsOriginalStartAsInstanceAndLeavesNoOldSlot)
{
    const auto gym = gym_in_window();
    const Occurrence* moved = starting_at(gym, utc(2026, 11, 24, 12, 30)); // 14:30 EET
    ASSERT_NE(moved, nullptr);
    EXPECT_EQ(moved->end, utc(2026, 11, 24, 13, 30));
    EXPECT_EQ(moved->instance, utc(2026, 11, 24, 8));
    ASSERT_TRUE(moved->moved_from.has_value());
    EXPECT_EQ(*moved->moved_from, utc(2026, 11, 24, 8));
    EXPECT_EQ(moved->status, EventStatus::Scheduled);
    EXPECT_EQ(starting_at(gym, utc(2026, 11, 24, 8)), nullptr) << "the 10:00 slot must be gone";

    // Its key is the same as the unmoved instance would have had, so a sign-up survives the move.
    Occurrence unmoved = *moved;
    unmoved.start = unmoved.instance;
    unmoved.moved_from.reset();
    EXPECT_EQ(moved->key(), unmoved.key());
}

TEST(Override, OverrideWithoutTextsTakesTheMastersTextsWithTheirTranslations)
{
    const auto gym = gym_in_window();
    const Occurrence* moved = starting_at(gym, utc(2026, 11, 24, 12, 30));
    ASSERT_NE(moved, nullptr);
    EXPECT_EQ(moved->title.default_text(), "Tuolijumppa");
    EXPECT_EQ(moved->title.in("sv"), "Stolgymnastik");
    EXPECT_EQ(moved->title.in("en"), "Chair gymnastics");
    EXPECT_EQ(moved->description.in("en"), "Light exercise sitting down, for everyone.");
    EXPECT_EQ(moved->location.default_text(), "Sali");
    EXPECT_EQ(moved->location.in("sv"), "Salen");
    EXPECT_EQ(moved->host.default_text(), "Ohjaaja Liisa Mäkinen");
    EXPECT_EQ(moved->host.in("sv"), "Handledare Liisa Mäkinen");
    EXPECT_EQ(moved->host.in("en"), "Ohjaaja Liisa Mäkinen"); // no English host: Finnish
    EXPECT_EQ(moved->capacity, std::optional<int>(12));
    EXPECT_EQ(moved->picture, "pictures/tuolijumppa.png");
}

TEST(Override, CancelledOverrideIsShownCancelledInItsOwnSlot)
{
    const auto gym = gym_in_window();
    const Occurrence* cancelled = starting_at(gym, utc(2026, 11, 27, 8));
    ASSERT_NE(cancelled, nullptr);
    EXPECT_EQ(cancelled->status, EventStatus::Cancelled);
    EXPECT_FALSE(cancelled->moved_from.has_value());
    EXPECT_EQ(cancelled->instance, utc(2026, 11, 27, 8));
    EXPECT_EQ(cancelled->description.default_text(), "Peruttu ohjaajan sairastumisen vuoksi.");
    EXPECT_EQ(cancelled->description.in("sv"), "Inställd eftersom handledaren är sjuk.");
    EXPECT_EQ(cancelled->description.in("en"), "Cancelled because the instructor is ill.");
    EXPECT_EQ(cancelled->location.in("en"), "Hall"); // left out of the override: from the master

    // The other instances of the series are not affected.
    for (const Occurrence& occurrence : gym)
        if (occurrence.start != utc(2026, 11, 27, 8)) {
            EXPECT_EQ(occurrence.status, EventStatus::Scheduled) << occurrence.start;
        }
}

TEST(Override, RetitledInstanceShowsTheNewTitleInEveryLanguage)
{
    const auto gym = gym_in_window();
    const Occurrence* retitled = starting_at(gym, utc(2026, 12, 1, 8));
    ASSERT_NE(retitled, nullptr);
    EXPECT_EQ(retitled->title.default_text(), "Tuolijumppa ja venyttely");
    EXPECT_EQ(retitled->title.in("sv"), "Stolgymnastik och stretching");
    EXPECT_EQ(retitled->title.in("en"), "Chair gymnastics and stretching");
    EXPECT_FALSE(retitled->moved_from.has_value());
}

TEST(Override, InstanceMovedToAnotherDayAppearsOnTheNewDayOnly)
{
    const auto gym = gym_in_window();
    const auto thursday = occurrences_on(gym, {2026, 12, 3}, helsinki());
    ASSERT_EQ(thursday.size(), 1u);
    EXPECT_EQ(thursday[0].start, utc(2026, 12, 3, 11)); // 13:00 EET
    EXPECT_EQ(thursday[0].moved_from, std::optional<UnixSeconds>(utc(2026, 12, 4, 8)));
    EXPECT_EQ(thursday[0].location.default_text(), "Kirjasto");
    EXPECT_EQ(thursday[0].location.in("sv"), "Biblioteket");
    EXPECT_EQ(thursday[0].location.in("en"), "Library");
    EXPECT_TRUE(occurrences_on(gym, {2026, 12, 4}, helsinki()).empty()) << "Friday 4 Dec must be empty";
}

TEST(Override, OverrideKeepingTheFinnishTitleKeepsTheMastersTranslations)
{
    // The 3 Dec override repeats SUMMARY:Tuolijumppa with no X-OLOHUONE-SUMMARY: the
    // title is unchanged, so Swedish and English visitors still read their own title.
    const auto gym = gym_in_window();
    const Occurrence* moved = starting_at(gym, utc(2026, 12, 3, 11));
    ASSERT_NE(moved, nullptr);
    EXPECT_EQ(moved->title.default_text(), "Tuolijumppa");
    EXPECT_EQ(moved->title.in("sv"), "Stolgymnastik");
    EXPECT_EQ(moved->title.in("en"), "Chair gymnastics");
}

TEST(Override, ChangedFinnishTextWithoutTranslationsNeverShowsTheMastersOldTranslation)
{
    // 25 Nov: SUMMARY "Askartelu (poikkeuksellisesti)", no translations; the master's
    // "Pyssel" / "Crafts" would name a different event: the new Finnish text is shown.
    const auto programme =
        import_ok({fixture("cancelled_series.ics")}, window(utc(2026, 11, 24, 22), utc(2026, 11, 25, 22)));
    const auto crafts = with_uid(programme, "askartelu-2026@olohuone.example");
    ASSERT_EQ(crafts.size(), 1u);
    EXPECT_EQ(crafts[0].title.in("sv"), "Askartelu (poikkeuksellisesti)");
    EXPECT_EQ(crafts[0].title.in("en"), "Askartelu (poikkeuksellisesti)");
}

TEST(Override, InstanceMovedIntoTheWindowFromOutsideIsShown)
{
    const auto gym = gym_in_window();
    const Occurrence* monday = starting_at(gym, utc(2026, 12, 7, 8));
    ASSERT_NE(monday, nullptr);
    EXPECT_EQ(monday->instance, utc(2026, 12, 8, 8));
    EXPECT_EQ(monday->moved_from, std::optional<UnixSeconds>(utc(2026, 12, 8, 8)));
    EXPECT_EQ(monday->title.in("en"), "Chair gymnastics");
}

TEST(Override, InstanceMovedOutOfTheWindowIsNotShownInItsOldSlot)
{
    // Only Tue 24 Nov 10:00–11:00 EET: the instance was moved to 14:30, outside.
    const auto programme = import_ok({fixture("overrides.ics")}, window(utc(2026, 11, 24, 8), utc(2026, 11, 24, 9)));
    EXPECT_TRUE(with_uid(programme, gym_uid).empty());
}

// cancelled_series.ics: Wednesdays 16:00 EET (14:00Z) from 4 Nov, the master is
// STATUS:CANCELLED; 18 Nov is moved without a STATUS, 25 Nov says STATUS:CONFIRMED.
TEST(Override, CancelledMasterCancelsEveryInstanceIncludingOverridesWithoutStatus)
{
    const auto programme =
        import_ok({fixture("cancelled_series.ics")}, window(utc(2026, 10, 31, 22), utc(2026, 11, 30, 22)));
    const auto crafts = with_uid(programme, "askartelu-2026@olohuone.example");
    ASSERT_EQ(starts_of(crafts), (Starts{utc(2026, 11, 4, 14), utc(2026, 11, 11, 14), utc(2026, 11, 18, 15),
                                         utc(2026, 11, 25, 14)}));
    EXPECT_EQ(crafts[0].status, EventStatus::Cancelled);
    EXPECT_EQ(crafts[1].status, EventStatus::Cancelled);
    EXPECT_EQ(crafts[2].status, EventStatus::Cancelled) << "moved override without STATUS";
    EXPECT_EQ(crafts[2].moved_from, std::optional<UnixSeconds>(utc(2026, 11, 18, 14)));
    EXPECT_EQ(crafts[3].status, EventStatus::Scheduled) << "override with STATUS:CONFIRMED";
    EXPECT_EQ(crafts[3].title.default_text(), "Askartelu (poikkeuksellisesti)");
    // Cancelled instances are still listed with their texts, to be shown crossed out.
    EXPECT_EQ(crafts[0].title.in("en"), "Crafts");
}

} // namespace
} // namespace olohuone

namespace olohuone {
namespace {

TEST(Override, OverrideWithoutDtstartKeepsItsSlotInsteadOfVanishing)
{
    const std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                            "BEGIN:VEVENT\r\nUID:bingo@olohuone.example\r\n"
                            "DTSTART;TZID=Europe/Helsinki:20261103T143000\r\nDURATION:PT1H\r\n"
                            "RRULE:FREQ=WEEKLY\r\nSUMMARY:Bingo\r\nEND:VEVENT\r\n"
                            "BEGIN:VEVENT\r\nUID:bingo@olohuone.example\r\n"
                            "RECURRENCE-ID;TZID=Europe/Helsinki:20261124T143000\r\n"
                            "SUMMARY:Bingo\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const auto imported =
        import_programme({{"bingo.ics", ics}}, helsinki(), window(utc(2026, 11, 23, 22), utc(2026, 11, 24, 22)));
    ASSERT_TRUE(imported.ok()) << imported.error().message;
    ASSERT_EQ(imported->occurrences.size(), 1u);
    const Occurrence& bingo = imported->occurrences[0];
    EXPECT_EQ(bingo.start, utc(2026, 11, 24, 12, 30)); // 14:30 EET
    EXPECT_EQ(bingo.end, utc(2026, 11, 24, 13, 30));
    EXPECT_EQ(bingo.status, EventStatus::Cancelled);
    EXPECT_FALSE(bingo.moved_from.has_value());
}

// A calendar marked X-OLOHUONE-EDITS (the server's coordinators' edits) is read after
// the others, whatever the order of the files: its master replaces the series and its
// override replaces the calendar's own override of the same instance.
TEST(Override, EditsCalendarWinsOverTheOtherCalendarsInAnyOrder)
{
    const std::string calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                                 "BEGIN:VEVENT\r\nUID:bingo@olohuone.example\r\n"
                                 "DTSTART;TZID=Europe/Helsinki:20261103T143000\r\nDURATION:PT1H\r\n"
                                 "RRULE:FREQ=WEEKLY\r\nSUMMARY:Bingo\r\nLOCATION:Sali\r\nEND:VEVENT\r\n"
                                 "BEGIN:VEVENT\r\nUID:bingo@olohuone.example\r\n"
                                 "RECURRENCE-ID;TZID=Europe/Helsinki:20261124T143000\r\n"
                                 "DTSTART;TZID=Europe/Helsinki:20261124T150000\r\nDURATION:PT1H\r\n"
                                 "SUMMARY:Bingo\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const std::string edits = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-OLOHUONE-EDITS:TRUE\r\n"
                              "BEGIN:VEVENT\r\nUID:bingo@olohuone.example\r\n"
                              "DTSTART;TZID=Europe/Helsinki:20261103T143000\r\nDURATION:PT1H\r\n"
                              "RRULE:FREQ=WEEKLY\r\nSUMMARY:Bingo\r\nLOCATION:Kirjasto\r\nEND:VEVENT\r\n"
                              "BEGIN:VEVENT\r\nUID:bingo@olohuone.example\r\nRECURRENCE-ID:20261124T123000Z\r\n"
                              "STATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    for (const bool edits_first : {true, false}) {
        const std::vector<CalendarFile> files = edits_first
            ? std::vector<CalendarFile>{{"a-edits", edits}, {"b-calendar", calendar}}
            : std::vector<CalendarFile>{{"a-calendar", calendar}, {"b-edits", edits}};
        const auto imported = import_ok(files, window(utc(2026, 11, 16, 22), utc(2026, 11, 30, 22)));
        ASSERT_EQ(imported.occurrences.size(), 2u) << "edits first: " << edits_first;
        const Occurrence& kept = imported.occurrences[0];
        EXPECT_EQ(kept.start, utc(2026, 11, 17, 12, 30));
        EXPECT_EQ(kept.location.default_text(), "Kirjasto");
        const Occurrence& cancelled = imported.occurrences[1];
        EXPECT_EQ(cancelled.start, utc(2026, 11, 24, 12, 30)); // back in its slot, not moved to 15:00
        EXPECT_EQ(cancelled.status, EventStatus::Cancelled);
        EXPECT_EQ(cancelled.location.default_text(), "Kirjasto");
        EXPECT_TRUE(imported.warnings.empty()) << imported.warnings.front();
    }
}

} // namespace
} // namespace olohuone
