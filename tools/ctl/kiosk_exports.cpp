// export-visits, export-attendance and present: CSV for the coordinators' spreadsheets
// and the evacuation list, read from the kiosk's database (store/report_queries.h).
#include <cstdio>
#include <map>

#include "app/content.h"
#include "core/clock.h"
#include "core/csv.h"
#include "core/programme_import.h"
#include "exit_codes.h"
#include "kiosk_commands.h"
#include "local_time_text.h"
#include "output_file.h"
#include "report_period.h"
#include "store/programme_cache.h"
#include "store/report_queries.h"
#include "store/sync_state.h"
#include "visit_labels.h"

namespace olohuone::ctl {
namespace {

// How far a moved occurrence may have gone from its original time and still be found
// by its title.
constexpr UnixSeconds title_search_margin = 31 * 24 * 3600;

struct CsvOptions {
    std::string separator = ";";
    std::string output;
};

struct PeriodOptions {
    std::string from;
    std::string to;
    CsvOptions csv;
};

void add_csv_options(CLI::App* command, CsvOptions& options)
{
    command->add_option("--separator", options.separator,
                        "the column separator: ';' (the default; what Finnish Excel expects) or ','")
        ->check(CLI::IsMember({";", ","}));
    command->add_option("-o,--output", options.output, "write the CSV to this file (default: standard output)");
}

void add_period_options(CLI::App* command, PeriodOptions& options)
{
    command->add_option("--from", options.from, "the first day, YYYY-MM-DD (local date)")->required();
    command->add_option("--to", options.to, "the last day, YYYY-MM-DD, included")->required();
    add_csv_options(command, options.csv);
}

csv::Separator separator_of(const CsvOptions& options)
{
    return options.separator == "," ? csv::Separator::Comma : csv::Separator::Semicolon;
}

// Writes the CSV; with -o, says on standard output how many rows went where.
int finish(const CsvOptions& options, const csv::Writer& writer, std::size_t rows, const char* what)
{
    const int written = write_output(options.output, writer.text());
    if (written == exit_ok && !options.output.empty() && options.output != "-")
        std::printf("wrote %zu %s to %s\n", rows, what, options.output.c_str());
    return written;
}

// The period's instants, or an exit code after the message.
std::optional<ReportPeriod> period_of(const PeriodOptions& options, const TimeZone& zone, int& exit_code)
{
    auto period = report_period(options.from, options.to, zone);
    if (!period) {
        exit_code = fail(exit_usage, period.error().message);
        return std::nullopt;
    }
    return period.value();
}

// What an export over a period reads, checked in the order a person fixes them: the
// configuration's time zone, the period, then the database.
struct PeriodInputs {
    const TimeZone* zone;
    ReportPeriod period;
    store::Store* store;
};

std::optional<PeriodInputs> period_inputs(KioskContext& kiosk, const PeriodOptions& options, int& exit_code)
{
    const TimeZone* zone = kiosk.zone();
    if (zone == nullptr) {
        exit_code = kiosk.failure_code();
        return std::nullopt;
    }
    const auto period = period_of(options, *zone, exit_code);
    if (!period)
        return std::nullopt;
    store::Store* store = kiosk.store(DatabaseUse::MustExist);
    if (store == nullptr) {
        exit_code = kiosk.failure_code();
        return std::nullopt;
    }
    return PeriodInputs{zone, *period, store};
}

int export_visits(KioskContext& kiosk, const PeriodOptions& options)
{
    int exit_code = exit_ok;
    const auto inputs = period_inputs(kiosk, options, exit_code);
    if (!inputs)
        return exit_code;
    const TimeZone* zone = inputs->zone;
    const ReportPeriod* period = &inputs->period;
    store::Store* store = inputs->store;
    auto visits = store::visits_between(store->database(), period->from, period->to);
    if (!visits)
        return fail(exit_failure, "cannot read the visits: " + visits.error().message);

    const VisitLabels labels(*kiosk.config());
    csv::Writer writer(separator_of(options.csv));
    writer.add_row({csv::text("date"), csv::text("signed_in"), csv::text("signed_out"), csv::text("name"),
                    csv::text("group"), csv::text("whom"), csv::text("marker"), csv::text("anonymous"),
                    csv::text("signed_out_automatically"), csv::text("signed_out_time_unknown")});
    for (const store::VisitReportRow& visit : visits.value()) {
        const CivilDate day = zone->to_local(visit.signed_in_at).date;
        writer.add_row({csv::text(day.iso()), csv::text(local_clock_text(*zone, visit.signed_in_at)),
                        csv::text(visit.signed_out_at ? local_time_on(*zone, day, *visit.signed_out_at) : ""),
                        csv::text(visit.name), csv::text(labels.group(visit.group_id)),
                        csv::text(visit.whom.empty() ? "" : labels.whom(visit.whom)),
                        csv::text(visit.marker_id.empty() ? "" : labels.marker(visit.marker_id)),
                        csv::number(visit.anonymous ? 1 : 0), csv::number(visit.signed_out_automatically ? 1 : 0),
                        csv::number(visit.sign_out_clamped ? 1 : 0)});
    }
    return finish(options.csv, writer, visits->size(), "visits");
}

using OccurrenceKey = std::pair<std::string, UnixSeconds>;

// The programme's occurrences around the period by (UID, instance): from the cache the
// screens read, and for what it does not hold (older days), from the calendars.
std::map<OccurrenceKey, Occurrence> programme_around(store::Store& store, const app::KioskConfig& config,
                                                     const TimeZone& zone, const ReportPeriod& period,
                                                     const std::vector<store::ActivityReportRow>& activities)
{
    std::map<OccurrenceKey, Occurrence> found;
    const UnixSeconds from = period.from - title_search_margin;
    const UnixSeconds to = period.to + title_search_margin;
    store::ProgrammeCache cache(store.database());
    if (auto cached = cache.between(from, to))
        for (Occurrence& occurrence : cached.value())
            found.emplace(OccurrenceKey{occurrence.uid, occurrence.instance}, std::move(occurrence));
    bool all_found = true;
    for (const store::ActivityReportRow& activity : activities)
        all_found = all_found && found.contains({activity.uid, activity.instance});
    if (all_found)
        return found;

    auto calendars = store::server_programme(store.database());
    if (!calendars || calendars->empty())
        calendars = app::read_calendar_files(config.content_dir);
    auto imported = calendars ? import_programme(calendars.value(), zone, {from, to})
                              : Result<ImportedProgramme>(calendars.error());
    if (!imported) {
        std::fprintf(stderr, "olohuonectl: warning: the activities not in the cached programme are shown by "
                             "their ids: %s\n", imported.error().message.c_str());
        return found;
    }
    for (Occurrence& occurrence : imported->occurrences)
        found.emplace(OccurrenceKey{occurrence.uid, occurrence.instance}, std::move(occurrence));
    return found;
}

int export_attendance(KioskContext& kiosk, const PeriodOptions& options)
{
    int exit_code = exit_ok;
    const auto inputs = period_inputs(kiosk, options, exit_code);
    if (!inputs)
        return exit_code;
    const TimeZone* zone = inputs->zone;
    const ReportPeriod* period = &inputs->period;
    store::Store* store = inputs->store;
    auto activities = store::activities_between(store->database(), period->from, period->to);
    if (!activities)
        return fail(exit_failure, "cannot read the registrations and attendance: " + activities.error().message);
    const app::KioskConfig& config = *kiosk.config();
    const auto programme = programme_around(*store, config, *zone, *period, activities.value());

    csv::Writer writer(separator_of(options.csv));
    writer.add_row({csv::text("date"), csv::text("time"), csv::text("activity"), csv::text("registered"),
                    csv::text("cancelled"), csv::text("present_by_name"), csv::text("of_them_registered"),
                    csv::text("anonymous"), csv::text("present_total"), csv::text("activity_id")});
    for (const store::ActivityReportRow& activity : activities.value()) {
        const auto known = programme.find({activity.uid, activity.instance});
        const Occurrence* occurrence = known == programme.end() ? nullptr : &known->second;
        const UnixSeconds start = occurrence ? occurrence->start : activity.instance;
        const bool all_day = occurrence && occurrence->span == EventSpan::AllDay;
        writer.add_row({csv::text(local_date_text(*zone, start)),
                        csv::text(all_day ? "" : local_clock_text(*zone, start)),
                        csv::text(occurrence ? occurrence->title.in(config.language) : ""),
                        csv::number(activity.registered), csv::number(activity.cancelled),
                        csv::number(activity.present_by_name), csv::number(activity.present_registered),
                        csv::number(activity.present_anonymous),
                        csv::number(activity.present_by_name + activity.present_anonymous), csv::text(activity.uid)});
    }
    return finish(options.csv, writer, activities->size(), "activities");
}

int present(KioskContext& kiosk, const CsvOptions& options)
{
    const auto sources = kiosk.existing_records();
    if (!sources)
        return kiosk.failure_code();
    const TimeZone* zone = &sources->zone;
    store::Store* store = &sources->store;
    auto open = store::open_named_visits(store->database());
    if (!open)
        return fail(exit_failure, "cannot read the visits: " + open.error().message);

    const app::KioskConfig& config = *kiosk.config();
    const VisitLabels labels(config);
    const UnixSeconds now = SystemClock().now();
    const CivilDate today = zone->to_local(now).date;
    csv::Writer writer(separator_of(options));
    writer.add_row({csv::text("name"), csv::text("group"), csv::text("since")});
    std::size_t rows = 0;
    for (const store::OpenVisitRow& visit : open.value()) {
        // A visit the kiosk would already have closed (it was off at closing time) is
        // no one in the building.
        if (automatic_sign_out_at(visit.signed_in_at, config.closing_time, *zone) <= now)
            continue;
        writer.add_row({csv::text(visit.name), csv::text(labels.group(visit.group_id)),
                        csv::text(local_time_on(*zone, today, visit.signed_in_at))});
        ++rows;
    }
    return finish(options, writer, rows, "people");
}

} // namespace

void add_export_visits_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen)
{
    auto options = std::make_shared<PeriodOptions>();
    auto* command = group.add_subcommand(
        "export-visits", "CSV of the sign-ins and anonymous counts of a period, in local time");
    add_period_options(command, *options);
    when_chosen(command, chosen, [&kiosk, options] { return export_visits(kiosk, *options); });
}

void add_export_attendance_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen)
{
    auto options = std::make_shared<PeriodOptions>();
    auto* command = group.add_subcommand(
        "export-attendance", "CSV of the registrations and attendance of each activity of a period");
    add_period_options(command, *options);
    when_chosen(command, chosen, [&kiosk, options] { return export_attendance(kiosk, *options); });
}

void add_present_command(CLI::App& group, KioskContext& kiosk, CommandRun& chosen)
{
    auto options = std::make_shared<CsvOptions>();
    auto* command =
        group.add_subcommand("present", "CSV of who is signed in now (name, group, since): the evacuation list");
    add_csv_options(command, *options);
    when_chosen(command, chosen, [&kiosk, options] { return present(kiosk, *options); });
}

} // namespace olohuone::ctl
