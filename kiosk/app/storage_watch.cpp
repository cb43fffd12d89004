#include "app/storage_watch.h"

#include "core/log.h"
#include "store/storage_probe.h"

namespace olohuone::app {

void StorageWatch::write_failed(const Error& error)
{
    if (error.kind != ErrorKind::StorageFull)
        return;
    m_next_check_ms = m_clock.monotonic_ms() + m_check_every_ms;
    if (m_full)
        return;
    m_full = true;
    log::error("the kiosk's storage is full: sign-ins and other records cannot be stored until space is freed on "
               "its disk (" + m_database.path() + ": " + error.message + "); records stored before are kept");
}

void StorageWatch::write_stored()
{
    if (!m_full)
        return;
    m_full = false;
    log::info("the kiosk's storage has room again: records are stored again");
}

bool StorageWatch::check_again_if_due()
{
    if (!m_full || m_clock.monotonic_ms() < m_next_check_ms)
        return false;
    if (auto written = store::try_a_write(m_database); !written) {
        // Still full, or failing otherwise (another writer held the lock): either way no
        // record can be promised yet, so try again later.
        m_next_check_ms = m_clock.monotonic_ms() + m_check_every_ms;
        return false;
    }
    write_stored();
    return true;
}

std::optional<MonotonicMs> StorageWatch::next_check_ms() const
{
    if (!m_full)
        return std::nullopt;
    return m_next_check_ms;
}

} // namespace olohuone::app
