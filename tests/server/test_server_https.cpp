// The real server over real HTTPS on 127.0.0.1: records arrive once by key, repeats are
// acknowledged, a different record under a used key is refused; no token, a wrong or
// revoked one is a 401 and stores nothing; oversized, chunked and malformed bodies are
// refused and the server keeps answering; a client that does not trust the certificate
// (or finds another host name in it) sends nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "server_fixture.h"
#include "server_process.h"
#include "support/temp_dir.h"

namespace olohuone::testing {
namespace {

class ServerTest : public ServerFixture {
protected:
    std::string token = add_kiosk("Olohuone Leppävaara", "olohuone");
    ServerProcess server{config};

    std::string url() const { return ServerFixture::url(server, "/v1/records"); }

    HttpAnswer post(const std::string& body, const std::string& with_token)
    {
        return send({.url = url(), .body = body, .token = with_token, .ca = certificates.ca});
    }
};

nlohmann::json record(const std::string& key, const std::string& visit = "a")
{
    const nlohmann::json time = {{"at", 1795508100}, {"clock_synced", true}};
    return {{"key", key},
            {"kind", "visit.counted"},
            {"payload", {{"visit", visit}, {"group", "resident"}, {"time", time}}},
            {"created_at", 1795508100},
            {"clock_synced", true}};
}

const std::string first_key = "0b6f1f7e-6c1d-4b7e-9a51-3f2d8c4e5a01";
const std::string second_key = "0b6f1f7e-6c1d-4b7e-9a51-3f2d8c4e5a02";

std::vector<std::string> statuses(const HttpAnswer& answer)
{
    std::vector<std::string> found;
    const auto document = nlohmann::json::parse(answer.body, nullptr, false);
    if (document.is_discarded() || !document.contains("results"))
        return {"unreadable: " + answer.body};
    for (const auto& result : document["results"])
        found.push_back(result["status"].get<std::string>());
    return found;
}

TEST_F(ServerTest, EachRecordIsStoredOnceAndARepeatIsAcknowledged)
{
    const nlohmann::json batch = {{"records", {record(first_key), record(second_key)}}};
    const HttpAnswer first = post(batch.dump(), token);
    ASSERT_EQ(first.transport, CURLE_OK) << curl_easy_strerror(first.transport);
    EXPECT_EQ(first.status, 200);
    EXPECT_EQ(statuses(first), (std::vector<std::string>{"stored", "stored"}));

    // The kiosk did not hear the answer and sends the same batch again.
    const HttpAnswer again = post(batch.dump(), token);
    EXPECT_EQ(statuses(again), (std::vector<std::string>{"duplicate", "duplicate"}));
    // The same content with its keys in another order and other spacing is the same record.
    const std::string reordered = R"({"records":[{"clock_synced":true,"created_at":1795508100,"payload":)"
                                  R"({"time": {"clock_synced": true, "at": 1795508100}, "group":"resident", )"
                                  R"("visit":"a"},"kind":"visit.counted","key":")"
        + first_key + "\"}]}";
    EXPECT_EQ(statuses(post(reordered, token)), (std::vector<std::string>{"duplicate"}));
    EXPECT_EQ(stored("SELECT count(*) FROM record"), 2);
    // The server knows it heard from this kiosk.
    EXPECT_EQ(stored("SELECT count(*) FROM kiosk WHERE last_seen_at >= unixepoch() - 60"), 1);
}

TEST_F(ServerTest, ADifferentRecordUnderAUsedKeyIsRefusedAndKeptAside)
{
    ASSERT_EQ(statuses(post(nlohmann::json{{"records", {record(first_key)}}}.dump(), token)),
              (std::vector<std::string>{"stored"}));
    const HttpAnswer answer = post(nlohmann::json{{"records", {record(first_key, "b")}}}.dump(), token);
    EXPECT_EQ(statuses(answer), (std::vector<std::string>{"conflict"}));
    EXPECT_EQ(stored("SELECT count(*) FROM record"), 1);
    EXPECT_EQ(stored("SELECT count(*) FROM conflict"), 1);
    EXPECT_EQ(stored("SELECT count(*) FROM record WHERE payload LIKE '%\"visit\":\"a\"%'"), 1);
}

TEST_F(ServerTest, InvalidRecordsAreNamedAndTheRestOfTheBatchIsStored)
{
    nlohmann::json unknown_kind = record(second_key);
    unknown_kind["kind"] = "visit.teleport";
    nlohmann::json no_time = record("0b6f1f7e-6c1d-4b7e-9a51-3f2d8c4e5a03");
    no_time["payload"].erase("time");
    const nlohmann::json batch = {
        {"records", {record(first_key), unknown_kind, {{"key", "not-a-uuid"}}, record(first_key), no_time}}};
    const HttpAnswer answer = post(batch.dump(), token);
    EXPECT_EQ(answer.status, 200);
    EXPECT_EQ(statuses(answer), (std::vector<std::string>{"stored", "invalid", "invalid", "invalid", "invalid"}));
    EXPECT_NE(answer.body.find("kind is not a known kind"), std::string::npos);
    EXPECT_NE(answer.body.find("the same key twice in one batch"), std::string::npos);
    EXPECT_NE(answer.body.find("payload.time is missing"), std::string::npos);
    EXPECT_EQ(stored("SELECT count(*) FROM record"), 1);
}

TEST_F(ServerTest, WithoutAWorkingTokenNothingIsStored)
{
    const std::string batch = nlohmann::json{{"records", {record(first_key)}}}.dump();
    const std::string revoked_token = add_kiosk("Olohuone Tapiola", "aula");
    const std::string revoked_id = std::to_string(stored("SELECT max(id) FROM kiosk"));
    ASSERT_NE(run_admin(config, "revoke-kiosk --kiosk " + revoked_id).find("revoked kiosk " + revoked_id),
              std::string::npos);

    std::string wrong = token;
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    std::string encoded = token;
    encoded.replace(0, 3, "%41");
    for (const std::string& attempt : {std::string(), wrong, encoded, revoked_token, std::string("Bearer")}) {
        const HttpAnswer answer = post(batch, attempt);
        EXPECT_EQ(answer.status, 401) << "token '" << attempt << "'";
        EXPECT_NE(answer.body.find("unauthorized"), std::string::npos);
    }
    const HttpAnswer basic =
        send({.url = url(), .body = batch, .ca = certificates.ca, .headers = {"Authorization: Basic " + token}});
    EXPECT_EQ(basic.status, 401);
    EXPECT_EQ(stored("SELECT count(*) FROM record"), 0);
    EXPECT_EQ(statuses(post(batch, token)), (std::vector<std::string>{"stored"}));
}

TEST_F(ServerTest, OversizedChunkedAndMalformedBodiesAreRefusedAndTheServerKeepsAnswering)
{
    const std::string huge(70 * 1024, 'x');
    EXPECT_EQ(post("{\"records\":[],\"pad\":\"" + huge + "\"}", token).status, 413);
    const HttpAnswer chunked = send({.url = url(),
                                     .body = nlohmann::json{{"records", {record(first_key)}}}.dump(),
                                     .token = token,
                                     .ca = certificates.ca,
                                     .chunked = true});
    EXPECT_EQ(chunked.status, 411);
    EXPECT_EQ(post("{\"records\": [", token).status, 400);
    EXPECT_EQ(post("[1, 2, 3]", token).status, 400);
    EXPECT_EQ(post("{\"records\": 5}", token).status, 400);
    nlohmann::json too_many = {{"records", nlohmann::json::array()}};
    for (int i = 0; i < 51; ++i)
        too_many["records"].push_back(record(first_key));
    const HttpAnswer crowded = post(too_many.dump(), token);
    EXPECT_EQ(crowded.status, 400);
    EXPECT_NE(crowded.body.find("at most 50 records"), std::string::npos);
    const std::string nowhere = "https://127.0.0.1:" + std::to_string(server.port()) + "/v1/nothing";
    EXPECT_EQ(send({.url = nowhere, .body = "{}", .token = token, .ca = certificates.ca}).status, 404);

    EXPECT_TRUE(server.running());
    EXPECT_EQ(statuses(post(nlohmann::json{{"records", {record(first_key)}}}.dump(), token)),
              (std::vector<std::string>{"stored"}));
    EXPECT_EQ(stored("SELECT count(*) FROM record"), 1);
}

TEST_F(ServerTest, AClientThatCannotVerifyTheServerSendsNothing)
{
    const std::string batch = nlohmann::json{{"records", {record(first_key)}}}.dump();
    // The system's authorities do not know the test's.
    const HttpAnswer untrusted = send({.url = url(), .body = batch, .token = token});
    EXPECT_EQ(untrusted.transport, CURLE_PEER_FAILED_VERIFICATION);
    // The right authority, but the certificate is not for this host name.
    const std::string other_host = "https://kiosk-server.example:" + std::to_string(server.port()) + "/v1/records";
    const HttpAnswer wrong_name =
        send({.url = other_host,
              .body = batch,
              .token = token,
              .ca = certificates.ca,
              .resolve = "kiosk-server.example:" + std::to_string(server.port()) + ":127.0.0.1"});
    EXPECT_EQ(wrong_name.transport, CURLE_PEER_FAILED_VERIFICATION);
    // A pinned key that is not the server's.
    const HttpAnswer wrong_pin = send({.url = url(),
                                       .body = batch,
                                       .token = token,
                                       .ca = certificates.ca,
                                       .pin = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="});
    EXPECT_EQ(wrong_pin.transport, CURLE_SSL_PINNEDPUBKEYNOTMATCH);
    EXPECT_EQ(stored("SELECT count(*) FROM record"), 0);

    // The pin the server printed is its key's.
    const HttpAnswer pinned =
        send({.url = url(), .body = batch, .token = token, .ca = certificates.ca, .pin = server.pin()});
    EXPECT_EQ(pinned.transport, CURLE_OK);
    EXPECT_EQ(statuses(pinned), (std::vector<std::string>{"stored"}));
}

TEST(ServerFirstStart, MakesASelfSignedCertificateAndPrintsItsPin)
{
    test::TempDir dir;
    const std::string config = dir.file("server.toml");
    std::ofstream(config) << "[server]\nlisten_address = \"127.0.0.1\"\nport = 0\nstate_dir = \"" << dir.file("state")
                          << "\"\n";
    std::string pin;
    {
        ServerProcess server(config);
        ASSERT_GT(server.port(), 0);
        pin = server.pin();
        // Trusting that certificate alone, with its pin, is enough to reach the server.
        const HttpAnswer answer = send({.url = "https://127.0.0.1:" + std::to_string(server.port()) + "/v1/records",
                                        .body = "{}",
                                        .ca = dir.file("state") + "/server-certificate.pem",
                                        .pin = pin});
        EXPECT_EQ(answer.transport, CURLE_OK) << curl_easy_strerror(answer.transport);
        EXPECT_EQ(answer.status, 401);
    }
    // The second start keeps the same certificate: kiosks pinned to it still connect.
    ServerProcess again(config);
    EXPECT_EQ(again.pin(), pin);
}

TEST(ServerConfiguration, AWrongValueStopsTheServerNamingTheKey)
{
    test::TempDir dir;
    const std::string config = dir.file("server.toml");
    std::ofstream(config) << "[limits]\nmax_records_per_batch = 0\n";
    const std::string output = run_admin(config, "add-site --organisation A --site B");
    EXPECT_NE(output.find("limits.max_records_per_batch"), std::string::npos) << output;
}

// Before a restart, an operator checks an edited server.toml: the fault is named with
// the value given and what is allowed, and nothing is created.
TEST(ServerConfiguration, CheckConfigNamesTheKeyTheValueAndWhatIsAllowedAndWritesNothing)
{
    test::TempDir dir;
    const std::string config = dir.file("server.toml");
    const std::string state = dir.file("state");
    std::ofstream(config) << "[server]\nstate_dir = \"" << state << "\"\n[limits]\nmax_records_per_batch = 0\n";
    const AdminRun wrong_value = check_server_config(config);
    EXPECT_EQ(wrong_value.exit_code, 78);
    EXPECT_NE(wrong_value.output.find("limits.max_records_per_batch (0) must be a whole number from 1 to"),
              std::string::npos)
        << wrong_value.output;

    std::ofstream(config) << "[server]\nstate_dir = \"" << state << "\"\nprot = 8443\n";
    const AdminRun unknown_key = check_server_config(config);
    EXPECT_EQ(unknown_key.exit_code, 78);
    EXPECT_NE(unknown_key.output.find("server.prot is not a known key (expected one of listen_address, port, "
                                      "state_dir)"),
              std::string::npos)
        << unknown_key.output;

    std::ofstream(config) << "[server]\nstate_dir = \"" << state << "\"\n[feeds]\nca_file = \""
                          << dir.file("missing-ca.pem") << "\"\n";
    const AdminRun missing_file = check_server_config(config);
    EXPECT_EQ(missing_file.exit_code, 78);
    EXPECT_NE(missing_file.output.find("feeds.ca_file: cannot read"), std::string::npos) << missing_file.output;

    std::ofstream(config) << "[server]\nstate_dir = \"" << state << "\"\nport = 9443\n";
    const AdminRun valid = check_server_config(config);
    EXPECT_EQ(valid.exit_code, 0) << valid.output;
    EXPECT_FALSE(std::filesystem::exists(state)) << "a check makes no state directory, database or certificate";
}

TEST(ServerConfiguration, ACertificateThatCannotBeUsedStopsTheServerNamingTheFile)
{
    test::TempDir dir;
    const TestCertificates certificates = make_test_certificates(dir.path().string(), "IP:127.0.0.1");
    const std::string config = dir.file("server.toml");
    const auto write = [&](const std::string& certificate, const std::string& key) {
        std::ofstream(config) << "[server]\nlisten_address = \"127.0.0.1\"\nport = 0\nstate_dir = \""
                              << dir.file("state") << "\"\n[tls]\ncertificate = \"" << certificate
                              << "\"\nprivate_key = \"" << key << "\"\n";
    };
    write(dir.file("missing.pem"), certificates.private_key);
    EXPECT_NE(run_server_to_exit(config).output.find("cannot read the certificate " + dir.file("missing.pem")),
              std::string::npos);
    // A certificate with a key that is not its own.
    write(certificates.certificate, dir.file("ca-key.pem"));
    EXPECT_NE(run_server_to_exit(config).output.find("cannot use the certificate " + certificates.certificate),
              std::string::npos);
}

} // namespace
} // namespace olohuone::testing
