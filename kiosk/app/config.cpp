#include "app/config.h"

#include "core/toml_reader.h"
#include "core/toml_text.h"

#include "app/content.h"
#include "app/data_dir.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

namespace olohuone::app {
namespace {

std::string user_state_dir()
{
    if (const char* systemd_state = std::getenv("STATE_DIRECTORY"); systemd_state && *systemd_state)
        return std::string(systemd_state).substr(0, std::string(systemd_state).find(':'));
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
        return std::string(xdg) + "/olohuone";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.local/state/olohuone";
    return "olohuone-state";
}

// The [sync] keys that only make sense together, and the server's address.
Result<void> check_sync(KioskConfig::Sync& sync, const TomlReader& read)
{
    if (!sync.enabled())
        return {};
    std::string& url = sync.server_url;
    while (url.ends_with('/'))
        url.pop_back();
    const std::string host = url.starts_with("https://") ? url.substr(8) : std::string();
    if (host.empty() || host.find_first_of("/?#@ \t") != std::string::npos)
        return read.fail("sync.server_url", "(\"" + url.substr(0, 200)
                                                + "\") must be https://HOST or https://HOST:PORT, with no path");
    if (sync.site == 0)
        return read.fail("sync.site", "is needed with sync.server_url: the site's id on the server");
    if (sync.token_file.empty())
        return read.fail("sync.token_file", "is needed with sync.server_url: the file holding the kiosk's token");
    if (!sync.pinned_public_key.empty() && !sync.pinned_public_key.starts_with("sha256//"))
        return read.fail("sync.pinned_public_key", "must be sha256//<base64>, as olohuone-server prints it");
    return {};
}

// A panel mounted turned; the message shows what was given, as someone may have tried
// 45 or "90".
Result<void> read_rotation(const toml::table& root, const TomlReader& read, int& degrees)
{
    const toml::node_view node = root.at_path("display.rotation");
    if (!node)
        return {};
    const auto value = node.value_exact<std::int64_t>();
    if (value && (*value == 0 || *value == 90 || *value == 180 || *value == 270)) {
        degrees = static_cast<int>(*value);
        return {};
    }
    std::ostringstream given;
    given << node;
    return read.fail("display.rotation",
                     "(" + given.str().substr(0, 40) + ") must be 0, 90, 180 or 270 (degrees clockwise)");
}

} // namespace

KioskConfig default_config()
{
    KioskConfig config;
    config.content_dir = default_content_dir();
    config.fonts_config = std::string(default_fonts_dir()) + "/fonts.toml";
    config.state_dir = user_state_dir();
    return config;
}

Result<KioskConfig> parse_config(const std::string& toml_text, const std::string& source_name)
{
    auto parsed = parse_toml(toml_text, source_name);
    if (!parsed)
        return parsed.error();
    const toml::table& root = parsed.value();

    KioskConfig config = default_config();
    const TomlReader read(root, source_name);
    const std::map<std::string, std::set<std::string>> known = {
        {"display", {"mode", "renderer", "dpi", "diagonal_inches", "window_width", "window_height", "rotation"}},
        {"kiosk", {"language", "languages", "text_size", "idle_timeout_seconds", "days_ahead", "time_zone"}},
        {"visits", {"closing_time", "thank_you_seconds", "ask_to_continue_after_seconds", "answer_seconds"}},
        {"activities",
         {"registration_closes_minutes_before", "attendance_opens_minutes_before", "attendance_closes_minutes_after"}},
        {"sync",
         {"server_url", "site", "token_file", "ca_file", "pinned_public_key", "interval_seconds", "batch_size",
          "heartbeat_minutes", "connect_timeout_seconds", "request_timeout_seconds", "max_retry_seconds",
          "offline_after_minutes"}},
        {"privacy", {"erase_names_days_after_delivery", "erase_names_days_standalone"}},
        {"staff", {"idle_timeout_seconds"}},
        {"paths", {"content_dir", "fonts_config", "state_dir"}},
    };
    for (auto step : {
             read.check_known(known),
             read.choice<DisplayMode>("display.mode", config.mode,
                                      {{"kiosk", DisplayMode::Kiosk}, {"windowed", DisplayMode::Windowed}}),
             read.choice<RendererChoice>("display.renderer", config.renderer,
                                         {{"software", RendererChoice::Software},
                                          {"accelerated", RendererChoice::Accelerated}}),
             read.number("display.dpi", config.dpi, 40, 600),
             read.number("display.diagonal_inches", config.diagonal_inches, 3, 100),
             read.whole_number("display.window_width", config.window_width, 320, 7680),
             read.whole_number("display.window_height", config.window_height, 240, 7680),
             read_rotation(root, read, config.rotation_degrees),
             read.text("kiosk.language", config.language),
             read.languages("kiosk.languages", config.languages),
             read.choice<TextSizeChoice>("kiosk.text_size", config.text_size,
                                         {{"normal", TextSizeChoice::Normal},
                                          {"large", TextSizeChoice::Large},
                                          {"extra_large", TextSizeChoice::ExtraLarge}}),
             read.whole_number("kiosk.idle_timeout_seconds", config.idle_timeout_seconds, 20, 3600),
             read.whole_number("kiosk.days_ahead", config.days_ahead, 1, 28),
             read.text("kiosk.time_zone", config.time_zone),
             read.clock_time("visits.closing_time", config.closing_time),
             read.whole_number("visits.thank_you_seconds", config.thank_you_seconds, 2, 30),
             read.whole_number("visits.ask_to_continue_after_seconds", config.ask_to_continue_after_seconds, 15, 600),
             // Never under 20 s: an old hand needs time to find the button.
             read.whole_number("visits.answer_seconds", config.answer_seconds, 20, 300),
             // Up to a week before: a trip's bus is booked days ahead, coffee minutes before.
             read.whole_number("activities.registration_closes_minutes_before",
                               config.activity_rules.closes_minutes_before, 0, 7 * 24 * 60),
             read.whole_number("activities.attendance_opens_minutes_before",
                               config.activity_rules.attendance_opens_minutes_before, 0, 240),
             read.whole_number("activities.attendance_closes_minutes_after",
                               config.activity_rules.attendance_closes_minutes_after, 5, 720),
             read.text("sync.server_url", config.sync.server_url),
             read.whole_number("sync.site", config.sync.site, 1, 1'000'000'000),
             read.text("sync.token_file", config.sync.token_file),
             read.text("sync.ca_file", config.sync.ca_file),
             read.text("sync.pinned_public_key", config.sync.pinned_public_key),
             read.whole_number("sync.interval_seconds", config.sync.interval_seconds, 5, 3600),
             read.whole_number("sync.batch_size", config.sync.batch_size, 1, 500),
             read.whole_number("sync.heartbeat_minutes", config.sync.heartbeat_minutes, 1, 1440),
             read.whole_number("sync.connect_timeout_seconds", config.sync.connect_timeout_seconds, 1, 120),
             read.whole_number("sync.request_timeout_seconds", config.sync.request_timeout_seconds, 5, 600),
             read.whole_number("sync.max_retry_seconds", config.sync.max_retry_seconds, 10, 3600),
             read.whole_number("sync.offline_after_minutes", config.sync.offline_after_minutes, 1, 1440),
             // Long enough to read the evacuation list, short enough that staff mode is
             // closed before a visitor reaches a screen someone walked away from.
             read.whole_number("staff.idle_timeout_seconds", config.staff_idle_timeout_seconds, 20, 600),
             // From a day (a home that wants names gone at once) to ten years.
             read.whole_number("privacy.erase_names_days_after_delivery", config.privacy.erase_names_days_after_delivery,
                               1, 3650),
             read.whole_number("privacy.erase_names_days_standalone", config.privacy.erase_names_days_standalone, 1,
                               3650),
             read.text("paths.content_dir", config.content_dir),
             read.text("paths.fonts_config", config.fonts_config),
             read.text("paths.state_dir", config.state_dir),
         }) {
        if (!step)
            return step.error();
    }
    if (std::find(config.languages.begin(), config.languages.end(), config.language) == config.languages.end())
        return read.fail("kiosk.language", "(\"" + config.language + "\") must be one of kiosk.languages");
    if (auto sync = check_sync(config.sync, read); !sync)
        return sync.error();
    return config;
}

Result<KioskConfig> load_config(const std::string& path)
{
    auto text = read_small_file(path, 256 * 1024);
    if (!text)
        return make_error("cannot read the configuration file " + text.error().message);
    return parse_config(text.value(), path);
}

} // namespace olohuone::app
