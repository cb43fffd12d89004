#include "kiosk_context.h"

#include <filesystem>

#include <sys/stat.h>
#include <unistd.h>

#include "app/database_path.h"
#include "exit_codes.h"

namespace olohuone::ctl {
namespace {

constexpr const char* system_kiosk_config = "/etc/olohuone/kiosk.toml";

// Root opening a database the kiosk's own user owns would leave root's WAL and
// shared-memory files beside it, which the kiosk then cannot open.
std::optional<std::string> owned_by_someone_else(const std::string& path)
{
    struct stat status {};
    if (::geteuid() != 0 || ::stat(path.c_str(), &status) != 0 || status.st_uid == 0)
        return std::nullopt;
    return path + " belongs to the kiosk's user (uid " + std::to_string(status.st_uid)
        + "); run olohuonectl as that user, e.g. sudo -u '#" + std::to_string(status.st_uid) + "' olohuonectl ...";
}

} // namespace

const app::KioskConfig* KioskContext::config()
{
    if (m_config)
        return &*m_config;
    std::error_code no_file;
    std::string path = config_path;
    if (path.empty() && std::filesystem::exists(system_kiosk_config, no_file))
        path = system_kiosk_config;
    auto loaded = path.empty() ? Result<app::KioskConfig>(app::default_config()) : app::load_config(path);
    if (!loaded) {
        m_failure_code = fail(exit_config, "configuration error: " + loaded.error().message);
        return nullptr;
    }
    m_config = std::move(loaded.value());
    if (!state_dir.empty())
        m_config->state_dir = state_dir;
    return &*m_config;
}

const TimeZone* KioskContext::zone()
{
    if (m_zone)
        return &*m_zone;
    const app::KioskConfig* settings = config();
    if (settings == nullptr)
        return nullptr;
    auto named = TimeZone::named(settings->time_zone);
    if (!named) {
        m_failure_code = fail(exit_config, "configuration error: kiosk.time_zone: " + named.error().message);
        return nullptr;
    }
    m_zone = std::move(named.value());
    return &*m_zone;
}

std::string KioskContext::database_path() const
{
    return m_config ? app::kiosk_database_path(m_config->state_dir) : std::string();
}

store::Store* KioskContext::store(DatabaseUse use)
{
    if (m_store)
        return m_store.get();
    const app::KioskConfig* settings = config();
    if (settings == nullptr)
        return nullptr;
    const std::string path = database_path();
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        if (use == DatabaseUse::MustExist) {
            m_failure_code = fail(exit_no_input, path + ": there is no kiosk database here (paths.state_dir is "
                                                     + settings->state_dir
                                                     + "); give the kiosk's configuration with -c, or --state-dir");
            return nullptr;
        }
        std::filesystem::create_directories(settings->state_dir, error);
        if (error) {
            m_failure_code = fail(exit_cannot_create, settings->state_dir
                                                          + " (paths.state_dir): cannot create the folder: "
                                                          + error.message());
            return nullptr;
        }
    }
    if (auto other = owned_by_someone_else(std::filesystem::exists(path, error) ? path : settings->state_dir)) {
        m_failure_code = fail(exit_usage, *other);
        return nullptr;
    }
    auto opened = store::Store::open(path);
    if (!opened) {
        m_failure_code = fail(exit_failure, opened.error().message);
        return nullptr;
    }
    m_store = std::make_unique<store::Store>(std::move(opened.value()));
    return m_store.get();
}

std::optional<KioskContext::Sources> KioskContext::existing_records()
{
    const TimeZone* time_zone = zone();
    if (time_zone == nullptr)
        return std::nullopt;
    store::Store* database = store(DatabaseUse::MustExist);
    if (database == nullptr)
        return std::nullopt;
    return Sources{*time_zone, *database};
}

} // namespace olohuone::ctl
