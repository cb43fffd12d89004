// A site's programme on the real server: calendars imported with the admin command are
// served to the site's kiosks with an ETag, a kiosk that has them gets a 304, a changed
// calendar a new ETag; another site's kiosk is refused; a calendar the kiosk's importer
// cannot read is refused by the command and the programme served stays as it was.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

#include "server_fixture.h"
#include "support/test_paths.h"

namespace olohuone::testing {
namespace {

const std::string programme_dir = std::string(olohuone::test::source_dir()) + "/content/programme/";
const std::string ics_dir = std::string(olohuone::test::data_dir()) + "/ics/";

class ServerProgrammeTest : public ServerFixture {
protected:
    std::string site = add_site("Olohuone Leppävaara");
    std::string token = add_kiosk_to(site, "olohuone");
    ServerProcess server{config};

    HttpAnswer get_programme(const std::string& site_id, const std::string& with_token,
                             const std::string& if_none_match = {})
    {
        std::vector<std::string> headers;
        if (!if_none_match.empty())
            headers.push_back("If-None-Match: " + if_none_match);
        return send({.url = url(server, "/v1/sites/" + site_id + "/programme"),
                     .token = with_token,
                     .ca = certificates.ca,
                     .headers = headers,
                     .get = true});
    }

    AdminRun import(const std::string& files)
    {
        return run_admin_command(config, "import-programme --site " + site + " " + files);
    }

    // A copy of `source` in the test's directory under `name`, with `from` replaced by `to`.
    std::string changed_copy(const std::string& source, const std::string& name, const std::string& from,
                             const std::string& to)
    {
        std::string text = read_file(source);
        const auto at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        if (at != std::string::npos)
            text.replace(at, from.size(), to);
        std::filesystem::create_directories(dir.file("edited"));
        const std::string path = dir.file("edited/" + name);
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
};

nlohmann::json body_of(const HttpAnswer& answer)
{
    const auto document = nlohmann::json::parse(answer.body, nullptr, false);
    EXPECT_FALSE(document.is_discarded()) << answer.body;
    return document;
}

std::vector<std::string> names_in(const nlohmann::json& programme)
{
    std::vector<std::string> names;
    for (const auto& calendar : programme["calendars"])
        names.push_back(calendar["name"].get<std::string>());
    return names;
}

TEST_F(ServerProgrammeTest, ImportedCalendarsAreServedWithAnETagAndA304WhenUnchanged)
{
    const AdminRun imported = import(programme_dir + "weekly.ics " + programme_dir + "partners.ics");
    EXPECT_EQ(imported.exit_code, 0) << imported.output;
    // The last line (warnings about skipped events may come before it).
    const std::string said = imported.output.substr(imported.output.rfind('\n', imported.output.size() - 2) + 1);
    int calendars = 0;
    int occurrences = -1;
    char end = 0;
    EXPECT_EQ(std::sscanf(said.c_str(), "imported %d calendars, %d occurrences%c", &calendars, &occurrences, &end), 3)
        << imported.output;
    EXPECT_EQ(calendars, 2);
    EXPECT_GE(occurrences, 0);
    EXPECT_EQ(end, '\n');

    const HttpAnswer answer = get_programme(site, token);
    ASSERT_EQ(answer.status, 200) << answer.body;
    const nlohmann::json programme = body_of(answer);
    EXPECT_EQ(programme["site"], std::stoll(site));
    EXPECT_EQ(names_in(programme), (std::vector<std::string>{"partners.ics", "weekly.ics"}));
    EXPECT_EQ(programme["calendars"][1]["ics"], read_file(programme_dir + "weekly.ics"));
    EXPECT_GT(programme["updated_at"].get<std::int64_t>(), 0);
    const std::string etag = answer.header("ETag");
    EXPECT_EQ(etag.size(), 66u) << etag;
    EXPECT_EQ(etag.find_first_not_of("0123456789abcdef", 1), 65u) << etag;
    EXPECT_EQ(etag.front(), '"');
    EXPECT_EQ("\"" + programme["etag"].get<std::string>() + "\"", etag);
    EXPECT_NE(answer.header("Content-Type").find("application/json"), std::string::npos);

    // The kiosk has it: a 304 with the same ETag and no body.
    const HttpAnswer unchanged = get_programme(site, token, etag);
    EXPECT_EQ(unchanged.status, 304);
    EXPECT_EQ(unchanged.body, "");
    EXPECT_EQ(unchanged.header("ETag"), etag);

    // The same files again: the same content, the same ETag and time.
    ASSERT_EQ(import(programme_dir + "weekly.ics " + programme_dir + "partners.ics").exit_code, 0);
    const nlohmann::json again = body_of(get_programme(site, token));
    EXPECT_EQ(again["etag"], programme["etag"]);
    EXPECT_EQ(again["updated_at"], programme["updated_at"]);

    // A changed calendar: a new ETag, and the kiosk's old one gets the new programme.
    const std::string edited = changed_copy(programme_dir + "weekly.ics", "weekly.ics", "SUMMARY:Aamukahvi",
                                            "SUMMARY:Aamukahvi ja pulla");
    ASSERT_EQ(import(edited + " " + programme_dir + "partners.ics").exit_code, 0);
    const HttpAnswer changed = get_programme(site, token, etag);
    ASSERT_EQ(changed.status, 200);
    EXPECT_NE(changed.header("ETag"), etag);
    EXPECT_NE(body_of(changed)["calendars"][1]["ics"].get<std::string>().find("Aamukahvi ja pulla"), std::string::npos);

    // Fewer files: the one left out is no longer served.
    ASSERT_EQ(import(edited).exit_code, 0);
    EXPECT_EQ(names_in(body_of(get_programme(site, token))), (std::vector<std::string>{"weekly.ics"}));
}

TEST_F(ServerProgrammeTest, OnlyTheSitesOwnKiosksGetItsProgramme)
{
    ASSERT_EQ(import(programme_dir + "weekly.ics").exit_code, 0);
    const std::string other_token = add_kiosk("Olohuone Tapiola", "aula");

    const HttpAnswer other = get_programme(site, other_token);
    EXPECT_EQ(other.status, 403);
    EXPECT_EQ(body_of(other)["error"], "forbidden");
    EXPECT_EQ(other.body.find("BEGIN:VCALENDAR"), std::string::npos);

    const HttpAnswer nobody = get_programme(site, "");
    EXPECT_EQ(nobody.status, 401);
    EXPECT_EQ(body_of(nobody)["error"], "unauthorized");
    for (const std::string bad : {"abc", "0", "01", "-1", "1.0", "99999999999999999999"}) {
        const HttpAnswer answer = get_programme(bad, token);
        EXPECT_EQ(answer.status, 404) << bad;
        EXPECT_EQ(body_of(answer)["error"], "not_found") << bad;
    }
    EXPECT_EQ(get_programme(site, token).status, 200);
}

TEST_F(ServerProgrammeTest, ACalendarTheKioskCannotReadIsRefusedAndTheProgrammeStays)
{
    ASSERT_EQ(import(programme_dir + "weekly.ics").exit_code, 0);
    const HttpAnswer before = get_programme(site, token);
    ASSERT_EQ(before.status, 200);

    for (const std::string bad : {"not_calendar.ics", "truncated.ics", "empty.ics", "utf16.ics"}) {
        // All or nothing: the good file given with it is not imported either.
        const AdminRun refused = import(programme_dir + "partners.ics " + ics_dir + bad);
        EXPECT_EQ(refused.exit_code, 65) << bad; // bad data in an input file
        EXPECT_NE(refused.output.find(ics_dir + bad), std::string::npos) << refused.output;
    }
    const AdminRun missing = import(dir.file("no-such.ics"));
    EXPECT_EQ(missing.exit_code, 66); // an input file missing
    EXPECT_NE(missing.output.find(dir.file("no-such.ics")), std::string::npos) << missing.output;
    const std::string other_weekly = changed_copy(programme_dir + "weekly.ics", "weekly.ics", "Aamukahvi", "Kahvi");
    const AdminRun twice = import(programme_dir + "weekly.ics " + other_weekly);
    EXPECT_EQ(twice.exit_code, 65);
    EXPECT_NE(twice.output.find("also named weekly.ics"), std::string::npos) << twice.output;
    const std::string feed_named = changed_copy(programme_dir + "weekly.ics", "feed", "Aamukahvi", "Kahvi");
    EXPECT_EQ(import(feed_named).exit_code, 65);

    const AdminRun no_site = run_admin_command(config, "import-programme --site 999 " + programme_dir + "weekly.ics");
    EXPECT_EQ(no_site.exit_code, 64); // a bad argument
    EXPECT_NE(no_site.output.find("there is no site 999"), std::string::npos) << no_site.output;

    const HttpAnswer after = get_programme(site, token);
    EXPECT_EQ(after.status, 200);
    EXPECT_EQ(after.header("ETag"), before.header("ETag"));
    EXPECT_EQ(after.body, before.body);
    EXPECT_TRUE(server.running());
}

TEST_F(ServerProgrammeTest, ASiteWithoutCalendarsAnswersAnEmptyList)
{
    const HttpAnswer answer = get_programme(site, token);
    ASSERT_EQ(answer.status, 200);
    const nlohmann::json programme = body_of(answer);
    EXPECT_TRUE(programme["calendars"].is_array());
    EXPECT_TRUE(programme["calendars"].empty());
    EXPECT_EQ(programme["updated_at"], 0);
    EXPECT_FALSE(answer.header("ETag").empty());
    EXPECT_EQ(get_programme(site, token, answer.header("ETag")).status, 304);
}

} // namespace
} // namespace olohuone::testing
