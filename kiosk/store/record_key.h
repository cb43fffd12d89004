#pragma once
// Idempotency keys for records: random (version 4) UUIDs from libuuid, so two kiosks
// never make the same key and a key says nothing about the person or the time.
#include <string>

namespace olohuone::store {

std::string new_record_key();

} // namespace olohuone::store
