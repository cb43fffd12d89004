#pragma once
// The kiosk's configuration (/etc/olohuone/kiosk.toml on a device). Every key has a
// default, so a developer run needs no file; every value is validated with a message
// that names the key. docs/configuration.md describes each key.
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/registration.h"
#include "core/result.h"

namespace olohuone::app {

enum class DisplayMode { Kiosk, Windowed };
enum class RendererChoice { Software, Accelerated };
enum class TextSizeChoice { Normal, Large, ExtraLarge };

struct KioskConfig {
    // [display]
    DisplayMode mode = DisplayMode::Kiosk;
    RendererChoice renderer = RendererChoice::Software;
    double dpi = 0;             // 0: from diagonal_inches, or what the display reports
    double diagonal_inches = 0; // 0: unknown
    int window_width = 800;
    int window_height = 480;
    int rotation_degrees = 0; // the picture turned clockwise: 0, 90, 180 or 270

    // [kiosk]
    std::string language = "fi";
    std::vector<std::string> languages = {"fi", "sv", "en"};
    TextSizeChoice text_size = TextSizeChoice::Normal;
    int idle_timeout_seconds = 90;
    int days_ahead = 6;
    std::string time_zone = "Europe/Helsinki";

    // [visits]
    CivilTime closing_time{20, 0, 0}; // visits still open are signed out automatically
    int thank_you_seconds = 10;       // "Kiitos, Aino!" stays this long
    // A visitor who stops in the middle of signing in is asked "Jatketaanko?" after this
    // long, and has answer_seconds to answer before what they typed is wiped.
    int ask_to_continue_after_seconds = 45;
    int answer_seconds = 30;

    // [activities]: when "Tulen mukaan" closes and when "Olen paikalla" is offered.
    RegistrationRules activity_rules;

    // [sync]: the central server. No server_url: the kiosk works alone.
    struct Sync {
        std::string server_url; // "https://host:port"
        int site = 0;           // the site's id on the server
        std::string token_file; // the kiosk's token, alone in a file only the kiosk can read
        std::string ca_file;    // trust only this authority (a self-hosted server)
        std::string pinned_public_key; // "sha256//<base64>" as olohuone-server prints it
        int interval_seconds = 30;
        int batch_size = 200;
        int heartbeat_minutes = 5;
        int connect_timeout_seconds = 10;
        int request_timeout_seconds = 30;
        int max_retry_seconds = 300;
        int offline_after_minutes = 15; // the public screen's small "offline" note
        bool enabled() const { return !server_url.empty(); }
    } sync;

    // [staff]: staff mode closes itself after this long untouched.
    int staff_idle_timeout_seconds = 120;

    // [privacy]: how long visitors' names stay on the kiosk (docs/privacy.md).
    struct Privacy {
        // With a server: days after the last of a visitor's records reached it.
        int erase_names_days_after_delivery = 30;
        // Alone: days after the visitor's last visit. The kiosk's exports are then the
        // coordinators' only copy, so a year's report must still find the names.
        int erase_names_days_standalone = 365;
    } privacy;

    // [paths]
    std::string content_dir; // bundled programme, translations, pictures
    std::string fonts_config;
    std::string state_dir; // the database
};

// The defaults of a developer run: the source tree's content and fonts, state in the
// user's state directory.
KioskConfig default_config();

// Reads `path` over the defaults. Unknown keys are errors too: a misspelt key would
// otherwise be silently ignored.
Result<KioskConfig> load_config(const std::string& path);
Result<KioskConfig> parse_config(const std::string& toml_text, const std::string& source_name);

} // namespace olohuone::app
