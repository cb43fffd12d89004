#pragma once
// The public screen's view of the sync: offline once the server has not answered for
// [sync] offline_after_minutes (counted from the start until it first answers). A
// short outage, or a kiosk without a server, shows nothing.
#include "core/clock.h"
#include "sync/sync_engine.h"
#include "ui/screens/connection_view.h"

namespace olohuone::app {

class SyncConnection final : public ui::ConnectionView {
public:
    SyncConnection(const Clock& clock, int offline_after_minutes)
        : m_clock(clock), m_offline_after_seconds(offline_after_minutes * 60LL)
    {
    }

    // Starts watching `engine` (before the window runs; null: stop).
    void attach(const sync::SyncEngine* engine)
    {
        m_engine = engine;
        m_attached_at = m_clock.now();
    }

    bool offline(UnixSeconds now) const override
    {
        if (m_engine == nullptr)
            return false;
        const UnixSeconds heard = m_engine->status().last_contact_at.value_or(m_attached_at);
        return now - heard > m_offline_after_seconds;
    }

private:
    const Clock& m_clock;
    std::int64_t m_offline_after_seconds;
    const sync::SyncEngine* m_engine = nullptr;
    UnixSeconds m_attached_at = 0;
};

} // namespace olohuone::app
