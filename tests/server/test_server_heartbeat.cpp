// Heartbeats on the real server: a kiosk's heartbeat is stored and list-kiosks shows it
// with the kiosk's site, status and when it was last heard from; a malformed heartbeat is
// a 400 naming the field, stores nothing, and the server keeps answering.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <ctime>
#include <limits>
#include <sstream>

#include "server_fixture.h"

namespace olohuone::testing {
namespace {

class ServerHeartbeatTest : public ServerFixture {
protected:
    std::string site = add_site("Olohuone Leppävaara");
    std::string token = add_kiosk_to(site, "olohuone");
    ServerProcess server{config};

    HttpAnswer beat(const std::string& body, const std::string& with_token)
    {
        return send({.url = url(server, "/v1/heartbeat"), .body = body, .token = with_token, .ca = certificates.ca});
    }
};

const nlohmann::json good_heartbeat = {{"version", "0.5.0"},
                                       {"uptime_seconds", 123},
                                       {"queue_length", 4},
                                       {"last_sync_at", 1790000000},
                                       {"free_disk_bytes", 123456789}};

// The lines of list-kiosks, each split at its tabs.
std::vector<std::vector<std::string>> table(const std::string& output)
{
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        std::vector<std::string> cells;
        std::istringstream fields(line);
        for (std::string cell; std::getline(fields, cell, '\t');)
            cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

TEST_F(ServerHeartbeatTest, AHeartbeatIsStoredAndListKiosksShowsIt)
{
    const std::string quiet_token = add_kiosk_to(site, "aula");
    const std::string other_site = add_site("Olohuone Tapiola");
    add_kiosk_to(other_site, "kirjasto");
    ASSERT_EQ(run_admin_command(config, "revoke-kiosk --kiosk 3").exit_code, 0);

    const std::time_t before = std::time(nullptr);
    const HttpAnswer answer = beat(good_heartbeat.dump(), token);
    const std::time_t after = std::time(nullptr);
    ASSERT_EQ(answer.status, 200) << answer.body;
    const auto received = nlohmann::json::parse(answer.body, nullptr, false);
    ASSERT_TRUE(received.contains("received_at")) << answer.body;
    EXPECT_GE(received["received_at"].get<std::int64_t>(), before);
    EXPECT_LE(received["received_at"].get<std::int64_t>(), after);

    // A second heartbeat replaces the first; the kiosk never synced yet is null.
    nlohmann::json later = good_heartbeat;
    later["queue_length"] = 0;
    later["version"] = "0.5.1";
    EXPECT_EQ(beat(later.dump(), token).status, 200);
    EXPECT_EQ(beat(good_heartbeat.dump(), token).status, 200);

    const AdminRun listed = run_admin_command(config, "list-kiosks");
    ASSERT_EQ(listed.exit_code, 0) << listed.output;
    const auto rows = table(listed.output);
    ASSERT_EQ(rows.size(), 4u) << listed.output;
    EXPECT_EQ(rows[0], (std::vector<std::string>{"kiosk", "site", "name", "status", "last_heard", "version", "queue",
                                                 "last_sync", "free_disk"}));
    ASSERT_EQ(rows[1].size(), 9u) << listed.output;
    EXPECT_EQ(rows[1][0], "1");
    EXPECT_EQ(rows[1][1], site);
    EXPECT_EQ(rows[1][2], "olohuone");
    EXPECT_EQ(rows[1][3], "active");
    // Heard from just now: today's date in UTC.
    char today[16];
    const std::time_t now = std::time(nullptr);
    std::strftime(today, sizeof today, "%Y-%m-%dT", std::gmtime(&now));
    EXPECT_EQ(rows[1][4].size(), 20u) << rows[1][4];
    EXPECT_EQ(rows[1][4].rfind(today, 0), 0u) << rows[1][4];
    EXPECT_EQ((std::vector<std::string>(rows[1].begin() + 5, rows[1].end())),
              (std::vector<std::string>{"0.5.0", "4", "2026-09-21T14:13:20Z", "117.7 MiB"}));
    EXPECT_EQ(rows[2], (std::vector<std::string>{"2", site, "aula", "active", "never", "-", "-", "-", "-"}));
    EXPECT_EQ(rows[3], (std::vector<std::string>{"3", other_site, "kirjasto", "revoked", "never", "-", "-", "-", "-"}));
    EXPECT_FALSE(quiet_token.empty());
}

TEST_F(ServerHeartbeatTest, AMalformedHeartbeatIsRefusedNamingTheFieldAndTheServerKeepsRunning)
{
    const auto with = [](const std::string& field, const nlohmann::json& value) {
        nlohmann::json body = good_heartbeat;
        body[field] = value;
        return body.dump();
    };
    const auto without = [](const std::string& field) {
        nlohmann::json body = good_heartbeat;
        body.erase(field);
        return body.dump();
    };
    const std::vector<std::pair<std::string, std::string>> refused = {
        {"{\"version\": ", "JSON object"},
        {"[1, 2]", "JSON object"},
        {without("version"), "version"},
        {with("version", std::string(41, '1')), "version"},
        {with("version", ""), "version"},
        {with("version", "0.5\n0"), "version"},
        {with("version", "0.5.0-ä"), "version"},
        {with("version", 5), "version"},
        {without("uptime_seconds"), "uptime_seconds"},
        {with("uptime_seconds", -1), "uptime_seconds"},
        {with("uptime_seconds", 1.5), "uptime_seconds"},
        {with("uptime_seconds", "123"), "uptime_seconds"},
        {with("queue_length", -4), "queue_length"},
        {with("queue_length", nullptr), "queue_length"},
        {with("free_disk_bytes", std::numeric_limits<std::uint64_t>::max()), "free_disk_bytes"},
        {without("last_sync_at"), "last_sync_at"},
        {with("last_sync_at", "yesterday"), "last_sync_at"},
        {with("last_sync_at", 5), "last_sync_at"},
        {with("clock", "synced"), "clock"},
        {with("clock", {{"at", 1790000000}, {"synced", true}, {"boot", "b"}}), "clock.uptime_ms"},
        {with("clock", {{"at", 1790000000}, {"synced", "yes"}, {"boot", "b"}, {"uptime_ms", 5}}), "clock.synced"},
        {with("clock", {{"at", 12}, {"synced", true}, {"boot", "b"}, {"uptime_ms", 5}}), "clock.at"},
        {with("clock", {{"at", 1790000000}, {"synced", true}, {"boot", std::string(65, 'b')}, {"uptime_ms", 5}}),
         "clock.boot"},
        {with("clock", {{"at", 1790000000}, {"synced", true}, {"boot", "b"}, {"uptime_ms", -5}}), "clock.uptime_ms"},
    };
    for (const auto& [body, field] : refused) {
        const HttpAnswer answer = beat(body, token);
        EXPECT_EQ(answer.status, 400) << body;
        const auto error = nlohmann::json::parse(answer.body, nullptr, false);
        EXPECT_EQ(error.value("error", ""), "bad_heartbeat") << answer.body;
        EXPECT_NE(error.value("message", "").find(field), std::string::npos) << body << ": " << answer.body;
    }
    EXPECT_EQ(beat(good_heartbeat.dump(), "").status, 401);
    EXPECT_EQ(send({.url = url(server, "/v1/heartbeat"),
                    .body = good_heartbeat.dump(),
                    .token = token,
                    .ca = certificates.ca,
                    .chunked = true})
                  .status,
              411);
    EXPECT_EQ(stored("SELECT count(*) FROM kiosk_heartbeat"), 0);

    EXPECT_TRUE(server.running());
    EXPECT_EQ(beat(with("last_sync_at", nullptr), token).status, 200);
    EXPECT_EQ(stored("SELECT count(*) FROM kiosk_heartbeat WHERE last_sync_at IS NULL AND version = '0.5.0'"), 1);
}

// A flagged record that arrives after its boot's first synchronised heartbeat (it waited
// in the outbox behind others) is stored at its true time at once.
TEST_F(ServerHeartbeatTest, AFlaggedRecordOfABootWhoseClockIsKnownIsStoredAtItsTrueTime)
{
    const std::string boot = "4f2b8a1e-0c5d-4e39-9a7b-6d1e2f3a4b5c";
    const std::int64_t true_time = 1795508100; // 2026-11-24 10.15 in Helsinki
    nlohmann::json synced_beat = good_heartbeat;
    synced_beat["clock"] = {{"at", true_time}, {"synced", true}, {"boot", boot}, {"uptime_ms", 600'000}};
    ASSERT_EQ(beat(synced_beat.dump(), token).status, 200);

    const auto flagged_sign_in = [&](const std::string& key, const std::string& of_boot, std::int64_t uptime_ms) {
        const std::int64_t stale = 1614585600; // 2021-03-01: the clock before NTP set it
        const nlohmann::json time = {{"at", stale}, {"clock_synced", false}, {"boot", of_boot}, {"uptime_ms", uptime_ms}};
        return nlohmann::json{{"key", key},
                              {"kind", "visit.counted"},
                              {"payload", {{"visit", key}, {"group", "resident"}, {"time", time}}},
                              {"created_at", stale},
                              {"clock_synced", false}};
    };
    const nlohmann::json records = {
        {"records",
         {flagged_sign_in("0b6f1f7e-6c1d-4b7e-9a51-3f2d8c4e5a01", boot, 120'000),
          flagged_sign_in("0b6f1f7e-6c1d-4b7e-9a51-3f2d8c4e5a02", "another-boot", 120'000)}}};
    const HttpAnswer answer
        = send({.url = url(server, "/v1/records"), .body = records.dump(), .token = token, .ca = certificates.ca});
    ASSERT_EQ(answer.status, 200) << answer.body;

    // 600 s after boot it was true_time, so 120 s after boot it was 480 s earlier.
    EXPECT_EQ(stored("SELECT json_extract(payload, '$.time.at') FROM record WHERE key LIKE '%01'"), true_time - 480);
    EXPECT_EQ(stored("SELECT json_extract(payload, '$.time.kiosk_at') FROM record WHERE key LIKE '%01'"), 1614585600);
    // Another boot's record: nothing is known of that boot's clock.
    EXPECT_EQ(stored("SELECT json_extract(payload, '$.time.at') FROM record WHERE key LIKE '%02'"), 1614585600);

    // The kiosk sending the batch again (it missed the answer) is told it is the same.
    const HttpAnswer again
        = send({.url = url(server, "/v1/records"), .body = records.dump(), .token = token, .ca = certificates.ca});
    ASSERT_EQ(again.status, 200);
    EXPECT_NE(again.body.find("duplicate"), std::string::npos) << again.body;
    EXPECT_EQ(again.body.find("conflict"), std::string::npos) << again.body;
}

} // namespace
} // namespace olohuone::testing
