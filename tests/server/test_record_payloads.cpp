// The server's per-kind payload rules against the kiosk's own records: the kiosk's store
// code makes every kind of record in a real SQLite file, its outbox rows go through
// parse_batch as the kiosk's sync sends them, and each is valid. Every field the kiosk
// writes matters to the server: leaving one out (unless it is one of the optional ones)
// or giving it the wrong type makes the record invalid with a reason naming it. So a
// field added, renamed or retyped on either side fails here until both sides agree.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "core/time_zone.h"
#include "payload_rules.h"
#include "records_api.h"
#include "store/activity_log.h"
#include "store/programme_edits.h"
#include "store/record_key.h"
#include "store/store.h"
#include "store/visit_log.h"
#include "support/temp_dir.h"
#include "support/instants.h"

namespace olohuone::server {
namespace {

// Mon 23 Nov 2026 12:00 and Tue 24 Nov 2026 10:00 in Helsinki.
constexpr UnixSeconds monday_noon = 1795428000;
using olohuone::test::tuesday_ten; // Tue 24 Nov 2026 10:00 in Helsinki

// Fields the kiosk writes only sometimes: "whom" when the group is asked it, the
// registration of someone marked present when they had registered.
const std::map<std::string, std::set<std::string>> optional_fields = {
    {"visit.sign_in", {"whom", "activity"}}, // whom: when asked; activity: a visit a mark opened
    {"attendance.here", {"registration"}},
    // capacity: what the kiosk showed, for the server's decision of places; older kiosks
    // leave it out
    {"registration.add", {"activity/capacity"}},
    {"registration.restore", {"activity/capacity"}},
    // location: only when staff changed the place; titles: an added event's other
    // languages, each on its own
    {"programme.edit", {"values/location", "values/titles", "values/titles/sv", "values/titles/en"}},
};

struct OutboxRow {
    std::string key;
    std::string kind;
    nlohmann::json payload;
    std::int64_t created_at = 0;
    bool clock_synced = false;
};

// The record as the kiosk's sync sends it (kiosk/sync: batch_body).
nlohmann::json record_of(const OutboxRow& row)
{
    return {{"key", row.key},
            {"kind", row.kind},
            {"payload", row.payload},
            {"created_at", row.created_at},
            {"clock_synced", row.clock_synced}};
}

// Why parse_batch finds `record` invalid, or "" when it is valid.
std::string problem_of(const nlohmann::json& record)
{
    auto batch = parse_batch(nlohmann::json{{"records", {record}}}.dump(), 10);
    EXPECT_TRUE(batch.ok());
    if (!batch.ok() || batch->entries.size() != 1)
        return "no batch";
    return batch->entries[0].valid_index >= 0 ? std::string() : batch->entries[0].problem;
}

Occurrence gymnastics()
{
    Occurrence activity;
    activity.uid = "tuolijumppa@olohuone";
    activity.instance = tuesday_ten;
    activity.start = tuesday_ten;
    activity.end = tuesday_ten + 3600;
    activity.capacity = 1;
    activity.title.set_default("Tuolijumppa");
    return activity;
}

SignInDraft sign_in(const std::string& name, const std::string& group, const std::string& whom = {})
{
    SignInDraft draft;
    draft.key = store::new_record_key();
    draft.group_id = group;
    draft.anonymous = name.empty();
    draft.typed_name = name;
    draft.whom = whom;
    return draft;
}

// An edit of `uid` at `instance` under a new key, as staff mode starts one.
ProgrammeEdit edit_of(EditAction action, std::string uid, UnixSeconds instance)
{
    ProgrammeEdit edit;
    edit.action = action;
    edit.key = store::new_record_key();
    edit.uid = std::move(uid);
    edit.instance = instance;
    return edit;
}

// Every kind of record, made by the kiosk's store as its screens make them.
class ServerRecordPayloads : public ::testing::Test {
protected:
    test::TempDir dir;
    store::Store kiosk = open();

    store::Store open()
    {
        auto opened = store::Store::open(dir.file("olohuone.sqlite3"));
        EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
        return std::move(opened).value();
    }

    void SetUp() override
    {
        store::VisitLog visits(kiosk.database());
        store::ActivityLog activities(kiosk.database());
        const auto ok = [](const auto& result) { ASSERT_TRUE(result.ok()) << result.error().message; };
        UnixSeconds at = monday_noon;
        const auto next = [&](bool synced = true) { return store::RecordTime{at += 60, synced}; };

        const SignInDraft aino = sign_in("Aino Korhonen", "resident");
        ok(visits.sign_in(aino, next()));
        ok(visits.sign_in(sign_in("Pekka Ääninen-Öhman", "relative", "resident"), next(false)));
        ok(visits.sign_in(sign_in("", "volunteer"), next()));
        // A count without a name taken back at once (visit.withdrawn).
        const SignInDraft slip = sign_in("", "other");
        ok(visits.sign_in(slip, next()));
        ok(visits.withdraw_count(slip.key, store::new_record_key(), next()));
        ok(visits.sign_out(aino.key, store::new_record_key(), next()));
        const TimeZone zone = TimeZone::named("Europe/Helsinki").value();
        ok(visits.sign_out_automatically({20, 0, 0}, zone, {monday_noon + 86400, true}));

        const Occurrence activity = gymnastics();
        const VisitorIdentity aino_again{std::nullopt, "Aino Korhonen", "resident", ""};
        const VisitorIdentity matti{std::nullopt, "Matti Virtanen", "volunteer", "rose"};
        ok(activities.register_visitor(activity, aino_again, store::new_record_key(), next()));
        ok(activities.register_visitor(activity, matti, store::new_record_key(), next()));
        const std::int64_t aino_id =
            kiosk.database().query_int("SELECT id FROM visitor WHERE name = 'Aino Korhonen'").value();
        const std::string cancel_key = store::new_record_key();
        ok(activities.cancel(activity, aino_id, cancel_key, next()));
        // Staff undo it (registration.restore).
        const std::string aino_registration =
            kiosk.database().query_text("SELECT key FROM registration WHERE cancel_key = '" + cancel_key + "'").value();
        ok(activities.restore(activity, aino_registration, store::new_record_key(), next()));
        ok(activities.mark_here(activity, matti, store::new_record_key(), next()));
        // Liisa had not signed in: the mark, on the activity's day, signs her in
        // (visit.sign_in naming the activity); taken back, her visit goes with it.
        const UnixSeconds activity_day = activity.start - 10 * 3600;
        ok(activities.mark_here(activity, VisitorIdentity{std::nullopt, "Liisa", "other", ""},
                                store::new_record_key(), next(), activity_day));
        ok(activities.mark_here(activity, VisitorIdentity{std::nullopt, "Reino", "resident", ""},
                                store::new_record_key(), next(), activity_day));
        const std::int64_t reino_id = kiosk.database().query_int("SELECT id FROM visitor WHERE name = 'Reino'").value();
        ok(activities.withdraw(activity, reino_id, store::new_record_key(), next()));
        EXPECT_EQ(kiosk.database().query_int("SELECT count(*) FROM visit WHERE from_attendance IS NOT NULL").value(), 2);
        ok(activities.mark_here(activity, std::nullopt, store::new_record_key(), next()));
        // Staff take the anonymous count down again (attendance.withdrawn).
        auto withdrawn = activities.withdraw(activity, std::nullopt, store::new_record_key(), next());
        ok(withdrawn);
        EXPECT_TRUE(withdrawn.value());

        // Staff's programme edits (programme.edit), one of each action.
        for (const ProgrammeEdit& edit : programme_edits())
            ok(store::record_programme_edit(kiosk.database(), edit, next()));
    }

    static std::vector<ProgrammeEdit> programme_edits()
    {
        const Occurrence activity = gymnastics();
        ProgrammeEdit cancel = edit_of(EditAction::Cancel, activity.uid, activity.instance);
        ProgrammeEdit restore = edit_of(EditAction::Restore, activity.uid, activity.instance);
        ProgrammeEdit moved = edit_of(EditAction::Change, activity.uid, activity.instance);
        moved.start = activity.start + 1800;
        moved.end = activity.end + 1800;
        moved.capacity = 12;
        moved.location = "Sali 2";
        ProgrammeEdit unlimited = moved; // the place kept, no limit of places
        unlimited.key = store::new_record_key();
        unlimited.location.reset();
        unlimited.capacity.reset();
        ProgrammeEdit added =
            edit_of(EditAction::Add, store::new_record_key() + "@kiosk.olohuone", tuesday_ten + 7200);
        added.start = added.instance;
        added.end = added.start + 3600;
        added.title = LocalizedText("Kahvihetki"); // from a template, with its translations
        added.title.set("sv", "Kaffestund");
        added.title.set("en", "Coffee break");
        added.capacity = 20;
        added.location = "Olohuone";
        return {cancel, restore, moved, unlimited, added};
    }

    std::vector<OutboxRow> outbox()
    {
        auto select = kiosk.database().prepare(
            "SELECT key, kind, payload, created_at, clock_synced FROM outbox ORDER BY id");
        EXPECT_TRUE(select.ok());
        std::vector<OutboxRow> rows;
        while (select.ok() && select->step().value())
            rows.push_back({select->column_text(0), select->column_text(1),
                            nlohmann::json::parse(select->column_text(2)), select->column_int(3),
                            select->column_int(4) != 0});
        return rows;
    }
};

// Every value in `payload` (objects too, not the payload itself), by JSON pointer.
void collect_fields(const nlohmann::json& value, const nlohmann::json::json_pointer& at,
                    std::vector<nlohmann::json::json_pointer>& out)
{
    if (!at.empty())
        out.push_back(at);
    if (value.is_object())
        for (const auto& [name, inner] : value.items())
            collect_fields(inner, at / name, out);
}

// "/visitor/name" → "payload.visitor.name", as the server names a field.
std::string field_name(const nlohmann::json::json_pointer& at)
{
    std::string name = "payload" + at.to_string();
    std::replace(name.begin(), name.end(), '/', '.');
    return name;
}

TEST_F(ServerRecordPayloads, EveryKindOfRecordTheKioskMakesIsValid)
{
    std::set<std::string> kinds;
    for (const OutboxRow& row : outbox()) {
        EXPECT_EQ(problem_of(record_of(row)), "") << row.kind << " " << row.payload.dump();
        kinds.insert(row.kind);
    }
    EXPECT_EQ(kinds, std::set<std::string>(record_kinds().begin(), record_kinds().end()));
}

TEST_F(ServerRecordPayloads, EachFieldTheKioskWritesIsRequiredWithItsType)
{
    for (const OutboxRow& row : outbox()) {
        std::vector<nlohmann::json::json_pointer> fields;
        collect_fields(row.payload, nlohmann::json::json_pointer(), fields);
        for (const auto& field : fields) {
            const std::string name = field_name(field);
            SCOPED_TRACE(row.kind + ": " + name);
            OutboxRow without = row;
            without.payload[field.parent_pointer()].erase(field.back());
            const auto optional = optional_fields.find(row.kind);
            if (optional != optional_fields.end() && optional->second.count(field.to_string().substr(1)))
                EXPECT_EQ(problem_of(record_of(without)), "");
            else
                EXPECT_EQ(problem_of(record_of(without)), name + " is missing");

            // The wrong type: a number for a text, a text for anything else.
            OutboxRow retyped = row;
            retyped.payload[field] = row.payload[field].is_string() ? nlohmann::json(42) : nlohmann::json("42");
            EXPECT_EQ(problem_of(record_of(retyped)).rfind(name + " must be", 0), 0u) << problem_of(record_of(retyped));
        }
    }
}

TEST_F(ServerRecordPayloads, TextsAndNumbersAreBoundedAndUnknownFieldsAllowed)
{
    std::map<std::string, OutboxRow> by_kind;
    for (const OutboxRow& row : outbox())
        by_kind.emplace(row.kind, row);
    const auto with = [&](const std::string& kind, const std::string& pointer, const nlohmann::json& value) {
        OutboxRow changed = by_kind.at(kind);
        changed.payload[nlohmann::json::json_pointer(pointer)] = value;
        return problem_of(record_of(changed));
    };
    // Names up to 240 bytes (60 characters of two bytes each is what the kiosk allows).
    EXPECT_EQ(with("visit.sign_in", "/visitor/name", std::string(120, 'a') + std::string(60, 'a')), "");
    EXPECT_EQ(with("visit.sign_in", "/visitor/name", std::string(240, 'a')), "");
    EXPECT_EQ(with("visit.sign_in", "/visitor/name", std::string(241, 'a')),
              "payload.visitor.name must be a text of 1 to 240 bytes");
    EXPECT_EQ(with("visit.sign_in", "/visitor/name", ""), "payload.visitor.name must be a text of 1 to 240 bytes");
    EXPECT_EQ(with("registration.add", "/visitor/group", "resi\ndent"),
              "payload.visitor.group must not contain control characters");
    EXPECT_EQ(with("visit.counted", "/visit", std::string(201, 'a')), "payload.visit must be a text of 1 to 200 bytes");
    EXPECT_EQ(with("registration.cancel", "/registration", ""),
              "payload.registration must be a text of 1 to 200 bytes");
    EXPECT_EQ(with("visit.sign_in", "/visitor/marker", ""), ""); // most visitors have none
    EXPECT_EQ(with("attendance.withdrawn", "/attendance", ""), "payload.attendance must be a text of 1 to 200 bytes");
    EXPECT_EQ(with("attendance.withdrawn", "/activity/instance", "tomorrow"),
              "payload.activity.instance must be a whole number from 946684800 to 4102444800");
    EXPECT_EQ(with("attendance.counted", "/activity/uid", std::string(1000, 'u')), "");
    EXPECT_EQ(with("attendance.counted", "/activity/uid", std::string(1001, 'u')),
              "payload.activity.uid must be a text of 1 to 1000 bytes");

    EXPECT_EQ(with("visit.sign_out", "/time/at", 100).rfind("payload.time.at must be a whole number from", 0), 0u);
    EXPECT_NE(with("visit.sign_out", "/time/at", 1795508100.5), "");
    EXPECT_NE(with("visit.sign_out", "/time/at", std::numeric_limits<std::uint64_t>::max()), "");
    EXPECT_NE(with("registration.add", "/standing/queue_position", -1), "");
    EXPECT_EQ(with("registration.add", "/standing/queue_position", 3), "");
    EXPECT_NE(with("registration.promoted", "/activity/start", 0), "");
    EXPECT_EQ(with("visit.sign_out", "/automatic", "yes"), "payload.automatic must be true or false");

    // A newer kiosk may send more than this server knows.
    EXPECT_EQ(with("attendance.here", "/mood", "happy"), "");
    EXPECT_EQ(with("visit.counted", "/extra", nlohmann::json{{"nested", {1, 2, 3}}}), "");
    // Within the payload's size limit.
    EXPECT_EQ(with("visit.counted", "/extra", std::string(17 * 1024, 'x')), "payload is larger than 16 KiB");

    EXPECT_EQ(with("programme.edit", "/action", "postpone"),
              "payload.action must be one of cancel, restore, change, add");

    OutboxRow not_an_object = by_kind.at("visit.counted");
    not_an_object.payload = nlohmann::json::array({1, 2});
    EXPECT_EQ(problem_of(record_of(not_an_object)), "payload must be an object");
}

TEST_F(ServerRecordPayloads, ProgrammeEditsAreBoundedAsTheImporterAndThePageBoundThem)
{
    std::map<std::string, OutboxRow> by_action;
    for (const OutboxRow& row : outbox())
        if (row.kind == "programme.edit")
            by_action.emplace(row.payload.at("action").get<std::string>(), row);
    ASSERT_EQ(by_action.size(), 4u);
    const auto with = [&](const std::string& action, const std::string& pointer, const nlohmann::json& value) {
        OutboxRow changed = by_action.at(action);
        changed.payload[nlohmann::json::json_pointer(pointer)] = value;
        return problem_of(record_of(changed));
    };
    const OutboxRow& change = by_action.at("change");
    const std::int64_t start = change.payload.at("values").at("start").get<std::int64_t>();

    EXPECT_EQ(with("cancel", "/action", "CANCEL"), "payload.action must be one of cancel, restore, change, add");
    EXPECT_EQ(with("cancel", "/event/uid", std::string(1000, 'u')), "");
    EXPECT_EQ(with("cancel", "/event/uid", std::string(1001, 'u')),
              "payload.event.uid must be a text of 1 to 1000 bytes");
    EXPECT_EQ(with("restore", "/event/uid", ""), "payload.event.uid must be a text of 1 to 1000 bytes");
    EXPECT_EQ(with("restore", "/event/uid", std::string("tuoli\tjumppa")),
              "payload.event.uid must not contain control characters");
    EXPECT_EQ(with("cancel", "/event/instance", 1.5).rfind("payload.event.instance must be a whole number from", 0),
              0u);
    // A cancel or restore carries no values; if one does, they are not looked at.
    EXPECT_EQ(with("cancel", "/values", "anything"), "");

    // Times: whole numbers, the end after the start and at most a day later.
    EXPECT_EQ(with("change", "/values/end", start), "payload.values.end must be after payload.values.start");
    EXPECT_EQ(with("change", "/values/end", start + 24 * 3600), "");
    EXPECT_EQ(with("change", "/values/end", start + 24 * 3600 + 1),
              "payload.values.end must be at most 24 hours after payload.values.start");
    EXPECT_EQ(with("change", "/values/start", 100).rfind("payload.values.start must be a whole number from", 0), 0u);
    // Places as the week page's form takes them, or null for no limit.
    EXPECT_EQ(with("change", "/values/capacity", nullptr), "");
    EXPECT_EQ(with("change", "/values/capacity", 999), "");
    EXPECT_EQ(with("change", "/values/capacity", 1000),
              "payload.values.capacity must be null or a whole number from 1 to 999");
    EXPECT_EQ(with("change", "/values/capacity", 0),
              "payload.values.capacity must be null or a whole number from 1 to 999");
    // Place and title as long as the kiosk's importer keeps them.
    EXPECT_EQ(with("change", "/values/location", std::string(200, 'p')), "");
    EXPECT_EQ(with("change", "/values/location", ""), "");
    EXPECT_EQ(with("change", "/values/location", std::string(201, 'p')),
              "payload.values.location must be a text of 0 to 200 bytes");
    EXPECT_EQ(with("change", "/values/location", std::string("Sali\n2")),
              "payload.values.location must not contain control characters");
    EXPECT_EQ(with("add", "/values/title", std::string(200, 't')), "");
    EXPECT_EQ(with("add", "/values/title", std::string(201, 't')),
              "payload.values.title must be a text of 1 to 200 bytes");
    EXPECT_EQ(with("add", "/values/title", ""), "payload.values.title must be a text of 1 to 200 bytes");
    // An added event is named by its start.
    const std::int64_t added_start = by_action.at("add").payload.at("values").at("start").get<std::int64_t>();
    EXPECT_EQ(with("add", "/event/instance", added_start + 60),
              "payload.event.instance must be the added event's start (payload.values.start)");
    // A change needs no title.
    OutboxRow untitled = change;
    untitled.payload["values"].erase("title");
    EXPECT_EQ(problem_of(record_of(untitled)), "");
}

} // namespace
} // namespace olohuone::server
