#include "app/programme_source.h"

#include <filesystem>

#include "app/content.h"
#include "core/day_plan.h"
#include "core/log.h"
#include "store/programme_edits.h"
#include "store/sync_state.h"

namespace olohuone::app {
namespace {

// Files are checked for changes at most this often; staff edits show within a minute.
constexpr MonotonicMs recheck_interval_ms = 60'000;
// Weeks cached beyond the days shown, so a day change rarely needs a new import.
constexpr int extra_days_cached = 14;
constexpr std::size_t max_warnings_logged = 20;

} // namespace

ProgrammeSource::ProgrammeSource(store::ProgrammeCache& cache, sql::Database& database, const TimeZone& zone,
                                 const Clock& clock, std::string content_dir, int days_ahead)
    : m_cache(cache), m_database(database), m_zone(zone), m_clock(clock), m_content_dir(std::move(content_dir)),
      m_days_ahead(days_ahead)
{
}

ImportWindow ProgrammeSource::window_from(const CivilDate& today) const
{
    return {m_zone.start_of_day(today.plus_days(-1)),
            m_zone.start_of_day(today.plus_days(m_days_ahead + 1 + extra_days_cached))};
}

std::string ProgrammeSource::signature()
{
    // The server's ETag names its programme; the bundled files are named by their sizes
    // and times.
    auto state = store::read_sync_state(m_database);
    const std::string server = state && !state->programme_etag.empty() ? "server " + state->programme_etag : "";
    return calendar_files_signature(m_content_dir) + m_zone.name() + server;
}

Result<void> ProgrammeSource::check(const std::vector<CalendarFile>& calendars) const
{
    if (calendars.empty())
        return {}; // the server has no programme for the site: the bundled one stays
    const std::lock_guard one_import(m_import_mutex);
    auto imported = import_programme(calendars, m_zone, window_from(m_zone.to_local(m_clock.now()).date));
    if (!imported)
        return imported.error();
    return {};
}

bool ProgrammeSource::import_now()
{
    const ImportWindow window = window_from(m_zone.to_local(m_clock.now()).date);
    const std::string signature = this->signature();

    auto from_server = store::server_programme(m_database);
    if (!from_server)
        log::error("cannot read the server's programme, using the bundled one: " + from_server.error().message);
    const bool use_server = from_server && !from_server->empty();
    auto files = use_server ? std::move(from_server) : read_calendar_files(m_content_dir);
    if (!files) {
        log::error("programme not updated: " + files.error().message);
        return false;
    }
    if (files->empty()) {
        log::error("programme not updated: no .ics files in " + m_content_dir + "/programme");
        return false;
    }
    auto imported = [&] {
        const std::lock_guard one_import(m_import_mutex);
        return import_programme(files.value(), m_zone, window);
    }();
    if (!imported) {
        log::error("programme not updated, the previous one stays on screen: " + imported.error().message);
        return false;
    }
    for (Occurrence& occurrence : imported->occurrences) {
        std::error_code error;
        if (!occurrence.picture.empty()
            && !std::filesystem::is_regular_file(m_content_dir + "/" + occurrence.picture, error)) {
            imported->warnings.push_back(occurrence.uid + ": picture " + occurrence.picture + " not found");
            occurrence.picture.clear();
        }
    }
    std::size_t logged = 0;
    for (const std::string& warning : imported->warnings)
        if (logged++ < max_warnings_logged)
            log::warning("programme: " + warning);
    if (imported->warnings.size() > max_warnings_logged)
        log::warning("programme: ... and " + std::to_string(imported->warnings.size() - max_warnings_logged)
                     + " more warnings");

    const store::ProgrammeSource source{signature, window.from, window.to, m_clock.now()};
    if (auto stored = m_cache.replace(imported->occurrences, source); !stored) {
        log::error("programme not stored, the previous one stays on screen: " + stored.error().message);
        return false;
    }
    log::info("programme imported: " + std::to_string(imported->occurrences.size()) + " occurrences from "
              + std::to_string(files->size()) + (use_server ? " calendars from the server" : " calendar files"));
    return true;
}

void ProgrammeSource::refresh_if_needed()
{
    const MonotonicMs now_ms = m_clock.monotonic_ms();
    const bool new_calendars = m_new_calendars.exchange(false);
    if (m_checked && now_ms - m_last_check_ms < recheck_interval_ms && !new_calendars)
        return;
    m_checked = true;
    m_last_check_ms = now_ms;

    const CivilDate today = m_zone.to_local(m_clock.now()).date;
    const UnixSeconds needed_to = m_zone.start_of_day(today.plus_days(m_days_ahead + 1));
    auto source = m_cache.source();
    if (!source) {
        log::error("cannot read the cached programme: " + source.error().message);
        return;
    }
    const bool current = source->has_value() && (*source)->signature == signature()
        && (*source)->window_from <= m_zone.start_of_day(today) && (*source)->window_to >= needed_to;
    if (!current)
        import_now();
}

std::vector<Occurrence> ProgrammeSource::occurrences_on(const CivilDate& date)
{
    refresh_if_needed();
    const UnixSeconds from = m_zone.start_of_day(date);
    const UnixSeconds to = m_zone.start_of_day(date.plus_days(1));
    auto occurrences = m_cache.between(from, to);
    if (!occurrences) {
        log::error("cannot read the programme for " + date.iso() + ": " + occurrences.error().message);
        return {};
    }
    // Staff's edits show at once; one that cannot be read is logged and the programme
    // is shown as its calendars have it.
    auto edits = store::edits_in_effect(m_database);
    if (!edits) {
        log::error("cannot read staff's programme edits: " + edits.error().message);
        return olohuone::occurrences_on(occurrences.value(), date, m_zone);
    }
    return olohuone::occurrences_on(apply_programme_edits(std::move(occurrences.value()), edits.value(), from, to),
                                    date, m_zone);
}

} // namespace olohuone::app
