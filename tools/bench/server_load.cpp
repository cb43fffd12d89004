// The real olohuone-server under many kiosks at once: N kiosks (200 by default, each
// with its own token from `add-kiosk`) deliver batches of new sign-ins over HTTPS on
// 127.0.0.1, each on a thread of its own with the kiosk's own HTTP client
// (sync::HttpClient: one libcurl handle, its connection kept alive, the kiosk's timeouts)
// and the kiosk's own batch JSON, made from real VisitLog sign-ins. Every request's
// latency is measured; every answer is read as the kiosk reads it. Afterwards the
// server's database must hold exactly the records the kiosks were told were stored.
//
//   olohuone-server-load [--kiosks 200] [--sites 20] [--batches 10] [--batch-size 20]
//                        [--threads 0,32,64] [--runs 3] [--interval S]
//
// --threads lists the [limits] threads settings to compare (0: the server's default);
// each run starts a server with a fresh copy of the same state (sites, kiosks, tokens),
// the settings taking turns. --interval 0 (the default) sends each kiosk's batches back
// to back, all kiosks starting together: the morning after a network outage.
// --interval S starts each kiosk at a random moment in the first S seconds and sends one
// batch every S seconds, as kiosks syncing on their timer do; the server's idle
// keep-alive wait then holds a request thread for 5 s after each.
//
// Markdown on standard output, progress on standard error. Exit code 1 when in any run
// the server's database does not hold every record a kiosk was told was stored (or holds
// more than were sent); 2 when that held but some requests failed (a timeout, an error
// answer, a refused record): the setting could not serve the load.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <latch>
#include <map>
#include <random>
#include <thread>

#include "bench_support.h"
#include "kiosk_seed.h"
#include "local_server.h"
#include "store/outbox.h"
#include "store/store.h"
#include "sync/http_client.h"
#include "sync/sync_messages.h"

namespace {

using namespace olohuone;
using namespace olohuone::bench;

constexpr UnixSeconds seed_time = 1795508100; // 2026-11-24 in the morning

struct Kiosk {
    std::string token;
    std::vector<std::vector<store::OutboxRecord>> batches;
    std::vector<std::string> bodies;
};

// What one kiosk saw.
struct KioskRun {
    std::vector<double> latencies; // seconds, one per request that was answered
    int stored = 0;                // records the server said it stored
    int failed = 0;                // requests with no usable answer, or a record refused
    std::string first_problem;
    double finished_at = 0;
};

struct LoadOptions {
    std::string url;
    std::string ca;
    sync::HttpLimits limits;
    double interval = 0;
};

// One run: all kiosks against one server.
struct RunFigures {
    std::vector<double> latencies;
    int requests = 0;
    int stored = 0;
    int failed = 0;
    std::int64_t on_server = 0;
    double wall = 0;
    double server_cpu = 0;
    double server_peak_rss_mib = 0;
};

void fail_request(KioskRun& run, const std::string& problem)
{
    if (run.failed++ == 0)
        run.first_problem = problem;
}

void run_kiosk(const Kiosk& kiosk, const LoadOptions& options, double start_offset, std::latch& go, double& started,
               KioskRun& run)
{
    const std::atomic<bool> stopping{false};
    sync::HttpClient client({options.ca, {}}, options.limits, kiosk.token, stopping);
    go.arrive_and_wait();
    for (std::size_t b = 0; b < kiosk.bodies.size(); ++b) {
        const double due = started + start_offset + static_cast<double>(b) * options.interval;
        if (const double wait = due - seconds_now(); wait > 0)
            std::this_thread::sleep_for(std::chrono::duration<double>(wait));
        const double sent = seconds_now();
        const auto response = client.send({sync::HttpRequest::Method::Post, options.url + "/v1/records",
                                           kiosk.bodies[b], std::string()});
        const double latency = seconds_now() - sent;
        if (!response) {
            fail_request(run, "no answer after " + std::to_string(latency) + " s: " + response.error().message);
            continue;
        }
        run.latencies.push_back(latency);
        if (response->status != 200) {
            fail_request(run, "HTTP " + std::to_string(response->status) + ": "
                                  + sync::error_message(response->body, response->status));
            continue;
        }
        auto outcomes = sync::read_batch_answer(response->body, kiosk.batches[b]);
        if (!outcomes) {
            fail_request(run, outcomes.error().message);
            continue;
        }
        for (const store::OutboxOutcome& outcome : outcomes.value()) {
            if (outcome.refused_reason)
                fail_request(run, "record refused: " + *outcome.refused_reason);
            else
                ++run.stored;
        }
    }
    run.finished_at = seconds_now();
}

// The seeded sign-ins as the kiosks' batches: kiosk k gets the k-th slice, in order.
std::vector<Kiosk> make_kiosks(const std::string& database_path, int kiosks, int batches, int batch_size)
{
    auto opened = store::Store::open(database_path);
    if (!opened)
        fail(opened.error().message);
    auto records = store::outbox_next(opened->database(), kiosks * batches * batch_size);
    if (!records || static_cast<int>(records->size()) != kiosks * batches * batch_size)
        fail("cannot read the seeded outbox");
    std::vector<Kiosk> made(static_cast<std::size_t>(kiosks));
    auto next = records->begin();
    for (Kiosk& kiosk : made) {
        for (int b = 0; b < batches; ++b) {
            kiosk.batches.emplace_back(next, next + batch_size);
            next += batch_size;
            kiosk.bodies.push_back(sync::batch_body(kiosk.batches.back()));
        }
    }
    return made;
}

RunFigures run_load(LocalServer& server, const std::vector<Kiosk>& kiosks, LoadOptions options, unsigned seed)
{
    server.start();
    options.url = server.url();
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> offset(0.0, options.interval);
    std::vector<KioskRun> runs(kiosks.size());
    std::latch go(static_cast<std::ptrdiff_t>(kiosks.size()) + 1);
    double started = 0;
    std::vector<std::thread> workers;
    for (std::size_t k = 0; k < kiosks.size(); ++k) {
        const double start_offset = options.interval > 0 ? offset(random) : 0.0;
        workers.emplace_back(run_kiosk, std::cref(kiosks[k]), std::cref(options), start_offset, std::ref(go),
                             std::ref(started), std::ref(runs[k]));
    }
    const double cpu_before = process_cpu_seconds(server.pid());
    started = seconds_now();
    go.arrive_and_wait(); // every client has made its handle; all start now
    for (std::thread& worker : workers)
        worker.join();

    RunFigures figures;
    double finished = started;
    int kiosks_with_problems = 0;
    for (std::size_t k = 0; k < kiosks.size(); ++k) {
        const KioskRun& run = runs[k];
        finished = std::max(finished, run.finished_at);
        figures.latencies.insert(figures.latencies.end(), run.latencies.begin(), run.latencies.end());
        figures.requests += static_cast<int>(kiosks[k].bodies.size());
        figures.stored += run.stored;
        figures.failed += run.failed;
        if (run.failed > 0 && kiosks_with_problems++ < 3)
            std::cerr << "  a kiosk's first problem: " << run.first_problem << "\n";
    }
    if (kiosks_with_problems > 0)
        std::cerr << "  " << kiosks_with_problems << " kiosks had problems\n";
    figures.server_cpu = process_cpu_seconds(server.pid()) - cpu_before;
    figures.server_peak_rss_mib = process_peak_rss_mib(server.pid());
    figures.wall = finished - started;
    figures.on_server = server.query("SELECT count(*) FROM record");
    server.stop();
    return figures;
}

std::vector<int> parse_threads(const std::string& text)
{
    std::vector<int> settings;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t comma = std::min(text.find(',', at), text.size());
        const int threads = std::stoi(text.substr(at, comma - at));
        if (threads != 0 && (threads < 2 || threads > 256))
            fail("--threads: each value must be 0 (the default) or 2 to 256, as [limits] threads");
        settings.push_back(threads);
        at = comma + 1;
    }
    return settings;
}

std::string threads_label(int threads) { return threads > 0 ? std::to_string(threads) : "8 (default)"; }

} // namespace

int main(int argc, char** argv)
{
    CLI::App cli("Many kiosks delivering records to a local olohuone-server at once");
    int kiosk_count = 200;
    int site_count = 20;
    int batches = 10;
    int batch_size = 20;
    int repetitions = 3;
    std::string threads_text = "0,32,64";
    LoadOptions options;
    cli.add_option("--kiosks", kiosk_count, "simulated kiosks, one thread and one connection each")
        ->check(CLI::Range(1, 2000));
    cli.add_option("--sites", site_count, "sites the kiosks are spread over")->check(CLI::Range(1, 2000));
    cli.add_option("--batches", batches, "batches each kiosk sends")->check(CLI::Range(1, 1000));
    cli.add_option("--batch-size", batch_size, "records per batch")->check(CLI::Range(1, 500));
    cli.add_option("--threads", threads_text, "comma-separated [limits] threads to compare; 0: the server's default");
    cli.add_option("--runs", repetitions, "runs per threads setting")->check(CLI::Range(1, 100));
    cli.add_option("--interval", options.interval, "seconds between a kiosk's batches; 0: back to back")
        ->check(CLI::Range(0.0, 3600.0));
    cli.add_option("--connect-timeout", options.limits.connect_timeout_seconds,
                   "the kiosk's connect timeout, TLS handshake included (s)");
    cli.add_option("--request-timeout", options.limits.request_timeout_seconds, "the kiosk's request timeout (s)");
    CLI11_PARSE(cli, argc, argv);
    const std::vector<int> thread_settings = parse_threads(threads_text);

    sync::start_http();
    ScratchDir scratch("olohuone-server-load");
    const Certificates certificates = make_certificates(scratch.path().string());
    options.ca = certificates.ca;

    // Sites, kiosks and tokens once, in a server state each run starts from a copy of.
    const double preparing = seconds_now();
    std::filesystem::create_directories(scratch.path() / "template");
    LocalServer template_server(scratch.file("template"), certificates, {});
    std::vector<std::string> sites;
    for (int s = 0; s < site_count; ++s)
        sites.push_back(value_after(template_server.admin({"add-site", "--organisation", "Bench", "--site",
                                                           "Palvelutalo " + std::to_string(s + 1)}),
                                    "site"));
    const std::string seeded = scratch.file("kiosks.sqlite3");
    seed_sign_ins(seeded, kiosk_count * batches * batch_size, seed_time);
    std::vector<Kiosk> kiosks = make_kiosks(seeded, kiosk_count, batches, batch_size);
    for (std::size_t k = 0; k < kiosks.size(); ++k)
        kiosks[k].token = value_after(template_server.admin({"add-kiosk", "--site", sites[k % sites.size()], "--name",
                                                             "kiosk " + std::to_string(k + 1)}),
                                      "token");
    std::cerr << "made " << site_count << " sites, " << kiosk_count << " kiosks and "
              << kiosk_count * batches * batch_size << " sign-ins in " << seconds_now() - preparing << " s\n";

    const int expected = kiosk_count * batches * batch_size;
    std::map<int, std::vector<RunFigures>> results;
    bool all_kept = true;
    bool all_good = true;
    int run = 0;
    for (int repetition = 0; repetition < repetitions; ++repetition) {
        // The settings take turns, starting one further each repetition.
        for (std::size_t k = 0; k < thread_settings.size(); ++k) {
            const int threads = thread_settings[(k + static_cast<std::size_t>(repetition)) % thread_settings.size()];
            const auto dir = scratch.path() / ("run-" + std::to_string(run++));
            std::filesystem::create_directories(dir);
            ServerOptions server_options;
            if (threads > 0)
                server_options.threads = threads;
            LocalServer server(dir.string(), certificates, server_options);
            server.copy_state_from(template_server);
            RunFigures figures = run_load(server, kiosks, options, 12345 + static_cast<unsigned>(run));
            // A request the kiosk gave up on may still have been stored: the kiosk sends it
            // again and the server knows it by key. So with failures the server may hold
            // more than the kiosks were told, never less, and never more than was sent.
            const bool kept = figures.on_server >= figures.stored && figures.on_server <= expected;
            const bool good = kept && figures.failed == 0 && figures.stored == expected && figures.on_server == expected;
            all_kept = all_kept && kept;
            all_good = all_good && good;
            std::fprintf(stderr,
                         "run %d threads=%s: %.1f s, %.0f requests/s, median %.0f ms, p99 %.0f ms, %d failed, "
                         "server holds %lld of %d%s\n",
                         repetition + 1, threads_label(threads).c_str(), figures.wall, figures.requests / figures.wall,
                         1000 * median(figures.latencies), 1000 * quantile(figures.latencies, 0.99), figures.failed,
                         static_cast<long long>(figures.on_server), expected, good ? "" : "  << FAILED");
            results[threads].push_back(std::move(figures));
            std::filesystem::remove_all(dir);
        }
    }

    std::printf("%d kiosks on %d sites, %d batches of %d sign-ins each (%d records per run), %s; %d runs per "
                "setting\n\n",
                kiosk_count, site_count, batches, batch_size, expected,
                options.interval > 0
                    ? ("one batch every " + std::to_string(static_cast<int>(options.interval)) + " s").c_str()
                    : "back to back, all starting together",
                repetitions);
    std::printf("| [limits] threads | requests/s | records/s | latency median ms | p90 ms | p99 ms | max ms "
                "| failed requests | server CPU s per run | server peak RSS MiB |\n");
    std::printf("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (const int threads : thread_settings) {
        const std::vector<RunFigures>& runs = results[threads];
        std::vector<double> requests_per_second;
        std::vector<double> records_per_second;
        std::vector<double> cpu;
        std::vector<double> rss;
        std::vector<double> latencies;
        int failed = 0;
        int requests = 0;
        for (const RunFigures& figures : runs) {
            requests_per_second.push_back(figures.requests / figures.wall);
            records_per_second.push_back(figures.stored / figures.wall);
            cpu.push_back(figures.server_cpu);
            rss.push_back(figures.server_peak_rss_mib);
            latencies.insert(latencies.end(), figures.latencies.begin(), figures.latencies.end());
            failed += figures.failed;
            requests += figures.requests;
        }
        const auto [low, high] = std::minmax_element(requests_per_second.begin(), requests_per_second.end());
        std::printf("| %s | %.0f [%.0f–%.0f] | %.0f | %.0f | %.0f | %.0f | %.0f | %d of %d | %.1f | %.0f |\n",
                    threads_label(threads).c_str(), median(requests_per_second), *low, *high,
                    median(records_per_second), 1000 * median(latencies), 1000 * quantile(latencies, 0.90),
                    1000 * quantile(latencies, 0.99), 1000 * quantile(latencies, 1.0), failed, requests, median(cpu),
                    median(rss));
    }
    std::printf("\nrequests/s: median [min–max] of the runs; records/s: records stored per second, median of the "
                "runs; latencies: every answered request of every run; server CPU and peak RSS: medians of the runs.\n");
    if (!all_kept) {
        std::fprintf(stderr, "benchmark failed: in some run the server's database did not hold the records the "
                             "kiosks were told were stored\n");
        return 1;
    }
    if (!all_good) {
        std::fprintf(stderr, "some requests failed: a setting could not serve this load (see the failed column)\n");
        return 2;
    }
    return 0;
}
