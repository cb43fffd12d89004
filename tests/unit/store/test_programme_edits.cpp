// Staff's programme edits in a real SQLite file: each is one record with its outbox row,
// repeated keys change nothing, and an edit stops being laid over the programme once the
// server has it (delivered, and the server's programme asked for since) or refused it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/programme_edits.h"
#include "store/store.h"
#include "store/sync_state.h"
#include "store_test_support.h"
#include "support/instants.h"

namespace olohuone::store {
namespace {

using test::TempDir;

using olohuone::test::tuesday_ten; // Tue 24 Nov 2026 10:00 in Helsinki

ProgrammeEdit moved_bingo(const std::string& key)
{
    ProgrammeEdit edit;
    edit.action = EditAction::Change;
    edit.key = key;
    edit.uid = "bingo@olohuone";
    edit.instance = tuesday_ten;
    edit.start = tuesday_ten + 1800;
    edit.end = tuesday_ten + 5400;
    edit.location = "Olohuone";
    edit.capacity = 12;
    return edit;
}

class ProgrammeEditsTest : public ::testing::Test {
protected:
    TempDir dir;
    Store store = open();

    Store open()
    {
        auto opened = Store::open(dir.file("olohuone.sqlite3"));
        EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
        return std::move(opened).value();
    }

    std::vector<EditState> states()
    {
        std::vector<EditState> found;
        const auto edits = programme_edits(store.database());
        EXPECT_TRUE(edits.ok());
        for (const StoredEdit& stored : edits.value())
            found.push_back(stored.state);
        return found;
    }
};

TEST_F(ProgrammeEditsTest, AnEditIsOneRecordWithEverythingTheServerNeeds)
{
    ASSERT_TRUE(record_programme_edit(store.database(), moved_bingo("k1"), {tuesday_ten - 600, true}).ok());
    ASSERT_TRUE(record_programme_edit(store.database(), moved_bingo("k1"), {tuesday_ten - 500, true}).ok());
    EXPECT_EQ(store.database().query_int("SELECT count(*) FROM outbox").value(), 1) << "the same key is one edit";
    const auto payload = nlohmann::json::parse(
        store.database().query_text("SELECT payload FROM outbox WHERE kind = 'programme.edit'").value());
    EXPECT_EQ(payload["edit"], "k1");
    EXPECT_EQ(payload["action"], "change");
    EXPECT_EQ(payload["event"]["uid"], "bingo@olohuone");
    EXPECT_EQ(payload["event"]["instance"], tuesday_ten);
    EXPECT_EQ(payload["values"]["start"], tuesday_ten + 1800);
    EXPECT_EQ(payload["values"]["end"], tuesday_ten + 5400);
    EXPECT_EQ(payload["values"]["location"], "Olohuone");
    EXPECT_EQ(payload["values"]["capacity"], 12);
    EXPECT_EQ(payload["time"]["at"], tuesday_ten - 600);

    const auto read = edits_in_effect(store.database()).value();
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].start, tuesday_ten + 1800);
    EXPECT_EQ(read[0].location, "Olohuone");
    EXPECT_EQ(read[0].capacity, 12);
    EXPECT_EQ(read[0].made_at, tuesday_ten - 600);
}

TEST_F(ProgrammeEditsTest, WhatCannotBeAnEditIsRefusedAndNothingStored)
{
    ProgrammeEdit backwards = moved_bingo("k1");
    backwards.end = backwards.start;
    EXPECT_FALSE(record_programme_edit(store.database(), backwards, {tuesday_ten, true}).ok());
    ProgrammeEdit untitled = moved_bingo("k2");
    untitled.action = EditAction::Add;
    EXPECT_FALSE(record_programme_edit(store.database(), untitled, {tuesday_ten, true}).ok());
    ProgrammeEdit no_places = moved_bingo("k3");
    no_places.capacity = 0;
    EXPECT_FALSE(record_programme_edit(store.database(), no_places, {tuesday_ten, true}).ok());
    EXPECT_EQ(store.database().query_int("SELECT count(*) FROM outbox").value(), 0);
    EXPECT_EQ(store.database().query_int("SELECT count(*) FROM programme_edit").value(), 0);
}

TEST_F(ProgrammeEditsTest, AnEditIsLaidOverUntilTheServersProgrammeIsReadAfterItsDelivery)
{
    ASSERT_TRUE(record_programme_edit(store.database(), moved_bingo("delivered"), {tuesday_ten, true}).ok());
    ASSERT_TRUE(record_programme_edit(store.database(), moved_bingo("refused"), {tuesday_ten + 1, true}).ok());
    EXPECT_EQ(states(), (std::vector{EditState::Local, EditState::Local}));

    ASSERT_TRUE(settle_outbox(store.database(), {{"delivered", std::nullopt}, {"refused", "no such event"}},
                              tuesday_ten + 60)
                    .ok());
    // Delivered, but the programme on the kiosk is still the one from before: the
    // fetch after the delivery may yet fail, at the same second or with the clock set back.
    EXPECT_EQ(states(), (std::vector{EditState::Local, EditState::Refused}));
    // Made while the server was being asked: not delivered, so not in what it answered.
    ASSERT_TRUE(record_programme_edit(store.database(), moved_bingo("waiting"), {tuesday_ten + 2, true}).ok());
    ASSERT_TRUE(note_programme_current(store.database()).ok());
    EXPECT_EQ(states(), (std::vector{EditState::Settled, EditState::Refused, EditState::Local}));
    const auto in_effect = edits_in_effect(store.database()).value();
    ASSERT_EQ(in_effect.size(), 1u);
    EXPECT_EQ(in_effect[0].key, "waiting");
    const auto latest = latest_edit_of(store.database(), "bingo@olohuone", tuesday_ten).value();
    ASSERT_TRUE(latest.has_value());
    EXPECT_EQ(latest->edit.key, "waiting");
    EXPECT_EQ(latest->state, EditState::Local);
    EXPECT_FALSE(latest_edit_of(store.database(), "bingo@olohuone", tuesday_ten + 86400).value().has_value());

    // A new download settles too, in the same transaction as the programme it brings.
    ASSERT_TRUE(settle_outbox(store.database(), {{"waiting", std::nullopt}}, tuesday_ten + 120).ok());
    ASSERT_TRUE(replace_server_programme(store.database(), {}, "\"etag\"", tuesday_ten + 121).ok());
    EXPECT_TRUE(edits_in_effect(store.database()).value().empty());
}

TEST_F(ProgrammeEditsTest, EditsKeepTheOrderStaffMadeThemInWhateverTheClockSaid)
{
    ProgrammeEdit cancel = moved_bingo("first");
    cancel.action = EditAction::Cancel;
    ProgrammeEdit restore = moved_bingo("second");
    restore.action = EditAction::Restore;
    ASSERT_TRUE(record_programme_edit(store.database(), cancel, {tuesday_ten, true}).ok());
    ASSERT_TRUE(record_programme_edit(store.database(), restore, {tuesday_ten - 3600, false}).ok());
    const auto in_effect = edits_in_effect(store.database()).value();
    ASSERT_EQ(in_effect.size(), 2u);
    EXPECT_EQ(in_effect[1].key, "second");
    EXPECT_EQ(latest_edit_of(store.database(), "bingo@olohuone", tuesday_ten).value()->edit.key, "second");
}

} // namespace
} // namespace olohuone::store
