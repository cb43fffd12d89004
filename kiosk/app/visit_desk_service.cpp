#include "app/visit_desk_service.h"

#include "core/log.h"
#include "core/visitor_name.h"
#include "store/record_key.h"

namespace olohuone::app {

std::string VisitDeskService::new_key() { return store::new_record_key(); }

std::vector<VisitorSuggestion> VisitDeskService::suggestions(const std::string& typed, int limit)
{
    auto found = m_log.suggestions(fold_name(normalize_name(typed)), limit);
    if (!found) {
        log::error("visitor suggestions: " + found.error().message);
        return {};
    }
    return found.value();
}

std::vector<std::string> VisitDeskService::markers_taken_by_namesakes(const std::string& typed_name)
{
    const std::string name = normalize_name(typed_name);
    auto taken = m_log.markers_in_use(fold_name(public_name(name)), fold_name(name));
    if (!taken) {
        log::error("visitor markers: " + taken.error().message);
        return {};
    }
    return taken.value();
}

Result<SignInReceipt> VisitDeskService::sign_in(const SignInDraft& draft)
{
    auto receipt = m_storage.noted(m_log.sign_in(draft, now()));
    if (!receipt)
        log::error("sign-in not stored: " + receipt.error().message);
    return receipt;
}

Result<void> VisitDeskService::withdraw_count(const std::string& visit_key, const std::string& withdraw_key)
{
    auto withdrawn = m_storage.noted(m_log.withdraw_count(visit_key, withdraw_key, now()));
    if (!withdrawn)
        log::error("count taken back not stored: " + withdrawn.error().message);
    return withdrawn;
}

std::vector<OpenVisit> VisitDeskService::signed_in_today()
{
    const CivilDate today = m_zone.to_local(m_clock.now()).date;
    auto visits = m_log.open_visits(m_zone.start_of_day(today), m_zone.start_of_day(today.plus_days(1)));
    if (!visits) {
        log::error("who is signed in: " + visits.error().message);
        return {};
    }
    return visits.value();
}

Result<UnixSeconds> VisitDeskService::sign_out(const std::string& visit_key, const std::string& sign_out_key)
{
    const store::RecordTime time = now();
    if (auto signed_out = m_storage.noted(m_log.sign_out(visit_key, sign_out_key, time)); !signed_out) {
        log::error("sign-out not stored: " + signed_out.error().message);
        return signed_out.error();
    }
    return time.at;
}

void VisitDeskService::close_visits_if_due()
{
    auto closed = m_log.sign_out_automatically(m_closing_time, m_zone, now());
    if (!closed) {
        m_storage.write_failed(closed.error());
        log::error("automatic sign-out at closing time failed, tried again in a minute: " + closed.error().message);
    } else if (closed.value() > 0) {
        // Only a sign-out that wrote something says there is room: most minutes none is due.
        m_storage.write_stored();
        log::info("signed out " + std::to_string(closed.value()) + " visitors automatically at closing time");
    }
}

} // namespace olohuone::app
