// Every command line README.md, docs/configuration.md and docs/olohuonectl.md show, run
// through a shell as a reader would type it, with the built programs on PATH: a
// documented command that stops working fails here. Each runs in a folder of its own
// that holds what the pages assume is there: the calendars they name, a kiosk and a
// server that each know Aino Korhonen (for `forget`), a site 1 with a kiosk 1.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/database_path.h"
#include "ctl_process.h"
#include "documented_commands.h"
#include "records_api.h"
#include "server_store.h"
#include "store/record_key.h"
#include "store/store.h"
#include "store/visit_log.h"
#include "support/file_text.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"
#include "support/instants.h"

extern char** environ;

namespace olohuone::testing {
namespace {

namespace fs = std::filesystem;

using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki

using olohuone::test::file_text;

std::string calendar(const std::string& uid, const std::string& title, const std::string& start,
                     const std::string& rule)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Olohuone//documented commands//FI\r\n"
           "BEGIN:VEVENT\r\nUID:"
        + uid + "\r\nDTSTAMP:20261101T090000Z\r\nDTSTART;TZID=Europe/Helsinki:" + start
        + "\r\nDURATION:PT1H\r\n" + rule + "SUMMARY:" + title + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
}

// A file a command was told to write, by the option that names it.
std::vector<std::string> written_files(const std::string& line)
{
    std::vector<std::string> files;
    std::string previous;
    std::string word;
    std::istringstream words(line);
    while (words >> word) {
        if (previous == "-o" || previous == "--screenshot")
            files.push_back(word);
        previous = word;
    }
    return files;
}

std::string test_name(const ::testing::TestParamInfo<DocumentedCommand>& info)
{
    std::string name = std::to_string(info.index) + "_" + info.param.where + "_" + info.param.shown;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return name.substr(0, 90);
}

class DocumentedCommandTest : public ::testing::TestWithParam<DocumentedCommand> {
protected:
    test::TempDir dir;

    void SetUp() override
    {
        // The commands take the system's configuration when there is one, as they do for
        // a reader; a machine with an installed kiosk or server is not the place to run them.
        for (const char* system_config : {"/etc/olohuone/kiosk.toml", "/etc/olohuone/server.toml"})
            ASSERT_FALSE(fs::exists(system_config)) << system_config << " exists: the documented commands would use it";
        const fs::path bin = dir.path() / "bin";
        fs::create_directories(bin);
        fs::create_symlink(olohuone::test::kiosk_program(), bin / "olohuone-kiosk");
        fs::create_symlink(olohuone::test::ctl_program(), bin / "olohuonectl");
        fs::create_symlink(olohuone::test::server_program(), bin / "olohuone-server");
        fs::create_directory_symlink(std::string(olohuone::test::source_dir()) + "/content", dir.path() / "content");
        fs::create_directories(dir.path() / "home");
        fs::create_directories(dir.path() / "state");
        std::ofstream(dir.file("kiosk.toml")) << "[kiosk]\ntime_zone = \"Europe/Helsinki\"\n";
        std::ofstream(dir.file("viikko.ics"), std::ios::binary)
            << calendar("tuolijumppa@olohuone", "Tuolijumppa", "20261102T100000", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,TH\r\n");
        std::ofstream(dir.file("retket.ics"), std::ios::binary)
            << calendar("retki@olohuone", "Retki Nuuksioon", "20261126T120000", "");
        seed_the_kiosk();
        seed_the_server();
    }

    // NAME=value for each variable the shell gets: PATH with the built programs first,
    // HOME and XDG_STATE_HOME in the sandbox, and the sanitizers' options passed on.
    std::vector<std::string> environment() const
    {
        std::vector<std::string> variables = {
            "PATH=" + dir.file("bin") + ":/usr/local/bin:/usr/bin:/bin",
            "HOME=" + dir.file("home"),
            "XDG_STATE_HOME=" + dir.file("xdg-state"),
            "LANG=C.UTF-8",
        };
        for (char** variable = environ; *variable; ++variable) {
            const std::string text = *variable;
            for (const char* kept : {"TZ=", "ASAN_OPTIONS=", "UBSAN_OPTIONS=", "LSAN_OPTIONS="})
                if (text.starts_with(kept))
                    variables.push_back(text);
        }
        return variables;
    }

    // Staff PIN prompts read one line when standard input is not a terminal.
    CtlRun shell(const std::string& line) { return run_shell(line, dir.path().string(), environment(), "2468\n"); }

    // The kiosk's default database (the one a reader's shell finds) knows Aino.
    void seed_the_kiosk()
    {
        const std::string state_dir = dir.file("xdg-state") + "/olohuone";
        fs::create_directories(state_dir);
        auto store = store::Store::open(app::kiosk_database_path(state_dir));
        ASSERT_TRUE(store.ok()) << store.error().message;
        SignInDraft draft;
        draft.key = store::new_record_key();
        draft.group_id = "resident";
        draft.typed_name = "Aino Korhonen";
        store::VisitLog visits(store->database());
        auto receipt = visits.sign_in(draft, {tuesday_morning, true});
        ASSERT_TRUE(receipt.ok()) << receipt.error().message;
    }

    // The server's default state folder (relative to where the command runs): site 1,
    // kiosk 1, and a sign-in of Aino's it delivered.
    void seed_the_server()
    {
        for (const char* setup : {"olohuonectl server add-site --organisation Kaupunki --site Koivukoti",
                                  "olohuonectl server add-kiosk --site 1 --name aula"}) {
            const CtlRun run = shell(setup);
            ASSERT_EQ(run.exit_code, 0) << setup << ": " << run.err;
        }
        const std::string key = store::new_record_key();
        const std::string at = std::to_string(tuesday_morning);
        const std::string body = R"({"records":[{"key":")" + key + R"(","kind":"visit.sign_in","created_at":)" + at
            + R"(,"clock_synced":true,"payload":{"visit":")" + key
            + R"(","group":"resident","visitor":{"key":"aino","name":"Aino Korhonen","group":"resident","marker":""},)"
            + R"("time":{"at":)" + at + R"(,"clock_synced":true}}}]})";
        auto batch = server::parse_batch(body, 10);
        ASSERT_TRUE(batch.ok()) << batch.error().message;
        ASSERT_EQ(batch->valid.size(), 1u);
        auto store = server::open_sqlite_server_store(dir.file("olohuone-server-state") + "/olohuone-server.sqlite3");
        ASSERT_TRUE(store.ok()) << store.error().message;
        ASSERT_TRUE(store.value()->deliver({1, 1}, batch->valid, tuesday_morning + 3600).ok());
    }
};

TEST_P(DocumentedCommandTest, RunsAsShown)
{
    const DocumentedCommand& command = GetParam();
    ASSERT_TRUE(command.missing.empty()) << command.where << ": `" << command.shown << "`: no value for the placeholder "
                                         << command.missing << " (documented_commands.cpp gives each one a value)";
    if (command.line.starts_with("tools/dev/")) {
        // The README's two commands: run-tests is this very run (CI's .ci/run executes it)
        // and run-kiosk runs full screen until stopped, so here they are checked to be there.
        const fs::path script = fs::path(olohuone::test::source_dir()) / command.line;
        ASSERT_TRUE(fs::is_regular_file(script)) << command.where << ": " << script << " is not there";
        EXPECT_NE(fs::status(script).permissions() & fs::perms::owner_exec, fs::perms::none) << script;
        if (command.line == "tools/dev/run-tests") {
            EXPECT_NE(file_text(fs::path(olohuone::test::source_dir()) / ".ci/run").find("exec tools/dev/run-tests"),
                      std::string::npos);
        }
        return;
    }
    const CtlRun run = shell(command.line);
    EXPECT_EQ(run.exit_code, 0) << command.where << ": `" << command.line << "`\n" << run.err << run.out;
    for (const std::string& written : written_files(command.line)) {
        const std::string content = file_text(dir.path() / written);
        ASSERT_FALSE(content.empty()) << command.where << ": `" << command.line << "` wrote no " << written;
        if (written.ends_with(".png")) {
            EXPECT_TRUE(content.starts_with("\x89PNG")) << written << " is not a PNG";
        }
        if (written.ends_with(".csv")) {
            EXPECT_TRUE(content.starts_with("\xEF\xBB\xBF")) << written << " does not start with a byte order mark";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Docs, DocumentedCommandTest,
                         ::testing::ValuesIn(documented_commands(olohuone::test::source_dir())), test_name);

TEST(DocumentedCommands, EachPageShowsCommandsTheTestFinds)
{
    int readme = 0, configuration = 0, ctl = 0, screenshot = 0;
    for (const DocumentedCommand& command : documented_commands(olohuone::test::source_dir())) {
        readme += command.where.starts_with("README.md:");
        configuration += command.where.starts_with("docs/configuration.md:");
        ctl += command.where.starts_with("docs/olohuonectl.md:");
        screenshot += command.line.starts_with("olohuone-kiosk --screenshot ");
    }
    EXPECT_GE(readme, 5);
    EXPECT_GE(configuration, 8);
    EXPECT_GE(ctl, 15);
    // The README's and the table's screenshot, the table's with and without its options.
    EXPECT_GE(screenshot, 3);
}

TEST(DocumentedCommands, OptionalPartsGiveTwoVariantsAndPlaceholdersTheirValues)
{
    const auto outbox = variants_of("d:1", "olohuonectl kiosk outbox [--set-aside] [--limit N]");
    ASSERT_EQ(outbox.size(), 2u);
    EXPECT_EQ(outbox[0].line, "olohuonectl kiosk outbox");
    EXPECT_EQ(outbox[1].line, "olohuonectl kiosk outbox --set-aside --limit 5");
    const auto forget = variants_of("d:2", "olohuonectl server forget --site ID --name NAME [--yes]");
    EXPECT_EQ(forget[1].line, "olohuonectl server forget --site 1 --name \"Aino Korhonen\" --yes");
    EXPECT_EQ(variants_of("d:3", "olohuonectl server import-programme --site ID FILE.ics ...")[0].line,
              "olohuonectl server import-programme --site 1 viikko.ics");
    EXPECT_EQ(variants_of("d:4", "olohuonectl kiosk frobnicate --level LEVEL")[0].missing, "LEVEL");
}

} // namespace
} // namespace olohuone::testing
