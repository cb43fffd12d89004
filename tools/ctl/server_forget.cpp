// server forget: the server's half of a data-protection request (the kiosk's is `kiosk
// forget`). The records stay, so the reports' counts do not change; the person's name
// and marker leave every record of theirs at the site. Each kiosk gives a person a key
// of its own, so one person may have several keys at a site: all that match the name are
// erased unless --visitor-key picks some.
#include <algorithm>
#include <cstdio>

#include "core/time_zone.h"
#include "core/visitor_name.h"
#include "exit_codes.h"
#include "local_time_text.h"
#include "server_forget.h"
#include "site_programme.h"

namespace olohuone::ctl {
namespace {

struct ServerForgetOptions {
    std::int64_t site = 0;
    std::string name;
    std::vector<std::string> visitor_keys;
    bool yes = false;
};

std::string plural(std::int64_t count, const std::string& one, const std::string& many)
{
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

// "Aino Korhonen, group resident (marker ruusu), last record 2026-11-24 10:15, visitor key …: 3 records"
std::string described(const server::NamedVisitor& visitor, const TimeZone& zone)
{
    std::string text = visitor.name + ", group " + visitor.group;
    if (!visitor.marker.empty())
        text += " (marker " + visitor.marker + ")";
    return text + ", last record " + local_date_time_text(zone, visitor.last_record_at) + ", visitor key "
        + visitor.key + ": " + plural(visitor.records, "record", "records");
}

int forget(ServerContext& server, const ServerForgetOptions& options)
{
    const std::string name = normalize_name(options.name);
    if (validate_name(name))
        return fail(exit_usage, "--name '" + options.name.substr(0, 80)
                                    + "': not a name a kiosk could have stored (letters, spaces, hyphens and "
                                      "apostrophes, at most " + std::to_string(max_name_characters) + " characters)");
    auto zone = TimeZone::named(server::site_time_zone);
    if (!zone)
        return fail(exit_failure, zone.error().message);
    auto* store = server.store();
    if (store == nullptr)
        return server.failure_code();
    auto exists = store->site_exists(options.site);
    if (!exists)
        return fail(exit_failure, "cannot read the sites: " + exists.error().message);
    if (!exists.value())
        return fail(exit_usage, "--site " + std::to_string(options.site) + ": there is no such site");
    auto visitors = store->named_visitors(options.site);
    if (!visitors)
        return fail(exit_failure, "cannot read the records: " + visitors.error().message);

    const std::string fold = fold_name(name);
    std::vector<server::NamedVisitor> named;
    for (const server::NamedVisitor& visitor : visitors.value())
        if (fold_name(normalize_name(visitor.name)) == fold)
            named.push_back(visitor);
    if (named.empty())
        return fail(exit_usage, "--name: no record at site " + std::to_string(options.site) + " names '" + name
                                    + "' (the whole name is matched, in any case); nothing was changed");

    std::vector<server::NamedVisitor> chosen;
    for (const server::NamedVisitor& visitor : named)
        if (options.visitor_keys.empty()
            || std::find(options.visitor_keys.begin(), options.visitor_keys.end(), visitor.key)
                != options.visitor_keys.end())
            chosen.push_back(visitor);
    if (chosen.size() != (options.visitor_keys.empty() ? named.size() : options.visitor_keys.size())) {
        std::string list;
        for (const server::NamedVisitor& visitor : named)
            list += "\n  " + described(visitor, zone.value());
        return fail(exit_usage, "--visitor-key: give keys of visitors named '" + name + "' at site "
                                    + std::to_string(options.site) + ":" + list + "\nNothing was changed.");
    }

    std::int64_t records = 0;
    std::vector<std::string> keys;
    std::string list;
    for (const server::NamedVisitor& visitor : chosen) {
        records += visitor.records;
        keys.push_back(visitor.key);
        list += "\n  " + described(visitor, zone.value());
    }
    if (!options.yes) {
        std::printf("would erase the name from %s at site %lld:%s\nnothing was changed; add --yes to erase\n",
                    plural(records, "record", "records").c_str(), static_cast<long long>(options.site),
                    list.c_str());
        return exit_ok;
    }
    auto erased = store->erase_visitor_names(options.site, keys);
    if (!erased)
        return fail(exit_failure, "nothing was erased: " + erased.error().message);
    std::printf("erased the name from %s at site %lld:%s\nthe records stay, without the name, so the reports' counts "
                "do not change; the kiosks may still hold the name: erase it there with `olohuonectl kiosk forget`\n",
                plural(erased.value(), "record", "records").c_str(), static_cast<long long>(options.site),
                list.c_str());
    return exit_ok;
}

} // namespace

void server_forget_command(CLI::App& group, ServerContext& server, CommandRun& chosen)
{
    auto options = std::make_shared<ServerForgetOptions>();
    auto* command = group.add_subcommand(
        "forget", "erase a person's name from every record of theirs at a site (a data-protection request); lists "
                  "what it would erase unless --yes is given");
    command->add_option("--site", options->site, "the site's id")->required();
    command->add_option("--name", options->name, "the person's full name as they typed it (case does not matter)")
        ->required();
    command->add_option("--visitor-key", options->visitor_keys,
                        "only this visitor of that name (may be given more than once; the keys are listed without "
                        "--yes)");
    command->add_flag("--yes", options->yes, "erase; without it nothing is changed");
    when_chosen(command, chosen, [&server, options] { return forget(server, *options); });
}

} // namespace olohuone::ctl
