#include "server_config.h"

#include <fstream>
#include <sstream>

#include "core/toml_reader.h"
#include "core/toml_text.h"

namespace olohuone::server {

Result<ServerConfig> parse_server_config(const std::string& toml_text, const std::string& source_name)
{
    auto parsed = parse_toml(toml_text, source_name);
    if (!parsed)
        return parsed.error();
    const TomlReader read(parsed.value(), source_name);
    ServerConfig config;
    const std::map<std::string, std::set<std::string>> known = {
        {"server", {"listen_address", "port", "state_dir"}},
        {"tls", {"certificate", "private_key"}},
        {"limits", {"max_body_bytes", "max_records_per_batch", "threads"}},
        {"feeds", {"refresh_minutes", "ca_file"}},
        {"web",
         {"session_idle_minutes", "session_max_hours", "kiosk_silent_warning_minutes", "login_failures_before_lockout",
          "login_lockout_minutes", "max_upload_bytes"}},
        {"privacy", {"erase_names_after_days"}},
    };
    for (auto step : {
             read.check_known(known),
             read.text("server.listen_address", config.listen_address),
             read.whole_number("server.port", config.port, 0, 65535),
             read.text("server.state_dir", config.state_dir),
             read.text("tls.certificate", config.certificate),
             read.text("tls.private_key", config.private_key),
             // A batch of 500 records is about 400 KiB; 16 MiB bounds what one request may cost.
             read.whole_number("limits.max_body_bytes", config.max_body_bytes, 1024, 16 * 1024 * 1024),
             read.whole_number("limits.max_records_per_batch", config.max_records_per_batch, 1, 5000),
             read.whole_number("limits.threads", config.threads, 2, 256),
             read.whole_number("feeds.refresh_minutes", config.feed_refresh_minutes, 1, 1440),
             read.text("feeds.ca_file", config.feed_ca_file),
             read.whole_number("web.session_idle_minutes", config.session_idle_minutes, 5, 1440),
             read.whole_number("web.session_max_hours", config.session_max_hours, 1, 168),
             // Up to a week: a coordinator may only want to hear of a kiosk silent for days.
             read.whole_number("web.kiosk_silent_warning_minutes", config.kiosk_silent_warning_minutes, 5, 10080),
             read.whole_number("web.login_failures_before_lockout", config.login_failures_before_lockout, 3, 20),
             read.whole_number("web.login_lockout_minutes", config.login_lockout_minutes, 1, 1440),
             // A calendar file may be 8 MiB; its form adds a little around it.
             read.whole_number("web.max_upload_bytes", config.max_upload_bytes, 64 * 1024, 16 * 1024 * 1024),
             read.whole_number("privacy.erase_names_after_days", config.erase_names_after_days, 1, 3650),
         }) {
        if (!step)
            return step.error();
    }
    if (config.certificate.empty() != config.private_key.empty())
        return read.fail("tls.certificate", "and tls.private_key must be given together, or neither");
    if (config.session_idle_minutes > config.session_max_hours * 60)
        return read.fail("web.session_idle_minutes", "must not be longer than web.session_max_hours");
    return config;
}

Result<ServerConfig> load_server_config(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        return make_error("cannot read the configuration file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > 256 * 1024)
        return make_error(path + ": the configuration file is larger than 256 KiB");
    return parse_server_config(text.str(), path);
}

} // namespace olohuone::server
