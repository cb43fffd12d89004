#pragma once
// Staff's programme edits as records: each is written with its outbox row in one
// transaction ("programme.edit"), is on disk when the call returns, and a repeated key
// changes nothing. An edit is laid over the programme until it is settled: delivered to
// the server, and the server's programme asked for after that.
#include <optional>
#include <string>
#include <vector>

#include "core/programme_edit.h"
#include "core/result.h"
#include "store/outbox.h"
#include "store/sqlite.h"

namespace olohuone::store {

Result<void> record_programme_edit(sql::Database& database, const ProgrammeEdit& edit, RecordTime time);

// Where an edit stands with the server.
enum class EditState {
    Local,   // not delivered (or no server): laid over the programme
    Settled, // delivered, and the server's programme has been fetched since
    Refused, // the server refused the record; not laid over anything
};

struct StoredEdit {
    ProgrammeEdit edit;
    EditState state = EditState::Local;
};

// Marks every delivered edit settled. Called when the kiosk holds the server's current
// programme: the sync delivers records before it asks for the programme, so whatever
// was delivered by then is in that programme (or lost to a later change there).
Result<void> settle_delivered_edits(sql::Database& database);

// Every edit, in the order staff made them.
Result<std::vector<StoredEdit>> programme_edits(sql::Database& database);
// The latest edit of one occurrence, if staff made any.
Result<std::optional<StoredEdit>> latest_edit_of(sql::Database& database, const std::string& uid,
                                                 UnixSeconds instance);
// The edits still to be laid over the programme, in the order staff made them.
Result<std::vector<ProgrammeEdit>> edits_in_effect(sql::Database& database);

} // namespace olohuone::store
