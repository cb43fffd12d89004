#pragma once
// A programme.edit record from a kiosk (docs/api.md), read back from its stored payload
// into the kiosk's own ProgrammeEdit (core/programme_edit.h), with the time it counts
// as made when it meets a coordinator's edit of the same occurrence.
#include <string>

#include "core/programme_edit.h"
#include "core/result.h"

namespace olohuone::server {

struct KioskEdit {
    ProgrammeEdit edit; // made_at: the kiosk's time.at
    bool clock_synced = false;
};

// The payload was checked when it arrived (payload_rules.h); an error only for a
// payload stored by something else.
Result<KioskEdit> read_kiosk_edit(const std::string& payload);

// When the edit counts as made: the kiosk's own time when its clock was known to be
// right, else when the server received it; never later than it was received, so a
// kiosk's clock running ahead cannot outrank the page's later changes.
UnixSeconds edit_time(const KioskEdit& edit, UnixSeconds received_at);

} // namespace olohuone::server
