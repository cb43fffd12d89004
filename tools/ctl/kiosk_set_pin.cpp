// set-pin: the staff PIN that opens staff mode on the kiosk's screen. Read from standard
// input, checked, hashed (argon2id) and stored; a new PIN also ends any lockout.
#include <cstdio>
#include <string>

#include "app/staff_pin.h"
#include "core/clock.h"
#include "exit_codes.h"
#include "kiosk_commands.h"
#include "secret_input.h"
#include "store/staff_access.h"

namespace olohuone::ctl {
namespace {

// Longer lines are not PINs; reading stops there instead of holding whatever is piped in.
constexpr std::size_t longest_pin_line = 64;

Result<std::string> read_new_pin()
{
    static const std::string prompt = "New staff PIN (" + std::to_string(app::min_staff_pin_digits) + " to "
        + std::to_string(app::max_staff_pin_digits) + " digits): ";
    return read_new_secret({prompt.c_str(), "The same PIN again: ", "PIN", longest_pin_line});
}

int set_pin(KioskContext& kiosk)
{
    // The configuration first: a wrong file is reported before anyone types a PIN.
    if (kiosk.config() == nullptr)
        return kiosk.failure_code();
    auto pin = read_new_pin();
    if (!pin)
        return fail(exit_usage, pin.error().message);
    if (auto problem = app::staff_pin_problem(pin.value()))
        return fail(exit_usage, "the PIN was not set: " + *problem);
    auto hash = app::hash_staff_pin(pin.value());
    if (!hash)
        return fail(exit_failure, hash.error().message);

    store::Store* store = kiosk.store(DatabaseUse::CreateIfMissing);
    if (store == nullptr)
        return kiosk.failure_code();
    auto before = store::staff_pin(store->database());
    if (!before)
        return fail(exit_failure, "cannot read the staff PIN: " + before.error().message);
    if (auto stored = store::set_staff_pin(store->database(), hash.value(), SystemClock().now()); !stored)
        return fail(exit_failure, "cannot store the staff PIN: " + stored.error().message);
    std::puts(before->has_value() ? "staff PIN changed" : "staff PIN set");
    return exit_ok;
}

} // namespace

void add_set_pin_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen)
{
    auto* command = group.add_subcommand(
        "set-pin", "set or change the staff PIN (" + std::to_string(app::min_staff_pin_digits) + " to "
                       + std::to_string(app::max_staff_pin_digits)
                       + " digits), read from standard input: asked twice on a terminal, one line when piped");
    when_chosen(command, chosen, [&kiosk] { return set_pin(kiosk); });
}

} // namespace olohuone::ctl
