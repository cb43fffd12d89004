// `olohuonectl server forget` against a real server database: records delivered through
// the records API's own parsing, then one person's name erased on request. Without
// --yes it only lists; with it the name leaves every record of theirs at the site and
// the reports' figures stay what they were.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "ctl_process.h"
#include "records_api.h"
#include "server_store.h"
#include "support/temp_dir.h"
#include "support/instants.h"

namespace olohuone::testing {
namespace {

using nlohmann::json;

using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki

json sign_in(int n, const std::string& visitor_key, const std::string& name, UnixSeconds at)
{
    char key[40];
    std::snprintf(key, sizeof key, "00000000-0000-4000-8000-%012d", n);
    const json visitor = {{"key", visitor_key}, {"name", name}, {"group", "resident"}, {"marker", ""}};
    return {{"key", key},
            {"kind", "visit.sign_in"},
            {"payload",
             {{"visit", key}, {"group", "resident"}, {"visitor", visitor}, {"time", {{"at", at}, {"clock_synced", true}}}}},
            {"created_at", at},
            {"clock_synced", true}};
}

class ServerForgetTest : public ::testing::Test {
protected:
    test::TempDir dir;
    std::string config = dir.file("server.toml");

    void SetUp() override
    {
        std::ofstream(config) << "[server]\nstate_dir = \"" << dir.file("state") << "\"\n";
        ASSERT_EQ(server({"add-site", "--organisation", "Kaupunki", "--site", "Koivukoti"}).exit_code, 0);
        ASSERT_EQ(server({"add-site", "--organisation", "Kaupunki", "--site", "Vaahterakoti"}).exit_code, 0);
        ASSERT_EQ(server({"add-kiosk", "--site", "1", "--name", "aula"}).exit_code, 0);
        ASSERT_EQ(server({"add-kiosk", "--site", "1", "--name", "kahvio"}).exit_code, 0);
        ASSERT_EQ(server({"add-kiosk", "--site", "2", "--name", "aula"}).exit_code, 0);
        // Aino signed in at both of site 1's kiosks (each gave her a key of its own) and
        // at site 2; Eero at site 1.
        deliver({1, 1}, {sign_in(1, "aino-aula", "Aino Korhonen", tuesday_morning),
                         sign_in(2, "aino-aula", "Aino Korhonen", tuesday_morning + 86400),
                         sign_in(3, "eero-aula", "Eero Nieminen", tuesday_morning)});
        deliver({2, 1}, {sign_in(4, "aino-kahvio", "Aino korhonen", tuesday_morning)});
        deliver({3, 2}, {sign_in(5, "aino-vaahtera", "Aino Korhonen", tuesday_morning)});
    }

    CtlRun server(const std::vector<std::string>& arguments)
    {
        std::vector<std::string> words = {"server", "-c", config};
        words.insert(words.end(), arguments.begin(), arguments.end());
        return run_ctl(words);
    }

    std::unique_ptr<server::ServerStore> open_store()
    {
        auto store = server::open_sqlite_server_store(dir.file("state") + "/olohuone-server.sqlite3");
        EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
        return std::move(store).value();
    }

    void deliver(const server::KioskIdentity& kiosk, const std::vector<json>& records)
    {
        auto batch = server::parse_batch(json{{"records", records}}.dump(), 100);
        ASSERT_TRUE(batch.ok());
        ASSERT_EQ(batch->valid.size(), records.size());
        ASSERT_TRUE(open_store()->deliver(kiosk, batch->valid, tuesday_morning + 2 * 86400).ok());
    }

    std::vector<std::string> names_at(std::int64_t site)
    {
        auto visitors = open_store()->named_visitors(site);
        EXPECT_TRUE(visitors.ok());
        std::vector<std::string> names;
        for (const server::NamedVisitor& visitor : visitors.value())
            names.push_back(visitor.name);
        std::sort(names.begin(), names.end());
        return names;
    }

    std::int64_t unique_visitors(std::int64_t site)
    {
        return open_store()
            ->attendance_figures({{site}, tuesday_morning - 86400, tuesday_morning + 7 * 86400})
            .value()
            .unique_visitors;
    }
};

TEST_F(ServerForgetTest, ListsFirstThenErasesTheNameFromEveryRecordAtTheSite)
{
    ASSERT_EQ(unique_visitors(1), 3);
    const CtlRun listed = server({"forget", "--site", "1", "--name", "aino korhonen"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_NE(listed.out.find("would erase the name from 3 records at site 1:"), std::string::npos) << listed.out;
    EXPECT_NE(listed.out.find("visitor key aino-aula: 2 records"), std::string::npos) << listed.out;
    EXPECT_NE(listed.out.find("visitor key aino-kahvio: 1 record"), std::string::npos) << listed.out;
    EXPECT_NE(listed.out.find("nothing was changed; add --yes to erase"), std::string::npos) << listed.out;
    EXPECT_EQ(names_at(1), (std::vector<std::string>{"Aino Korhonen", "Aino korhonen", "Eero Nieminen"}));

    const CtlRun erased = server({"forget", "--site", "1", "--name", "Aino Korhonen", "--yes"});
    ASSERT_EQ(erased.exit_code, 0) << erased.err;
    EXPECT_NE(erased.out.find("erased the name from 3 records at site 1:"), std::string::npos) << erased.out;
    EXPECT_NE(erased.out.find("olohuonectl kiosk forget"), std::string::npos) << erased.out;
    EXPECT_EQ(names_at(1), (std::vector<std::string>{"Eero Nieminen"}));
    // The other site's Aino is another site's matter; the counts stay.
    EXPECT_EQ(names_at(2), (std::vector<std::string>{"Aino Korhonen"}));
    EXPECT_EQ(unique_visitors(1), 3);

    const CtlRun again = server({"forget", "--site", "1", "--name", "Aino Korhonen", "--yes"});
    EXPECT_EQ(again.exit_code, 64);
    EXPECT_NE(again.err.find("no record at site 1 names 'Aino Korhonen'"), std::string::npos) << again.err;
}

TEST_F(ServerForgetTest, AVisitorKeyNarrowsItAndAWrongOneChangesNothing)
{
    const CtlRun wrong = server({"forget", "--site", "1", "--name", "Aino Korhonen", "--visitor-key", "eero-aula"});
    EXPECT_EQ(wrong.exit_code, 64);
    EXPECT_NE(wrong.err.find("aino-kahvio"), std::string::npos) << wrong.err;
    EXPECT_NE(wrong.err.find("Nothing was changed."), std::string::npos) << wrong.err;

    const CtlRun one = server({"forget", "--site", "1", "--name", "Aino Korhonen", "--visitor-key", "aino-kahvio",
                               "--yes"});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_NE(one.out.find("erased the name from 1 record at site 1:"), std::string::npos) << one.out;
    EXPECT_EQ(names_at(1), (std::vector<std::string>{"Aino Korhonen", "Eero Nieminen"}));
}

TEST_F(ServerForgetTest, AnUnknownSiteOrABadNameIsAUsageError)
{
    const CtlRun site = server({"forget", "--site", "9", "--name", "Aino Korhonen"});
    EXPECT_EQ(site.exit_code, 64);
    EXPECT_NE(site.err.find("--site 9"), std::string::npos) << site.err;
    const CtlRun name = server({"forget", "--site", "1", "--name", "1234"});
    EXPECT_EQ(name.exit_code, 64);
    EXPECT_NE(name.err.find("--name"), std::string::npos) << name.err;
}

} // namespace
} // namespace olohuone::testing
