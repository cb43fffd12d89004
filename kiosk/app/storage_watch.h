#pragma once
// Knows whether the kiosk's storage is full. The desks tell it how each write went; while
// full it tries a small write of its own every few seconds, so sign-ins open again by
// themselves once space is freed, without a restart or staff. One log line when the
// storage fills and one when it has room again, however often a write fails in between.
#include "core/clock.h"
#include "core/result.h"
#include "store/sqlite.h"
#include "ui/screens/storage_view.h"

namespace olohuone::app {

class StorageWatch final : public ui::StorageView {
public:
    StorageWatch(sql::Database& database, const Clock& clock, MonotonicMs check_every_ms)
        : m_database(database), m_clock(clock), m_check_every_ms(check_every_ms)
    {
    }

    // A write failed: a full disk puts the kiosk in the full state (and the next check a
    // while later); any other failure says nothing about space.
    void write_failed(const Error& error);
    // A write was stored: whatever the state was, there is room.
    void write_stored();

    // Notes how `result`, a write's outcome, went, and passes it on.
    template <typename Value>
    Result<Value> noted(Result<Value> result)
    {
        if (result)
            write_stored();
        else
            write_failed(result.error());
        return result;
    }

    bool full() const override { return m_full; }
    bool check_again_if_due() override;
    std::optional<MonotonicMs> next_check_ms() const override;

private:
    sql::Database& m_database;
    const Clock& m_clock;
    MonotonicMs m_check_every_ms;
    bool m_full = false;
    MonotonicMs m_next_check_ms = 0;
};

} // namespace olohuone::app
