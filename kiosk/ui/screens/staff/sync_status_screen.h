#pragma once
// Staff's view of the sync: which server, when it last went through, how many records
// wait, what the server refused, the last problem; and "Synkronoi nyt". Drawn again
// every few seconds while open, so a sync started here shows its result.
#include "ui/screens/screen.h"

namespace olohuone::ui {

class SyncStatusScreen final : public Screen {
public:
    explicit SyncStatusScreen(MonotonicMs closes_after_ms) : m_closes_after_ms(closes_after_ms) {}

    std::string name() const override { return "staff_sync"; }
    void begin_frame(const ScreenContext& context) override;
    std::vector<ControlGroup> controls(const ScreenContext& context) override;
    void build(const ScreenContext& context, Rect area, DrawList& list) override;
    ScreenAction on_tap(const std::string& id, const ScreenContext& context) override;
    bool shows_shared_controls(const ScreenContext&) const override { return false; }
    std::optional<MonotonicMs> closes_after_ms() const override { return m_closes_after_ms; }
    std::optional<MonotonicMs> refreshes_every_ms() const override { return 2'000; }

private:
    StaffSyncStatus m_status;
    bool m_requested = false; // "Synkronoi nyt" was tapped, and the server not heard from since
    std::int64_t m_answers_when_requested = 0;
    UnixSeconds m_requested_at = 0;
    static constexpr UnixSeconds min_request_notice_seconds = 2;
    MonotonicMs m_closes_after_ms;
};

} // namespace olohuone::ui
