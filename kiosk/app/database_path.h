#pragma once
// Where the kiosk's database lives in its state directory: one place for the kiosk and
// olohuonectl, so both always open the same file.
#include <string>

namespace olohuone::app {

inline std::string kiosk_database_path(const std::string& state_dir) { return state_dir + "/olohuone.sqlite3"; }

} // namespace olohuone::app
