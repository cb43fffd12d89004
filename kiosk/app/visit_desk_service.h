#pragma once
// The kiosk's VisitDesk: the visit log in the store, the clock (and whether it is known
// to be right) and the closing time. Failures are logged here for staff, while the
// screen shows the visitor a kind message.
#include "app/storage_watch.h"
#include "core/clock.h"
#include "core/time_zone.h"
#include "store/visit_log.h"
#include "ui/screens/visit_desk.h"

namespace olohuone::app {

class VisitDeskService final : public ui::VisitDesk {
public:
    VisitDeskService(store::VisitLog& log, StorageWatch& storage, const Clock& clock, const TimeZone& zone,
                     CivilTime closing_time)
        : m_log(log), m_storage(storage), m_clock(clock), m_zone(zone), m_closing_time(closing_time)
    {
    }

    std::string new_key() override;
    std::vector<VisitorSuggestion> suggestions(const std::string& typed, int limit) override;
    std::vector<std::string> markers_taken_by_namesakes(const std::string& typed_name) override;
    Result<SignInReceipt> sign_in(const SignInDraft& draft) override;
    Result<void> withdraw_count(const std::string& visit_key, const std::string& withdraw_key) override;
    std::vector<OpenVisit> signed_in_today() override;
    Result<UnixSeconds> sign_out(const std::string& visit_key, const std::string& sign_out_key) override;
    void close_visits_if_due() override;

private:
    store::RecordTime now() const { return store::record_time_now(m_clock); }

    store::VisitLog& m_log;
    StorageWatch& m_storage;
    const Clock& m_clock;
    const TimeZone& m_zone;
    CivilTime m_closing_time;
};

} // namespace olohuone::app
