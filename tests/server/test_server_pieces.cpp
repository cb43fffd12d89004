// The server's small rules on their own: which If-None-Match names the programme's
// ETag, which paths name a site, what the ETag changes with, heartbeat bodies, how a
// feed URL is checked and shown in the log, the [feeds] configuration keys, and the
// list-kiosks table.
#include <gtest/gtest.h>

#include "feed_url.h"
#include "heartbeat_api.h"
#include "kiosk_list.h"
#include "programme_api.h"
#include "server_config.h"
#include "site_programme.h"

namespace olohuone::server {
namespace {

const std::string etag = std::string(64, 'a');

TEST(ServerProgrammeRules, IfNoneMatchComparesEntityTagsAsHttpDoes)
{
    EXPECT_TRUE(etag_matches("\"" + etag + "\"", etag));
    EXPECT_TRUE(etag_matches("W/\"" + etag + "\"", etag));
    EXPECT_TRUE(etag_matches("\"other\", \"" + etag + "\"", etag));
    EXPECT_TRUE(etag_matches("*", etag));
    EXPECT_FALSE(etag_matches("", etag));
    EXPECT_FALSE(etag_matches(etag, etag)); // without quotes it is no entity tag
    EXPECT_FALSE(etag_matches("\"" + etag.substr(1) + "\"", etag));
    EXPECT_FALSE(etag_matches("\"" + etag + "b\"", etag));
}

TEST(ServerProgrammeRules, OnlyAPositiveNumberNamesASite)
{
    EXPECT_EQ(site_id_from_path("1"), 1);
    EXPECT_EQ(site_id_from_path("123456789012345678"), 123456789012345678);
    for (const char* bad : {"", "0", "01", "-1", "+1", "1a", " 1", "1234567890123456789", "١"})
        EXPECT_FALSE(site_id_from_path(bad).has_value()) << bad;
}

TEST(ServerProgrammeRules, TheETagFollowsNamesAndTextsNotOrder)
{
    const auto a = make_site_calendar("a.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", CalendarSource::Upload);
    const auto b = make_site_calendar("b.ics", "BEGIN:VCALENDAR\r\nX:1\r\nEND:VCALENDAR\r\n", CalendarSource::Upload);
    const std::string both = programme_etag({a, b});
    EXPECT_EQ(both.size(), 64u);
    EXPECT_EQ(programme_etag({b, a}), both);
    EXPECT_NE(programme_etag({a}), both);
    EXPECT_NE(programme_etag({}), both);
    auto renamed = b;
    renamed.name = "c.ics";
    EXPECT_NE(programme_etag({a, renamed}), both);
    EXPECT_NE(programme_etag({a, make_site_calendar("b.ics", b.ics + " ", CalendarSource::Upload)}), both);
}

TEST(ServerProgrammeRules, CalendarNamesAreWhatTheKioskTakesAsFileNames)
{
    EXPECT_TRUE(check_calendar_name("weekly.ics"));
    EXPECT_TRUE(check_calendar_name("Kevät 2027.ics"));
    for (const std::string& bad : {std::string(), std::string(201, 'a'), std::string(".hidden.ics"),
                                  std::string("a\\b.ics"), std::string("a/b.ics"), std::string("a\tb.ics"),
                                  std::string("feed")})
        EXPECT_FALSE(check_calendar_name(bad)) << bad;
}

TEST(ServerProgrammeRules, AWindows1252CalendarIsSentAsTheImporterReadsItAndStrayBytesAsReplacements)
{
    // No UTF-8 in it: Windows-1252, as the importer read it when it was stored.
    EXPECT_EQ(calendar_text_json("SUMMARY:K\xe4velyretki\r\n"), "\"SUMMARY:Kävelyretki\\r\\n\"");
    // UTF-8 with a stray byte: the byte alone is replaced.
    EXPECT_EQ(calendar_text_json("SUMMARY:Kävely\xff\r\n"), "\"SUMMARY:Kävely\xEF\xBF\xBD\\r\\n\"");
}

TEST(ServerHeartbeat, AGoodHeartbeatIsReadWithANullLastSync)
{
    auto heartbeat = parse_heartbeat(R"({"version": "0.5.0", "uptime_seconds": 0, "queue_length": 0,
                                         "last_sync_at": null, "free_disk_bytes": 0, "later_field": [1]})");
    ASSERT_TRUE(heartbeat.ok()) << heartbeat.error().message;
    EXPECT_EQ(heartbeat->version, "0.5.0");
    EXPECT_FALSE(heartbeat->last_sync_at.has_value());
}

TEST(ServerFeedUrl, TheLogShowsNeitherQueryNorPassword)
{
    EXPECT_EQ(url_for_log("https://user:salasana@calendar.example:8443/site/1.ics?token=s3cret#x"),
              "https://calendar.example:8443/site/1.ics");
    EXPECT_EQ(url_for_log("http://calendar.example"), "http://calendar.example/");
    EXPECT_TRUE(check_feed_url("https://calendar.example/a.ics?token=1"));
    EXPECT_FALSE(check_feed_url("https://calendar.example/" + std::string(2048, 'a')));
    EXPECT_FALSE(check_feed_url("HTTPS://calendar.example/a.ics"));
}

TEST(ServerFeedConfiguration, RefreshMinutesAndCaFileAreChecked)
{
    auto defaults = parse_server_config("", "server.toml");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->feed_refresh_minutes, 15);
    EXPECT_EQ(defaults->feed_ca_file, "");
    auto set = parse_server_config("[feeds]\nrefresh_minutes = 1440\nca_file = \"/etc/ca.pem\"\n", "server.toml");
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_EQ(set->feed_refresh_minutes, 1440);
    EXPECT_EQ(set->feed_ca_file, "/etc/ca.pem");
    for (const char* bad : {"[feeds]\nrefresh_minutes = 0\n", "[feeds]\nrefresh_minutes = 1441\n",
                            "[feeds]\nrefresh_minutes = \"15\"\n"}) {
        auto refused = parse_server_config(bad, "server.toml");
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_NE(refused.error().message.find("feeds.refresh_minutes"), std::string::npos);
    }
    auto unknown = parse_server_config("[feeds]\nurl = \"https://x\"\n", "server.toml");
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("feeds.url"), std::string::npos);
}

TEST(ServerKioskList, TimesAndSizesAreStableText)
{
    EXPECT_EQ(utc_text(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(utc_text(1790000000), "2026-09-21T14:13:20Z");
    EXPECT_EQ(size_text(0), "0 B");
    EXPECT_EQ(size_text(1023), "1023 B");
    EXPECT_EQ(size_text(1536), "1.5 KiB");
    EXPECT_EQ(size_text(123456789), "117.7 MiB");
    EXPECT_EQ(size_text(std::int64_t{3} << 40), "3.0 TiB");

    KioskStatus tabbed{7, 2, "olo\thuone\n", false, 1790000000, std::nullopt, std::nullopt};
    EXPECT_EQ(kiosk_table({tabbed}),
              "kiosk\tsite\tname\tstatus\tlast_heard\tversion\tqueue\tlast_sync\tfree_disk\n"
              "7\t2\tolo huone \tactive\t2026-09-21T14:13:20Z\t-\t-\t-\t-\n");
}

} // namespace
} // namespace olohuone::server
