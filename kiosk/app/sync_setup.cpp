#include "app/sync_setup.h"

#include <algorithm>

#include "app/content.h"

namespace olohuone::app {
namespace {

constexpr std::size_t max_token_file_bytes = 1024;

bool token_character(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

} // namespace

Result<sync::SyncSettings> sync_settings(const KioskConfig::Sync& config, const std::string& version)
{
    auto text = read_small_file(config.token_file, max_token_file_bytes);
    if (!text)
        return make_error("sync.token_file: cannot read the kiosk's token: " + text.error().message);
    std::string token = text.value();
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' '))
        token.pop_back();
    // The message names the file, never what is in it.
    if (token.size() < 20 || token.size() > 200 || !std::all_of(token.begin(), token.end(), token_character))
        return make_error("sync.token_file: " + config.token_file
                          + " does not hold a kiosk token (one line, as olohuonectl server add-kiosk printed it)");

    sync::SyncSettings settings;
    settings.server_url = config.server_url;
    settings.site = config.site;
    settings.token = std::move(token);
    settings.trust = {config.ca_file, config.pinned_public_key};
    settings.limits.connect_timeout_seconds = config.connect_timeout_seconds;
    settings.limits.request_timeout_seconds = config.request_timeout_seconds;
    settings.interval_seconds = config.interval_seconds;
    settings.batch_size = config.batch_size;
    settings.heartbeat_seconds = config.heartbeat_minutes * 60;
    settings.retry.max_delay_seconds = config.max_retry_seconds;
    settings.version = version;
    return settings;
}

} // namespace olohuone::app
