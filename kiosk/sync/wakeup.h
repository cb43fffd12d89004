#pragma once
// What the sync thread sleeps on between attempts: a nudge from the kiosk (closing, or
// "sync now"), or a change in the network (a link or an address came up: a router
// switched back on), or the end of the wait. Linux: an eventfd and a netlink socket.
#include <chrono>

namespace olohuone::sync {

class Wakeup {
public:
    Wakeup();
    ~Wakeup();
    Wakeup(const Wakeup&) = delete;
    Wakeup& operator=(const Wakeup&) = delete;

    enum class Reason { TimeUp, Nudged, NetworkChanged };

    // Thread-safe; a nudge before wait() is not lost.
    void nudge();
    Reason wait(std::chrono::milliseconds timeout);

private:
    int m_event_fd = -1;
    int m_netlink_fd = -1; // -1 where netlink is not available: the waits still end on time
};

} // namespace olohuone::sync
