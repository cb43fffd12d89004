// The server group of olohuonectl against a temporary server.toml and state folder:
// sites and kiosks added, listed and revoked in the server's database. (The server
// tests and sync tests use the same commands against the running server.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "ctl_process.h"
#include "support/temp_dir.h"

namespace olohuone::testing {
namespace {

class ServerCommandsTest : public ::testing::Test {
protected:
    ServerCommandsTest() : config(dir.file("server.toml"))
    {
        std::ofstream(config) << "[server]\nstate_dir = \"" << dir.file("state") << "\"\n";
    }

    CtlRun server(const std::vector<std::string>& arguments)
    {
        std::vector<std::string> words = {"server", "-c", config};
        words.insert(words.end(), arguments.begin(), arguments.end());
        return run_ctl(words);
    }

    // The list-kiosks lines after the header, each line's first four columns.
    std::vector<std::string> kiosk_lines()
    {
        const CtlRun listed = server({"list-kiosks"});
        EXPECT_EQ(listed.exit_code, 0) << listed.err;
        std::vector<std::string> lines;
        std::size_t at = listed.out.find('\n');
        EXPECT_EQ(listed.out.substr(0, at),
                  "kiosk\tsite\tname\tstatus\tlast_heard\tversion\tqueue\tlast_sync\tfree_disk");
        while (at != std::string::npos && at + 1 < listed.out.size()) {
            const std::size_t end = listed.out.find('\n', at + 1);
            std::string line = listed.out.substr(at + 1, end - at - 1);
            std::size_t cut = 0;
            for (int tabs = 0; tabs < 4 && cut != std::string::npos; ++tabs)
                cut = line.find('\t', cut + (tabs > 0 ? 1 : 0));
            lines.push_back(line.substr(0, cut));
            at = end;
        }
        return lines;
    }

    test::TempDir dir;
    std::string config;
};

TEST_F(ServerCommandsTest, SitesAndKiosksAreAddedListedAndRevoked)
{
    const CtlRun site = server({"add-site", "--organisation", "Espoon kaupunki", "--site", "Olohuone Leppävaara"});
    ASSERT_EQ(site.exit_code, 0) << site.err;
    EXPECT_EQ(site.out, "site 1\n");
    const CtlRun other = server({"add-site", "--organisation", "Espoon kaupunki", "--site", "Palvelutalo Kivenlahti"});
    EXPECT_EQ(other.out, "site 2\n");

    const CtlRun kiosk = server({"add-kiosk", "--site", "1", "--name", "olohuone"});
    ASSERT_EQ(kiosk.exit_code, 0) << kiosk.err;
    // 32 random bytes in base64url (43 characters), shown once.
    ASSERT_EQ(kiosk.out.substr(0, 14), "kiosk 1\ntoken ") << kiosk.out;
    const std::string token = kiosk.out.substr(14, kiosk.out.size() - 15);
    EXPECT_EQ(token.size(), 43u) << kiosk.out;
    const auto base64url = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; };
    EXPECT_TRUE(std::all_of(token.begin(), token.end(), base64url)) << token;
    EXPECT_EQ(kiosk.out.back(), '\n');
    const CtlRun aula = server({"add-kiosk", "--site", "2", "--name", "aula"});
    ASSERT_EQ(aula.exit_code, 0) << aula.err;
    EXPECT_NE(aula.out.substr(aula.out.find("token")), kiosk.out.substr(kiosk.out.find("token")));

    EXPECT_EQ(kiosk_lines(), (std::vector<std::string>{"1\t1\tolohuone\tactive", "2\t2\taula\tactive"}));

    const CtlRun revoked = server({"revoke-kiosk", "--kiosk", "1"});
    ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
    EXPECT_EQ(revoked.out, "revoked kiosk 1\n");
    EXPECT_EQ(kiosk_lines(), (std::vector<std::string>{"1\t1\tolohuone\trevoked", "2\t2\taula\tactive"}));
}

TEST_F(ServerCommandsTest, UnknownSitesAndKiosksAreBadArgumentsNamedInTheMessage)
{
    ASSERT_EQ(server({"add-site", "--organisation", "Espoo", "--site", "Olohuone"}).exit_code, 0);
    const CtlRun no_site = server({"add-kiosk", "--site", "7", "--name", "olohuone"});
    EXPECT_EQ(no_site.exit_code, 64);
    EXPECT_NE(no_site.err.find("--site 7: there is no site 7"), std::string::npos) << no_site.err;
    EXPECT_EQ(no_site.out, "") << "no token for a kiosk that was not added";

    const CtlRun no_kiosk = server({"revoke-kiosk", "--kiosk", "5"});
    EXPECT_EQ(no_kiosk.exit_code, 64);
    EXPECT_NE(no_kiosk.err.find("no kiosk 5 with a working token"), std::string::npos) << no_kiosk.err;

    const CtlRun no_name = server({"add-kiosk", "--site", "1", "--name", ""});
    EXPECT_EQ(no_name.exit_code, 64);
    EXPECT_NE(no_name.err.find("--name"), std::string::npos) << no_name.err;
    EXPECT_TRUE(kiosk_lines().empty());
}

TEST_F(ServerCommandsTest, AWrongServerConfigurationIsExit78NamingTheKey)
{
    std::ofstream(config) << "[server]\nport = 70000\n";
    const CtlRun run = server({"list-kiosks"});
    EXPECT_EQ(run.exit_code, 78);
    EXPECT_NE(run.err.find("server.port"), std::string::npos) << run.err;
}

} // namespace
} // namespace olohuone::testing
