#include "kiosk_commands.h"

namespace olohuone::ctl {

void add_kiosk_commands(CLI::App& group, KioskContext& kiosk, CommandRun& chosen)
{
    group.add_option("--state-dir", kiosk.state_dir, "the kiosk's state folder (overrides paths.state_dir)");
    // In the order --help lists them.
    add_import_programme_command(group, kiosk, chosen);
    add_export_visits_command(group, kiosk, chosen);
    add_export_attendance_command(group, kiosk, chosen);
    add_present_command(group, kiosk, chosen);
    add_set_pin_command(group, kiosk, chosen);
    add_outbox_command(group, kiosk, chosen);
    add_forget_command(group, kiosk, chosen);
}

} // namespace olohuone::ctl
