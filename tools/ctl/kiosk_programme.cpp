// import-programme: calendar files become the kiosk's programme, stored where the
// server's programme would be, so the running kiosk notices a new ETag and shows them.
#include <sodium.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <variant>

#include "core/clock.h"
#include "core/programme_import.h"
#include "exit_codes.h"
#include "kiosk_commands.h"
#include "store/sync_state.h"

namespace olohuone::ctl {
namespace {

// As many as the server takes for a site; more is surely a mistake (a whole folder).
constexpr std::size_t max_calendar_files = 49;
constexpr std::size_t max_warnings_shown = 20;
// The kiosk imports from yesterday to this far past the days it shows; so does the check.
constexpr int extra_days_checked = 14;

struct ReadFailure {
    int exit_code;
    std::string message;
};

// The file's text, read no further than a calendar may be long.
std::variant<std::string, ReadFailure> read_calendar(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path))
        return ReadFailure{exit_no_input, path + ": cannot read the file (missing, a folder, or no permission)"};
    std::string text(max_calendar_file_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad())
        return ReadFailure{exit_no_input, path + ": cannot read the file"};
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_calendar_file_bytes)
        return ReadFailure{exit_bad_data, path + ": the file is larger than "
                                              + std::to_string(max_calendar_file_bytes / 1024 / 1024)
                                              + " MiB; is it really a programme?"};
    return text;
}

// Names a calendar is kept under: the file's own, something a person recognises.
std::optional<std::string> name_problem(const std::string& name)
{
    if (name.empty() || name.front() == '.')
        return "a calendar's file name must not be empty or start with a dot";
    for (const unsigned char c : name)
        if (c < 0x20 || c == 0x7F || c == '\\')
            return "a calendar's file name must not hold control characters or backslashes";
    return std::nullopt;
}

// "local-" and a BLAKE2b hash of the names and texts: a new programme is a new ETag,
// which is what makes the running kiosk import it; the same files again change nothing.
std::string local_etag(const std::vector<CalendarFile>& calendars)
{
    crypto_generichash_state state;
    unsigned char hash[32];
    crypto_generichash_init(&state, nullptr, 0, sizeof hash);
    for (const CalendarFile& calendar : calendars)
        for (const std::string* part : {&calendar.name, &calendar.text}) {
            const std::string length = std::to_string(part->size()) + ":";
            crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
            crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part->data()), part->size());
        }
    crypto_generichash_final(&state, hash, sizeof hash);
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return std::string("local-") + hex;
}

int import_programme(KioskContext& kiosk, const std::vector<std::string>& paths)
{
    const app::KioskConfig* config = kiosk.config();
    if (config == nullptr)
        return kiosk.failure_code();
    if (config->sync.enabled())
        return fail(exit_usage,
                    "this kiosk gets its programme from the server (sync.server_url = " + config->sync.server_url
                        + ", site " + std::to_string(config->sync.site)
                        + "); import the calendars there: olohuonectl server import-programme --site "
                        + std::to_string(config->sync.site) + " FILE.ics ...");
    if (paths.size() > max_calendar_files)
        return fail(exit_usage, "give 1 to " + std::to_string(max_calendar_files) + " calendar files");
    const TimeZone* zone = kiosk.zone();
    if (zone == nullptr)
        return kiosk.failure_code();

    std::vector<CalendarFile> files; // named by their paths, so the importer's errors name them
    std::set<std::string> names;
    for (const std::string& path : paths) {
        auto text = read_calendar(path);
        if (const auto* failure = std::get_if<ReadFailure>(&text))
            return fail(failure->exit_code, failure->message);
        const std::string name = std::filesystem::path(path).filename().string();
        if (auto problem = name_problem(name))
            return fail(exit_bad_data, path + ": " + *problem);
        if (!names.insert(name).second)
            return fail(exit_bad_data, path + ": another file given is also named " + name
                                           + "; the kiosk keeps its calendars by file name");
        files.push_back({path, std::move(std::get<std::string>(text))});
    }

    if (sodium_init() < 0)
        return fail(exit_failure, "cannot initialise libsodium");
    const SystemClock clock;
    const UnixSeconds now = clock.now();
    const CivilDate today = zone->to_local(now).date;
    const ImportWindow window{zone->start_of_day(today.plus_days(-1)),
                              zone->start_of_day(today.plus_days(config->days_ahead + 1 + extra_days_checked))};
    auto imported = import_programme(files, *zone, window);
    if (!imported)
        return fail(exit_bad_data, imported.error().message + "; nothing was changed");
    for (std::size_t i = 0; i < imported->warnings.size() && i < max_warnings_shown; ++i)
        std::fprintf(stderr, "olohuonectl: warning: %s\n", imported->warnings[i].c_str());
    if (imported->warnings.size() > max_warnings_shown)
        std::fprintf(stderr, "olohuonectl: warning: ... and %zu more\n",
                     imported->warnings.size() - max_warnings_shown);

    // Stored by their file names, as the server's calendars are.
    for (CalendarFile& file : files)
        file.name = std::filesystem::path(file.name).filename().string();
    store::Store* store = kiosk.store(DatabaseUse::CreateIfMissing);
    if (store == nullptr)
        return kiosk.failure_code();
    if (auto stored = store::replace_server_programme(store->database(), files, local_etag(files), now); !stored)
        return fail(exit_failure, "cannot store the programme: " + stored.error().message);

    const int days_shown = config->days_ahead + 1;
    const UnixSeconds shown_to = zone->start_of_day(today.plus_days(days_shown));
    std::size_t shown = 0;
    for (const Occurrence& occurrence : imported->occurrences)
        if (occurrence.end > zone->start_of_day(today) && occurrence.start < shown_to)
            ++shown;
    std::printf("imported %zu calendar%s, %zu occurrence%s in the next %d days\n", files.size(),
                files.size() == 1 ? "" : "s", shown, shown == 1 ? "" : "s", days_shown);
    return exit_ok;
}

} // namespace

void add_import_programme_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen)
{
    auto files = std::make_shared<std::vector<std::string>>();
    auto* command = group.add_subcommand(
        "import-programme",
        "make these .ics files the kiosk's programme (all or nothing; only on a kiosk without a server)");
    command->add_option("files", *files, "iCalendar files (at most 49, each at most 8 MiB)")->required();
    when_chosen(command, chosen, [&kiosk, files] { return import_programme(kiosk, *files); });
}

} // namespace olohuone::ctl
