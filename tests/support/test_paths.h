#pragma once
// Where the tests find the source tree's files and this build's programs. The paths
// are in one generated source file (tests/CMakeLists.txt), not in every test's compile
// line, so the compiler cache serves a test file whatever folder the clone is in.

namespace olohuone::test {

// The source tree: content/, fonts/, tests/ui/reference/.
const char* source_dir();
// tests/data: the calendars and other files the tests read.
const char* data_dir();
// This build's tests/ folder, for what the tests make once and share.
const char* build_dir();
// The programs under test, as this build made them.
const char* kiosk_program();
const char* server_program();
const char* ctl_program();

} // namespace olohuone::test
