#pragma once
// Erasing visitors' names once the kiosk no longer needs them (docs/privacy.md). What
// is erased: the name and marker in the visitor row, and the name and marker in the
// payloads of their outbox rows. What stays: the row itself with its random key and
// group, so every visit, registration and attendance still counts, and the exports'
// figures do not change. A visitor signed in now, or registered for an activity that has
// not yet ended, keeps their name.
#include <cstdint>

#include "core/civil_time.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace olohuone::store {

// What the name column holds once the name is gone: the column must hold a text, and
// this one no typed name can be (core::validate_name refuses it).
inline constexpr const char* erased_visitor_name = "–";

enum class RetentionStart {
    // A kiosk with a server: from when the last of the visitor's records reached the
    // server (delivered, or refused and set aside). A record still waiting keeps the name.
    FromDelivery,
    // A kiosk alone: from the visitor's last visit or record; its exports are the only copy.
    FromLastVisit,
};

struct NameRetentionRule {
    RetentionStart start = RetentionStart::FromDelivery;
    int days = 30;
};

struct NamesErased {
    std::int64_t visitors = 0;
    std::int64_t outbox_payloads = 0; // outbox rows whose payload lost a name
};

// Erases the names whose time under `rule` has passed at `now`, `batch_size` visitors
// to a transaction, so the screens' writes wait at most one short batch.
Result<NamesErased> erase_expired_names(sql::Database& database, const NameRetentionRule& rule, UnixSeconds now,
                                        int batch_size = 100);

} // namespace olohuone::store
