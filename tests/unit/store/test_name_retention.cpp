// Visitors' names erased when their time is up, in a real SQLite file: only once every
// record about them reached the server (or, with no server, long after their last
// visit), never while they are signed in or registered for an activity still to come,
// and never a record still waiting. What the exports count stays the same.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

#include "core/visitor_name.h"
#include "store/activity_log.h"
#include "store/name_retention.h"
#include "store/outbox.h"
#include "store/record_key.h"
#include "store/report_queries.h"
#include "store/store.h"
#include "store/visit_log.h"
#include "store_test_support.h"
#include "support/instants.h"

namespace olohuone::store {
namespace {

using test::TempDir;

using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki
constexpr UnixSeconds hour = 3600;
constexpr UnixSeconds day = 24 * hour;

const NameRetentionRule after_delivery{RetentionStart::FromDelivery, 30};
const NameRetentionRule standalone{RetentionStart::FromLastVisit, 365};

Occurrence activity_at(const std::string& uid, UnixSeconds start)
{
    Occurrence activity;
    activity.uid = uid;
    activity.instance = start;
    activity.start = start;
    activity.end = start + hour;
    activity.capacity = 10;
    activity.title.set_default(uid);
    return activity;
}

using test::named;

class NameRetentionTest : public ::testing::Test {
protected:
    TempDir dir;
    Store store = open();
    VisitLog visits{store.database()};
    ActivityLog activities{store.database()};
    const Occurrence morning_exercise = activity_at("jumppa@olohuone", tuesday_morning + hour);

    Store open()
    {
        auto opened = Store::open(dir.file("olohuone.sqlite3"));
        EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
        return std::move(opened).value();
    }

    std::int64_t count(const std::string& sql) { return store.database().query_int(sql).value(); }

    std::string sign_in(const std::string& name, const std::string& marker = "")
    {
        SignInDraft draft;
        draft.key = new_record_key();
        draft.group_id = "resident";
        draft.typed_name = name;
        draft.marker_id = marker;
        EXPECT_TRUE(visits.sign_in(draft, {tuesday_morning, true}).ok()) << name;
        return draft.key;
    }

    void sign_out(const std::string& visit_key)
    {
        ASSERT_TRUE(visits.sign_out(visit_key, new_record_key(), {tuesday_morning + 2 * hour, true}).ok());
    }

    std::int64_t visitor_id(const std::string& name)
    {
        auto select = store.database().prepare("SELECT id FROM visitor WHERE name = ?");
        select->bind(1, name);
        EXPECT_TRUE(select->step().value()) << name;
        return select->column_int(0);
    }

    // The server answers for every waiting record: stored.
    void deliver_everything(UnixSeconds at)
    {
        auto waiting = outbox_next(store.database(), 1000);
        ASSERT_TRUE(waiting.ok());
        std::vector<OutboxOutcome> outcomes;
        for (const OutboxRecord& record : waiting.value())
            outcomes.push_back({record.key, std::nullopt});
        ASSERT_TRUE(settle_outbox(store.database(), outcomes, at).ok());
    }

    NamesErased erase(const NameRetentionRule& rule, UnixSeconds now, int batch_size = 100)
    {
        auto erased = erase_expired_names(store.database(), rule, now, batch_size);
        EXPECT_TRUE(erased.ok()) << (erased.ok() ? "" : erased.error().message);
        return erased.ok() ? erased.value() : NamesErased{};
    }

    // Every outbox payload that still carries `name`.
    std::int64_t payloads_naming(const std::string& name)
    {
        auto select = store.database().prepare("SELECT count(*) FROM outbox WHERE payload LIKE ?");
        select->bind(1, "%" + name + "%");
        EXPECT_TRUE(select->step().value());
        return select->column_int(0);
    }

    bool name_kept(const std::string& name)
    {
        auto select = store.database().prepare("SELECT count(*) FROM visitor WHERE name = ? AND name_erased_at IS NULL");
        select->bind(1, name);
        EXPECT_TRUE(select->step().value());
        return select->column_int(0) == 1;
    }

    std::vector<VisitReportRow> visit_rows()
    {
        auto rows = visits_between(store.database(), tuesday_morning - day, tuesday_morning + day);
        EXPECT_TRUE(rows.ok());
        return rows.ok() ? rows.value() : std::vector<VisitReportRow>{};
    }

    std::vector<ActivityReportRow> activity_rows()
    {
        auto rows = activities_between(store.database(), tuesday_morning - day, tuesday_morning + 90 * day);
        EXPECT_TRUE(rows.ok());
        return rows.ok() ? rows.value() : std::vector<ActivityReportRow>{};
    }
};

TEST_F(NameRetentionTest, NamesGoThirtyDaysAfterDeliveryAndTheCountsStay)
{
    // Aino came, exercised and went; the server has all of it.
    sign_out(sign_in("Aino Korhonen", "ruusu"));
    const VisitorIdentity aino{std::nullopt, "Aino Korhonen", "resident", "ruusu"}; // the same visitor
    ASSERT_TRUE(activities.mark_here(morning_exercise, aino, new_record_key(),
                                     {tuesday_morning + hour, true})
                    .ok());
    ASSERT_TRUE(activities.mark_here(morning_exercise, std::nullopt, new_record_key(), {tuesday_morning + hour, true})
                    .ok());
    SignInDraft counted;
    counted.key = new_record_key();
    counted.group_id = "relative";
    counted.anonymous = true;
    ASSERT_TRUE(visits.sign_in(counted, {tuesday_morning, true}).ok());
    const UnixSeconds delivered_at = tuesday_morning + 3 * hour;
    deliver_everything(delivered_at);

    const auto visits_before = visit_rows();
    const auto activities_before = activity_rows();
    ASSERT_EQ(visits_before.size(), 2u);
    ASSERT_EQ(payloads_naming("Aino Korhonen"), 2); // the sign-in and the attendance

    const NamesErased too_early = erase(after_delivery, delivered_at + 30 * day - 1);
    EXPECT_EQ(too_early.visitors, 0);
    EXPECT_TRUE(name_kept("Aino Korhonen"));

    const NamesErased erased = erase(after_delivery, delivered_at + 30 * day + 1);
    EXPECT_EQ(erased.visitors, 1);
    EXPECT_EQ(erased.outbox_payloads, 2);
    EXPECT_EQ(count("SELECT count(*) FROM visitor WHERE name LIKE '%Aino%' OR fold_key LIKE '%aino%' "
                    "OR public_fold LIKE '%aino%' OR marker_id <> ''"),
              0);
    EXPECT_EQ(payloads_naming("Aino"), 0);
    EXPECT_EQ(payloads_naming("ruusu"), 0);
    // The delivered rows stay delivered, and still say whose group and key they are.
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE json_extract(payload, '$.visitor.name_erased') = 1 "
                    "AND json_extract(payload, '$.visitor.group') = 'resident' "
                    "AND json_extract(payload, '$.visitor.key') IS NOT NULL"),
              2);

    // The exports count the same; only the name and marker are gone.
    const auto visits_after = visit_rows();
    ASSERT_EQ(visits_after.size(), visits_before.size());
    for (std::size_t i = 0; i < visits_after.size(); ++i) {
        EXPECT_EQ(visits_after[i].signed_in_at, visits_before[i].signed_in_at);
        EXPECT_EQ(visits_after[i].signed_out_at, visits_before[i].signed_out_at);
        EXPECT_EQ(visits_after[i].anonymous, visits_before[i].anonymous);
        EXPECT_EQ(visits_after[i].group_id, visits_before[i].group_id);
        EXPECT_EQ(visits_after[i].name, visits_before[i].anonymous ? "" : erased_visitor_name);
        EXPECT_EQ(visits_after[i].marker_id, "");
    }
    const auto activities_after = activity_rows();
    ASSERT_EQ(activities_after.size(), 1u);
    EXPECT_EQ(activities_after[0].present_by_name, activities_before[0].present_by_name);
    EXPECT_EQ(activities_after[0].present_anonymous, activities_before[0].present_anonymous);

    // Nobody is offered the erased name, and a second run finds nothing more.
    auto suggested = visits.suggestions(fold_name("Ai"), 5);
    ASSERT_TRUE(suggested.ok());
    EXPECT_TRUE(suggested->empty());
    EXPECT_EQ(erase(after_delivery, delivered_at + 60 * day).visitors, 0);
}

TEST_F(NameRetentionTest, WaitingRecordsSignedInVisitorsAndComingActivitiesKeepTheName)
{
    sign_out(sign_in("Aino Korhonen"));
    sign_in("Bertta Laine"); // still signed in
    const Occurrence in_two_months = activity_at("retki@olohuone", tuesday_morning + 60 * day);
    sign_out(sign_in("Kaisa Mäkelä"));
    ASSERT_TRUE(activities.register_visitor(in_two_months, named("Kaisa Mäkelä"), new_record_key(),
                                            {tuesday_morning, true})
                    .ok());
    deliver_everything(tuesday_morning + 3 * hour);
    // Eero's visit has not reached the server: his records wait.
    sign_out(sign_in("Eero Nieminen"));
    const std::string eero_before =
        store.database().query_text("SELECT group_concat(payload, '|') FROM outbox WHERE sent_at IS NULL").value();

    const NamesErased erased = erase(after_delivery, tuesday_morning + 40 * day);
    EXPECT_EQ(erased.visitors, 1); // Aino
    EXPECT_FALSE(name_kept("Aino Korhonen"));
    EXPECT_TRUE(name_kept("Bertta Laine"));
    EXPECT_TRUE(name_kept("Kaisa Mäkelä"));
    EXPECT_TRUE(name_kept("Eero Nieminen"));
    EXPECT_EQ(store.database().query_text("SELECT group_concat(payload, '|') FROM outbox WHERE sent_at IS NULL").value(),
              eero_before);
    EXPECT_EQ(payloads_naming("Eero Nieminen"), 1);

    // Bertta still shows on the evacuation list by her whole name.
    auto present = open_named_visits(store.database());
    ASSERT_TRUE(present.ok());
    ASSERT_EQ(present->size(), 1u);
    EXPECT_EQ(present->front().name, "Bertta Laine");

    // Once the trip is over and thirty days more have passed, Kaisa's name goes too; her
    // registration still counts.
    EXPECT_EQ(erase(after_delivery, in_two_months.end + 30 * day + 1).visitors, 1);
    EXPECT_FALSE(name_kept("Kaisa Mäkelä"));
    EXPECT_EQ(count("SELECT count(*) FROM registration WHERE cancelled_at IS NULL"), 1);
    // Eero's records finally go out; his name follows thirty days later.
    deliver_everything(in_two_months.end + 31 * day);
    EXPECT_TRUE(name_kept("Eero Nieminen"));
    EXPECT_EQ(erase(after_delivery, in_two_months.end + 61 * day + 1).visitors, 1);
    EXPECT_FALSE(name_kept("Eero Nieminen"));
    EXPECT_TRUE(name_kept("Bertta Laine"));
}

TEST_F(NameRetentionTest, ARefusedRecordSetAsideCountsAsReachingTheServer)
{
    const std::string visit = sign_in("Aino Korhonen");
    auto waiting = outbox_next(store.database(), 10);
    ASSERT_TRUE(waiting.ok());
    ASSERT_TRUE(settle_outbox(store.database(), {{waiting->front().key, std::string("conflict")}},
                              tuesday_morning + hour)
                    .ok());
    sign_out(visit);
    deliver_everything(tuesday_morning + 3 * hour);
    EXPECT_EQ(erase(after_delivery, tuesday_morning + 31 * day).visitors, 1);
    EXPECT_EQ(payloads_naming("Aino"), 0);
    // Staff still see the set-aside record, with its reason.
    auto set_aside = outbox_set_aside(store.database(), 10);
    ASSERT_TRUE(set_aside.ok());
    ASSERT_EQ(set_aside->size(), 1u);
    EXPECT_EQ(set_aside->front().reason, "conflict");
}

TEST_F(NameRetentionTest, AKioskAloneCountsAYearFromTheLastVisit)
{
    sign_out(sign_in("Aino Korhonen"));
    sign_out(sign_in("Eero Nieminen"));
    // Eero came again half a year later.
    SignInDraft again;
    again.key = new_record_key();
    again.group_id = "resident";
    again.visitor_id = visitor_id("Eero Nieminen");
    ASSERT_TRUE(visits.sign_in(again, {tuesday_morning + 180 * day, true}).ok());
    ASSERT_TRUE(visits.sign_out(again.key, new_record_key(), {tuesday_morning + 180 * day + hour, true}).ok());

    EXPECT_EQ(erase(standalone, tuesday_morning + 364 * day).visitors, 0);
    const NamesErased erased = erase(standalone, tuesday_morning + 366 * day);
    EXPECT_EQ(erased.visitors, 1);
    // With no server nothing will ever be delivered: the kiosk's copies lose the name too.
    EXPECT_EQ(erased.outbox_payloads, 1);
    EXPECT_FALSE(name_kept("Aino Korhonen"));
    EXPECT_TRUE(name_kept("Eero Nieminen"));
    EXPECT_EQ(payloads_naming("Aino"), 0);
    EXPECT_EQ(payloads_naming("Eero Nieminen"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM visit"), 3);

    EXPECT_EQ(erase(standalone, tuesday_morning + 180 * day + 366 * day).visitors, 1);
    EXPECT_EQ(payloads_naming("Eero"), 0);
}

// Nothing of an erased name is left in the database's files for someone who copies them:
// not in a page's free space (secure_delete), not in an old page image in the log.
TEST_F(NameRetentionTest, AnErasedNameIsNowhereInTheDatabaseFiles)
{
    sign_out(sign_in("Aino Korhonen"));
    sign_out(sign_in("Veikko Virtanen"));
    deliver_everything(tuesday_morning + 3 * hour);
    const auto file_holds = [&](const std::string& name) {
        std::string bytes;
        for (const char* suffix : {"", "-wal"}) {
            std::ifstream file(dir.file("olohuone.sqlite3") + suffix, std::ios::binary);
            bytes.append(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
        }
        return bytes.find(name) != std::string::npos;
    };
    ASSERT_TRUE(file_holds("Aino Korhonen")) << "the check must see a name that is there";

    // Veikko's latest visit has not reached the server yet, so only Aino's time is up.
    sign_out(sign_in("Veikko Virtanen"));
    ASSERT_EQ(erase(after_delivery, tuesday_morning + 3 * hour + 31 * day).visitors, 1);
    EXPECT_FALSE(file_holds("Aino Korhonen"));
    EXPECT_FALSE(file_holds("aino korhonen")) << "nor its folded form from the search index";
    EXPECT_TRUE(file_holds("Veikko Virtanen"));
}

// Aino's suggestion was on screen when the hourly run erased her name: her confirm is
// refused rather than store a visit whose record names the erased row's placeholder.
TEST_F(NameRetentionTest, ASuggestionPickedAsItsNameWasErasedIsRefused)
{
    sign_out(sign_in("Aino Korhonen"));
    const std::int64_t aino = visitor_id("Aino Korhonen");
    deliver_everything(tuesday_morning + 3 * hour);
    ASSERT_EQ(erase(after_delivery, tuesday_morning + 3 * hour + 31 * day).visitors, 1);

    SignInDraft picked;
    picked.key = new_record_key();
    picked.group_id = "resident";
    picked.visitor_id = aino;
    EXPECT_FALSE(visits.sign_in(picked, {tuesday_morning + 32 * day, true}).ok());
    EXPECT_EQ(count("SELECT count(*) FROM visit"), 1) << "only the first visit";
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0) << "nothing new to send";
}

TEST_F(NameRetentionTest, ManyVisitorsGoInSeveralShortBatches)
{
    for (int i = 0; i < 250; ++i) {
        SignInDraft draft;
        draft.key = new_record_key();
        draft.group_id = "resident";
        draft.typed_name = "Vieras " + std::string(1, static_cast<char>('A' + i % 26)) + "ö"
            + std::string(1, static_cast<char>('a' + i / 26)) + "nen";
        draft.marker_id = std::to_string(i);
        ASSERT_TRUE(visits.sign_in(draft, {tuesday_morning, true}).ok());
        ASSERT_TRUE(visits.sign_out(draft.key, new_record_key(), {tuesday_morning + hour, true}).ok());
    }
    deliver_everything(tuesday_morning + 2 * hour);
    const NamesErased erased = erase(after_delivery, tuesday_morning + 31 * day, 40);
    EXPECT_EQ(erased.visitors, 250);
    EXPECT_EQ(erased.outbox_payloads, 250);
    EXPECT_EQ(count("SELECT count(*) FROM visitor WHERE name_erased_at IS NULL"), 0);
    EXPECT_EQ(count("SELECT count(DISTINCT visitor_id) FROM visit"), 250);
}

} // namespace
} // namespace olohuone::store
