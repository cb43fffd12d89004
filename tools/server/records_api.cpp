#include "records_api.h"

#include <algorithm>

#include "json_checks.h"
#include "payload_rules.h"
#include "tokens.h"

namespace olohuone::server {
namespace {

constexpr std::size_t max_payload_bytes = 16 * 1024;

// A UUID as the kiosk makes them: 8-4-4-4-12 lower-case hex digits.
bool is_record_key(const std::string& key)
{
    if (key.size() != 36)
        return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

std::string content_hash_of(const IncomingRecord& record)
{
    const std::string content = record.kind + '\n' + record.payload + '\n' + std::to_string(record.created_at) + '\n'
        + (record.clock_synced ? "1" : "0");
    return hash_hex(content);
}

// The record, or why it is not one.
Result<IncomingRecord> record_from(const nlohmann::json& item)
{
    if (!item.is_object())
        return make_error("a record must be an object");
    const auto key = item.find("key");
    if (key == item.end() || !key->is_string() || !is_record_key(key->get<std::string>()))
        return make_error("key must be a lower-case UUID");
    const auto kind = item.find("kind");
    const auto& kinds = record_kinds();
    if (kind == item.end() || !kind->is_string()
        || std::find(kinds.begin(), kinds.end(), kind->get<std::string>()) == kinds.end())
        return make_error("kind is not a known kind of record");
    const auto payload = item.find("payload");
    if (payload == item.end() || !payload->is_object())
        return make_error("payload must be an object");
    const auto created_at = item.find("created_at");
    if (created_at == item.end() || !whole_number_in(*created_at, earliest_record_time, latest_record_time))
        return make_error("created_at must be a Unix time in seconds between 2020 and 2100");
    const auto clock_synced = item.find("clock_synced");
    if (clock_synced == item.end() || !clock_synced->is_boolean())
        return make_error("clock_synced must be true or false");

    IncomingRecord record;
    record.key = key->get<std::string>();
    record.kind = kind->get<std::string>();
    record.payload = payload->dump(); // objects keep their keys sorted: one text per content
    if (record.payload.size() > max_payload_bytes)
        return make_error("payload is larger than 16 KiB");
    if (auto checked = check_payload(record.kind, *payload); !checked)
        return checked.error();
    record.created_at = created_at->get<std::int64_t>();
    record.clock_synced = clock_synced->get<bool>();
    record.content_hash = content_hash_of(record);
    return record;
}

const char* status_of(Delivery delivery)
{
    switch (delivery) {
    case Delivery::Stored:
        return "stored";
    case Delivery::Repeated:
        return "duplicate";
    case Delivery::Conflict:
        return "conflict";
    }
    return "invalid";
}

} // namespace

const std::vector<std::string>& record_kinds()
{
    static const std::vector<std::string> kinds = {
        "visit.sign_in",       "visit.counted",         "visit.sign_out",  "registration.add",
        "registration.cancel", "registration.promoted", "attendance.here", "attendance.counted",
        "attendance.withdrawn", "programme.edit",    "visit.withdrawn",       "registration.restore",
    };
    return kinds;
}

Result<ParsedBatch> parse_batch(const std::string& body, int max_records)
{
    const nlohmann::json document = nlohmann::json::parse(body, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return make_error("the body is not a JSON object");
    const auto records = document.find("records");
    if (records == document.end() || !records->is_array())
        return make_error("the body has no \"records\" list");
    if (records->size() > static_cast<std::size_t>(max_records))
        return make_error("a batch holds at most " + std::to_string(max_records) + " records");

    ParsedBatch batch;
    for (const nlohmann::json& item : *records) {
        ParsedBatch::Entry entry;
        if (item.is_object() && item.contains("key") && item["key"].is_string())
            entry.key = item["key"].get<std::string>().substr(0, 64);
        auto record = record_from(item);
        if (!record) {
            entry.problem = record.error().message;
        } else if (std::any_of(batch.valid.begin(), batch.valid.end(),
                               [&](const IncomingRecord& earlier) { return earlier.key == record->key; })) {
            entry.problem = "the same key twice in one batch";
        } else {
            entry.valid_index = static_cast<int>(batch.valid.size());
            batch.valid.push_back(std::move(record.value()));
        }
        batch.entries.push_back(std::move(entry));
    }
    return batch;
}

nlohmann::json batch_answer(const ParsedBatch& batch, const std::vector<Delivery>& deliveries)
{
    nlohmann::json results = nlohmann::json::array();
    for (const ParsedBatch::Entry& entry : batch.entries) {
        nlohmann::json result = {{"key", entry.key}};
        if (entry.valid_index < 0) {
            result["status"] = "invalid";
            result["reason"] = entry.problem;
        } else {
            const Delivery delivery = deliveries.at(static_cast<std::size_t>(entry.valid_index));
            result["status"] = status_of(delivery);
            if (delivery == Delivery::Conflict)
                result["reason"] = "another record was delivered under this key";
        }
        results.push_back(std::move(result));
    }
    return {{"results", results}};
}

} // namespace olohuone::server
