#pragma once
// A kiosk database seeded once and copied: the first test process of a build that needs
// it runs `seed` (records written with synchronous=FULL, a PIN hashed with argon2id) in
// an offscreen kiosk and keeps the file under the build folder; every other case, in
// this process or the next, copies that file into a fresh state folder. The file is
// named by what it was made from (this test program and the content files), so a
// rebuilt program or an edited calendar makes a new one.
#include <filesystem>
#include <functional>
#include <string>

#include "offscreen_kiosk.h"

namespace olohuone::testing {

using Seed = std::function<void(OffscreenKiosk&)>;

// A new state folder (under the system's temporary folder) holding a copy of the
// database `seed` makes; `name` tells templates of different seeds apart.
std::filesystem::path state_dir_from_template(const std::string& name, const Seed& seed);

} // namespace olohuone::testing
