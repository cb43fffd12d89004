#pragma once
// Sign-ins, anonymous counts and sign-outs. Every record is written together with its
// outbox row in one transaction and is on disk (synchronous=FULL) when a call returns
// success; a call repeated with the same key changes nothing and succeeds again.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/visits.h"
#include "store/outbox.h"
#include "store/sqlite.h"

namespace olohuone::store {

class VisitLog {
public:
    explicit VisitLog(sql::Database& database) : m_database(database) {}

    // A sign-in (named or anonymous). A draft whose key is already stored returns the
    // stored receipt: a repeated confirm is the same record.
    Result<SignInReceipt> sign_in(const SignInDraft& draft, RecordTime time);

    // Signs out the open visit `visit_key`. Repeating it with the same `sign_out_key`
    // succeeds without a second record; a visit already signed out otherwise is an error.
    Result<void> sign_out(const std::string& visit_key, const std::string& sign_out_key, RecordTime time);

    // Takes back the count without a name `visit_key` (a tap the visitor did not mean).
    // Repeating it with the same `withdraw_key` succeeds without a second record; a named
    // visit, or one already taken back otherwise, is an error.
    Result<void> withdraw_count(const std::string& visit_key, const std::string& withdraw_key, RecordTime time);

    // Closes every named visit still open whose automatic sign-out time (see
    // automatic_sign_out_at) is at or before `now`; returns how many.
    Result<int> sign_out_automatically(CivilTime closing_time, const TimeZone& zone, RecordTime now);

    // Named visits begun in [from, to) and still open, earliest first.
    Result<std::vector<OpenVisit>> open_visits(UnixSeconds from, UnixSeconds to);
    // The same visits with whole names, for staff only.
    Result<std::vector<PresentVisitor>> present(UnixSeconds from, UnixSeconds to);
    // Visits counted without a name begun in [from, to), less those taken back.
    Result<std::int64_t> anonymous_visits(UnixSeconds from, UnixSeconds to);

    // Returning visitors whose folded name starts with `typed_fold`, most recently seen
    // first, at most `limit`.
    Result<std::vector<VisitorSuggestion>> suggestions(const std::string& typed_fold, int limit);

    // Markers already taken by visitors whose public name folds to `public_fold`, other
    // than those with the very name `own_fold` (typing one's whole name again is the
    // same person, who needs no marker against themselves).
    Result<std::vector<std::string>> markers_in_use(const std::string& public_fold, const std::string& own_fold);

private:
    sql::Database& m_database;
};

} // namespace olohuone::store
