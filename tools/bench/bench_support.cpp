#include "bench_support.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace olohuone::bench {
namespace {

std::mutex children_mutex;
std::vector<int> children;

void openssl(const std::string& arguments)
{
    const std::string command = "openssl " + arguments + " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0)
        fail("the openssl command failed: " + command);
}

} // namespace

void fail(const std::string& message)
{
    std::cerr << "benchmark failed: " << message << std::endl;
    {
        const std::lock_guard lock(children_mutex);
        for (const int pid : children) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
        children.clear();
    }
    std::exit(1);
}

void stop_on_failure(int pid)
{
    const std::lock_guard lock(children_mutex);
    children.push_back(pid);
}

void forget_on_failure(int pid)
{
    const std::lock_guard lock(children_mutex);
    std::erase(children, pid);
}

ScratchDir::ScratchDir(const std::string& prefix)
{
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/" + prefix + "-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr)
        fail("cannot make a scratch folder " + pattern);
    m_path = pattern;
}

ScratchDir::~ScratchDir()
{
    if (std::getenv("OLOHUONE_BENCH_KEEP") != nullptr) {
        std::cerr << "kept " << m_path.string() << "\n";
        return;
    }
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

Certificates make_certificates(const std::string& dir)
{
    Certificates made{dir + "/ca.pem", dir + "/server.pem", dir + "/server-key.pem"};
    openssl("req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout " + dir + "/ca-key.pem -out "
            + made.ca + " -days 2 -subj /CN=olohuone-bench-ca -addext basicConstraints=critical,CA:TRUE");
    openssl("req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout " + made.private_key + " -out " + dir
            + "/server.csr -subj /CN=olohuone-bench-server");
    std::ofstream(dir + "/ext.cnf") << "subjectAltName=IP:127.0.0.1\n";
    openssl("x509 -req -in " + dir + "/server.csr -CA " + made.ca + " -CAkey " + dir + "/ca-key.pem -CAcreateserial -out "
            + made.certificate + " -days 2 -extfile " + dir + "/ext.cnf");
    return made;
}

std::string value_after(const std::string& output, const std::string& label)
{
    const auto at = output.find(label + " ");
    if (at == std::string::npos || (at > 0 && output[at - 1] != '\n'))
        fail("no \"" + label + "\" in the admin command's output: " + output);
    const auto start = at + label.size() + 1;
    return output.substr(start, output.find('\n', start) - start);
}

double seconds_now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double quantile(std::vector<double> values, double q)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

double process_cpu_seconds(int pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const auto after_name = text.rfind(')');
    if (after_name == std::string::npos)
        fail("cannot read /proc/" + std::to_string(pid) + "/stat");
    std::istringstream fields(text.substr(after_name + 2));
    std::string field;
    long long user = 0;
    long long system = 0;
    for (int number = 3; number <= 15 && fields >> field; ++number) {
        if (number == 14)
            user = std::stoll(field);
        else if (number == 15)
            system = std::stoll(field);
    }
    return static_cast<double>(user + system) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double process_peak_rss_mib(int pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);)
        if (line.starts_with("VmHWM:"))
            return std::stod(line.substr(6)) / 1024; // "VmHWM:     12345 kB"
    fail("no VmHWM in /proc/" + std::to_string(pid) + "/status");
}

} // namespace olohuone::bench
