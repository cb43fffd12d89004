#pragma once
// Erases visitors' names when their time is up (store/name_retention.h, docs/privacy.md):
// once at start, then every hour, on a thread of its own with its own connection, so a
// long first run on an old database never holds up the screens.
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/config.h"
#include "core/clock.h"
#include "core/result.h"
#include "store/name_retention.h"
#include "store/sqlite.h"

namespace olohuone::app {

// The rule the configuration gives: counted from delivery with a server, from the last
// visit without one.
store::NameRetentionRule name_retention_rule(const KioskConfig& config);

// One run at the clock's now; nothing when the clock is not yet known to be right: a
// clock set years ahead before NTP answers must not erase names early. Logs one line
// when names were erased.
Result<store::NamesErased> erase_expired_names_now(sql::Database& database, const store::NameRetentionRule& rule,
                                                   const Clock& clock);

class NameRetentionTimer {
public:
    NameRetentionTimer(std::string database_path, store::NameRetentionRule rule, const Clock& clock);
    NameRetentionTimer(const NameRetentionTimer&) = delete;
    NameRetentionTimer& operator=(const NameRetentionTimer&) = delete;
    ~NameRetentionTimer(); // stops

    void start();
    void stop();

private:
    void loop();

    std::string m_database_path;
    store::NameRetentionRule m_rule;
    const Clock& m_clock;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace olohuone::app
