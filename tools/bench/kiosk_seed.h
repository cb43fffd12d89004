#pragma once
// A kiosk database with a backlog of sign-ins, made the way the screens make them
// (store::VisitLog), so that the server's payload rules see real records.
#include <string>

#include "core/civil_time.h"

namespace olohuone::bench {

// Creates the kiosk database `path` holding `count` sign-ins of new visitors, a second
// apart from `first`, every one waiting in the outbox. Written without an fsync per
// sign-in (the sync reads the records the same either way); checkpointed and closed, so
// the file alone is the whole database and can be copied.
void seed_sign_ins(const std::string& path, int count, UnixSeconds first);

} // namespace olohuone::bench
