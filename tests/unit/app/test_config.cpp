// The configuration file: every key has a default and is read when given; every bad
// value is refused with a message naming the file and the key, so the person editing
// /etc/olohuone/kiosk.toml knows which line to fix.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>

#include "app/config.h"
#include "app/sync_setup.h"
#include "app_test_support.h"
#include "support/test_paths.h"

namespace olohuone::app {
namespace {

using test::fails_naming;
using test::TempDir;

const std::string source_dir = olohuone::test::source_dir();

// Sets an environment variable for the test's duration, restoring the old value.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name)
    {
        if (const char* old = std::getenv(name))
            m_old = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv()
    {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

KioskConfig parse_ok(const std::string& text)
{
    auto config = parse_config(text, "kiosk.toml");
    EXPECT_TRUE(config.ok()) << (config.ok() ? std::string() : config.error().message);
    return config.ok() ? config.value() : KioskConfig{};
}

TEST(AppConfig, EmptyFileGivesTheDefaults)
{
    const ScopedEnv state("STATE_DIRECTORY", nullptr);
    const ScopedEnv xdg("XDG_STATE_HOME", "/home/kehittaja/.local/state");
    const KioskConfig config = parse_ok("");
    EXPECT_EQ(config.mode, DisplayMode::Kiosk);
    EXPECT_EQ(config.renderer, RendererChoice::Software);
    EXPECT_EQ(config.dpi, 0);
    EXPECT_EQ(config.diagonal_inches, 0);
    EXPECT_EQ(config.window_width, 800);
    EXPECT_EQ(config.window_height, 480);
    EXPECT_EQ(config.rotation_degrees, 0) << "a panel the right way up";
    EXPECT_EQ(config.language, "fi");
    EXPECT_EQ(config.languages, (std::vector<std::string>{"fi", "sv", "en"}));
    EXPECT_EQ(config.text_size, TextSizeChoice::Normal);
    EXPECT_EQ(config.idle_timeout_seconds, 90);
    EXPECT_EQ(config.days_ahead, 6);
    EXPECT_EQ(config.time_zone, "Europe/Helsinki");
    EXPECT_EQ(config.content_dir, source_dir + "/content");
    EXPECT_EQ(config.fonts_config, source_dir + "/fonts/fonts.toml");
    EXPECT_EQ(config.state_dir, "/home/kehittaja/.local/state/olohuone");
}

TEST(AppConfig, CommentsOnlyGiveTheDefaultsToo)
{
    const KioskConfig config = parse_ok("# Olohuone\n\n[kiosk]\n# language = \"sv\"\n");
    EXPECT_EQ(config.language, "fi");
    EXPECT_EQ(config.idle_timeout_seconds, 90);
}

TEST(AppConfig, StateDirectoryFromSystemdWins)
{
    const ScopedEnv state("STATE_DIRECTORY", "/var/lib/olohuone:/var/lib/other");
    const ScopedEnv xdg("XDG_STATE_HOME", "/home/kehittaja/.local/state");
    EXPECT_EQ(parse_ok("").state_dir, "/var/lib/olohuone");
}

TEST(AppConfig, EveryKeyIsRead)
{
    const KioskConfig config = parse_ok(R"toml(
[display]
mode = "windowed"
renderer = "accelerated"
dpi = 160.5
diagonal_inches = 21.5
window_width = 1080
window_height = 1920
rotation = 90

[kiosk]
language = "sv"
languages = ["sv", "fi", "se"]
text_size = "extra_large"
idle_timeout_seconds = 300
days_ahead = 13
time_zone = "Europe/Stockholm"

[paths]
content_dir = "/srv/olohuone/content"
fonts_config = "/srv/olohuone/fonts/fonts.toml"
state_dir = "/var/lib/olohuone"
)toml");
    EXPECT_EQ(config.mode, DisplayMode::Windowed);
    EXPECT_EQ(config.renderer, RendererChoice::Accelerated);
    EXPECT_DOUBLE_EQ(config.dpi, 160.5);
    EXPECT_DOUBLE_EQ(config.diagonal_inches, 21.5);
    EXPECT_EQ(config.window_width, 1080);
    EXPECT_EQ(config.window_height, 1920);
    EXPECT_EQ(config.rotation_degrees, 90);
    EXPECT_EQ(config.language, "sv");
    EXPECT_EQ(config.languages, (std::vector<std::string>{"sv", "fi", "se"}));
    EXPECT_EQ(config.text_size, TextSizeChoice::ExtraLarge);
    EXPECT_EQ(config.idle_timeout_seconds, 300);
    EXPECT_EQ(config.days_ahead, 13);
    EXPECT_EQ(config.time_zone, "Europe/Stockholm");
    EXPECT_EQ(config.content_dir, "/srv/olohuone/content");
    EXPECT_EQ(config.fonts_config, "/srv/olohuone/fonts/fonts.toml");
    EXPECT_EQ(config.state_dir, "/var/lib/olohuone");
}

TEST(AppConfig, ActivityRulesAreRead)
{
    const KioskConfig defaults = parse_ok("");
    EXPECT_EQ(defaults.activity_rules.closes_minutes_before, 60);
    EXPECT_EQ(defaults.activity_rules.attendance_opens_minutes_before, 30);
    EXPECT_EQ(defaults.activity_rules.attendance_closes_minutes_after, 60);

    const KioskConfig trip = parse_ok("[activities]\nregistration_closes_minutes_before = 2880\n"
                                      "attendance_opens_minutes_before = 0\nattendance_closes_minutes_after = 15\n");
    EXPECT_EQ(trip.activity_rules.closes_minutes_before, 2880);
    EXPECT_EQ(trip.activity_rules.attendance_opens_minutes_before, 0);
    EXPECT_EQ(trip.activity_rules.attendance_closes_minutes_after, 15);
}

TEST(AppConfig, OtherChoicesAndLimitsAreAccepted)
{
    const KioskConfig large = parse_ok("[kiosk]\ntext_size = \"large\"\nidle_timeout_seconds = 20\ndays_ahead = 28\n"
                                       "[display]\nmode = \"kiosk\"\nrenderer = \"software\"\ndpi = 96\n"
                                       "diagonal_inches = 0\nwindow_width = 320\nwindow_height = 7680\n");
    EXPECT_EQ(large.text_size, TextSizeChoice::Large);
    EXPECT_EQ(large.idle_timeout_seconds, 20);
    EXPECT_EQ(large.days_ahead, 28);
    EXPECT_EQ(large.mode, DisplayMode::Kiosk);
    EXPECT_EQ(large.renderer, RendererChoice::Software);
    EXPECT_DOUBLE_EQ(large.dpi, 96) << "a whole number is a fine number of dots per inch";
    EXPECT_EQ(large.diagonal_inches, 0);
    EXPECT_EQ(large.window_width, 320);
    EXPECT_EQ(large.window_height, 7680);

    const KioskConfig normal = parse_ok("[kiosk]\ntext_size = \"normal\"\nidle_timeout_seconds = 3600\n");
    EXPECT_EQ(normal.text_size, TextSizeChoice::Normal);
    EXPECT_EQ(normal.idle_timeout_seconds, 3600);
}

struct BadConfig {
    const char* what;
    const char* toml;
    const char* key; // the message must name this
};

void PrintTo(const BadConfig& bad, std::ostream* out) { *out << bad.what; }

class AppConfigRefuses : public ::testing::TestWithParam<BadConfig> {};

TEST_P(AppConfigRefuses, NamingTheFileAndKey)
{
    const BadConfig& bad = GetParam();
    const auto config = parse_config(bad.toml, "/etc/olohuone/kiosk.toml");
    EXPECT_TRUE(fails_naming(config, bad.key)) << bad.what;
    EXPECT_TRUE(fails_naming(config, "/etc/olohuone/kiosk.toml")) << bad.what;
}

INSTANTIATE_TEST_SUITE_P(
    , AppConfigRefuses,
    ::testing::Values(
        BadConfig{"mode_unknown_choice", "[display]\nmode = \"fullscreen\"", "display.mode"},
        BadConfig{"mode_wrong_type", "[display]\nmode = 1", "display.mode"},
        BadConfig{"mode_wrong_case", "[display]\nmode = \"Kiosk\"", "display.mode"},
        BadConfig{"renderer_unknown_choice", "[display]\nrenderer = \"opengl\"", "display.renderer"},
        BadConfig{"dpi_wrong_type", "[display]\ndpi = \"high\"", "display.dpi"},
        BadConfig{"dpi_too_small", "[display]\ndpi = 10", "display.dpi"},
        BadConfig{"dpi_too_large", "[display]\ndpi = 601.0", "display.dpi"},
        BadConfig{"dpi_negative", "[display]\ndpi = -96", "display.dpi"},
        BadConfig{"dpi_not_a_number", "[display]\ndpi = nan", "display.dpi"},
        BadConfig{"dpi_infinite", "[display]\ndpi = inf", "display.dpi"},
        BadConfig{"diagonal_too_small", "[display]\ndiagonal_inches = 2.9", "display.diagonal_inches"},
        BadConfig{"diagonal_too_large", "[display]\ndiagonal_inches = 101", "display.diagonal_inches"},
        BadConfig{"width_too_small", "[display]\nwindow_width = 319", "display.window_width"},
        BadConfig{"width_fraction", "[display]\nwindow_width = 800.5", "display.window_width"},
        BadConfig{"width_text", "[display]\nwindow_width = \"800\"", "display.window_width"},
        BadConfig{"height_too_large", "[display]\nwindow_height = 7681", "display.window_height"},
        BadConfig{"height_huge", "[display]\nwindow_height = 4294967776", "display.window_height"},
        BadConfig{"rotation_not_a_right_angle", "[display]\nrotation = 45", "display.rotation"},
        BadConfig{"rotation_full_turn", "[display]\nrotation = 360", "display.rotation"},
        BadConfig{"rotation_negative", "[display]\nrotation = -90", "display.rotation"},
        BadConfig{"rotation_text", "[display]\nrotation = \"90\"", "display.rotation"},
        BadConfig{"rotation_fraction", "[display]\nrotation = 90.0", "display.rotation"},
        BadConfig{"rotation_word", "[display]\nrotation = \"portrait\"", "display.rotation"},
        BadConfig{"language_empty", "[kiosk]\nlanguage = \"\"", "kiosk.language"},
        BadConfig{"language_wrong_type", "[kiosk]\nlanguage = 5", "kiosk.language"},
        BadConfig{"language_not_offered", "[kiosk]\nlanguage = \"de\"", "kiosk.language"},
        BadConfig{"language_dropped_from_list", "[kiosk]\nlanguages = [\"sv\", \"en\"]", "kiosk.language"},
        BadConfig{"languages_empty", "[kiosk]\nlanguages = []", "kiosk.languages"},
        BadConfig{"languages_not_a_list", "[kiosk]\nlanguages = \"fi\"", "kiosk.languages"},
        BadConfig{"languages_upper_case", "[kiosk]\nlanguages = [\"fi\", \"SV\"]", "kiosk.languages"},
        BadConfig{"languages_with_region", "[kiosk]\nlanguages = [\"fi\", \"sv-FI\"]", "kiosk.languages"},
        BadConfig{"languages_name_not_code", "[kiosk]\nlanguages = [\"suomi\"]", "kiosk.languages"},
        BadConfig{"languages_one_letter", "[kiosk]\nlanguages = [\"f\"]", "kiosk.languages"},
        BadConfig{"languages_number", "[kiosk]\nlanguages = [\"fi\", 2]", "kiosk.languages"},
        BadConfig{"languages_too_many",
                  "[kiosk]\nlanguages = [\"fi\", \"sv\", \"en\", \"de\", \"fr\", \"es\", \"it\", \"et\", \"ru\"]",
                  "kiosk.languages"},
        BadConfig{"text_size_unknown_choice", "[kiosk]\ntext_size = \"huge\"", "kiosk.text_size"},
        BadConfig{"idle_timeout_too_small", "[kiosk]\nidle_timeout_seconds = 19", "kiosk.idle_timeout_seconds"},
        BadConfig{"idle_timeout_too_large", "[kiosk]\nidle_timeout_seconds = 3601", "kiosk.idle_timeout_seconds"},
        BadConfig{"idle_timeout_text", "[kiosk]\nidle_timeout_seconds = \"90\"", "kiosk.idle_timeout_seconds"},
        BadConfig{"idle_timeout_fraction", "[kiosk]\nidle_timeout_seconds = 90.0", "kiosk.idle_timeout_seconds"},
        BadConfig{"idle_timeout_boolean", "[kiosk]\nidle_timeout_seconds = true", "kiosk.idle_timeout_seconds"},
        BadConfig{"days_ahead_zero", "[kiosk]\ndays_ahead = 0", "kiosk.days_ahead"},
        BadConfig{"days_ahead_too_large", "[kiosk]\ndays_ahead = 29", "kiosk.days_ahead"},
        BadConfig{"time_zone_empty", "[kiosk]\ntime_zone = \"\"", "kiosk.time_zone"},
        BadConfig{"time_zone_wrong_type", "[kiosk]\ntime_zone = 2", "kiosk.time_zone"},
        BadConfig{"content_dir_wrong_type", "[paths]\ncontent_dir = 1", "paths.content_dir"},
        BadConfig{"content_dir_empty", "[paths]\ncontent_dir = \"\"", "paths.content_dir"},
        BadConfig{"fonts_config_wrong_type", "[paths]\nfonts_config = [\"a\"]", "paths.fonts_config"},
        BadConfig{"state_dir_empty", "[paths]\nstate_dir = \"\"", "paths.state_dir"},
        BadConfig{"registration_closes_negative", "[activities]\nregistration_closes_minutes_before = -5",
                  "activities.registration_closes_minutes_before"},
        BadConfig{"registration_closes_over_a_week", "[activities]\nregistration_closes_minutes_before = 10081",
                  "activities.registration_closes_minutes_before"},
        BadConfig{"attendance_opens_too_early", "[activities]\nattendance_opens_minutes_before = 241",
                  "activities.attendance_opens_minutes_before"},
        BadConfig{"attendance_closes_too_soon", "[activities]\nattendance_closes_minutes_after = 4",
                  "activities.attendance_closes_minutes_after"},
        BadConfig{"attendance_closes_text", "[activities]\nattendance_closes_minutes_after = \"60\"",
                  "activities.attendance_closes_minutes_after"},
        BadConfig{"sync_plain_http", "[sync]\nserver_url = \"http://olohuone.example\"\nsite = 1\ntoken_file = \"t\"",
                  "sync.server_url"},
        BadConfig{"sync_url_with_path", "[sync]\nserver_url = \"https://olohuone.example/api\"\nsite = 1\ntoken_file = \"t\"",
                  "sync.server_url"},
        BadConfig{"sync_url_with_credentials",
                  "[sync]\nserver_url = \"https://admin@olohuone.example\"\nsite = 1\ntoken_file = \"t\"",
                  "sync.server_url"},
        BadConfig{"sync_without_site", "[sync]\nserver_url = \"https://olohuone.example\"\ntoken_file = \"t\"",
                  "sync.site"},
        BadConfig{"sync_without_token_file", "[sync]\nserver_url = \"https://olohuone.example\"\nsite = 2", "sync.token_file"},
        BadConfig{"sync_site_zero", "[sync]\nsite = 0", "sync.site"},
        BadConfig{"sync_pin_not_sha256",
                  "[sync]\nserver_url = \"https://o.example\"\nsite = 1\ntoken_file = \"t\"\npinned_public_key = \"abc\"",
                  "sync.pinned_public_key"},
        BadConfig{"sync_batch_too_large", "[sync]\nbatch_size = 501", "sync.batch_size"},
        BadConfig{"sync_interval_too_short", "[sync]\ninterval_seconds = 1", "sync.interval_seconds"},
        BadConfig{"sync_offline_after_zero", "[sync]\noffline_after_minutes = 0", "sync.offline_after_minutes"},
        BadConfig{"unknown_key", "[kiosk]\nidle_timeout = 90", "kiosk.idle_timeout"},
        BadConfig{"misspelt_key", "[display]\nwindow_widht = 1080", "display.window_widht"},
        BadConfig{"key_in_wrong_section", "[display]\nlanguage = \"sv\"", "display.language"},
        BadConfig{"unknown_section", "[screen]\nmode = \"kiosk\"", "screen"},
        BadConfig{"key_outside_sections", "language = \"sv\"", "language"},
        BadConfig{"section_not_a_table", "kiosk = 5", ": kiosk "}),
    [](const ::testing::TestParamInfo<BadConfig>& info) { return std::string(info.param.what); });

TEST(AppConfig, SyncKeysAreReadAndTheAddressTidied)
{
    const auto config = parse_config("[sync]\nserver_url = \"https://olohuone.espoo.example:8443/\"\nsite = 3\n"
                                     "token_file = \"/etc/olohuone/kiosk-token\"\nca_file = \"/etc/olohuone/ca.pem\"\n"
                                     "batch_size = 100\noffline_after_minutes = 30\n",
                                     "kiosk.toml");
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_TRUE(config->sync.enabled());
    EXPECT_EQ(config->sync.server_url, "https://olohuone.espoo.example:8443");
    EXPECT_EQ(config->sync.site, 3);
    EXPECT_EQ(config->sync.batch_size, 100);
    EXPECT_EQ(config->sync.offline_after_minutes, 30);
    EXPECT_FALSE(default_config().sync.enabled()) << "the embedded default has no server";
}

TEST(AppConfig, TheTokenFileIsReadAndItsContentNeverShown)
{
    TempDir dir;
    KioskConfig::Sync sync;
    sync.server_url = "https://olohuone.example";
    sync.site = 1;
    sync.token_file = dir.file("token");
    EXPECT_TRUE(fails_naming(sync_settings(sync, "0.1.0"), "sync.token_file")) << "a missing file";

    test::write_file(sync.token_file, "hunter2 is my password\n");
    const auto bad = sync_settings(sync, "0.1.0");
    EXPECT_TRUE(fails_naming(bad, sync.token_file));
    EXPECT_EQ(bad.error().message.find("hunter2"), std::string::npos) << "a secret never reaches the log";

    const std::string token(43, 'x');
    test::write_file(sync.token_file, token + "\n");
    const auto good = sync_settings(sync, "0.1.0");
    ASSERT_TRUE(good.ok()) << good.error().message;
    EXPECT_EQ(good->token, token);
    EXPECT_EQ(good->server_url, "https://olohuone.example");
}

TEST(AppConfig, UnknownSectionMessageListsTheKnownOnes)
{
    const auto config = parse_config("[screen]\nmode = \"kiosk\"\n", "kiosk.toml");
    EXPECT_TRUE(fails_naming(config, "[screen]"));
    EXPECT_TRUE(fails_naming(config, "[activities], [display], [kiosk], [paths], [privacy], [staff], [sync], [visits]"));
}

TEST(AppConfig, RangeIsInTheMessage)
{
    EXPECT_TRUE(fails_naming(parse_config("[kiosk]\nidle_timeout_seconds = 5\n", "kiosk.toml"), "from 20 to 3600"));
    EXPECT_TRUE(fails_naming(parse_config("[display]\nmode = \"full\"\n", "kiosk.toml"), "\"kiosk\", \"windowed\""));
}

TEST(AppConfig, EachRightAngleIsARotation)
{
    for (int degrees : {0, 90, 180, 270}) {
        const KioskConfig config = parse_ok("[display]\nrotation = " + std::to_string(degrees) + "\n");
        EXPECT_EQ(config.rotation_degrees, degrees);
    }
}

TEST(AppConfig, ARotationMessageShowsTheValueAndTheAngles)
{
    EXPECT_TRUE(fails_naming(parse_config("[display]\nrotation = 45\n", "kiosk.toml"),
                             "kiosk.toml: display.rotation (45) must be 0, 90, 180 or 270 (degrees clockwise)"));
    EXPECT_TRUE(fails_naming(parse_config("[display]\nrotation = \"90\"\n", "kiosk.toml"),
                             "display.rotation ('90') must be 0, 90, 180 or 270"))
        << "a text is shown as one, so the quotes tell it is not a number";
}

TEST(AppConfig, StaffModeClosesAfterTheConfiguredIdleTime)
{
    EXPECT_EQ(default_config().staff_idle_timeout_seconds, 120);
    const auto config = parse_config("[staff]\nidle_timeout_seconds = 45\n", "kiosk.toml");
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config->staff_idle_timeout_seconds, 45);
    EXPECT_TRUE(fails_naming(parse_config("[staff]\nidle_timeout_seconds = 5\n", "kiosk.toml"),
                             "staff.idle_timeout_seconds"));
    EXPECT_TRUE(fails_naming(parse_config("[staff]\nidle_timeout_seconds = 5\n", "kiosk.toml"), "from 20 to 600"));
    EXPECT_TRUE(fails_naming(parse_config("[staff]\npin = \"1234\"\n", "kiosk.toml"), "pin"))
        << "the PIN is never a configuration value";
}

TEST(AppConfig, SyntaxErrorNamesTheFileAndLine)
{
    const auto config = parse_config("[kiosk]\nlanguage = \"sv\"\nidle_timeout_seconds = \n", "/etc/olohuone/kiosk.toml");
    EXPECT_TRUE(fails_naming(config, "/etc/olohuone/kiosk.toml:3"));

    const auto unterminated = parse_config("[kiosk\nlanguage = \"sv\"\n", "kiosk.toml");
    EXPECT_TRUE(fails_naming(unterminated, "kiosk.toml:1"));

    const auto duplicate = parse_config("[kiosk]\ndays_ahead = 3\ndays_ahead = 4\n", "kiosk.toml");
    EXPECT_TRUE(fails_naming(duplicate, "kiosk.toml:3"));
    EXPECT_TRUE(fails_naming(duplicate, "days_ahead"));
}

TEST(AppConfig, LoadConfigReadsTheFile)
{
    const TempDir dir;
    const std::string path = dir.file("kiosk.toml");
    test::write_file(path, "[kiosk]\nlanguage = \"en\"\ndays_ahead = 3\n");
    auto config = load_config(path);
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config->language, "en");
    EXPECT_EQ(config->days_ahead, 3);

    test::write_file(path, "[kiosk]\ndays_ahead = 30\n");
    EXPECT_TRUE(fails_naming(load_config(path), path + ": kiosk.days_ahead"));
}

TEST(AppConfig, LoadConfigOfMissingFileIsAClearError)
{
    const TempDir dir;
    const std::string path = dir.file("puuttuu.toml");
    const auto config = load_config(path);
    EXPECT_TRUE(fails_naming(config, path));
    EXPECT_TRUE(fails_naming(config, "cannot read"));
}

TEST(AppConfig, LoadConfigOfADirectoryIsAnError)
{
    const TempDir dir;
    EXPECT_TRUE(fails_naming(load_config(dir.path().string()), dir.path().string()));
}

} // namespace
} // namespace olohuone::app
