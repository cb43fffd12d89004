#pragma once
// The narrow interface the sign-in and sign-out screens need: suggestions while a name
// is typed, and the records themselves. A record call returns only when the record is on
// disk, so a screen that thanks the visitor after it never thanks for something lost.
#include <string>
#include <vector>

#include "core/result.h"
#include "core/visits.h"

namespace olohuone::ui {

class VisitDesk {
public:
    virtual ~VisitDesk() = default;

    // A fresh idempotency key for a record the screen is about to make.
    virtual std::string new_key() = 0;
    // Returning visitors whose name starts with `typed` (as typed, any case), most
    // recent first, at most `limit`.
    virtual std::vector<VisitorSuggestion> suggestions(const std::string& typed, int limit) = 0;
    // Markers already used by visitors who would look the same as `typed_name` on screen
    // ("Aino K."); empty when nobody would, so no marker is needed.
    virtual std::vector<std::string> markers_taken_by_namesakes(const std::string& typed_name) = 0;

    virtual Result<SignInReceipt> sign_in(const SignInDraft& draft) = 0;
    // Takes back the count without a name `visit_key`: the visitor's tap was a slip.
    virtual Result<void> withdraw_count(const std::string& visit_key, const std::string& withdraw_key) = 0;
    // Visitors signed in today and not out yet.
    virtual std::vector<OpenVisit> signed_in_today() = 0;
    virtual Result<UnixSeconds> sign_out(const std::string& visit_key, const std::string& sign_out_key) = 0;
    // Signs out everyone still in once the closing time has passed.
    virtual void close_visits_if_due() = 0;
};

} // namespace olohuone::ui
