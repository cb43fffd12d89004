#pragma once
// Staff's programme edits as a kiosk delivers them: recorded by the kiosk's own store
// code in its database, and posted as its sync posts its outbox.
#include <nlohmann/json.hpp>

#include <string>

#include "core/programme_edit.h"
#include "store/outbox.h"
#include "store/store.h"

namespace olohuone::testing {

// An edit of `uid` at `instance` under a new key, as staff mode starts one.
ProgrammeEdit programme_edit(EditAction action, std::string uid, UnixSeconds instance);

// Records `edit` in the kiosk's database; its outbox row as a record of a batch.
nlohmann::json kiosk_edit_record(store::Store& kiosk, const ProgrammeEdit& edit, store::RecordTime time);

// POST /v1/records with `record` alone and the kiosk's token; the server's result for
// it ({"key", "status", "reason"?}), or null when the batch was not answered with 200.
nlohmann::json post_record(const std::string& records_url, const std::string& ca, const std::string& token,
                           const nlohmann::json& record);

} // namespace olohuone::testing
