// How long a kiosk takes to deliver a backlog of records (10 000 sign-ins by default) to
// the real olohuone-server over real HTTPS on 127.0.0.1, with the real SyncEngine, at
// several batch sizes. Each run gets a fresh server state and a fresh copy of the
// kiosk's database; the timed part is one SyncEngine::run_once() (the whole outbox in
// batches, then the programme check and the first heartbeat, as a kiosk's pass does).
// A run counts only when the pass went through, the kiosk's outbox is empty and the
// server's database holds exactly the records sent; anything else stops the benchmark.
//
//   olohuone-sync-upload-bench [--records 10000] [--repetitions 5] [--batch-sizes 100,200,500]
//
// Markdown table on standard output, one line per run on standard error.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "bench_support.h"
#include "core/clock.h"
#include "kiosk_seed.h"
#include "local_server.h"
#include "store/outbox.h"
#include "store/store.h"
#include "sync/sync_engine.h"

namespace {

using namespace olohuone;
using namespace olohuone::bench;

constexpr UnixSeconds seed_time = 1795508100; // 2026-11-24 in the morning

struct Setup {
    const Certificates& certificates;
    std::string template_database;
    int records = 0;
};

// One upload of the whole backlog at `batch_size`; its wall time in seconds.
double upload_once(const Setup& setup, const std::filesystem::path& dir, int batch_size)
{
    std::filesystem::create_directories(dir);
    LocalServer server(dir.string(), setup.certificates, {});
    const std::string site = value_after(server.admin({"add-site", "--organisation", "Bench", "--site", "Olohuone"}),
                                         "site");
    const std::string token = value_after(server.admin({"add-kiosk", "--site", site, "--name", "olohuone"}), "token");
    const std::string kiosk_database = (dir / "kiosk.sqlite3").string();
    std::filesystem::copy_file(setup.template_database, kiosk_database);
    server.start();

    sync::SyncSettings settings;
    settings.server_url = server.url();
    settings.site = std::stoll(site);
    settings.token = token;
    settings.trust.ca_file = setup.certificates.ca;
    settings.batch_size = batch_size;
    settings.version = "0.1.0-bench";
    SystemClock clock;
    sync::SyncPass pass;
    double elapsed = 0;
    {
        sync::SyncEngine engine(settings, kiosk_database, clock,
                                [](const std::vector<CalendarFile>&) { return Result<void>(); }, nullptr);
        const double started = seconds_now();
        pass = engine.run_once();
        elapsed = seconds_now() - started;
    }
    if (!pass.ok())
        fail("the sync pass at batch size " + std::to_string(batch_size) + " failed: " + pass.problem
             + server.log_tail());
    if (pass.delivered != setup.records || pass.set_aside != 0)
        fail("the pass delivered " + std::to_string(pass.delivered) + " and set aside "
             + std::to_string(pass.set_aside) + " of " + std::to_string(setup.records) + " records");
    const std::int64_t on_server = server.query("SELECT count(*) FROM record");
    if (on_server != setup.records)
        fail("the server's database holds " + std::to_string(on_server) + " records, not "
             + std::to_string(setup.records));
    server.stop();
    auto kiosk = store::Store::open(kiosk_database);
    if (!kiosk)
        fail(kiosk.error().message);
    auto waiting = store::outbox_waiting(kiosk->database());
    if (!waiting || waiting.value() != 0)
        fail("records are still waiting in the kiosk's outbox after the pass");
    return elapsed;
}

std::vector<int> parse_sizes(const std::string& text)
{
    std::vector<int> sizes;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t comma = std::min(text.find(',', at), text.size());
        const int size = std::stoi(text.substr(at, comma - at));
        if (size < 1 || size > 500)
            fail("a batch size must be 1 to 500 (the server's default max_records_per_batch)");
        sizes.push_back(size);
        at = comma + 1;
    }
    return sizes;
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App cli("Times the kiosk's upload of a backlog of records to a local olohuone-server");
    int records = 10'000;
    int repetitions = 5;
    int warmups = 1;
    std::string sizes_text = "100,200,500";
    cli.add_option("--records", records, "sign-ins waiting on the kiosk")->check(CLI::Range(1, 1'000'000));
    cli.add_option("--repetitions", repetitions, "measured runs per batch size")->check(CLI::Range(1, 100));
    cli.add_option("--warmups", warmups, "unrecorded runs first (at the first batch size)")->check(CLI::Range(0, 10));
    cli.add_option("--batch-sizes", sizes_text, "comma-separated batch sizes");
    CLI11_PARSE(cli, argc, argv);
    const std::vector<int> sizes = parse_sizes(sizes_text);

    sync::start_http();
    ScratchDir scratch("olohuone-sync-bench");
    const Certificates certificates = make_certificates(scratch.path().string());
    Setup setup{certificates, scratch.file("kiosk-template.sqlite3"), records};
    const double seeding = seconds_now();
    seed_sign_ins(setup.template_database, records, seed_time);
    if (std::filesystem::exists(setup.template_database + "-wal")
        && std::filesystem::file_size(setup.template_database + "-wal") > 0)
        fail("the seeded database was not checkpointed");
    std::cerr << "seeded " << records << " sign-ins in " << seconds_now() - seeding << " s\n";

    int run = 0;
    const auto upload_in_fresh_dir = [&](int size) {
        const auto dir = scratch.path() / ("run-" + std::to_string(run++));
        const double seconds = upload_once(setup, dir, size);
        std::filesystem::remove_all(dir);
        return seconds;
    };
    for (int i = 0; i < warmups; ++i)
        std::cerr << "warm-up batch_size=" << sizes.front() << " " << upload_in_fresh_dir(sizes.front()) << " s\n";
    std::map<int, std::vector<double>> times;
    for (int repetition = 0; repetition < repetitions; ++repetition) {
        // Batch sizes in turn, starting one further each repetition, so that none is
        // always first (or always after the same one) on a noisy machine.
        for (std::size_t k = 0; k < sizes.size(); ++k) {
            const int size = sizes[(k + static_cast<std::size_t>(repetition)) % sizes.size()];
            const double seconds = upload_in_fresh_dir(size);
            times[size].push_back(seconds);
            std::cerr << "repetition " << repetition + 1 << " batch_size=" << size << " " << seconds << " s ("
                      << static_cast<int>(records / seconds) << " records/s)\n";
        }
    }

    const double reference = times.count(200) ? median(times[200]) : 0;
    std::printf("%d records, %d runs per batch size, medians [min–max]\n\n", records, repetitions);
    std::printf("| batch size | record requests | upload s | records/s | time vs. batch 200 |\n");
    std::printf("| --- | --- | --- | --- | --- |\n");
    for (const int size : sizes) {
        const std::vector<double>& runs = times[size];
        const double middle = median(runs);
        const auto [low, high] = std::minmax_element(runs.begin(), runs.end());
        char ratio[16] = "—";
        if (reference > 0)
            std::snprintf(ratio, sizeof ratio, "%.2f", middle / reference);
        std::printf("| %d | %d | %.2f [%.2f–%.2f] | %.0f | %s |\n", size, (records + size - 1) / size, middle, *low,
                    *high, records / middle, ratio);
    }
    return 0;
}
