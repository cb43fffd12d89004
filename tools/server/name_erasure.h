#pragma once
// Erasing visitors' names from the records kiosks delivered (docs/privacy.md), in SQL on
// record.payload, for the SQLite store. A record keeps everything the reports count (its
// kind, site, time, group, activity and the visitor's random key, which the unique-visitor
// count goes by) and loses the name and marker; `visitor.name_erased` says why they are
// missing. The content hash goes too (it was taken over the payload with the name, so a
// guessed name could be tested against it): it becomes `erased_content_hash`, and a
// record sent again under an erased record's key is taken as the same record, so the
// kiosk is told it is already there and the name does not come back.
#include <cstdint>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/result.h"
#include "server_store.h"
#include "store/sqlite.h"

namespace olohuone::server {

// What an erased record's content hash becomes.
inline constexpr const char* erased_content_hash = "erased";

// Erases the names in at most `batch_size` records and as many set-aside conflicts
// received before `cutoff`, in one transaction; how many rows lost a name. Call again
// until it returns fewer than `batch_size`.
Result<std::int64_t> erase_names_received_before(sql::Database& database, UnixSeconds cutoff, int batch_size);

// Every named visitor in the site's records.
Result<std::vector<NamedVisitor>> named_visitors(sql::Database& database, std::int64_t site_id);

// Erases the names of the visitors with these keys from all the site's records and its
// kiosks' set-aside conflicts, in one transaction; how many records lost a name.
Result<std::int64_t> erase_visitor_names(sql::Database& database, std::int64_t site_id,
                                         const std::vector<std::string>& visitor_keys);

} // namespace olohuone::server
