#pragma once
// Turns the [sync] configuration into the sync's settings: the kiosk's token is read
// from its own file (never from the configuration, never logged) and checked.
#include <string>

#include "app/config.h"
#include "core/result.h"
#include "sync/sync_engine.h"

namespace olohuone::app {

Result<sync::SyncSettings> sync_settings(const KioskConfig::Sync& config, const std::string& version);

} // namespace olohuone::app
