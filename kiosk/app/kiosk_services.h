#pragma once
// Everything the kiosk runs on except the display: configuration, time zone,
// translations, the store and the programme. Built once by main() and by the UI tests.
#include <memory>

#include "app/activity_desk_service.h"
#include "app/config.h"
#include "app/programme_source.h"
#include "app/staff_desk_service.h"
#include "app/storage_watch.h"
#include "app/sync_connection.h"
#include "app/visit_desk_service.h"
#include "core/catalog.h"
#include "core/clock.h"
#include "core/time_zone.h"
#include "store/programme_cache.h"
#include "store/store.h"
#include "ui/kiosk_ui.h"

namespace olohuone::app {

// Where the database lives: the state directory, or memory for a run that must not touch
// the kiosk's data (a screenshot of another day).
enum class StoreLocation { StateDirectory, Memory };

class KioskServices {
public:
    static Result<std::unique_ptr<KioskServices>> start(const KioskConfig& config, const Clock& clock,
                                                        StoreLocation location = StoreLocation::StateDirectory);

    // For --check-config: the translations, every programme file (read and imported, an
    // error in any is an error here) and nothing written anywhere.
    static Result<void> check_content(const KioskConfig& config, const Clock& clock);

    // `screen_width`/`height` in pixels decide the DPI when only the diagonal is known;
    // `reported_dpi` is what the display says about itself (0 if nothing).
    ui::KioskUiSettings ui_settings(int screen_width, int screen_height, double reported_dpi) const;

    const KioskConfig& config() const { return m_config; }
    const TimeZone& zone() const { return m_zone; }
    const Catalogs& catalogs() const { return m_catalogs; }
    ProgrammeSource& programme() { return *m_programme; }
    ui::VisitDesk& visits() { return *m_visit_desk; }
    ui::ActivityDesk& activities() { return *m_activity_desk; }
    ui::StaffDesk& staff() { return *m_staff_desk; }
    // See StaffDeskService::allow_setting_the_clock.
    void allow_setting_the_clock(StaffSettableClock& clock, std::function<Result<void>(UnixSeconds)> set_system_time)
    {
        m_staff_desk->allow_setting_the_clock(clock, std::move(set_system_time));
    }
    const VisitOptions& visit_options() const { return m_visit_options; }
    // What the screens read and write.
    ui::KioskData data()
    {
        return {*m_programme,  *m_visit_desk, *m_activity_desk, m_visit_options,
                *m_staff_desk, &m_connection,  m_storage_watch.get()};
    }
    // The offline note and staff's sync status follow this sync once attached.
    void watch_sync(sync::SyncEngine* engine) { m_connection.attach(engine); }
    store::Store& store() { return m_store; }
    // Whether the disk is full, noticed by the desks' writes.
    StorageWatch& storage() { return *m_storage_watch; }
    // The database file the screens use; the sync opens its own connection to it.
    const std::string& database_path() { return m_store.database().path(); }

private:
    KioskServices(KioskConfig config, TimeZone zone, Catalogs catalogs, VisitOptions visit_options,
                  store::Store store, const Clock& clock);

    KioskConfig m_config;
    TimeZone m_zone;
    Catalogs m_catalogs;
    VisitOptions m_visit_options;
    store::Store m_store;
    store::ProgrammeCache m_cache;
    store::VisitLog m_visit_log;
    store::ActivityLog m_activity_log;
    std::unique_ptr<StorageWatch> m_storage_watch;
    std::unique_ptr<ProgrammeSource> m_programme;
    std::unique_ptr<VisitDeskService> m_visit_desk;
    std::unique_ptr<ActivityDeskService> m_activity_desk;
    std::unique_ptr<StaffDeskService> m_staff_desk;
    SyncConnection m_connection;
};

} // namespace olohuone::app
