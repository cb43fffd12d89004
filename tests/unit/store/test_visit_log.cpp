// Sign-ins, anonymous counts and sign-outs in a real SQLite file: each record with its
// outbox row, exactly once however often the screen repeats it, still there after the
// database is closed and opened again.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/visitor_name.h"
#include "store/store.h"
#include "store/visit_log.h"
#include "store_test_support.h"
#include "support/instants.h"

namespace olohuone::store {
namespace {

using test::TempDir;

using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki
constexpr UnixSeconds minute = 60;

const TimeZone& helsinki()
{
    static const TimeZone zone = TimeZone::named("Europe/Helsinki").value();
    return zone;
}

class VisitLogTest : public ::testing::Test {
protected:
    TempDir dir;
    Store store = open();
    VisitLog log{store.database()};

    Store open()
    {
        auto opened = Store::open(dir.file("olohuone.sqlite3"));
        EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
        return std::move(opened).value();
    }

    std::int64_t count(const std::string& sql) { return store.database().query_int(sql).value(); }

    SignInReceipt sign_in_ok(const SignInDraft& draft, UnixSeconds at = tuesday_morning, bool synced = true)
    {
        auto receipt = log.sign_in(draft, {at, synced});
        EXPECT_TRUE(receipt.ok()) << (receipt.ok() ? "" : receipt.error().message);
        return receipt.ok() ? receipt.value() : SignInReceipt{};
    }

    std::vector<OpenVisit> open_today()
    {
        auto visits = log.open_visits(helsinki().start_of_day({2026, 11, 24}), helsinki().start_of_day({2026, 11, 25}));
        EXPECT_TRUE(visits.ok());
        return visits.ok() ? visits.value() : std::vector<OpenVisit>{};
    }

    std::vector<VisitorSuggestion> suggest(const std::string& typed, int limit = 5)
    {
        auto found = log.suggestions(fold_name(normalize_name(typed)), limit);
        EXPECT_TRUE(found.ok());
        return found.ok() ? found.value() : std::vector<VisitorSuggestion>{};
    }
};

SignInDraft named(const std::string& key, const std::string& name, const std::string& group = "relative")
{
    SignInDraft draft;
    draft.key = key;
    draft.group_id = group;
    draft.typed_name = name;
    return draft;
}

TEST_F(VisitLogTest, ANamedSignInStoresTheNormalisedNameTheVisitAndItsOutboxRow)
{
    SignInDraft draft = named("11111111-1111-4111-8111-111111111111", "  aino   Korhonen ");
    draft.whom = "Asukasta";
    const SignInReceipt receipt = sign_in_ok(draft, tuesday_morning, false);
    EXPECT_EQ(receipt.first_name, "aino");
    EXPECT_EQ(receipt.at, tuesday_morning);

    EXPECT_EQ(store.database().query_text("SELECT name FROM visitor").value(), "aino Korhonen");
    EXPECT_EQ(count("SELECT count(*) FROM visit WHERE signed_out_at IS NULL AND clock_synced = 0"), 1);
    EXPECT_EQ(store.database().query_text("SELECT kind FROM outbox").value(), "visit.sign_in");
    EXPECT_EQ(count("SELECT clock_synced FROM outbox"), 0) << "the record says the clock was not known to be right";
    const auto payload = nlohmann::json::parse(store.database().query_text("SELECT payload FROM outbox").value());
    EXPECT_EQ(payload["visit"], draft.key);
    EXPECT_EQ(payload["group"], "relative");
    EXPECT_EQ(payload["whom"], "Asukasta");
    EXPECT_EQ(payload["visitor"]["name"], "aino Korhonen");
    EXPECT_EQ(payload["time"]["at"], tuesday_morning);
}

TEST_F(VisitLogTest, TheSameKeyAgainIsTheSameRecordNotASecondOne)
{
    const SignInDraft draft = named("22222222-2222-4222-8222-222222222222", "Lars Åberg");
    sign_in_ok(draft);
    const SignInReceipt again = sign_in_ok(draft, tuesday_morning + 2);
    EXPECT_EQ(again.first_name, "Lars");
    EXPECT_EQ(again.at, tuesday_morning) << "the stored record answers, not a new one";
    EXPECT_EQ(count("SELECT count(*) FROM visit"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM visitor"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM outbox"), 1);
}

TEST_F(VisitLogTest, AnAnonymousVisitIsCountedWithNoNameAnywhere)
{
    SignInDraft draft;
    draft.key = "33333333-3333-4333-8333-333333333333";
    draft.group_id = "resident";
    draft.anonymous = true;
    draft.typed_name = "should not be stored";
    EXPECT_EQ(sign_in_ok(draft).first_name, "");
    EXPECT_EQ(count("SELECT count(*) FROM visitor"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM visit WHERE visitor_id IS NULL AND group_id = 'resident'"), 1);
    EXPECT_EQ(store.database().query_text("SELECT kind FROM outbox").value(), "visit.counted");
    EXPECT_EQ(store.database().query_text("SELECT payload FROM outbox").value().find("should not"),
              std::string::npos);
    EXPECT_TRUE(open_today().empty()) << "an anonymous visit has no one to sign out";

    // Taken back once, under its own key; again with that key changes nothing.
    const RecordTime later{tuesday_morning + 5, true};
    ASSERT_TRUE(log.withdraw_count(draft.key, "44444444-4444-4444-8444-444444444444", later).ok());
    ASSERT_TRUE(log.withdraw_count(draft.key, "44444444-4444-4444-8444-444444444444", later).ok());
    EXPECT_FALSE(log.withdraw_count(draft.key, "55555555-5555-4555-8555-555555555555", later).ok())
        << "already taken back";
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE kind = 'visit.withdrawn'"), 1);
    EXPECT_EQ(log.anonymous_visits(tuesday_morning - 3600, tuesday_morning + 3600).value(), 0);
}

TEST_F(VisitLogTest, AReturningVisitorIsOneVisitorWithTwoVisits)
{
    sign_in_ok(named("k1", "Aino Korhonen", "resident"));
    const auto suggestions = suggest("ai");
    ASSERT_EQ(suggestions.size(), 1u);
    SignInDraft returning;
    returning.key = "k2";
    returning.group_id = "resident";
    returning.visitor_id = suggestions.front().visitor_id;
    EXPECT_EQ(sign_in_ok(returning, tuesday_morning + 3600).first_name, "Aino");

    // Typing the whole name again in the same group is the same person too.
    sign_in_ok(named("k3", "AINO KORHONEN", "resident"), tuesday_morning + 7200);
    EXPECT_EQ(count("SELECT count(*) FROM visitor"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM visit"), 3);
}

TEST_F(VisitLogTest, SuggestionsMatchTheStartCaseInsensitivelyMostRecentFirstShowingOnlyTheShortName)
{
    sign_in_ok(named("k1", "Äijälä Matti", "volunteer"), tuesday_morning - 3 * 86400);
    sign_in_ok(named("k2", "Aino Korhonen", "resident"), tuesday_morning - 2 * 86400);
    sign_in_ok(named("k3", "Aino Koskinen", "relative"), tuesday_morning - 1 * 86400);
    sign_in_ok(named("k4", "Ainikki Salo", "resident"), tuesday_morning - 5 * 86400);

    const auto ai = suggest("AI");
    ASSERT_EQ(ai.size(), 3u) << "Äijälä does not start with ai";
    EXPECT_EQ(ai[0].public_name, "Aino K.");
    EXPECT_EQ(ai[0].group_id, "relative") << "the most recent first";
    EXPECT_EQ(ai[1].public_name, "Aino K.");
    EXPECT_EQ(ai[1].group_id, "resident");
    EXPECT_EQ(ai[2].public_name, "Ainikki S.");

    const auto aij = suggest("äij");
    ASSERT_EQ(aij.size(), 1u);
    EXPECT_EQ(aij[0].public_name, "Äijälä M.");
    EXPECT_EQ(suggest("ÄIJÄLÄ").size(), 1u);

    EXPECT_EQ(suggest("ai", 2).size(), 2u) << "never more than asked for";
    EXPECT_TRUE(suggest("aino kos").size() == 1u);
    EXPECT_TRUE(suggest("b").empty());
}

TEST_F(VisitLogTest, MarkersInUseAreThoseOfVisitorsWithTheSameShortName)
{
    SignInDraft first = named("k1", "Aino Korhonen", "resident");
    SignInDraft second = named("k2", "Aino Koskinen", "resident");
    second.marker_id = "rose";
    sign_in_ok(first);
    sign_in_ok(second);
    sign_in_ok(named("k3", "Aino Lehto", "resident"));
    const auto in_use = log.markers_in_use(fold_name(public_name("Aino Kallio")), fold_name("Aino Kallio"));
    ASSERT_TRUE(in_use.ok());
    EXPECT_EQ(in_use.value(), (std::vector<std::string>{"", "rose"}));
    const auto own = log.markers_in_use(fold_name(public_name("Aino Korhonen")), fold_name("Aino Korhonen"));
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(own.value(), (std::vector<std::string>{"rose"})) << "not a namesake of oneself";
}

TEST_F(VisitLogTest, SigningOutClosesTheVisitOnceEvenIfRepeated)
{
    sign_in_ok(named("visit-1", "Lars Åberg"));
    sign_in_ok(named("visit-2", "Aino Korhonen", "resident"), tuesday_morning + minute);
    auto listed = open_today();
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].public_name, "Lars Å.");
    EXPECT_EQ(listed[1].public_name, "Aino K.");

    ASSERT_TRUE(log.sign_out("visit-1", "out-1", {tuesday_morning + 30 * minute, true}).ok());
    EXPECT_TRUE(log.sign_out("visit-1", "out-1", {tuesday_morning + 31 * minute, true}).ok()) << "a repeated confirm";
    EXPECT_FALSE(log.sign_out("visit-1", "out-other", {tuesday_morning + 32 * minute, true}).ok());
    EXPECT_EQ(count("SELECT signed_out_at FROM visit WHERE key = 'visit-1'"), tuesday_morning + 30 * minute);
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE kind = 'visit.sign_out'"), 1);
    listed = open_today();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].public_name, "Aino K.");
    EXPECT_FALSE(log.sign_out("no-such-visit", "out-2", {tuesday_morning, true}).ok());
}

// Signed in at 10.15; the kiosk restarts without the network and its clock says 9.00.
TEST_F(VisitLogTest, ASignOutOnAClockSteppedBackNeverEndsBeforeTheVisitBegan)
{
    sign_in_ok(named("visit-1", "Lars Åberg"), tuesday_morning + 75 * minute);
    ASSERT_TRUE(log.sign_out("visit-1", "out-1", {tuesday_morning, false}).ok());
    EXPECT_EQ(count("SELECT signed_out_at - signed_in_at FROM visit WHERE key = 'visit-1'"), 0);
    EXPECT_EQ(count("SELECT sign_out_clamped FROM visit WHERE key = 'visit-1'"), 1);
    const auto record = nlohmann::json::parse(
        store.database().query_text("SELECT payload FROM outbox WHERE kind = 'visit.sign_out'").value());
    EXPECT_EQ(record["clamped"], true);
    EXPECT_EQ(record["time"]["at"], tuesday_morning + 75 * minute);
    // A sign-out on a clock that is right is not flagged.
    sign_in_ok(named("visit-2", "Aino Korhonen", "resident"), tuesday_morning);
    ASSERT_TRUE(log.sign_out("visit-2", "out-2", {tuesday_morning + minute, true}).ok());
    EXPECT_EQ(count("SELECT sign_out_clamped FROM visit WHERE key = 'visit-2'"), 0);
}

TEST_F(VisitLogTest, AtClosingTimeOpenNamedVisitsAreSignedOutAutomaticallyAtThatTime)
{
    const UnixSeconds closing = helsinki().to_instant({{2026, 11, 24}, {20, 0, 0}});
    sign_in_ok(named("early", "Lars Åberg"));
    sign_in_ok(named("left", "Aino Korhonen", "resident"));
    ASSERT_TRUE(log.sign_out("left", "left-out", {tuesday_morning + 3600, true}).ok());

    auto before = log.sign_out_automatically({20, 0, 0}, helsinki(), {closing - 1, true});
    ASSERT_TRUE(before.ok());
    EXPECT_EQ(before.value(), 0) << "not yet closing time";

    auto at_closing = log.sign_out_automatically({20, 0, 0}, helsinki(), {closing + 5, true});
    ASSERT_TRUE(at_closing.ok());
    EXPECT_EQ(at_closing.value(), 1);
    EXPECT_EQ(count("SELECT signed_out_at FROM visit WHERE key = 'early'"), closing);
    EXPECT_EQ(count("SELECT sign_out_automatic FROM visit WHERE key = 'early'"), 1);
    EXPECT_EQ(count("SELECT sign_out_automatic FROM visit WHERE key = 'left'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE kind = 'visit.sign_out'"), 2);
    EXPECT_TRUE(open_today().empty());

    auto again = log.sign_out_automatically({20, 0, 0}, helsinki(), {closing + 60, true});
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value(), 0) << "nothing is closed twice";
}

TEST_F(VisitLogTest, AKioskThatWasOffAtClosingTimeClosesYesterdaysVisitsAtYesterdaysClosingTime)
{
    sign_in_ok(named("yesterday", "Lars Åberg"));
    const UnixSeconds next_morning = tuesday_morning + 86400;
    auto closed = log.sign_out_automatically({20, 0, 0}, helsinki(), {next_morning, true});
    ASSERT_TRUE(closed.ok());
    EXPECT_EQ(closed.value(), 1);
    EXPECT_EQ(count("SELECT signed_out_at FROM visit"), helsinki().to_instant({{2026, 11, 24}, {20, 0, 0}}));
}

TEST_F(VisitLogTest, ANameThatIsNoNameIsRefusedAndNothingIsWritten)
{
    auto refused = log.sign_in(named("bad", "12345"), {tuesday_morning, true});
    EXPECT_FALSE(refused.ok());
    EXPECT_EQ(count("SELECT count(*) FROM visit"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM visitor"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM outbox"), 0);
}

TEST(VisitLogDurability, RecordsAreThereAfterTheDatabaseIsClosedAndOpenedAgain)
{
    TempDir dir;
    const std::string path = dir.file("olohuone.sqlite3");
    {
        Store store = Store::open(path).value();
        VisitLog log(store.database());
        ASSERT_TRUE(log.sign_in(named("k1", "Aino Korhonen"), {tuesday_morning, true}).ok());
    }
    Store store = Store::open(path).value();
    EXPECT_EQ(store.database().query_int("SELECT count(*) FROM visit WHERE key = 'k1'").value(), 1);
    EXPECT_EQ(store.database().query_int("SELECT count(*) FROM outbox WHERE key = 'k1' AND sent_at IS NULL").value(), 1);
    EXPECT_EQ(outbox_waiting(store.database()).value(), 1);
}

} // namespace
} // namespace olohuone::store
