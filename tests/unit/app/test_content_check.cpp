// --check-config's content check: the bundled content passes; a broken calendar file or a
// missing translation fails with a message naming the file; nothing is written.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/kiosk_services.h"
#include "app_test_support.h"
#include "core/clock.h"
#include "support/test_paths.h"
#include "support/instants.h"

namespace olohuone::app {
namespace {

namespace fs = std::filesystem;
using test::fails_naming;
using test::TempDir;
using test::write_file;

// 2026-11-24 08:15 UTC: a Tuesday morning in Helsinki.
using olohuone::test::tuesday_morning; // Tue 24 Nov 2026 10:15 in Helsinki

// A copy of the bundled content the test may break, and a state folder that must stay empty.
struct ContentCopy {
    TempDir dir;
    KioskConfig config = default_config();

    ContentCopy()
    {
        fs::copy(std::string(olohuone::test::source_dir()) + "/content", dir.file("content"), fs::copy_options::recursive);
        config.content_dir = dir.file("content");
        config.state_dir = dir.file("state");
    }
};

TEST(ContentCheck, TheBundledContentPassesAndNothingIsWritten)
{
    ContentCopy copy;
    ManualClock clock(tuesday_morning);
    const auto checked = KioskServices::check_content(copy.config, clock);
    EXPECT_TRUE(checked.ok()) << (checked.ok() ? "" : checked.error().message);
    EXPECT_FALSE(fs::exists(copy.config.state_dir));
}

TEST(ContentCheck, ABrokenCalendarFileIsNamed)
{
    ContentCopy copy;
    write_file(copy.config.content_dir + "/programme/weekly.ics",
               "<!DOCTYPE html><html><head><title>404 Not Found</title></head></html>\n");
    ManualClock clock(tuesday_morning);
    EXPECT_TRUE(fails_naming(KioskServices::check_content(copy.config, clock), "weekly.ics"));
}

TEST(ContentCheck, AMissingTranslationFileIsNamed)
{
    ContentCopy copy;
    fs::remove(copy.config.content_dir + "/i18n/sv.toml");
    ManualClock clock(tuesday_morning);
    EXPECT_TRUE(fails_naming(KioskServices::check_content(copy.config, clock), "sv.toml"));
}

} // namespace
} // namespace olohuone::app
