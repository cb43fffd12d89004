#include "app/name_retention_timer.h"

#include <chrono>

#include "core/log.h"
#include "store/store.h"

namespace olohuone::app {
namespace {

constexpr auto run_every = std::chrono::hours(1);

} // namespace

store::NameRetentionRule name_retention_rule(const KioskConfig& config)
{
    if (config.sync.enabled())
        return {store::RetentionStart::FromDelivery, config.privacy.erase_names_days_after_delivery};
    return {store::RetentionStart::FromLastVisit, config.privacy.erase_names_days_standalone};
}

Result<store::NamesErased> erase_expired_names_now(sql::Database& database, const store::NameRetentionRule& rule,
                                                   const Clock& clock)
{
    if (!clock.synchronised())
        return store::NamesErased{};
    auto erased = store::erase_expired_names(database, rule, clock.now());
    if (erased && erased->visitors > 0)
        log::info("privacy: erased the names of " + std::to_string(erased->visitors) + " visitors and of "
                  + std::to_string(erased->outbox_payloads) + " records about them, "
                  + std::to_string(rule.days) + " days on");
    return erased;
}

NameRetentionTimer::NameRetentionTimer(std::string database_path, store::NameRetentionRule rule, const Clock& clock)
    : m_database_path(std::move(database_path)), m_rule(rule), m_clock(clock)
{
}

NameRetentionTimer::~NameRetentionTimer() { stop(); }

void NameRetentionTimer::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { loop(); });
}

void NameRetentionTimer::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void NameRetentionTimer::loop()
{
    auto store = store::Store::open(m_database_path);
    if (!store) {
        log::error("privacy: cannot open the database to erase old names: " + store.error().message);
        return;
    }
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        if (auto erased = erase_expired_names_now(store->database(), m_rule, m_clock); !erased)
            log::warning("privacy: erasing old names failed, trying again in an hour: " + erased.error().message);
        lock.lock();
        m_wake.wait_for(lock, run_every, [this] { return m_stopping; });
    }
}

} // namespace olohuone::app
