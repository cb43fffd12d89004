// Visitors' names leaving the server's records (docs/privacy.md) in a real SQLite file,
// the records arriving through the records API's own parsing: after
// privacy.erase_names_after_days the names are gone, the reports' figures are what they
// were (the unique-visitor count included), a kiosk sending a record again is told it is
// already there without the name coming back, and one person can be erased on request.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

#include "name_retention.h"
#include "records_api.h"
#include "server_config.h"
#include "server_store.h"
#include "store/sqlite.h"
#include "support/temp_dir.h"
#include "support/instants.h"

namespace olohuone::server {
namespace {

using nlohmann::json;

using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki
constexpr UnixSeconds hour = 3600;
constexpr UnixSeconds day = 24 * hour;

std::string key_of(int n)
{
    char key[40];
    std::snprintf(key, sizeof key, "00000000-0000-4000-8000-%012d", n);
    return key;
}

json time_at(UnixSeconds at) { return {{"at", at}, {"clock_synced", true}}; }

json record(int key, const std::string& kind, json payload, UnixSeconds at)
{
    payload["time"] = time_at(at);
    return {{"key", key_of(key)}, {"kind", kind}, {"payload", payload}, {"created_at", at}, {"clock_synced", true}};
}

json visitor(const std::string& key, const std::string& name, const std::string& marker = "")
{
    return {{"key", key}, {"name", name}, {"group", "resident"}, {"marker", marker}};
}

// Aino twice (with her marker), Eero once, a visit counted without a name, Aino's
// registration and both at the activity, one counted there without a name.
json site_records()
{
    const json aino = visitor("aino-key", "Aino Korhonen", "ruusu");
    const json eero = visitor("eero-key", "Eero Nieminen");
    const json activity = {{"uid", "jumppa@olohuone"}, {"instance", tuesday_morning + hour},
                           {"start", tuesday_morning + hour}};
    return json::array({
        record(1, "visit.sign_in", {{"visit", key_of(1)}, {"group", "resident"}, {"visitor", aino}}, tuesday_morning),
        record(2, "visit.sign_in", {{"visit", key_of(2)}, {"group", "resident"}, {"visitor", eero}}, tuesday_morning),
        record(3, "visit.counted", {{"visit", key_of(3)}, {"group", "relative"}}, tuesday_morning),
        record(4, "visit.sign_out", {{"visit", key_of(1)}, {"automatic", false}}, tuesday_morning + 2 * hour),
        record(5, "visit.sign_in", {{"visit", key_of(5)}, {"group", "resident"}, {"visitor", aino}},
               tuesday_morning + day),
        record(6, "registration.add",
               {{"registration", key_of(6)}, {"activity", activity}, {"visitor", aino},
                {"standing", {{"coming", true}, {"queue_position", 0}}}},
               tuesday_morning),
        record(7, "attendance.here", {{"attendance", key_of(7)}, {"activity", activity}, {"visitor", aino},
                                      {"registration", key_of(6)}},
               tuesday_morning + hour),
        record(8, "attendance.here", {{"attendance", key_of(8)}, {"activity", activity}, {"visitor", eero}},
               tuesday_morning + hour),
        record(9, "attendance.counted", {{"attendance", key_of(9)}, {"activity", activity}}, tuesday_morning + hour),
    });
}

// The figures as one text, so "the same before and after" is one comparison that shows
// every difference.
std::string figures_text(const AttendanceFigures& figures)
{
    std::string text = "unique " + std::to_string(figures.unique_visitors) + "\n";
    for (const VisitHour& visits : figures.visit_hours)
        text += "hour " + std::to_string(visits.hour_start) + " " + std::to_string(visits.named) + "+"
            + std::to_string(visits.anonymous) + "\n";
    for (const GroupVisits& group : figures.groups)
        text += "group " + group.group + " " + std::to_string(group.named) + "+" + std::to_string(group.anonymous)
            + "\n";
    for (const ActivityFigures& activity : figures.activities)
        text += "activity " + activity.uid + " registered " + std::to_string(activity.registered) + " present "
            + std::to_string(activity.present_named) + "+" + std::to_string(activity.present_anonymous) + "\n";
    return text;
}

class NameErasureTest : public ::testing::Test {
protected:
    test::TempDir dir;
    std::unique_ptr<ServerStore> store = open_sqlite_server_store(dir.file("server.sqlite3")).value();
    KioskIdentity kiosk;
    const UnixSeconds received_at = tuesday_morning + 2 * day;

    void SetUp() override
    {
        const std::int64_t site = store->add_site("Kaupunki", "Koivukoti").value();
        kiosk = {store->add_kiosk(site, "aula", "token-hash").value(), site};
    }

    std::vector<Delivery> deliver(const json& records, UnixSeconds now)
    {
        auto batch = parse_batch(json{{"records", records}}.dump(), 500);
        EXPECT_TRUE(batch.ok()) << (batch.ok() ? "" : batch.error().message);
        if (!batch.ok())
            return {};
        for (const ParsedBatch::Entry& entry : batch->entries)
            EXPECT_EQ(entry.problem, "") << entry.key;
        auto delivered = store->deliver(kiosk, batch->valid, now);
        EXPECT_TRUE(delivered.ok()) << (delivered.ok() ? "" : delivered.error().message);
        return delivered.ok() ? delivered.value() : std::vector<Delivery>{};
    }

    std::string figures()
    {
        auto read = store->attendance_figures({{kiosk.site_id}, tuesday_morning - day, tuesday_morning + 7 * day});
        EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().message);
        return read.ok() ? figures_text(read.value()) : "";
    }

    // Whether the database file or its log holds `text` anywhere, byte for byte.
    bool files_hold(const std::string& text)
    {
        std::string bytes;
        for (const char* suffix : {"", "-wal"}) {
            std::ifstream file(dir.file("server.sqlite3") + suffix, std::ios::binary);
            bytes.append(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
        }
        return bytes.find(text) != std::string::npos;
    }

    std::vector<std::string> names_left()
    {
        auto visitors = store->named_visitors(kiosk.site_id);
        EXPECT_TRUE(visitors.ok());
        std::vector<std::string> names;
        for (const NamedVisitor& visitor : visitors.value())
            names.push_back(visitor.name);
        return names;
    }
};

TEST_F(NameErasureTest, NamesGoAfterThePeriodAndTheFiguresStayTheSame)
{
    for (Delivery delivery : deliver(site_records(), received_at))
        ASSERT_EQ(delivery, Delivery::Stored);
    ASSERT_TRUE(files_hold("Aino Korhonen")) << "the check must see a name that is there";
    const std::string before = figures();
    ASSERT_NE(before.find("unique 2\n"), std::string::npos) << before;
    EXPECT_EQ(names_left(), (std::vector<std::string>{"Aino Korhonen", "Eero Nieminen"}));

    ManualClock clock(received_at + 400 * day - 1);
    EXPECT_EQ(erase_expired_names(*store, 400, clock).value(), 0);
    EXPECT_EQ(names_left().size(), 2u);

    clock.set(received_at + 400 * day + 1);
    EXPECT_EQ(erase_expired_names(*store, 400, clock).value(), 6);
    EXPECT_TRUE(names_left().empty());
    EXPECT_EQ(figures(), before);
    // Nor is the name in the files, where a copy of them could be read byte by byte, nor
    // in a checksum that a guessed name could be tested against.
    EXPECT_FALSE(files_hold("Aino Korhonen"));
    EXPECT_FALSE(files_hold("Eero Nieminen"));
    auto hashes = sql::Database::open(dir.file("server.sqlite3"), sql::OpenMode::ReadOnly);
    ASSERT_TRUE(hashes.ok());
    EXPECT_EQ(hashes->query_int("SELECT count(*) FROM record WHERE json_extract(payload, '$.visitor.key') IS NOT NULL "
                                "AND content_hash <> 'erased'")
                  .value(),
              0);

    // A kiosk that never heard the answer sends the very same records again: already
    // there, and the name stays gone.
    for (Delivery delivery : deliver(site_records(), clock.now()))
        EXPECT_EQ(delivery, Delivery::Repeated);
    EXPECT_TRUE(names_left().empty());
    EXPECT_EQ(figures(), before);
}

TEST_F(NameErasureTest, RecordsReceivedLaterKeepTheirNamesLonger)
{
    json records = site_records();
    const json late = json::array({records[4]}); // Aino's second visit, delivered a month later
    records.erase(4);
    deliver(records, received_at);
    deliver(late, received_at + 30 * day);

    ManualClock clock(received_at + 401 * day);
    EXPECT_EQ(erase_expired_names(*store, 400, clock).value(), 5);
    EXPECT_EQ(names_left(), (std::vector<std::string>{"Aino Korhonen"}));
    EXPECT_EQ(store->named_visitors(kiosk.site_id)->front().records, 1);
    clock.set(received_at + 431 * day);
    EXPECT_EQ(erase_expired_names(*store, 400, clock).value(), 1);
    EXPECT_TRUE(names_left().empty());
}

TEST_F(NameErasureTest, OnePersonIsErasedOnRequestAndTheCountsStay)
{
    deliver(site_records(), received_at);
    const std::string before = figures();
    const auto named = store->named_visitors(kiosk.site_id).value();
    ASSERT_EQ(named.size(), 2u);
    EXPECT_EQ(named[0].name, "Aino Korhonen"); // her last record is the latest
    EXPECT_EQ(named[0].records, 4);
    EXPECT_EQ(named[0].marker, "ruusu");

    EXPECT_EQ(store->erase_visitor_names(kiosk.site_id, {"aino-key"}).value(), 4);
    EXPECT_EQ(names_left(), (std::vector<std::string>{"Eero Nieminen"}));
    EXPECT_EQ(figures(), before);
    // Another site's records are not this site's to erase.
    EXPECT_EQ(store->erase_visitor_names(kiosk.site_id + 1, {"eero-key"}).value(), 0);
    EXPECT_EQ(names_left(), (std::vector<std::string>{"Eero Nieminen"}));
}

TEST_F(NameErasureTest, AKioskThatErasedANameBeforeDeliveringIsStillHeard)
{
    // A kiosk that worked alone for a year, then was given a server: its old records come
    // without the name (store/name_retention.cpp), and they count.
    json nameless = {{"key", "old-key"}, {"group", "resident"}, {"name_erased", true}};
    json records = json::array(
        {record(20, "visit.sign_in", {{"visit", key_of(20)}, {"group", "resident"}, {"visitor", nameless}},
                tuesday_morning)});
    EXPECT_EQ(deliver(records, received_at), std::vector<Delivery>{Delivery::Stored});
    EXPECT_NE(figures().find("unique 1\n"), std::string::npos);
    EXPECT_TRUE(names_left().empty());

    // Without the flag a missing name is still a broken record.
    nameless.erase("name_erased");
    auto batch = parse_batch(
        json{{"records", json::array({record(21, "visit.sign_in",
                                             {{"visit", key_of(21)}, {"group", "resident"}, {"visitor", nameless}},
                                             tuesday_morning)})}}
            .dump(),
        500);
    ASSERT_TRUE(batch.ok());
    EXPECT_TRUE(batch->valid.empty());
    EXPECT_NE(batch->entries.front().problem.find("payload.visitor.name"), std::string::npos);
}

TEST(NameRetentionConfig, TheServerKeyIsReadAndRangeChecked)
{
    EXPECT_EQ(ServerConfig{}.erase_names_after_days, 400);
    auto config = parse_server_config("[privacy]\nerase_names_after_days = 800\n", "server.toml");
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config->erase_names_after_days, 800);
    auto refused = parse_server_config("[privacy]\nerase_names_after_days = 0\n", "server.toml");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("privacy.erase_names_after_days"), std::string::npos);
}

} // namespace
} // namespace olohuone::server
