#pragma once
// Erases the names in records received more than privacy.erase_names_after_days ago
// (name_erasure.h, docs/privacy.md): once at start, then daily, on a thread of its own.
// Counted from when the server received a record: never earlier than the record's own
// time, and not fooled by a kiosk whose clock was years off when it made the record.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "core/clock.h"
#include "core/result.h"
#include "server_store.h"

namespace olohuone::server {

// One run at the clock's now, batch by batch; how many rows lost a name. Logs one line
// when any did.
Result<std::int64_t> erase_expired_names(ServerStore& store, int days, const Clock& clock);

class NameRetention {
public:
    NameRetention(ServerStore& store, int days, const Clock& clock);
    NameRetention(const NameRetention&) = delete;
    NameRetention& operator=(const NameRetention&) = delete;
    ~NameRetention(); // stops

    void start();
    void stop();

private:
    void run();

    ServerStore& m_store;
    int m_days;
    const Clock& m_clock;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace olohuone::server
