#pragma once
// Registrations ("Tulen mukaan"), their cancellations, the waiting-list moves those make,
// attendance ("Olen paikalla") and staff's withdrawals of it. As with visits, every record
// is written together with its outbox row in one transaction, is on disk when a call
// succeeds, and a call repeated with the same key changes nothing and succeeds again.
// Whether registration is still open is the caller's rule (see registration_state); the
// store keeps the places.
#include <optional>
#include <string>
#include <vector>

#include "core/occurrence.h"
#include "core/registration.h"
#include "core/result.h"
#include "core/visits.h"
#include "store/outbox.h"
#include "store/sqlite.h"

namespace olohuone::store {

// A registration the server answers for the first time this soon after it was made had
// its thank-you waiting for that answer (a few seconds), and showed it.
inline constexpr UnixSeconds decision_shown_seconds = 5;

// One activity in the server's answer about the site's places.
struct SiteActivityPlaces {
    std::string uid;
    UnixSeconds instance = 0;
    // The capacity the server decided with; none when it has not decided (no kiosk has
    // said how many places there are).
    std::optional<std::optional<int>> capacity;
    std::vector<SitePlace> registrations; // in the server's order
};

class ActivityLog {
public:
    explicit ActivityLog(sql::Database& database) : m_database(database) {}

    // Registers `who` for `activity` under `key`. Someone already registered gets their
    // standing back (`already`) and nothing new is stored.
    Result<RegistrationReceipt> register_visitor(const Occurrence& activity, const VisitorIdentity& who,
                                                 const std::string& key, RecordTime time);

    // Cancels the visitor's registration under `cancel_key`; the first in the queue moves
    // up into a freed place, and that move is a record of its own.
    Result<CancellationReceipt> cancel(const Occurrence& activity, std::int64_t visitor_id,
                                       const std::string& cancel_key, RecordTime time);

    // Marks `who` present, or counts one person without a name when `who` is empty.
    // Someone already marked gets `already` and nothing new is stored. With
    // `in_building_since` (the start of the day, for an activity today) a named person
    // with no visit open since then is signed in by the same transaction.
    Result<AttendanceReceipt> mark_here(const Occurrence& activity, const std::optional<VisitorIdentity>& who,
                                        const std::string& key, RecordTime time,
                                        std::optional<UnixSeconds> in_building_since = std::nullopt);

    // Takes back a mark made by mistake: `visitor_id`'s, or without one the latest count
    // without a name, and the visit the mark opened, if it is still open. False when
    // there was no such mark; a repeated key succeeds again.
    Result<bool> withdraw(const Occurrence& activity, std::optional<std::int64_t> visitor_id, const std::string& key,
                          RecordTime time);

    // Staff undo a cancellation made by mistake: the registration is active again, in
    // its original place (places go in the order of registration), and whoever that
    // place had gone to waits again. Refused when the person has registered again since.
    // With `preview` nothing is stored: the receipt says what it would do.
    Result<RestoreReceipt> restore(const Occurrence& activity, const std::string& registration_key,
                                   const std::string& restore_key, RecordTime time, bool preview = false);
    // The activity's cancelled registrations, the latest first.
    Result<std::vector<Cancellation>> cancellations(const Occurrence& activity);
    // Moves of the activity's registrations made here, into a place or into the queue,
    // the latest first.
    Result<std::vector<PlaceChange>> place_changes(const Occurrence& activity);

    // Takes the server's answer about the site's places (docs/api.md, GET places) in
    // place of the last one, noting the moves it makes for this kiosk's registrations;
    // returns how many.
    Result<int> take_site_places(const std::vector<SiteActivityPlaces>& answer, UnixSeconds now);

    // The receipt of the registration made under `key` once the server's answer about
    // the site's places has it; none before.
    Result<std::optional<RegistrationReceipt>> site_decision(const Occurrence& activity, const std::string& key);

    Result<Places> places(const Occurrence& activity);
    // The active registration of the person `who` names, if they have one: cancelling
    // asks who you are, as registering does.
    Result<std::optional<Registrant>> registrant(const Occurrence& activity, const VisitorIdentity& who);
    // Active registrations in queue order, with whether each is marked present.
    Result<std::vector<Registrant>> registrants(const Occurrence& activity);
    // Present by name without an active registration, in the order they came.
    Result<std::vector<Attendee>> walk_ins(const Occurrence& activity);
    // Present by name, and counted without one.
    Result<std::pair<int, int>> here_counts(const Occurrence& activity);

private:
    struct Active {
        std::vector<Registration> registrations;
        std::vector<std::string> keys; // the record key of each, same order
    };
    // The server's last answer for one activity, and this kiosk's cancellations of it.
    struct SiteView {
        std::vector<SitePlace> places;
        std::vector<std::string> own_cancelled;
    };
    Result<Active> active_registrations(const std::string& uid, UnixSeconds instance);
    Result<SiteView> site_view(const std::string& uid, UnixSeconds instance);
    static Places order_places(const Active& active, const SiteView& site, std::optional<int> capacity);
    // Notes the moves between `before` and `after` of this kiosk's registrations, but
    // of the visitors in `shown_after`, who were shown `after` as their place.
    Result<int> record_moves(const Active& active, const Places& before, const Places& after, bool by_server,
                             UnixSeconds at, const std::vector<std::int64_t>& shown_after = {});

    sql::Database& m_database;
};

} // namespace olohuone::store
