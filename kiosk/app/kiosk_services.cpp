#include "app/kiosk_services.h"

#include <cmath>
#include <filesystem>

#include "app/content.h"
#include "app/database_path.h"
#include "app/event_templates.h"
#include "app/visit_options.h"
#include "core/log.h"

namespace olohuone::app {
namespace {

ui::TextSize to_ui(TextSizeChoice choice)
{
    switch (choice) {
    case TextSizeChoice::Normal:
        return ui::TextSize::Normal;
    case TextSizeChoice::Large:
        return ui::TextSize::Large;
    case TextSizeChoice::ExtraLarge:
        return ui::TextSize::ExtraLarge;
    }
    return ui::TextSize::Normal;
}

// Below this, or above the next, a display's own DPI report is not believable (Xvfb
// and some HDMI adapters report nonsense).
constexpr double min_believable_dpi = 60;
constexpr double max_believable_dpi = 400;
constexpr double fallback_dpi = 96;

// While the disk is full, how often the kiosk tries a small write to see whether space
// has returned: soon enough that the next visitor finds sign-ins open, rare enough to
// cost nothing (a write that fails on a full disk syncs nothing).
constexpr MonotonicMs storage_check_every_ms = 5'000;

} // namespace

KioskServices::KioskServices(KioskConfig config, TimeZone zone, Catalogs catalogs, VisitOptions visit_options,
                             store::Store store, const Clock& clock)
    : m_config(std::move(config)), m_zone(std::move(zone)), m_catalogs(std::move(catalogs)),
      m_visit_options(std::move(visit_options)), m_store(std::move(store)), m_cache(m_store.database()),
      m_visit_log(m_store.database()), m_activity_log(m_store.database()),
      m_connection(clock, m_config.sync.offline_after_minutes)
{
}

Result<void> KioskServices::check_content(const KioskConfig& config, const Clock& clock)
{
    auto zone = TimeZone::named(config.time_zone);
    if (!zone)
        return make_error("kiosk.time_zone: " + zone.error().message);
    if (auto catalogs = load_catalogs(config.content_dir, config.languages); !catalogs)
        return catalogs.error();
    if (auto options = load_visit_options(config.content_dir, config.languages); !options)
        return options.error();
    if (auto templates = load_event_templates(config.content_dir, config.languages); !templates)
        return templates.error();
    auto files = read_calendar_files(config.content_dir);
    if (!files)
        return files.error();
    if (files->empty())
        return make_error(config.content_dir + "/programme: no .ics files");
    const CivilDate today = zone->to_local(clock.now()).date;
    const ImportWindow window{zone->start_of_day(today), zone->start_of_day(today.plus_days(config.days_ahead + 1))};
    // Each file alone, so the message names the one at fault.
    for (const CalendarFile& file : files.value())
        if (auto imported = import_programme({file}, zone.value(), window); !imported)
            return imported.error();
    return {};
}

Result<std::unique_ptr<KioskServices>> KioskServices::start(const KioskConfig& config, const Clock& clock,
                                                            StoreLocation location)
{
    auto zone = TimeZone::named(config.time_zone);
    if (!zone)
        return make_error("kiosk.time_zone: " + zone.error().message);
    auto catalogs = load_catalogs(config.content_dir, config.languages);
    if (!catalogs)
        return catalogs.error();
    auto visit_options = load_visit_options(config.content_dir, config.languages);
    if (!visit_options)
        return visit_options.error();
    auto templates = load_event_templates(config.content_dir, config.languages);
    if (!templates)
        return templates.error();

    std::string database_path = ":memory:";
    if (location == StoreLocation::StateDirectory) {
        std::error_code error;
        std::filesystem::create_directories(config.state_dir, error);
        if (error)
            return make_error(config.state_dir + ": cannot create the state directory: " + error.message());
        database_path = kiosk_database_path(config.state_dir);
    }
    auto store = store::Store::open(database_path);
    if (!store)
        return store.error();
    // Said at every start: which file holds the records, when staff or support ask.
    log::info("database: " + database_path);

    std::unique_ptr<KioskServices> services(new KioskServices(config, std::move(zone.value()),
                                                              std::move(catalogs.value()),
                                                              std::move(visit_options.value()), std::move(store.value()),
                                                              clock));
    services->m_storage_watch =
        std::make_unique<StorageWatch>(services->m_store.database(), clock, storage_check_every_ms);
    StorageWatch& storage = *services->m_storage_watch;
    services->m_visit_desk = std::make_unique<VisitDeskService>(services->m_visit_log, storage, clock,
                                                                services->m_zone, config.closing_time);
    services->m_activity_desk =
        std::make_unique<ActivityDeskService>(services->m_activity_log, storage, services->m_connection, clock,
                                              services->m_zone, config.activity_rules);
    services->m_staff_desk = std::make_unique<StaffDeskService>(
        services->m_store.database(), services->m_visit_log, services->m_activity_log, config.activity_rules,
        services->m_connection, clock, services->m_zone, std::move(templates.value()), &storage);
    services->m_programme = std::make_unique<ProgrammeSource>(services->m_cache, services->m_store.database(),
                                                              services->m_zone, clock,
                                                              config.content_dir, config.days_ahead);
    services->m_programme->refresh_if_needed();
    return services;
}

ui::KioskUiSettings KioskServices::ui_settings(int screen_width, int screen_height, double reported_dpi) const
{
    ui::KioskUiSettings settings;
    if (m_config.dpi > 0)
        settings.dpi = m_config.dpi;
    else if (m_config.diagonal_inches > 0)
        settings.dpi = std::hypot(screen_width, screen_height) / m_config.diagonal_inches;
    else if (reported_dpi >= min_believable_dpi && reported_dpi <= max_believable_dpi)
        settings.dpi = reported_dpi;
    else
        settings.dpi = fallback_dpi;
    settings.default_language = m_config.language;
    settings.default_text_size = to_ui(m_config.text_size);
    settings.idle_timeout_ms = static_cast<MonotonicMs>(m_config.idle_timeout_seconds) * 1000;
    settings.days_ahead = m_config.days_ahead;
    settings.content_dir = m_config.content_dir;
    settings.thank_you_ms = static_cast<MonotonicMs>(m_config.thank_you_seconds) * 1000;
    settings.ask_to_continue_after_ms = static_cast<MonotonicMs>(m_config.ask_to_continue_after_seconds) * 1000;
    settings.answer_ms = static_cast<MonotonicMs>(m_config.answer_seconds) * 1000;
    settings.staff_idle_ms = static_cast<MonotonicMs>(m_config.staff_idle_timeout_seconds) * 1000;
    return settings;
}

} // namespace olohuone::app
