#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sync/sync_messages.h"

namespace olohuone::sync {
namespace {

const std::vector<store::OutboxRecord> sent = {
    {"11111111-1111-4111-8111-111111111111", "visit.sign_in", R"({"visit":"a"})", {1795508100, true}},
    {"22222222-2222-4222-8222-222222222222", "visit.counted", R"({"visit":"b"})", {1795508160, false}},
};

TEST(SyncMessages, ABatchCarriesEachRecordWithItsPayloadAsJson)
{
    const auto body = nlohmann::json::parse(batch_body(sent));
    ASSERT_EQ(body["records"].size(), 2u);
    EXPECT_EQ(body["records"][0]["key"], sent[0].key);
    EXPECT_EQ(body["records"][0]["payload"]["visit"], "a");
    EXPECT_EQ(body["records"][1]["created_at"], 1795508160);
    EXPECT_EQ(body["records"][1]["clock_synced"], false);
}

TEST(SyncMessages, StoredAndDuplicateAreDeliveredInvalidAndConflictAreRefusedWithTheReason)
{
    const std::string answer = R"({"results": [
        {"key": "22222222-2222-4222-8222-222222222222", "status": "invalid", "reason": "payload.group is missing"},
        {"key": "11111111-1111-4111-8111-111111111111", "status": "duplicate"}]})";
    auto outcomes = read_batch_answer(answer, sent);
    ASSERT_TRUE(outcomes.ok()) << outcomes.error().message;
    ASSERT_EQ(outcomes->size(), 2u);
    EXPECT_EQ((*outcomes)[0].key, sent[0].key) << "in the order sent";
    EXPECT_FALSE((*outcomes)[0].refused_reason.has_value());
    EXPECT_EQ((*outcomes)[1].refused_reason, "invalid: payload.group is missing");
}

TEST(SyncMessages, AnAnswerThatDoesNotAddUpIsAnErrorNotAGuess)
{
    const std::string one = R"({"key": "11111111-1111-4111-8111-111111111111", "status": "stored"})";
    const std::string two = R"({"key": "22222222-2222-4222-8222-222222222222", "status": "stored"})";
    for (const std::string& answer : {
             std::string("not json"),
             std::string(R"({"results": 3})"),
             R"({"results": [)" + one + "]}",                                // one missing
             R"({"results": [)" + one + "," + one + "]}",                    // one twice
             R"({"results": [)" + one + "," + two + "," + two + "]}",
             R"({"results": [)" + one + R"(, {"key": "33333333-3333-4333-8333-333333333333", "status": "stored"}]})",
             R"({"results": [)" + one + R"(, {"key": "22222222-2222-4222-8222-222222222222", "status": "maybe"}]})",
         })
        EXPECT_FALSE(read_batch_answer(answer, sent).ok()) << answer;
}

TEST(SyncMessages, TheProgrammeIsReadWithItsNamesChecked)
{
    auto calendars = read_programme_answer(R"({"site": 1, "calendars": [{"name": "weekly.ics", "ics": "BEGIN:VCALENDAR"}]})");
    ASSERT_TRUE(calendars.ok()) << calendars.error().message;
    ASSERT_EQ(calendars->size(), 1u);
    EXPECT_EQ(calendars->front().name, "weekly.ics");

    EXPECT_TRUE(read_programme_answer(R"({"calendars": []})").ok()) << "no programme: the bundled one stays";
    for (const char* answer : {R"({"calendars": [{"name": "../../etc/passwd", "ics": ""}]})",
                               R"({"calendars": [{"name": ".hidden", "ics": ""}]})",
                               R"({"calendars": [{"name": "a.ics"}]})", R"({"calendars": {}})", "[]", "<html>"})
        EXPECT_FALSE(read_programme_answer(answer).ok()) << answer;
}

TEST(SyncMessages, AnErrorBodysMessageIsShownWithItsStatus)
{
    EXPECT_EQ(error_message(R"({"error": "unauthorized", "message": "a valid kiosk token is required"})", 401),
              "HTTP 401: a valid kiosk token is required");
    EXPECT_EQ(error_message("<html>Bad Gateway</html>", 502), "HTTP 502");
}

TEST(SyncMessages, AHeartbeatSaysWhenTheKioskLastSynced)
{
    const auto never = nlohmann::json::parse(heartbeat_body({"0.1.0", 60, 3, std::nullopt, 1000}));
    EXPECT_TRUE(never["last_sync_at"].is_null());
    EXPECT_EQ(never["queue_length"], 3);
    const auto synced = nlohmann::json::parse(heartbeat_body({"0.1.0", 60, 0, 1795508100, 1000}));
    EXPECT_EQ(synced["last_sync_at"], 1795508100);
    EXPECT_FALSE(synced.contains("clock")) << "no boot known, nothing to correct by";
}

TEST(SyncMessages, AHeartbeatCarriesTheClockItsBootAndTheTimeSinceIt)
{
    const auto body = nlohmann::json::parse(
        heartbeat_body({"0.1.0", 60, 0, std::nullopt, 1000, 1795508100, true, {"4f2b8a1e-0c5d", 81234}}));
    EXPECT_EQ(body["clock"], (nlohmann::json{{"at", 1795508100}, {"synced", true}, {"boot", "4f2b8a1e-0c5d"},
                                             {"uptime_ms", 81234}}));
}

TEST(SyncMessages, ThePlacesAreReadInTheServersOrderWithTheCapacityItDecidedWith)
{
    auto places = read_places_answer(
        R"({"site": 1, "activities": [
              {"uid": "bingo@test", "instance": 1795615200, "capacity": 12,
               "registrations": [{"key": "a", "cancelled": false}, {"key": "b", "cancelled": true}]},
              {"uid": "kuoro@test", "instance": 1795701600, "capacity": null, "registrations": []},
              {"uid": "vanha@test", "instance": 1795701600, "registrations": [{"key": "c", "cancelled": false}]}]})");
    ASSERT_TRUE(places.ok()) << places.error().message;
    ASSERT_EQ(places->size(), 3u);
    EXPECT_EQ((*places)[0].uid, "bingo@test");
    EXPECT_EQ((*places)[0].capacity, std::optional<std::optional<int>>(12));
    ASSERT_EQ((*places)[0].registrations.size(), 2u);
    EXPECT_EQ((*places)[0].registrations[1].key, "b");
    EXPECT_TRUE((*places)[0].registrations[1].cancelled);
    EXPECT_EQ((*places)[1].capacity, std::optional<std::optional<int>>(std::optional<int>())) << "no limit";
    EXPECT_FALSE((*places)[2].capacity) << "not decided by the server";
}

TEST(SyncMessages, PlacesThatDoNotAddUpAreRefusedWhole)
{
    for (const char* bad : {
             "not json",
             R"({"activities": {}})",
             R"({"activities": [{"instance": 1795615200, "registrations": []}]})",
             R"({"activities": [{"uid": "", "instance": 1795615200, "registrations": []}]})",
             R"({"activities": [{"uid": "a", "instance": -5, "registrations": []}]})",
             R"({"activities": [{"uid": "a", "instance": 18446744073709551615, "registrations": []}]})",
             R"({"activities": [{"uid": "a", "instance": 1.5, "registrations": []}]})",
             R"({"activities": [{"uid": "a", "instance": 1795615200, "capacity": "12", "registrations": []}]})",
             R"({"activities": [{"uid": "a", "instance": 1795615200, "capacity": -1, "registrations": []}]})",
             R"({"activities": [{"uid": "a", "instance": 1795615200, "registrations": [{"key": "x"}]}]})",
             R"({"activities": [{"uid": "a", "instance": 1795615200, "registrations": [{"key": 5, "cancelled": false}]}]})",
         })
        EXPECT_FALSE(read_places_answer(bad).ok()) << bad;
    const std::string long_uid(1001, 'u');
    EXPECT_FALSE(read_places_answer(R"({"activities": [{"uid": ")" + long_uid
                                    + R"(", "instance": 1795615200, "registrations": []}]})")
                     .ok());
}

} // namespace
} // namespace olohuone::sync
