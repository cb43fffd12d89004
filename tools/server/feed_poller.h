#pragma once
// Reads every site's calendar feed on a thread of its own: once at start, then every
// feeds.refresh_minutes. A feed that cannot be read, or reads as no calendar the kiosk
// could use, is logged (with its URL shortened, never a token) and the site's programme
// stays as it was.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/clock.h"
#include "core/time_zone.h"
#include "server_config.h"
#include "server_store.h"

namespace olohuone::server {

class FeedPoller {
public:
    FeedPoller(ServerStore& store, const ServerConfig& config, const Clock& clock, const TimeZone& zone);
    FeedPoller(const FeedPoller&) = delete;
    FeedPoller& operator=(const FeedPoller&) = delete;
    ~FeedPoller(); // stops

    void start();
    // Returns promptly: wakes the thread from its wait and abandons a transfer under way.
    void stop();

private:
    void run();
    void poll_all();
    void poll(const SiteFeed& feed);

    ServerStore& m_store;
    const ServerConfig& m_config;
    const Clock& m_clock;
    const TimeZone& m_zone;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

} // namespace olohuone::server
