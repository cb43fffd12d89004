#pragma once
// POST /v1/records: a kiosk's batch of records, checked one by one. A batch that is not
// a batch at all (not JSON, no "records" list, too many) is refused whole; inside a
// good batch each record is valid or not on its own, and the answer says per record
// what happened (docs/api.md).
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/result.h"
#include "server_store.h"

namespace olohuone::server {

// The kinds of record a kiosk makes (kiosk/store: visit_log, activity_log, programme_edits).
const std::vector<std::string>& record_kinds();

struct ParsedBatch {
    std::vector<IncomingRecord> valid;
    // Per record of the batch, in order: an index into `valid`, or the reason it is
    // invalid.
    struct Entry {
        std::string key; // as sent, if it was a string
        int valid_index = -1;
        std::string problem;
    };
    std::vector<Entry> entries;
};

// Error: the whole batch is refused (400), with a message for the kiosk's log.
Result<ParsedBatch> parse_batch(const std::string& body, int max_records);

// The answer: {"results": [{"key": …, "status": "stored" | "duplicate" | "conflict" |
// "invalid", "reason": …}]}.
nlohmann::json batch_answer(const ParsedBatch& batch, const std::vector<Delivery>& deliveries);

} // namespace olohuone::server
