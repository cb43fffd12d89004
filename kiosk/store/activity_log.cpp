#include "store/activity_log.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

#include "core/visitor_name.h"
#include "store/record_key.h"
#include "store/visitors.h"
#include "store/visits_from_attendance.h"

namespace olohuone::store {
namespace {

// The activity as the server knows it: the event and which of its occurrences.
nlohmann::json activity_json(const Occurrence& activity)
{
    return {{"uid", activity.uid}, {"instance", activity.instance}, {"start", activity.start}};
}

Result<std::string> first_name_of(sql::Database& database, std::int64_t visitor_id)
{
    auto visitor = read_visitor(database, visitor_id);
    if (!visitor)
        return visitor.error();
    return first_name(visitor->name);
}

// The id in a one-column lookup by key, if a row has it.
Result<std::optional<std::int64_t>> id_by_key(sql::Database& database, std::string_view sql, const std::string& key)
{
    auto select = database.prepare(sql);
    if (!select)
        return select.error();
    select->bind(1, key);
    // A NULL visitor (an anonymous count) reads as 0, which no visitor's id is.
    return sql::optional_row(*select, [](const sql::Statement& row) { return row.column_int(0); });
}

// A registration's activity also carries its places as this kiosk shows them: the
// server decides the site's places with it.
nlohmann::json registration_activity_json(const Occurrence& activity)
{
    nlohmann::json json = activity_json(activity);
    json["capacity"] = activity.capacity ? nlohmann::json(*activity.capacity) : nlohmann::json();
    return json;
}

// The rows of a query of one activity (`sql` takes its UID and instance), each read
// by `read_row`.
template <typename ReadRow>
auto activity_rows(sql::Database& database, std::string_view sql, const std::string& uid, UnixSeconds instance,
                   ReadRow read_row) -> Result<std::vector<decltype(read_row(std::declval<const sql::Statement&>()))>>
{
    auto select = database.prepare(sql);
    if (!select)
        return select.error();
    select->bind(1, uid).bind(2, instance);
    return sql::collect_rows(*select, read_row);
}

RegistrationReceipt receipt_for(std::string first_name, const Places& places, std::int64_t visitor_id, bool already)
{
    RegistrationReceipt receipt{std::move(first_name), false, 0, already};
    if (const Standing* standing = places.of(visitor_id)) {
        receipt.coming = standing->coming;
        receipt.queue_position = standing->queue_position;
    }
    return receipt;
}

} // namespace

Result<ActivityLog::Active> ActivityLog::active_registrations(const std::string& uid, UnixSeconds instance)
{
    auto select = m_database.prepare(
        "SELECT id, visitor_id, registered_at, key FROM registration WHERE event_uid = ? AND instance = ? AND "
        "cancelled_at IS NULL");
    if (!select)
        return select.error();
    select->bind(1, uid).bind(2, instance);
    Active active;
    for (;;) {
        auto row = select->step();
        if (!row)
            return row.error();
        if (!row.value())
            return active;
        active.registrations.push_back({select->column_int(0), select->column_int(1), select->column_int(2), false});
        active.keys.push_back(select->column_text(3));
    }
}

Result<ActivityLog::SiteView> ActivityLog::site_view(const std::string& uid, UnixSeconds instance)
{
    auto places = activity_rows(
        m_database,
        "SELECT registration_key, cancelled FROM site_place WHERE event_uid = ? AND instance = ? ORDER BY position",
        uid, instance, [](const sql::Statement& row) { return SitePlace{row.column_text(0), row.column_int(1) != 0}; });
    if (!places)
        return places.error();
    auto cancelled = activity_rows(
        m_database, "SELECT key FROM registration WHERE event_uid = ? AND instance = ? AND cancelled_at IS NOT NULL",
        uid, instance, [](const sql::Statement& row) { return row.column_text(0); });
    if (!cancelled)
        return cancelled.error();
    return SiteView{std::move(places.value()), std::move(cancelled.value())};
}

Places ActivityLog::order_places(const Active& active, const SiteView& site, std::optional<int> capacity)
{
    std::vector<KeyedRegistration> keyed;
    for (std::size_t i = 0; i < active.registrations.size(); ++i)
        keyed.push_back({active.registrations[i], active.keys[i]});
    return allocate_in_order(site_order(std::move(keyed), site.places, site.own_cancelled), capacity);
}

Result<int> ActivityLog::record_moves(const Active& active, const Places& before, const Places& after,
                                      bool by_server, UnixSeconds at, const std::vector<std::int64_t>& shown_after)
{
    auto insert = m_database.prepare(
        "INSERT INTO registration_move (registration_id, promoted, queue_position, by_server, at) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    int moves = 0;
    for (const bool into_place : {true, false}) {
        for (const std::int64_t visitor_id : into_place ? promoted(before, after) : moved_to_queue(before, after)) {
            if (std::find(shown_after.begin(), shown_after.end(), visitor_id) != shown_after.end())
                continue;
            const Standing* now = after.of(visitor_id);
            for (const Registration& registration : active.registrations) {
                if (registration.visitor_id != visitor_id || registration.cancelled)
                    continue;
                insert->reset();
                insert->bind(1, registration.id)
                    .bind(2, into_place ? 1 : 0)
                    .bind(3, now != nullptr ? now->queue_position : 0)
                    .bind(4, by_server ? 1 : 0)
                    .bind(5, at);
                if (auto ran = insert->run(); !ran)
                    return ran.error();
                ++moves;
            }
        }
    }
    return moves;
}

Result<Places> ActivityLog::places(const Occurrence& activity)
{
    auto active = active_registrations(activity.uid, activity.instance);
    if (!active)
        return active.error();
    auto site = site_view(activity.uid, activity.instance);
    if (!site)
        return site.error();
    return order_places(active.value(), site.value(), activity.capacity);
}

Result<RegistrationReceipt> ActivityLog::register_visitor(const Occurrence& activity, const VisitorIdentity& who,
                                                          const std::string& key, RecordTime time)
{
    if (key.empty() || activity.uid.empty())
        return make_error("a registration needs a key and an activity");
    auto transaction = sql::Transaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    auto repeated = id_by_key(m_database, "SELECT visitor_id FROM registration WHERE key = ?", key);
    if (!repeated)
        return repeated.error();

    auto active = active_registrations(activity.uid, activity.instance);
    if (!active)
        return active.error();
    auto site = site_view(activity.uid, activity.instance);
    if (!site)
        return site.error();
    const Places before = order_places(active.value(), site.value(), activity.capacity);
    if (repeated.value()) {
        // The same confirm again (a double tap, a retry after a crash): the same record.
        auto name = first_name_of(m_database, *repeated.value());
        if (!name)
            return name.error();
        return receipt_for(name.value(), before, *repeated.value(), false);
    }

    auto visitor_id = find_or_add_visitor(m_database, who, time.at);
    if (!visitor_id)
        return visitor_id.error();
    auto visitor = read_visitor(m_database, visitor_id.value());
    if (!visitor)
        return visitor.error();
    if (before.of(visitor_id.value()) != nullptr) {
        if (auto committed = transaction->commit(); !committed) // their last visit is still news
            return committed.error();
        return receipt_for(first_name(visitor->name), before, visitor_id.value(), true);
    }

    auto insert = m_database.prepare(
        "INSERT INTO registration (key, event_uid, instance, visitor_id, registered_at, clock_synced) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, key)
        .bind(2, activity.uid)
        .bind(3, activity.instance)
        .bind(4, visitor_id.value())
        .bind(5, time.at)
        .bind(6, time.clock_synced ? 1 : 0);
    if (auto ran = insert->run(); !ran)
        return ran.error();
    active->registrations.push_back({m_database.last_insert_id(), visitor_id.value(), time.at, false});
    active->keys.push_back(key);
    const Places after = order_places(active.value(), site.value(), activity.capacity);
    const RegistrationReceipt receipt = receipt_for(first_name(visitor->name), after, visitor_id.value(), false);

    const nlohmann::json payload = {
        {"registration", key},
        {"activity", registration_activity_json(activity)},
        {"visitor", visitor_json(visitor.value())},
        {"standing", {{"coming", receipt.coming}, {"queue_position", receipt.queue_position}}},
        {"time", record_time_json(time)}};
    if (auto queued = add_to_outbox(m_database, key, "registration.add", payload, time); !queued)
        return queued.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return receipt;
}

Result<CancellationReceipt> ActivityLog::cancel(const Occurrence& activity, std::int64_t visitor_id,
                                                const std::string& cancel_key, RecordTime time)
{
    if (cancel_key.empty())
        return make_error("a cancellation needs a key");
    auto transaction = sql::Transaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    auto repeated = id_by_key(m_database, "SELECT visitor_id FROM registration WHERE cancel_key = ?", cancel_key);
    if (!repeated)
        return repeated.error();
    if (repeated.value()) {
        auto name = first_name_of(m_database, *repeated.value());
        if (!name)
            return name.error();
        return CancellationReceipt{name.value(), 0};
    }

    auto active = active_registrations(activity.uid, activity.instance);
    if (!active)
        return active.error();
    auto site = site_view(activity.uid, activity.instance);
    if (!site)
        return site.error();
    const Places before = order_places(active.value(), site.value(), activity.capacity);
    std::size_t index = 0;
    while (index < active->registrations.size() && active->registrations[index].visitor_id != visitor_id)
        ++index;
    if (index == active->registrations.size())
        return make_error("visitor " + std::to_string(visitor_id) + " has no registration for " + activity.key());
    const std::string registration_key = active->keys[index];

    auto update = m_database.prepare("UPDATE registration SET cancelled_at = ?, cancel_key = ? WHERE id = ?");
    if (!update)
        return update.error();
    update->bind(1, time.at).bind(2, cancel_key).bind(3, active->registrations[index].id);
    if (auto ran = update->run(); !ran)
        return ran.error();
    const nlohmann::json payload = {{"registration", registration_key},
                                    {"activity", activity_json(activity)},
                                    {"time", record_time_json(time)}};
    if (auto queued = add_to_outbox(m_database, cancel_key, "registration.cancel", payload, time); !queued)
        return queued.error();

    active->registrations[index].cancelled = true;
    const Places after = order_places(active.value(), site.value(), activity.capacity);
    const std::vector<std::int64_t> moved = promoted(before, after);
    if (auto noted = record_moves(active.value(), before, after, false, time.at); !noted)
        return noted.error();
    for (const std::int64_t promoted_visitor : moved) {
        std::string promoted_key;
        for (std::size_t i = 0; i < active->registrations.size(); ++i)
            if (active->registrations[i].visitor_id == promoted_visitor && !active->registrations[i].cancelled)
                promoted_key = active->keys[i];
        const nlohmann::json move = {{"registration", promoted_key},
                                     {"activity", activity_json(activity)},
                                     {"cancellation", cancel_key},
                                     {"time", record_time_json(time)}};
        if (auto queued = add_to_outbox(m_database, new_record_key(), "registration.promoted", move, time); !queued)
            return queued.error();
    }

    auto name = first_name_of(m_database, visitor_id);
    if (!name)
        return name.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return CancellationReceipt{name.value(), static_cast<int>(moved.size())};
}

Result<AttendanceReceipt> ActivityLog::mark_here(const Occurrence& activity, const std::optional<VisitorIdentity>& who,
                                                 const std::string& key, RecordTime time,
                                                 std::optional<UnixSeconds> in_building_since)
{
    if (key.empty() || activity.uid.empty())
        return make_error("attendance needs a key and an activity");
    auto transaction = sql::Transaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    auto repeated = id_by_key(m_database, "SELECT visitor_id FROM attendance WHERE key = ?", key);
    if (!repeated)
        return repeated.error();
    if (repeated.value()) {
        if (*repeated.value() == 0)
            return AttendanceReceipt{"", false};
        auto name = first_name_of(m_database, *repeated.value());
        if (!name)
            return name.error();
        return AttendanceReceipt{name.value(), false};
    }

    nlohmann::json payload = {{"attendance", key}, {"activity", activity_json(activity)}};
    std::optional<std::int64_t> visitor_id;
    std::string first;
    if (who) {
        auto found = find_or_add_visitor(m_database, *who, time.at);
        if (!found)
            return found.error();
        visitor_id = found.value();
        auto visitor = read_visitor(m_database, *visitor_id);
        if (!visitor)
            return visitor.error();
        first = first_name(visitor->name);
        payload["visitor"] = visitor_json(visitor.value());

        auto marked = m_database.prepare(
            "SELECT 1 FROM attendance WHERE event_uid = ? AND instance = ? AND visitor_id = ? "
            "AND withdrawn_at IS NULL");
        if (!marked)
            return marked.error();
        marked->bind(1, activity.uid).bind(2, activity.instance).bind(3, *visitor_id);
        auto already = sql::optional_row(*marked, [](const sql::Statement&) { return true; });
        if (!already)
            return already.error();
        if (already.value()) {
            if (auto committed = transaction->commit(); !committed)
                return committed.error();
            return AttendanceReceipt{first, true};
        }
        // Registered-and-came is what the coordinator's report counts: the record says so.
        auto active = active_registrations(activity.uid, activity.instance);
        if (!active)
            return active.error();
        for (std::size_t i = 0; i < active->registrations.size(); ++i)
            if (active->registrations[i].visitor_id == *visitor_id)
                payload["registration"] = active->keys[i];
    }

    auto insert = m_database.prepare(
        "INSERT INTO attendance (key, event_uid, instance, visitor_id, arrived_at, clock_synced) VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, key)
        .bind(2, activity.uid)
        .bind(3, activity.instance)
        .bind(4, visitor_id)
        .bind(5, time.at)
        .bind(6, time.clock_synced ? 1 : 0);
    if (auto ran = insert->run(); !ran)
        return ran.error();
    payload["time"] = record_time_json(time);
    const std::string kind = visitor_id ? "attendance.here" : "attendance.counted";
    if (auto queued = add_to_outbox(m_database, key, kind, payload, time); !queued)
        return queued.error();
    if (visitor_id && in_building_since) {
        auto visitor = read_visitor(m_database, *visitor_id);
        if (!visitor)
            return visitor.error();
        if (auto signed_in = sign_in_from_attendance(m_database, *visitor_id, visitor.value(), key,
                                                     activity_json(activity), *in_building_since, time);
            !signed_in)
            return signed_in.error();
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return AttendanceReceipt{first, false};
}

Result<std::vector<Registrant>> ActivityLog::registrants(const Occurrence& activity)
{
    auto places = this->places(activity);
    if (!places)
        return places.error();
    // Who made each active registration and whether they are here; the places come from
    // the same rule as everywhere else.
    auto select = m_database.prepare(
        "SELECT registration.visitor_id, visitor.name, visitor.group_id, visitor.marker_id, "
        "EXISTS (SELECT 1 FROM attendance WHERE attendance.event_uid = registration.event_uid AND "
        "attendance.instance = registration.instance AND attendance.visitor_id = registration.visitor_id AND "
        "attendance.withdrawn_at IS NULL), "
        "EXISTS (SELECT 1 FROM site_place WHERE site_place.registration_key = registration.key) "
        "FROM registration JOIN visitor ON visitor.id = registration.visitor_id "
        "WHERE registration.event_uid = ? AND registration.instance = ? AND registration.cancelled_at IS NULL");
    if (!select)
        return select.error();
    select->bind(1, activity.uid).bind(2, activity.instance);
    auto rows = sql::collect_rows(*select, [](const sql::Statement& row) {
        Registrant registrant;
        registrant.visitor_id = row.column_int(0);
        registrant.public_name = public_name(row.column_text(1));
        registrant.group_id = row.column_text(2);
        registrant.marker_id = row.column_text(3);
        registrant.here = row.column_int(4) != 0;
        registrant.name = row.column_text(1);
        registrant.known_to_server = row.column_int(5) != 0;
        return registrant;
    });
    if (!rows)
        return rows.error();
    std::vector<Registrant> registrants;
    for (const Standing& standing : places->standings)
        for (const Registrant& row : rows.value())
            if (row.visitor_id == standing.visitor_id) {
                Registrant registrant = row;
                registrant.coming = standing.coming;
                registrant.queue_position = standing.queue_position;
                registrants.push_back(std::move(registrant));
                break;
            }
    return registrants;
}

Result<std::optional<RegistrationReceipt>> ActivityLog::site_decision(const Occurrence& activity,
                                                                      const std::string& key)
{
    auto known = id_by_key(m_database,
                           "SELECT visitor_id FROM registration WHERE key = ?1 AND "
                           "EXISTS (SELECT 1 FROM site_place WHERE registration_key = ?1)",
                           key);
    if (!known)
        return known.error();
    if (!known.value())
        return std::optional<RegistrationReceipt>();
    auto places = this->places(activity);
    if (!places)
        return places.error();
    auto name = first_name_of(m_database, *known.value());
    if (!name)
        return name.error();
    return std::optional(receipt_for(name.value(), places.value(), *known.value(), false));
}

Result<RestoreReceipt> ActivityLog::restore(const Occurrence& activity, const std::string& registration_key,
                                            const std::string& restore_key, RecordTime time, bool preview)
{
    if (restore_key.empty() || registration_key.empty())
        return make_error("a restore needs a key and a registration");
    auto transaction = sql::Transaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    auto select = m_database.prepare(
        "SELECT registration.id, registration.visitor_id, registration.registered_at, registration.cancel_key, "
        "registration.restore_key, visitor.name FROM registration JOIN visitor ON visitor.id = registration.visitor_id "
        "WHERE registration.key = ? AND registration.event_uid = ? AND registration.instance = ?");
    if (!select)
        return select.error();
    select->bind(1, registration_key).bind(2, activity.uid).bind(3, activity.instance);
    struct Found {
        Registration registration;
        std::optional<std::string> cancel_key, restore_key;
        std::string name;
    };
    auto found = sql::optional_row(*select, [](const sql::Statement& row) {
        return Found{{row.column_int(0), row.column_int(1), row.column_int(2), false},
                     row.column_is_null(3) ? std::nullopt : std::optional(row.column_text(3)),
                     row.column_is_null(4) ? std::nullopt : std::optional(row.column_text(4)),
                     row.column_text(5)};
    });
    if (!found)
        return found.error();
    if (!found.value())
        return make_error("no registration " + registration_key + " for " + activity.key());
    const Found& registration = *found.value();

    auto active = active_registrations(activity.uid, activity.instance);
    if (!active)
        return active.error();
    auto site = site_view(activity.uid, activity.instance);
    if (!site)
        return site.error();
    const Places before = order_places(active.value(), site.value(), activity.capacity);
    const auto receipt_now = [&](const Places& places, std::vector<std::string> to_queue) {
        RestoreReceipt receipt{registration.name, false, 0, std::move(to_queue)};
        if (const Standing* standing = places.of(registration.registration.visitor_id)) {
            receipt.coming = standing->coming;
            receipt.queue_position = standing->queue_position;
        }
        return receipt;
    };
    if (registration.restore_key == restore_key) // the same tap again: restored already
        return receipt_now(before, {});
    if (!registration.cancel_key)
        return make_error("registration " + registration_key + " is not cancelled");
    if (before.of(registration.registration.visitor_id) != nullptr)
        return make_error("the visitor of " + registration_key + " has registered again");

    auto update = m_database.prepare(
        "UPDATE registration SET cancelled_at = NULL, cancel_key = NULL, restored_at = ?, restore_key = ? WHERE id = ?");
    if (!update)
        return update.error();
    update->bind(1, time.at).bind(2, restore_key).bind(3, registration.registration.id);
    if (auto ran = update->run(); !ran)
        return ran.error();
    active->registrations.push_back(registration.registration);
    active->keys.push_back(registration_key);
    std::erase(site->own_cancelled, registration_key);
    const Places after = order_places(active.value(), site.value(), activity.capacity);

    const nlohmann::json payload = {{"registration", registration_key},
                                    {"activity", registration_activity_json(activity)},
                                    {"cancellation", *registration.cancel_key},
                                    {"time", record_time_json(time)}};
    if (auto queued = add_to_outbox(m_database, restore_key, "registration.restore", payload, time); !queued)
        return queued.error();
    if (auto noted = record_moves(active.value(), before, after, false, time.at); !noted)
        return noted.error();
    std::vector<std::string> to_queue;
    for (const std::int64_t visitor_id : moved_to_queue(before, after)) {
        auto visitor = read_visitor(m_database, visitor_id);
        if (!visitor)
            return visitor.error();
        to_queue.push_back(visitor->name);
    }
    // A preview ends here: the transaction rolls back as it goes.
    if (!preview)
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
    return receipt_now(after, std::move(to_queue));
}

Result<std::vector<Cancellation>> ActivityLog::cancellations(const Occurrence& activity)
{
    return activity_rows(m_database,
        "SELECT registration.key, registration.visitor_id, visitor.name, registration.cancelled_at, "
        "EXISTS (SELECT 1 FROM registration AS again WHERE again.event_uid = registration.event_uid AND "
        "again.instance = registration.instance AND again.visitor_id = registration.visitor_id AND "
        "again.cancelled_at IS NULL) "
        "FROM registration JOIN visitor ON visitor.id = registration.visitor_id "
        "WHERE registration.event_uid = ? AND registration.instance = ? AND registration.cancelled_at IS NOT NULL "
        "ORDER BY registration.cancelled_at DESC, registration.id DESC",
        activity.uid, activity.instance, [](const sql::Statement& row) {
            return Cancellation{row.column_text(0), row.column_int(1), row.column_text(2), row.column_int(3),
                                row.column_int(4) != 0};
        });
}

Result<std::vector<PlaceChange>> ActivityLog::place_changes(const Occurrence& activity)
{
    return activity_rows(m_database,
        "SELECT visitor.name, registration_move.promoted, registration_move.queue_position, "
        "registration_move.by_server, registration_move.at FROM registration_move "
        "JOIN registration ON registration.id = registration_move.registration_id "
        "JOIN visitor ON visitor.id = registration.visitor_id "
        "WHERE registration.event_uid = ? AND registration.instance = ? ORDER BY registration_move.id DESC",
        activity.uid, activity.instance, [](const sql::Statement& row) {
            return PlaceChange{row.column_text(0), row.column_int(1) != 0, static_cast<int>(row.column_int(2)),
                               row.column_int(3) != 0, row.column_int(4)};
        });
}

Result<int> ActivityLog::take_site_places(const std::vector<SiteActivityPlaces>& answer, UnixSeconds now)
{
    auto transaction = sql::Transaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    int moves = 0;
    for (const SiteActivityPlaces& activity : answer) {
        if (!activity.capacity)
            continue; // the server did not decide these places
        auto active = active_registrations(activity.uid, activity.instance);
        if (!active)
            return active.error();
        if (active->registrations.empty())
            continue;
        auto site = site_view(activity.uid, activity.instance);
        if (!site)
            return site.error();
        const Places before = order_places(active.value(), site.value(), *activity.capacity);
        const Places after
            = order_places(active.value(), SiteView{activity.registrations, site->own_cancelled}, *activity.capacity);
        // A registration the server answers for the first time within moments of being
        // made: its thank-you was waiting for this answer and showed it, so it is no move.
        std::vector<std::int64_t> shown_after;
        for (std::size_t i = 0; i < active->registrations.size(); ++i) {
            const bool known_before = std::any_of(site->places.begin(), site->places.end(),
                                                  [&](const SitePlace& place) { return place.key == active->keys[i]; });
            if (!known_before && active->registrations[i].registered_at >= now - decision_shown_seconds)
                shown_after.push_back(active->registrations[i].visitor_id);
        }
        auto noted = record_moves(active.value(), before, after, true, now, shown_after);
        if (!noted)
            return noted.error();
        moves += noted.value();
    }
    if (auto cleared = m_database.execute_script("DELETE FROM site_place"); !cleared)
        return cleared.error();
    auto insert = m_database.prepare(
        "INSERT OR IGNORE INTO site_place (event_uid, instance, position, registration_key, cancelled) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    for (const SiteActivityPlaces& activity : answer)
        for (std::size_t position = 0; position < activity.registrations.size(); ++position) {
            insert->reset();
            insert->bind(1, activity.uid)
                .bind(2, activity.instance)
                .bind(3, static_cast<std::int64_t>(position))
                .bind(4, activity.registrations[position].key)
                .bind(5, activity.registrations[position].cancelled ? 1 : 0);
            if (auto ran = insert->run(); !ran)
                return ran.error();
        }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return moves;
}

Result<std::pair<int, int>> ActivityLog::here_counts(const Occurrence& activity)
{
    auto select = m_database.prepare(
        "SELECT count(visitor_id), count(*) - count(visitor_id) FROM attendance WHERE event_uid = ? AND instance = ? "
        "AND withdrawn_at IS NULL");
    if (!select)
        return select.error();
    select->bind(1, activity.uid).bind(2, activity.instance);
    auto row = select->step();
    if (!row)
        return row.error();
    return std::pair{static_cast<int>(select->column_int(0)), static_cast<int>(select->column_int(1))};
}

Result<bool> ActivityLog::withdraw(const Occurrence& activity, std::optional<std::int64_t> visitor_id,
                                   const std::string& key, RecordTime time)
{
    if (key.empty() || activity.uid.empty())
        return make_error("a withdrawal needs a key and an activity");
    auto transaction = sql::Transaction::begin(m_database);
    if (!transaction)
        return transaction.error();
    auto repeated = id_by_key(m_database, "SELECT id FROM attendance WHERE withdraw_key = ?", key);
    if (!repeated)
        return repeated.error();
    if (repeated.value())
        return true;

    // A person's own mark, or the most recent count without a name: taking the count
    // down undoes the last "+1", which is the one a slip made.
    auto select = visitor_id
        ? m_database.prepare("SELECT id, key FROM attendance WHERE event_uid = ? AND instance = ? AND visitor_id = ? "
                             "AND withdrawn_at IS NULL")
        : m_database.prepare("SELECT id, key FROM attendance WHERE event_uid = ? AND instance = ? AND visitor_id IS "
                             "NULL AND withdrawn_at IS NULL ORDER BY id DESC LIMIT 1");
    if (!select)
        return select.error();
    select->bind(1, activity.uid).bind(2, activity.instance);
    if (visitor_id)
        select->bind(3, *visitor_id);
    auto mark = sql::optional_row(*select, [](const sql::Statement& row) {
        return std::pair{row.column_int(0), row.column_text(1)};
    });
    if (!mark)
        return mark.error();
    if (!mark.value())
        return false;

    auto update = m_database.prepare("UPDATE attendance SET withdrawn_at = ?, withdraw_key = ? WHERE id = ?");
    if (!update)
        return update.error();
    update->bind(1, time.at).bind(2, key).bind(3, mark.value()->first);
    if (auto ran = update->run(); !ran)
        return ran.error();
    const nlohmann::json payload = {
        {"attendance", mark.value()->second}, {"activity", activity_json(activity)}, {"time", record_time_json(time)}};
    if (auto queued = add_to_outbox(m_database, key, "attendance.withdrawn", payload, time); !queued)
        return queued.error();
    if (auto visit = withdraw_visit_from_attendance(m_database, mark.value()->second, time); !visit)
        return visit.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return true;
}

Result<std::optional<Registrant>> ActivityLog::registrant(const Occurrence& activity, const VisitorIdentity& who)
{
    auto visitor = find_visitor(m_database, who);
    if (!visitor)
        return visitor.error();
    if (!visitor.value())
        return std::optional<Registrant>();
    auto all = registrants(activity);
    if (!all)
        return all.error();
    for (const Registrant& registrant : all.value())
        if (registrant.visitor_id == *visitor.value())
            return std::optional<Registrant>(registrant);
    return std::optional<Registrant>();
}

Result<std::vector<Attendee>> ActivityLog::walk_ins(const Occurrence& activity)
{
    auto select = m_database.prepare(
        "SELECT visitor.id, visitor.name, visitor.group_id, visitor.marker_id FROM attendance "
        "JOIN visitor ON visitor.id = attendance.visitor_id "
        "WHERE attendance.event_uid = ?1 AND attendance.instance = ?2 AND attendance.withdrawn_at IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM registration WHERE registration.event_uid = ?1 AND registration.instance = ?2 "
        "AND registration.visitor_id = attendance.visitor_id AND registration.cancelled_at IS NULL) "
        "ORDER BY attendance.arrived_at, attendance.id");
    if (!select)
        return select.error();
    select->bind(1, activity.uid).bind(2, activity.instance);
    return sql::collect_rows(*select, [](const sql::Statement& row) {
        return Attendee{row.column_int(0), public_name(row.column_text(1)), row.column_text(2), row.column_text(3)};
    });
}

} // namespace olohuone::store
