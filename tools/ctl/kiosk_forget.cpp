// forget: erases a person on a data-protection request (store/visitor_erasure.h). Names
// are matched as the kiosk stores them: normalised (NFC, single spaces) and case-folded.
#include <cstdio>

#include "core/visitor_name.h"
#include "exit_codes.h"
#include "kiosk_commands.h"
#include "local_time_text.h"
#include "store/visitor_erasure.h"
#include "visit_labels.h"

namespace olohuone::ctl {
namespace {

struct ForgetOptions {
    std::string name;
    std::string visitor_key;
    bool yes = false;
};

std::string plural(std::int64_t count, const std::string& one, const std::string& many)
{
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

// "Aino Korhonen, Asukas (marker Ruusu), last seen 2026-11-24 10:15, key …"
std::string described(const store::VisitorFootprint& visitor, const VisitLabels& labels, const TimeZone& zone)
{
    std::string text = visitor.name + ", " + labels.group(visitor.group_id);
    if (!visitor.marker_id.empty())
        text += " (marker " + labels.marker(visitor.marker_id) + ")";
    return text + ", last seen " + local_date_time_text(zone, visitor.last_seen_at) + ", visitor key " + visitor.key;
}

std::string records_of(const store::VisitorFootprint& visitor)
{
    return plural(visitor.visits, "visit", "visits") + ", "
        + plural(visitor.registrations, "registration", "registrations") + ", "
        + plural(visitor.attendance, "attendance record", "attendance records") + ", "
        + plural(visitor.outbox_waiting + visitor.outbox_delivered, "outbox record", "outbox records");
}

int forget(KioskContext& kiosk, const ForgetOptions& options)
{
    const std::string name = normalize_name(options.name);
    if (validate_name(name))
        return fail(exit_usage, "--name '" + options.name.substr(0, 80)
                                    + "': not a name the kiosk could have stored (letters, spaces, hyphens and "
                                      "apostrophes, at most " + std::to_string(max_name_characters) + " characters)");
    const auto sources = kiosk.existing_records();
    if (!sources)
        return kiosk.failure_code();
    const TimeZone* zone = &sources->zone;
    store::Store* store = &sources->store;
    auto matches = store::visitors_named(store->database(), fold_name(name));
    if (!matches)
        return fail(exit_failure, "cannot read the visitors: " + matches.error().message);
    const VisitLabels labels(*kiosk.config());
    if (matches->empty())
        return fail(exit_usage, "--name: no visitor on this kiosk is named '" + name
                                    + "' (the whole name is matched, in any case); nothing was changed");

    const store::VisitorFootprint* chosen = nullptr;
    for (const store::VisitorFootprint& visitor : matches.value())
        if (options.visitor_key.empty() ? matches->size() == 1 : visitor.key == options.visitor_key)
            chosen = &visitor;
    if (chosen == nullptr) {
        std::string list;
        for (const store::VisitorFootprint& visitor : matches.value())
            list += "\n  " + described(visitor, labels, *zone) + ": " + records_of(visitor);
        const std::string why = options.visitor_key.empty()
            ? std::to_string(matches->size()) + " visitors are named '" + name + "'; pick one with --visitor-key:"
            : "--visitor-key " + options.visitor_key + " is none of the visitors named '" + name + "':";
        return fail(exit_usage, why + list + "\nNothing was changed.");
    }

    if (!options.yes) {
        std::printf("would erase %s: %s\nnothing was changed; add --yes to erase\n",
                    described(*chosen, labels, *zone).c_str(), records_of(*chosen).c_str());
        return exit_ok;
    }
    auto erased = store::erase_visitor(store->database(), chosen->key);
    if (!erased)
        return fail(exit_failure, "nothing was erased: " + erased.error().message);
    std::printf("erased %s: %s\n", described(erased.value(), labels, *zone).c_str(),
                records_of(erased.value()).c_str());
    if (erased->outbox_delivered > 0)
        std::printf("%s had already been delivered to the server: the copy on the server must be erased there too "
                    "(olohuonectl server forget)\n",
                    plural(erased->outbox_delivered, "record", "records").c_str());
    else if (kiosk.config()->sync.enabled())
        std::printf("none of the records had been delivered to the server yet\n");
    return exit_ok;
}

} // namespace

void add_forget_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen)
{
    auto options = std::make_shared<ForgetOptions>();
    auto* command = group.add_subcommand(
        "forget", "erase a person and every record about them (a data-protection request); lists what it would "
                  "erase unless --yes is given");
    command->add_option("--name", options->name, "the person's full name as they typed it (case does not matter)")
        ->required();
    command->add_option("--visitor-key", options->visitor_key,
                        "which of several visitors of that name (the keys are listed when the name is ambiguous)");
    command->add_flag("--yes", options->yes, "erase; without it nothing is changed");
    when_chosen(command, chosen, [&kiosk, options] { return forget(kiosk, *options); });
}

} // namespace olohuone::ctl
