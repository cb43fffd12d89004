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

} // namespace
} // namespace olohuone::testing
