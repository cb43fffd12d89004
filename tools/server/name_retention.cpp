#include "name_retention.h"

#include <chrono>

#include "background_thread.h"
#include "core/log.h"

namespace olohuone::server {
namespace {

constexpr std::int64_t seconds_per_day = 24 * 60 * 60;
// Records to a transaction: the kiosks' deliveries wait for one batch at most.
constexpr int batch_size = 500;

} // namespace

Result<std::int64_t> erase_expired_names(ServerStore& store, int days, const Clock& clock)
{
    const UnixSeconds cutoff = clock.now() - days * seconds_per_day;
    std::int64_t total = 0;
    for (;;) {
        auto erased = store.erase_names_received_before(cutoff, batch_size);
        if (!erased)
            return erased.error();
        total += erased.value();
        if (erased.value() < batch_size)
            break;
    }
    if (total > 0)
        log::info("privacy: erased the visitors' names from " + std::to_string(total) + " records received more than "
                  + std::to_string(days) + " days ago");
    return total;
}

NameRetention::NameRetention(ServerStore& store, int days, const Clock& clock)
    : m_store(store), m_days(days), m_clock(clock)
{
}

NameRetention::~NameRetention() { stop(); }

void NameRetention::start()
{
    if (m_thread.joinable())
        return;
    m_thread = start_background_thread([this] { run(); });
}

void NameRetention::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void NameRetention::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        if (auto erased = erase_expired_names(m_store, m_days, m_clock); !erased)
            log::warning("privacy: erasing old names failed, trying again tomorrow: " + erased.error().message);
        lock.lock();
        m_wake.wait_for(lock, std::chrono::hours(24), [this] { return m_stopping; });
    }
}

} // namespace olohuone::server
