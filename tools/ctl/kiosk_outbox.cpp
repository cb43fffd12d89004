// outbox: what waits to be delivered to the server, and what the server refused.
#include <cstdio>

#include "exit_codes.h"
#include "kiosk_commands.h"
#include "local_time_text.h"
#include "store/outbox.h"
#include "store/sync_state.h"

namespace olohuone::ctl {
namespace {

constexpr int max_listed = 1000;

struct OutboxOptions {
    bool set_aside = false;
    int limit = 20;
};

int show_outbox(KioskContext& kiosk, const OutboxOptions& options)
{
    const auto sources = kiosk.existing_records();
    if (!sources)
        return kiosk.failure_code();
    const TimeZone* zone = &sources->zone;
    store::Store* store = &sources->store;
    sql::Database& database = store->database();
    auto waiting = store::outbox_waiting(database);
    auto oldest = store::outbox_next(database, 1);
    auto refused = store::outbox_set_aside_count(database);
    auto sync = store::read_sync_state(database);
    for (const Error* error : {waiting ? nullptr : &waiting.error(), oldest ? nullptr : &oldest.error(),
                               refused ? nullptr : &refused.error(), sync ? nullptr : &sync.error()})
        if (error != nullptr)
            return fail(exit_failure, "cannot read the outbox: " + error->message);

    std::printf("waiting for the server: %lld\n", static_cast<long long>(waiting.value()));
    if (!oldest->empty()) {
        const store::OutboxRecord& record = oldest->front();
        std::printf("oldest waiting: %s %s, made %s\n", record.key.c_str(), record.kind.c_str(),
                    local_date_time_text(*zone, record.time.at).c_str());
    }
    std::printf("set aside (refused by the server): %lld\n", static_cast<long long>(refused.value()));
    if (!kiosk.config()->sync.enabled())
        std::printf("no server is configured ([sync] server_url): records stay on this kiosk\n");
    else if (sync->last_success_at)
        std::printf("last reached the server: %s\n", local_date_time_text(*zone, *sync->last_success_at).c_str());
    else
        std::printf("last reached the server: never\n");

    if (!options.set_aside)
        return exit_ok;
    auto records = store::outbox_set_aside(database, options.limit);
    if (!records)
        return fail(exit_failure, "cannot read the outbox: " + records.error().message);
    for (const store::SetAsideRecord& record : records.value())
        std::printf("%s %s, made %s, refused %s: %s\n", record.key.c_str(), record.kind.c_str(),
                    local_date_time_text(*zone, record.created_at).c_str(),
                    record.rejected_at ? local_date_time_text(*zone, *record.rejected_at).c_str() : "(time unknown)",
                    record.reason.c_str());
    if (refused.value() > static_cast<std::int64_t>(records->size()))
        std::printf("... and %lld more (--limit)\n",
                    static_cast<long long>(refused.value() - static_cast<std::int64_t>(records->size())));
    return exit_ok;
}

} // namespace

void add_outbox_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen)
{
    auto options = std::make_shared<OutboxOptions>();
    auto* command = group.add_subcommand(
        "outbox", "how many records wait for the server, the oldest, and those the server refused");
    command->add_flag("--set-aside", options->set_aside, "list the records the server refused, with its reasons");
    command->add_option("--limit", options->limit, "list at most this many, newest first (1 to 1000; default 20)")
        ->check(CLI::Range(1, max_listed));
    when_chosen(command, chosen, [&kiosk, options] { return show_outbox(kiosk, *options); });
}

} // namespace olohuone::ctl
