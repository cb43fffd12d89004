// olohuone-kiosk: the living room's touch screen. Thin wiring only: read the
// configuration, open the store, keep the programme current, run the window.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

#include "app/config.h"
#include "app/kiosk_services.h"
#include "app/name_retention_timer.h"
#include "app/sync_setup.h"
#include "core/log.h"
#include "service/service_notifier.h"
#include "service/system_time.h"
#include "sync/sync_engine.h"
#include "ui/sdl/kiosk_window.h"

namespace {

constexpr int exit_config_error = 78; // EX_CONFIG: systemd should not restart in a loop
constexpr int exit_failure = 1;
constexpr const char* system_config = "/etc/olohuone/kiosk.toml";

olohuone::Result<olohuone::UnixSeconds> parse_local_time(const std::string& text, const olohuone::TimeZone& zone)
{
    olohuone::LocalDateTime local;
    char separator = 0;
    if (std::sscanf(text.c_str(), "%d-%d-%d%c%d:%d", &local.date.year, &local.date.month, &local.date.day,
                    &separator, &local.time.hour, &local.time.minute)
            != 6
        || (separator != 'T' && separator != ' ') || !local.date.valid() || local.time.hour < 0
        || local.time.hour > 23 || local.time.minute < 0 || local.time.minute > 59)
        return olohuone::make_error("--at '" + text + "': expected a local time like 2026-11-24T10:15");
    return zone.to_instant(local);
}

// The configuration allows only the four angles.
olohuone::ui::ScreenRotation screen_rotation(const olohuone::app::KioskConfig& config)
{
    return olohuone::ui::rotation_from_degrees(config.rotation_degrees).value_or(olohuone::ui::ScreenRotation::None);
}

} // namespace

static int run(int argc, char** argv)
{
    using namespace olohuone;
    CLI::App cli{"Olohuone: the living room's touch kiosk"};
    std::string config_path;
    bool windowed = false;
    std::string content_dir;
    std::string state_dir;
    bool check_only = false;
    std::string screenshot;
    std::string screenshot_size = "800x480";
    std::string screenshot_at;
    std::string screenshot_text_size = "normal";
    std::string screenshot_language;
    cli.add_option("-c,--config", config_path,
                   std::string("configuration file (default: ") + system_config + " if it exists)");
    cli.add_flag("--windowed", windowed, "a resizable window with a cursor, for development (Esc quits)");
    cli.add_option("--content", content_dir, "content folder (overrides paths.content_dir)");
    cli.add_option("--state-dir", state_dir, "folder for the database (overrides paths.state_dir)");
    cli.add_flag("--check-config", check_only, "validate the configuration and content, then exit");
    cli.add_option("--screenshot", screenshot, "draw the Today screen into this PNG file and exit");
    cli.add_option("--size", screenshot_size, "screenshot size, WIDTHxHEIGHT");
    cli.add_option("--at", screenshot_at,
                   "local time, e.g. 2026-11-24T10:15: the screenshot's moment, or where the kiosk's clock starts");
    cli.add_option("--text-size", screenshot_text_size, "screenshot text size: normal, large, extra_large")
        ->check(CLI::IsMember({"normal", "large", "extra_large"}));
    cli.add_option("--language", screenshot_language, "screenshot language, e.g. sv");
    bool automation = false;
    cli.add_flag("--automation", automation,
                 "for end-to-end tests: lines 'tap TARGET' on standard input become touches; each screen shown "
                 "is printed as 'screen NAME'");
    CLI11_PARSE(cli, argc, argv);

    std::error_code no_file;
    if (config_path.empty() && std::filesystem::exists(system_config, no_file))
        config_path = system_config;
    auto config = config_path.empty() ? Result<app::KioskConfig>(app::default_config()) : app::load_config(config_path);
    if (!config) {
        log::error("configuration error: " + config.error().message);
        return exit_config_error;
    }
    if (!content_dir.empty())
        config->content_dir = content_dir;
    if (!state_dir.empty())
        config->state_dir = state_dir;
    if (windowed)
        config->mode = app::DisplayMode::Windowed;

    SystemClock system_clock;
    std::unique_ptr<Clock> chosen_clock;
    const Clock* clock = &system_clock;
    if (!screenshot_at.empty()) {
        auto zone = TimeZone::named(config->time_zone);
        auto at = zone ? parse_local_time(screenshot_at, zone.value()) : Result<UnixSeconds>(zone.error());
        if (!at) {
            log::error(at.error().message);
            return exit_config_error;
        }
        // A screenshot is one frozen moment; a running kiosk goes on from it.
        if (screenshot.empty())
            chosen_clock = std::make_unique<ShiftedClock>(at.value());
        else
            chosen_clock = std::make_unique<ManualClock>(at.value());
        clock = chosen_clock.get();
    }
    // The clock everything reads: the system's, which staff may set and vouch for while
    // NTP has not (a Raspberry Pi without network or battery clock).
    StaffSettableClock staff_settable_clock(*clock);
    const bool system_time = clock == &system_clock;
    clock = &staff_settable_clock;

    if (auto zone = TimeZone::named(config->time_zone); !zone) {
        log::error("configuration error: kiosk.time_zone: " + zone.error().message);
        return exit_config_error;
    }
    // The token file is read now, so a missing or unreadable one stops the start (and
    // --check-config) with a message, not a kiosk that silently never syncs.
    std::optional<sync::SyncSettings> sync_settings;
    if (config->sync.enabled()) {
        auto settings = app::sync_settings(config->sync, OLOHUONE_VERSION);
        if (!settings) {
            log::error("configuration error: " + settings.error().message);
            return exit_config_error;
        }
        sync_settings = std::move(settings.value());
    }
    if (check_only) {
        auto content = app::KioskServices::check_content(config.value(), *clock);
        auto fonts = content ? ui::sdl::check_fonts(config->fonts_config) : Result<void>();
        if (!content || !fonts) {
            log::error("check failed: " + (content ? fonts : content).error().message);
            return exit_config_error;
        }
        log::info("configuration and content are valid");
        return 0;
    }

    // A screenshot of a chosen moment keeps its programme in memory: the kiosk's own
    // cache stays as it is.
    const auto location = screenshot.empty() ? app::StoreLocation::StateDirectory : app::StoreLocation::Memory;
    auto services = app::KioskServices::start(config.value(), *clock, location);
    if (!services) {
        log::error("cannot start: " + services.error().message);
        return exit_failure;
    }

    app::KioskServices& kiosk = *services.value();
    // A kiosk showing a chosen moment sets no system clock.
    if (system_time)
        kiosk.allow_setting_the_clock(staff_settable_clock, service::set_system_time);
    const ui::sdl::KioskParts parts{kiosk.catalogs(), kiosk.zone(), kiosk.data(), *clock,
                                    [&](int w, int h, double dpi) { return kiosk.ui_settings(w, h, dpi); }};
    if (!screenshot.empty()) {
        int width = 0;
        int height = 0;
        if (std::sscanf(screenshot_size.c_str(), "%dx%d", &width, &height) != 2 || width < 100 || height < 100
            || width > 8000 || height > 8000) {
            log::error("--size '" + screenshot_size + "': expected WIDTHxHEIGHT, e.g. 800x480");
            return exit_config_error;
        }
        const ui::TextSize size = screenshot_text_size == "large" ? ui::TextSize::Large
            : screenshot_text_size == "extra_large"              ? ui::TextSize::ExtraLarge
                                                                 : ui::TextSize::Normal;
        const std::string language = screenshot_language.empty() ? config->language : screenshot_language;
        if (auto drawn = ui::sdl::render_screenshot(screenshot, width, height, screen_rotation(config.value()),
                                                    config->fonts_config, parts, size, language);
            !drawn) {
            log::error(drawn.error().message);
            return exit_failure;
        }
        return 0;
    }

    // The sync runs beside the screens on its own thread and connection; a new programme
    // from the server wakes the window to draw it.
    std::unique_ptr<sync::SyncEngine> syncing;
    if (sync_settings) {
        sync::start_http();
        syncing = std::make_unique<sync::SyncEngine>(
            std::move(*sync_settings), kiosk.database_path(), *clock,
            [&kiosk](const std::vector<CalendarFile>& calendars) { return kiosk.programme().check(calendars); },
            [&kiosk] {
                kiosk.programme().notice_new_calendars();
                ui::sdl::notify_programme_changed();
            });
        syncing->start();
        kiosk.watch_sync(syncing.get());
    }

    // Names whose time is up are erased at start and then hourly (docs/privacy.md).
    app::NameRetentionTimer name_retention(kiosk.database_path(), app::name_retention_rule(config.value()), *clock);
    name_retention.start();

    // Under systemd (Type=notify): ready once the first frame is on screen, and the
    // watchdog fed from the event loop, so a hung screen gets the kiosk restarted.
    service::ServiceNotifier notifier(*clock);
    ui::sdl::KioskDisplayOptions options;
    options.fullscreen = config->mode == app::DisplayMode::Kiosk;
    options.software_renderer = config->renderer == app::RendererChoice::Software;
    options.window_width = config->window_width;
    options.window_height = config->window_height;
    options.rotation = screen_rotation(config.value());
    options.fonts_config = config->fonts_config;
    options.automation = automation;
    if (const auto every = notifier.alive_every_ms()) {
        options.heartbeat_ms = *every;
        options.heartbeat = [&notifier] { notifier.alive(); };
    }
    const auto ran = ui::sdl::run_kiosk_window(options, parts, [&notifier] {
        log::info("first frame on screen");
        notifier.ready();
    });
    notifier.stopping();
    if (!ran) {
        log::error("cannot show the kiosk: " + ran.error().message);
        return exit_failure;
    }
    return 0;
}

int main(int argc, char** argv)
{
    // Every expected failure is a Result; this is the last guard, so that even an
    // unforeseen exception ends in a log line systemd can show, not an abort.
    try {
        return run(argc, argv);
    } catch (const std::exception& error) {
        olohuone::log::error(std::string("stopped by an unexpected error: ") + error.what());
    } catch (...) {
        olohuone::log::error("stopped by an unexpected error");
    }
    return exit_failure;
}
