#pragma once
// What the server benchmarks share: a scratch folder, a certificate authority made with
// the openssl command, the server's admin commands, and the figures a run reports.
// A benchmark that cannot do what it measures stops with a message (exit code 1): a
// figure from a run that uploaded nothing must never be printed.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace olohuone::bench {

[[noreturn]] void fail(const std::string& message);

// Child processes fail() stops (SIGKILL) before it exits, so that no server outlives a
// failed run.
void stop_on_failure(int pid);
void forget_on_failure(int pid);

// A fresh folder under $TMPDIR (or /tmp), removed with everything in it on destruction
// unless OLOHUONE_BENCH_KEEP is set in the environment.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& prefix);
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

// A certificate authority and a certificate for 127.0.0.1 it signed (P-256), made in
// `dir` with the openssl command, as a site's own authority would be.
struct Certificates {
    std::string ca;
    std::string certificate;
    std::string private_key;
};
Certificates make_certificates(const std::string& dir);

// The number after `label ` in an admin command's output ("site 3", "token …").
std::string value_after(const std::string& output, const std::string& label);

// Wall-clock seconds on the monotonic clock.
double seconds_now();

// The q-quantile (0 < q <= 1) of `values` by nearest rank: p99 of 2000 latencies is the
// 1980th smallest. `values` need not be sorted; none: 0.
double quantile(std::vector<double> values, double q);
// The middle value, or the mean of the two middle ones.
double median(std::vector<double> values);

// Seconds of CPU (user + system) the process `pid` has used so far.
double process_cpu_seconds(int pid);
// The most resident memory the process `pid` has had (VmHWM), in MiB.
double process_peak_rss_mib(int pid);

} // namespace olohuone::bench
