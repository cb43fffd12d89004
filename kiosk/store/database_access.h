#pragma once
// Why the kiosk could not write its database file, when that is the trouble: a file
// system mounted read-only, or a file or folder its user may not write. Told apart from
// a damaged file, so that nobody moves a healthy database (with records not yet
// delivered) aside on the advice of a wrong message.
#include <optional>
#include <string>

namespace olohuone::store {

// A sentence naming the path and the kiosk's user, or none when this process may read
// and write the database at `path` and create its write-ahead log beside it.
std::optional<std::string> unwritable_reason(const std::string& path);

} // namespace olohuone::store
