#pragma once
// The screens' view of the sync. The public screen's offline note: once the server has
// not answered for [sync] offline_after_minutes (counted from the start until it first
// answers); a short outage, or a kiosk without a server, shows nothing. Staff mode: the
// running sync's status, and a way to wake it.
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
    void attach(sync::SyncEngine* engine)
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

    // Whether a registration's place is the server's to decide: there is a server, and
    // it has not said it predates shared places.
    bool shares_places() const { return m_engine != nullptr && m_engine->status().places_shared != false; }

    // The running sync, for staff's view of it; null on a kiosk without a server.
    const sync::SyncEngine* engine() const { return m_engine; }
    // Wakes the sync for a pass now ("Synkronoi nyt"); false without one.
    bool sync_now() const
    {
        if (m_engine == nullptr)
            return false;
        m_engine->sync_soon();
        return true;
    }

private:
    const Clock& m_clock;
    std::int64_t m_offline_after_seconds;
    sync::SyncEngine* m_engine = nullptr;
    UnixSeconds m_attached_at = 0;
};

} // namespace olohuone::app
