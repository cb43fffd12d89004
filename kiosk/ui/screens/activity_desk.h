#pragma once
// The narrow interface the activity screens need: where an activity stands, who is
// registered, and the records ("Tulen mukaan", cancellation, "Olen paikalla"). A record
// call returns only when the record is on disk; it is refused when the activity's rules
// (closing time, attendance window, a cancelled activity) say no at that moment.
#include <optional>
#include <string>
#include <vector>

#include "core/occurrence.h"
#include "core/registration.h"
#include "core/result.h"
#include "core/visits.h"

namespace olohuone::ui {

class ActivityDesk {
public:
    virtual ~ActivityDesk() = default;

    virtual ActivityStatus status(const Occurrence& activity) = 0;
    virtual std::vector<Registrant> registrants(const Occurrence& activity) = 0;
    // The registration of the person `who` names, if they have one.
    virtual std::optional<Registrant> registrant(const Occurrence& activity, const VisitorIdentity& who) = 0;

    virtual Result<RegistrationReceipt> register_visitor(const Occurrence& activity, const VisitorIdentity& who,
                                                         const std::string& key) = 0;
    virtual Result<CancellationReceipt> cancel_registration(const Occurrence& activity, std::int64_t visitor_id,
                                                            const std::string& cancel_key) = 0;
    // Whether the kiosks of the site share places through a server: a registration's
    // place is then the server's decision when it answers within a couple of seconds.
    virtual bool shares_places() = 0;
    // The registration made under `key` as the server's last answer places it; none
    // until the server has answered with it.
    virtual std::optional<RegistrationReceipt> site_decision(const Occurrence& activity, const std::string& key) = 0;
    // `who` empty: one more person counted without a name.
    virtual Result<AttendanceReceipt> mark_here(const Occurrence& activity, const std::optional<VisitorIdentity>& who,
                                                const std::string& key) = 0;
    // Takes back one count without a name, for the visitor whose finger slipped on "+1":
    // false when there is none to take back. Refused once attendance has closed.
    virtual Result<bool> withdraw_count(const Occurrence& activity, const std::string& key) = 0;
};

} // namespace olohuone::ui
