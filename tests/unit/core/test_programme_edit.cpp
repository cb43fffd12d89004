// Staff's programme edits laid over the calendars' programme: in the order they were
// made, each on its own occurrence, an added event only on its day.
#include <gtest/gtest.h>

#include "core/programme_edit.h"
#include "test_support.h"

namespace olohuone {
namespace {

using test::utc;

// Tuesday 24.11.2026 in Helsinki: [from, to) is the day.
const UnixSeconds from = utc(2026, 11, 23, 22, 0);
const UnixSeconds to = utc(2026, 11, 24, 22, 0);

Occurrence occurrence(const std::string& uid, UnixSeconds start, const std::string& place = "Sali")
{
    Occurrence o;
    o.uid = uid;
    o.instance = o.start = start;
    o.end = start + 3600;
    o.title = LocalizedText("Tapahtuma " + uid);
    o.location = LocalizedText(place);
    o.location.set("sv", "Salen");
    return o;
}

ProgrammeEdit edit(EditAction action, const Occurrence& of, UnixSeconds made_at)
{
    ProgrammeEdit e;
    e.action = action;
    e.key = "key-" + std::to_string(made_at);
    e.uid = of.uid;
    e.instance = of.instance;
    e.start = of.start;
    e.end = of.end;
    e.capacity = of.capacity;
    e.made_at = made_at;
    return e;
}

TEST(ProgrammeEdits, TheLastOfACancelAndARestoreDecides)
{
    const Occurrence bingo = occurrence("bingo", utc(2026, 11, 24, 12, 0));
    const Occurrence choir = occurrence("kuoro", utc(2026, 11, 24, 14, 0));
    // In the order staff made them, whatever the clock said: it was stepped back before
    // the restore.
    const std::vector<ProgrammeEdit> edits = {edit(EditAction::Cancel, bingo, 300),
                                              edit(EditAction::Restore, bingo, 100),
                                              edit(EditAction::Cancel, choir, 200)};
    const auto shown = apply_programme_edits({bingo, choir}, edits, from, to);
    ASSERT_EQ(shown.size(), 2u);
    EXPECT_EQ(shown[0].status, EventStatus::Scheduled);
    EXPECT_EQ(shown[1].status, EventStatus::Cancelled);
}

TEST(ProgrammeEdits, AChangeMovesTheOccurrenceKeepsItsKeyAndSetsPlaceAndPlaces)
{
    const Occurrence bingo = occurrence("bingo", utc(2026, 11, 24, 12, 0));
    const Occurrence coffee = occurrence("kahvi", utc(2026, 11, 24, 13, 0));
    ProgrammeEdit later = edit(EditAction::Change, bingo, 100);
    later.start += 7200;
    later.end += 7200;
    later.capacity = 20;
    later.location = "Olohuone";
    const auto shown = apply_programme_edits({bingo, coffee}, {later}, from, to);
    ASSERT_EQ(shown.size(), 2u);
    EXPECT_EQ(shown[0].uid, "kahvi") << "ordered by the new start";
    const Occurrence& moved = shown[1];
    EXPECT_EQ(moved.key(), bingo.key()) << "registrations follow the occurrence";
    EXPECT_EQ(moved.start, utc(2026, 11, 24, 14, 0));
    EXPECT_EQ(moved.moved_from, bingo.start);
    EXPECT_EQ(moved.capacity, 20);
    EXPECT_EQ(moved.location.in("sv"), "Olohuone") << "the place staff wrote, in every language";
    EXPECT_TRUE(edit_shows_in(later, moved));
    EXPECT_FALSE(edit_shows_in(later, bingo));
}

TEST(ProgrammeEdits, AChangeWithoutAPlaceKeepsThePlace)
{
    const Occurrence bingo = occurrence("bingo", utc(2026, 11, 24, 12, 0));
    ProgrammeEdit fewer = edit(EditAction::Change, bingo, 100);
    fewer.capacity = 5;
    const auto shown = apply_programme_edits({bingo}, {fewer}, from, to);
    EXPECT_EQ(shown.at(0).location.in("sv"), "Salen");
    EXPECT_EQ(shown.at(0).moved_from, std::nullopt);
    EXPECT_EQ(shown.at(0).capacity, 5);
}

TEST(ProgrammeEdits, AnAddedEventAppearsOnItsDayOnlyAndOnce)
{
    ProgrammeEdit added;
    added.action = EditAction::Add;
    added.key = "k";
    added.uid = "k@kiosk.olohuone";
    added.instance = added.start = utc(2026, 11, 24, 13, 30);
    added.end = added.start + 3600;
    added.title = LocalizedText("Bingo");
    added.location = "Olohuone";
    added.capacity = 20;
    const auto shown = apply_programme_edits({}, {added}, from, to);
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_EQ(shown[0].title.in("fi"), "Bingo");
    EXPECT_EQ(shown[0].capacity, 20);
    EXPECT_EQ(shown[0].span, EventSpan::Timed);
    EXPECT_TRUE(apply_programme_edits({}, {added}, to, to + 86400).empty()) << "not on the next day";
    // Once the server's programme has it, it is not added a second time.
    EXPECT_EQ(apply_programme_edits(shown, {added}, from, to).size(), 1u);
    // Cancelled after it was added.
    ProgrammeEdit cancelled = added;
    cancelled.action = EditAction::Cancel;
    EXPECT_EQ(apply_programme_edits({}, {added, cancelled}, from, to).at(0).status, EventStatus::Cancelled);
}

TEST(ProgrammeEdits, ActionsHaveTheNamesTheRecordsUse)
{
    for (EditAction action : {EditAction::Cancel, EditAction::Restore, EditAction::Change, EditAction::Add})
        EXPECT_EQ(action_named(action_name(action)), action);
    EXPECT_EQ(action_named("delete"), std::nullopt);
}

} // namespace
} // namespace olohuone
