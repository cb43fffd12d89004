#include "place_ledger.h"

#include <nlohmann/json.hpp>

namespace olohuone::server {
namespace {

// The capacity a registration record carries, as its kiosk showed the activity: absent
// in an older kiosk's record, null for no limit.
Result<void> note_capacity(sql::Database& database, std::int64_t site_id, const ActivityKey& activity,
                           const nlohmann::json& activity_json)
{
    const auto capacity = activity_json.find("capacity");
    if (capacity == activity_json.end())
        return {};
    auto upsert = database.prepare(
        "INSERT INTO place_capacity (site_id, uid, instance, capacity) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (site_id, uid, instance) DO UPDATE SET capacity = excluded.capacity");
    if (!upsert)
        return upsert.error();
    upsert->bind(1, site_id).bind(2, activity.first).bind(3, activity.second);
    if (capacity->is_number_integer())
        upsert->bind(4, capacity->get<std::int64_t>());
    else
        upsert->bind_null(4);
    return upsert->run();
}

// Cancels or restores the registration, if the kiosk delivering the record made it
// (another kiosk of the site knows its key from the places, not its person); the
// activity it belongs to, to decide again. Its last decision stays: a restored
// registration is compared with where it stood.
Result<std::optional<ActivityKey>> set_cancelled(sql::Database& database, std::int64_t site_id,
                                                 std::int64_t kiosk_id, const std::string& registration,
                                                 bool cancelled)
{
    auto select = database.prepare(
        "SELECT place.uid, place.instance FROM place JOIN record ON record.id = place.arrival "
        "WHERE place.site_id = ? AND place.registration = ? AND record.kiosk_id = ?");
    if (!select)
        return select.error();
    select->bind(1, site_id).bind(2, registration).bind(3, kiosk_id);
    auto activity = sql::optional_row(*select, [](const sql::Statement& row) {
        return ActivityKey{row.column_text(0), row.column_int(1)};
    });
    if (!activity)
        return activity.error();
    if (!activity.value())
        return std::optional<ActivityKey>();
    auto update = database.prepare("UPDATE place SET cancelled = ? WHERE site_id = ? AND registration = ?");
    if (!update)
        return update.error();
    update->bind(1, cancelled ? 1 : 0).bind(2, site_id).bind(3, registration);
    if (auto ran = update->run(); !ran)
        return ran.error();
    return activity.value();
}

} // namespace

Result<std::optional<ActivityKey>> note_registration_record(sql::Database& database, std::int64_t site_id,
                                                            std::int64_t kiosk_id, std::int64_t record_id,
                                                            const std::string& kind, const std::string& payload,
                                                            UnixSeconds received_at)
{
    if (kind != "registration.add" && kind != "registration.cancel" && kind != "registration.restore")
        return std::optional<ActivityKey>();
    // Checked by payload_rules before it was stored.
    const auto record = nlohmann::json::parse(payload, nullptr, false);
    if (!record.is_object() || !record.contains("activity") || !record.contains("registration"))
        return make_error("a " + kind + " record without its activity");
    const nlohmann::json& activity_json = record["activity"];
    const ActivityKey activity{activity_json.value("uid", ""), activity_json.value("instance", UnixSeconds{0})};
    const std::string registration = record["registration"].get<std::string>();
    if (kind != "registration.add") {
        auto changed = set_cancelled(database, site_id, kiosk_id, registration, kind == "registration.cancel");
        if (!changed || !changed.value() || kind == "registration.cancel")
            return changed;
        if (auto noted = note_capacity(database, site_id, *changed.value(), activity_json); !noted)
            return noted.error();
        return changed;
    }
    // What the visitor was told: a registration that reached the server within moments of
    // being made was shown the server's own decision (the kiosk's thank-you waits for it),
    // so the kiosk's first guess is no promise to compare with.
    const bool claimed_coming = record.contains("standing") && record["standing"].value("coming", false);
    const UnixSeconds made_at = record.contains("time") ? record["time"].value("at", UnixSeconds{0}) : 0;
    const bool shown_the_decision = received_at - made_at <= decision_shown_within_seconds;
    auto insert = database.prepare(
        "INSERT OR IGNORE INTO place (site_id, registration, uid, instance, arrival, claimed_coming) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, site_id).bind(2, registration).bind(3, activity.first).bind(4, activity.second).bind(5, record_id);
    if (shown_the_decision)
        insert->bind_null(6); // no promise: the first decision is no move, whatever the guess
    else
        insert->bind(6, claimed_coming ? 1 : 0);
    if (auto ran = insert->run(); !ran)
        return ran.error();
    if (auto noted = note_capacity(database, site_id, activity, activity_json); !noted)
        return noted.error();
    return std::optional<ActivityKey>(activity);
}

Result<void> settle_places(sql::Database& database, std::int64_t site_id, const std::set<ActivityKey>& activities,
                           UnixSeconds now)
{
    auto capacity_of = database.prepare("SELECT capacity FROM place_capacity WHERE site_id = ? AND uid = ? AND instance = ?");
    auto select = database.prepare(
        "SELECT registration, claimed_coming, decided, coming, queue_position FROM place "
        "WHERE site_id = ? AND uid = ? AND instance = ? AND cancelled = 0 ORDER BY arrival");
    auto update = database.prepare(
        "UPDATE place SET decided = 1, coming = ?, queue_position = ? WHERE site_id = ? AND registration = ?");
    auto move = database.prepare(
        "INSERT INTO place_move (site_id, uid, instance, registration, promoted, queue_position, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!capacity_of || !select || !update || !move)
        return !capacity_of ? capacity_of.error() : !select ? select.error() : !update ? update.error() : move.error();
    for (const auto& [uid, instance] : activities) {
        capacity_of->reset();
        capacity_of->bind(1, site_id).bind(2, uid).bind(3, instance);
        auto known = sql::optional_row(*capacity_of, [](const sql::Statement& row) {
            return row.column_is_null(0) ? std::optional<std::int64_t>() : std::optional(row.column_int(0));
        });
        if (!known)
            return known.error();
        if (!known.value())
            continue; // no kiosk has said how many places there are: its kiosks decide
        const std::optional<std::int64_t> capacity = *known.value();

        struct Row {
            std::string registration;
            std::optional<bool> claimed_coming; // none: the visitor was shown the server's decision
            bool decided, coming;
            std::int64_t queue_position;
        };
        select->reset();
        select->bind(1, site_id).bind(2, uid).bind(3, instance);
        auto rows = sql::collect_rows(*select, [](const sql::Statement& row) {
            return Row{row.column_text(0),
                       row.column_is_null(1) ? std::nullopt : std::optional<bool>(row.column_int(1) != 0),
                       row.column_int(2) != 0, row.column_int(3) != 0, row.column_int(4)};
        });
        if (!rows)
            return rows.error();
        std::int64_t coming = 0;
        std::int64_t waiting = 0;
        for (const Row& row : rows.value()) {
            const bool now_coming = !capacity || coming < *capacity;
            const std::int64_t position = now_coming ? 0 : ++waiting;
            coming += now_coming ? 1 : 0;
            const std::optional<bool> was_coming = row.decided ? std::optional<bool>(row.coming) : row.claimed_coming;
            if (was_coming && now_coming != *was_coming) {
                move->reset();
                move->bind(1, site_id)
                    .bind(2, uid)
                    .bind(3, instance)
                    .bind(4, row.registration)
                    .bind(5, now_coming ? 1 : 0)
                    .bind(6, position)
                    .bind(7, now);
                if (auto ran = move->run(); !ran)
                    return ran.error();
            }
            if (row.decided && row.coming == now_coming && row.queue_position == position)
                continue;
            update->reset();
            update->bind(1, now_coming ? 1 : 0).bind(2, position).bind(3, site_id).bind(4, row.registration);
            if (auto ran = update->run(); !ran)
                return ran.error();
        }
    }
    return {};
}

Result<std::vector<ActivityPlaces>> site_places(sql::Database& database, std::int64_t site_id, UnixSeconds from)
{
    auto select = database.prepare(
        "SELECT place.uid, place.instance, place.registration, place_capacity.capacity, "
        "place_capacity.uid IS NOT NULL, place.cancelled FROM place "
        "LEFT JOIN place_capacity USING (site_id, uid, instance) WHERE place.site_id = ? AND place.instance >= ? "
        "ORDER BY place.instance, place.uid, place.arrival");
    if (!select)
        return select.error();
    select->bind(1, site_id).bind(2, from);
    std::vector<ActivityPlaces> activities;
    for (;;) {
        auto row = select->step();
        if (!row)
            return row.error();
        if (!row.value())
            return activities;
        const std::string uid = select->column_text(0);
        const UnixSeconds instance = select->column_int(1);
        if (activities.empty() || activities.back().uid != uid || activities.back().instance != instance) {
            if (activities.size() == max_place_activities)
                return activities;
            ActivityPlaces places{uid, instance, std::nullopt, select->column_int(4) != 0, {}};
            if (!select->column_is_null(3))
                places.capacity = static_cast<int>(select->column_int(3));
            activities.push_back(std::move(places));
        }
        activities.back().registrations.push_back({select->column_text(2), select->column_int(5) != 0});
    }
}

Result<std::vector<PlaceMove>> place_moves(sql::Database& database, std::int64_t site_id, UnixSeconds from,
                                           UnixSeconds to)
{
    auto select = database.prepare(
        "SELECT place_move.uid, place_move.instance, place_move.registration, promoted, place_move.queue_position, "
        "at, coalesce(json_extract(record.payload, '$.visitor.name'), '') FROM place_move "
        "JOIN place ON place.site_id = place_move.site_id AND place.registration = place_move.registration "
        "JOIN record ON record.id = place.arrival "
        "WHERE place_move.site_id = ? AND place_move.instance >= ? AND place_move.instance < ? ORDER BY place_move.id");
    if (!select)
        return select.error();
    select->bind(1, site_id).bind(2, from).bind(3, to);
    return sql::collect_rows(*select, [](const sql::Statement& row) {
        return PlaceMove{row.column_text(0),      row.column_int(1),  row.column_text(2), row.column_int(3) != 0,
                         static_cast<int>(row.column_int(4)), row.column_text(6), row.column_int(5)};
    });
}

} // namespace olohuone::server
