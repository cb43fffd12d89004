#pragma once
// Visits to the living room: who signs in (or is only counted), the groups they belong
// to, and the rule that closes the visits nobody signed out of.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/localized_text.h"
#include "core/time_zone.h"

namespace olohuone {

// A group a visitor counts in for the funder report: resident, relative, volunteer ...
struct VisitorGroup {
    std::string id;
    LocalizedText label;
    bool asks_whom = false; // "whom are you visiting?" is asked of this group
};

// A word a visitor picks to tell themselves apart from a regular with the same short
// name ("Aino K. · Ruusu"), so the screen never has to show more of anyone's name.
struct NameMarker {
    std::string id;
    LocalizedText label;
};

// A choice for "whom are you visiting?".
struct WhomChoice {
    std::string id;
    LocalizedText label;
};

struct VisitOptions {
    std::vector<VisitorGroup> groups;
    std::vector<WhomChoice> whom;
    std::vector<NameMarker> markers;

    const VisitorGroup* group(const std::string& id) const;
    const NameMarker* marker(const std::string& id) const;
};

// A returning visitor offered while a name is typed: only what the public screen may show.
struct VisitorSuggestion {
    std::int64_t visitor_id = 0;
    std::string public_name; // "Aino K."
    std::string group_id;
    std::string marker_id; // "" if they never needed one
};

// Who a record is about, as a flow identified them: a returning visitor picked by id, or
// a name typed (with the group and marker chosen) that the store finds or adds.
struct VisitorIdentity {
    std::optional<std::int64_t> visitor_id;
    std::string typed_name;
    std::string group_id;
    std::string marker_id;
};

// What a sign-in flow has gathered when the visitor confirms. `key` is made when the flow
// starts, so a repeated confirm is the same record, never a second one.
struct SignInDraft {
    std::string key;
    std::string group_id;
    bool anonymous = false;
    std::optional<std::int64_t> visitor_id; // a returning visitor picked from suggestions
    std::string typed_name;                 // a new visitor (normalised when stored)
    std::string marker_id;
    std::string whom;

    VisitorIdentity identity() const { return {visitor_id, typed_name, group_id, marker_id}; }
};

struct SignInReceipt {
    std::string first_name; // "" for an anonymous visit
    UnixSeconds at = 0;
};

// Someone signed in and not yet out, as the sign-out list shows them.
struct OpenVisit {
    std::string visit_key;
    std::int64_t visitor_id = 0;
    std::string public_name;
    std::string group_id;
    std::string marker_id;
    UnixSeconds signed_in_at = 0;
};

// An activity's occurrence by what identifies it (Occurrence::uid and instance).
struct ActivityRef {
    std::string uid;
    UnixSeconds instance = 0;
    bool operator==(const ActivityRef&) const = default;
};

// Someone signed in now, as staff need them in an evacuation: the whole name. Never on a
// public screen.
struct PresentVisitor {
    std::string name;
    std::string group_id;
    UnixSeconds since = 0;
    // Where they were last seen: the activity they were last marked present at during
    // this visit (its uid and instance), or none for the sign-in itself; and when.
    std::optional<ActivityRef> seen_at_activity = std::nullopt;
    UnixSeconds seen_at = 0;
};

// For a person marked present at `activity` at `now`: the start of today when the
// activity is on today and has not ended (so the mark puts them in the building), else
// none.
std::optional<UnixSeconds> in_building_since(UnixSeconds activity_start, UnixSeconds activity_end, UnixSeconds now,
                                             const TimeZone& zone);

// When a visit still open is closed automatically: at the closing time of the day it
// began, or at the end of that day for a visit begun after closing.
UnixSeconds automatic_sign_out_at(UnixSeconds signed_in_at, CivilTime closing_time, const TimeZone& zone);

} // namespace olohuone
