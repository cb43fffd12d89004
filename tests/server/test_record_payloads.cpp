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
#include "store/record_key.h"
#include "store/store.h"
#include "store/visit_log.h"
#include "support/temp_dir.h"

namespace olohuone::server {
namespace {

// Mon 23 Nov 2026 12:00 and Tue 24 Nov 2026 10:00 in Helsinki.
constexpr UnixSeconds monday_noon = 1795428000;
constexpr UnixSeconds tuesday_ten = 1795507200;

// Fields the kiosk writes only sometimes: "whom" when the group is asked it, the
// registration of someone marked present when they had registered.
const std::map<std::string, std::set<std::string>> optional_fields = {
    {"visit.sign_in", {"whom"}},
    {"attendance.here", {"registration"}},
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
        ok(activities.cancel(activity, aino_id, store::new_record_key(), next()));
        ok(activities.mark_here(activity, matti, store::new_record_key(), next()));
        ok(activities.mark_here(activity, VisitorIdentity{std::nullopt, "Liisa", "other", ""},
                                store::new_record_key(), next()));
        ok(activities.mark_here(activity, std::nullopt, store::new_record_key(), next()));
        // Staff take the anonymous count down again (attendance.withdrawn).
        auto withdrawn = activities.withdraw(activity, std::nullopt, store::new_record_key(), next());
        ok(withdrawn);
        EXPECT_TRUE(withdrawn.value());
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

    OutboxRow not_an_object = by_kind.at("visit.counted");
    not_an_object.payload = nlohmann::json::array({1, 2});
    EXPECT_EQ(problem_of(record_of(not_an_object)), "payload must be an object");
}

} // namespace
} // namespace olohuone::server
