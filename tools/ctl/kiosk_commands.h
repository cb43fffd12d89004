#pragma once
// `olohuonectl kiosk [-c FILE] <command>`: the kiosk's own database, with or without a
// server, while the kiosk runs (docs/olohuonectl.md). One function per command, each
// in the file named after it.
#include "command_line.h"
#include "kiosk_context.h"

namespace olohuone::ctl {

// Adds the group's commands to `group`; the one given is put in `chosen`.
void add_kiosk_commands(CLI::App& group, KioskContext& kiosk, CommandRun& chosen);

void add_import_programme_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen); // kiosk_programme.cpp
void add_export_visits_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen);    // kiosk_exports.cpp
void add_export_attendance_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen); // kiosk_exports.cpp
void add_present_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen);          // kiosk_exports.cpp
void add_set_pin_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen);          // kiosk_set_pin.cpp
void add_outbox_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen);           // kiosk_outbox.cpp
void add_forget_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen);           // kiosk_forget.cpp

} // namespace olohuone::ctl
