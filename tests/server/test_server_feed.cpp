// A site's calendar feed read by the real server over real HTTPS from a feed served by
// the test (with the test's certificate authority as feeds.ca_file): read right after
// start, asked again with its ETag (a 304 changes nothing), and a feed that serves no
// calendar, too much, an error or an untrusted certificate leaves the programme as it
// was, logged with its URL but never its token. A feed host that never answers does not
// hold up the server's stop.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "feed_server.h"
#include "server_fixture.h"
#include "support/test_paths.h"

namespace olohuone::testing {
namespace {

const std::string bundled_programme = std::string(olohuone::test::source_dir()) + "/content/programme/";

const std::string feed_calendar = "BEGIN:VCALENDAR\r\n"
                                  "VERSION:2.0\r\n"
                                  "PRODID:-//Olohuone tests//feed//FI\r\n"
                                  "BEGIN:VEVENT\r\n"
                                  "UID:syyskonsertti@feed.example\r\n"
                                  "DTSTAMP:20260101T000000Z\r\n"
                                  "DTSTART:20261124T150000Z\r\n"
                                  "DTEND:20261124T160000Z\r\n"
                                  "SUMMARY:Syyskonsertti\r\n"
                                  "END:VEVENT\r\n"
                                  "END:VCALENDAR\r\n";

class ServerFeedTest : public ServerFixture {
protected:
    void SetUp() override
    {
        config = write_config(64 * 1024, "[feeds]\nrefresh_minutes = 1\nca_file = \"" + certificates.ca + "\"\n");
    }

    AdminRun set_feed(const std::string& site, const std::string& feed_url)
    {
        return run_admin_command(config, "set-feed --site " + site + " --url '" + feed_url + "'");
    }

    nlohmann::json programme(const ServerProcess& server, const std::string& site, const std::string& token)
    {
        const HttpAnswer answer = send({.url = url(server, "/v1/sites/" + site + "/programme"),
                                        .token = token,
                                        .ca = certificates.ca,
                                        .get = true});
        const auto document = nlohmann::json::parse(answer.body, nullptr, false);
        EXPECT_EQ(answer.status, 200) << answer.body;
        return document.is_discarded() ? nlohmann::json::object() : document;
    }

    static std::string calendar_text(const nlohmann::json& programme, const std::string& name)
    {
        for (const auto& calendar : programme.value("calendars", nlohmann::json::array()))
            if (calendar["name"] == name)
                return calendar["ics"].get<std::string>();
        return {};
    }

    bool logged(const std::string& text) const { return log().find(text) != std::string::npos; }
};

TEST_F(ServerFeedTest, TheFeedIsReadAtStartAskedAgainWithItsETagAndAGarbageFeedChangesNothing)
{
    FeedServer feed(certificates);
    feed.answer("/calendar.ics", feed_calendar, "v1");
    const std::string site = add_site("Olohuone Leppävaara");
    const std::string token = add_kiosk_to(site, "olohuone");
    const std::string weekly = bundled_programme + "weekly.ics";
    ASSERT_EQ(run_admin_command(config, "import-programme --site " + site + " " + weekly).exit_code, 0);
    const AdminRun set = set_feed(site, feed.url("/calendar.ics?token=s3cret"));
    EXPECT_EQ(set.exit_code, 0) << set.output;
    EXPECT_EQ(set.output, "site " + site + ": feed " + feed.url("/calendar.ics") + "\n");

    std::string etag;
    {
        ServerProcess server(config, log_file());
        ASSERT_TRUE(eventually([&] {
            return calendar_text(programme(server, site, token), "feed").find("UID:syyskonsertti@feed.example")
                != std::string::npos;
        })) << log();
        const nlohmann::json served = programme(server, site, token);
        EXPECT_EQ(calendar_text(served, "feed"), feed_calendar);
        EXPECT_EQ(calendar_text(served, "weekly.ics"), read_file(bundled_programme + "weekly.ics"));
        etag = served["etag"].get<std::string>();
    }
    ASSERT_FALSE(feed.requests().empty());
    EXPECT_EQ(feed.requests().front().if_none_match, "");

    // Started again, the feed unchanged: asked with its ETag, a 304, nothing changes.
    {
        ServerProcess server(config, log_file());
        ASSERT_TRUE(eventually([&] {
            for (const FeedServer::Asked& asked : feed.requests())
                if (asked.if_none_match == "\"v1\"" && asked.status == 304)
                    return true;
            return false;
        })) << log();
        EXPECT_EQ(programme(server, site, token)["etag"], etag);
    }

    // The feed now serves something that is not a calendar: logged, and the programme stays.
    feed.answer("/calendar.ics", "<html><body>Palvelu ei ole käytettävissä</body></html>", "v2");
    {
        ServerProcess server(config, log_file());
        ASSERT_TRUE(eventually([&] {
            return logged("feed of site " + site + " (" + feed.url("/calendar.ics") + "): not used");
        })) << log();
        const nlohmann::json served = programme(server, site, token);
        EXPECT_EQ(served["etag"], etag);
        EXPECT_EQ(calendar_text(served, "feed"), feed_calendar);

        // No feed any more: its calendar goes with it, the uploaded one stays.
        EXPECT_EQ(set_feed(site, "").exit_code, 0);
        const nlohmann::json without = programme(server, site, token);
        EXPECT_EQ(without["calendars"].size(), 1u);
        EXPECT_EQ(calendar_text(without, "weekly.ics"), read_file(bundled_programme + "weekly.ics"));
    }
    EXPECT_EQ(log().find("s3cret"), std::string::npos) << "the feed's token was logged";
}

TEST_F(ServerFeedTest, AFeedThatIsTooLargeFailsOrIsNotTrustedIsNotUsed)
{
    FeedServer feed(certificates);
    feed.answer("/big.ics", feed_calendar + std::string(9 * 1024 * 1024, ' '));
    // Without a Content-Length: cut off once past the limit.
    feed.answer_chunked("/stream.ics", feed_calendar + std::string(9 * 1024 * 1024, ' '));
    // A feed whose certificate comes from an authority the server was not told to trust.
    std::filesystem::create_directories(dir.file("other"));
    const TestCertificates other_authority = make_test_certificates(dir.file("other"), "IP:127.0.0.1", Authority::Other);
    FeedServer untrusted(other_authority);
    untrusted.answer("/calendar.ics", feed_calendar);

    const std::string big = add_site("Iso");
    const std::string stream = add_site("Virtaava");
    const std::string missing = add_site("Puuttuva");
    const std::string stranger = add_site("Vieras");
    const std::string token = add_kiosk_to(big, "olohuone");
    ASSERT_EQ(set_feed(big, feed.url("/big.ics")).exit_code, 0);
    ASSERT_EQ(set_feed(stream, feed.url("/stream.ics")).exit_code, 0);
    ASSERT_EQ(set_feed(missing, feed.url("/missing.ics")).exit_code, 0);
    ASSERT_EQ(set_feed(stranger, untrusted.url("/calendar.ics")).exit_code, 0);

    ServerProcess server(config, log_file());
    const auto not_read = [&](const std::string& site, const std::string& feed_url, const std::string& why) {
        return eventually([&] {
            const std::string text = log();
            const auto at = text.find("feed of site " + site + " (" + feed_url + "): not read");
            return at != std::string::npos && text.find(why, at) != std::string::npos;
        });
    };
    EXPECT_TRUE(not_read(big, feed.url("/big.ics"), "larger than 8 MiB")) << log();
    EXPECT_TRUE(not_read(stream, feed.url("/stream.ics"), "larger than 8 MiB")) << log();
    EXPECT_TRUE(not_read(missing, feed.url("/missing.ics"), "HTTP 404")) << log();
    EXPECT_TRUE(not_read(stranger, untrusted.url("/calendar.ics"), "certificate")) << log();
    EXPECT_TRUE(programme(server, big, token)["calendars"].empty());
    EXPECT_TRUE(server.running());
}

TEST_F(ServerFeedTest, AFeedHostThatNeverAnswersDoesNotHoldUpTheStop)
{
    SilentListener silent;
    const std::string site = add_site("Olohuone Leppävaara");
    const std::string token = add_kiosk_to(site, "olohuone");
    ASSERT_EQ(set_feed(site, "https://127.0.0.1:" + std::to_string(silent.port()) + "/calendar.ics").exit_code, 0);

    ServerProcess server(config, log_file());
    ASSERT_TRUE(eventually([&] { return silent.connection_waiting(); })) << log();
    // The server answers while its feed hangs.
    EXPECT_TRUE(programme(server, site, token)["calendars"].empty());
    // The feed's own timeout is 60 s: the stop does not wait for it.
    EXPECT_LT(server.stop(), std::chrono::seconds(5));
}

TEST_F(ServerFeedTest, OnlyHttpAndHttpsFeedsForKnownSitesAreSet)
{
    const std::string site = add_site("Olohuone Leppävaara");
    for (const std::string bad : {"ftp://example.com/a.ics", "file:///etc/passwd", "https://", "example.com/a.ics",
                                  "https://exa mple.com/a.ics"}) {
        const AdminRun refused = set_feed(site, bad);
        EXPECT_EQ(refused.exit_code, 64) << bad; // a bad argument
        EXPECT_NE(refused.output.find("feed URL"), std::string::npos) << refused.output;
    }
    EXPECT_EQ(set_feed("999", "https://example.com/a.ics").exit_code, 64);
    EXPECT_EQ(set_feed(site, "http://example.com/a.ics").exit_code, 0);
    EXPECT_EQ(stored("SELECT count(*) FROM site_feed"), 1);
    EXPECT_EQ(set_feed(site, "").exit_code, 0);
    EXPECT_EQ(stored("SELECT count(*) FROM site_feed"), 0);
}

TEST_F(ServerFeedTest, AnUnreadableCaFileStopsTheServerNamingTheKey)
{
    config = write_config(64 * 1024, "[feeds]\nca_file = \"" + dir.file("missing-ca.pem") + "\"\n");
    const AdminRun started = run_server_to_exit(config);
    EXPECT_EQ(started.exit_code, 78);
    EXPECT_NE(started.output.find("feeds.ca_file"), std::string::npos) << started.output;
}

} // namespace
} // namespace olohuone::testing
