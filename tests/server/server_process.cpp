#include "server_process.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <regex>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/test_paths.h"

extern char** environ;

namespace olohuone::testing {

std::string run_admin(const std::string& config, const std::string& arguments)
{
    return run_admin_command(config, arguments).output;
}

namespace {

AdminRun run_to_completion(const std::string& command_line)
{
    const std::string command = command_line + " 2>&1";
    AdminRun run;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr)
        return run;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe))
        run.output += buffer;
    const int status = pclose(pipe);
    run.exit_code = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

} // namespace

AdminRun run_admin_command(const std::string& config, const std::string& arguments)
{
    return run_to_completion(std::string(olohuone::test::ctl_program()) + " server -c " + config + " " + arguments);
}

AdminRun run_server_to_exit(const std::string& config)
{
    return run_to_completion(std::string(olohuone::test::server_program()) + " -c " + config);
}

AdminRun check_server_config(const std::string& config)
{
    return run_to_completion(std::string(olohuone::test::server_program()) + " --check-config -c " + config);
}

ServerProcess::ServerProcess(const std::string& config, const std::string& log_file)
{
    int from_child[2];
    if (pipe(from_child) != 0) {
        ADD_FAILURE() << "pipe";
        return;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, from_child[0]);
    if (!log_file.empty())
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                         0644);
    std::string program = olohuone::test::server_program();
    std::string flag = "-c";
    std::string path = config;
    // Beside the configuration, which is in the test's own folder.
    m_clock_offset_file = config + ".clock-offset-ms";
    std::remove(m_clock_offset_file.c_str());
    std::string clock_flag = "--clock-offset-file";
    char* argv[] = {program.data(), flag.data(), path.data(), clock_flag.data(), m_clock_offset_file.data(), nullptr};
    const int spawned = posix_spawn(&m_pid, program.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(from_child[1]);
    if (spawned != 0) {
        ADD_FAILURE() << "cannot start " << program;
        m_pid = -1;
        close(from_child[0]);
        return;
    }
    // "listening on 127.0.0.1:PORT" and "pin sha256//…", within 10 s.
    std::string output;
    pollfd readable{from_child[0], POLLIN, 0};
    for (int waited = 0; waited < 100 && output.find("\npin ") == std::string::npos; ++waited) {
        if (poll(&readable, 1, 100) <= 0)
            continue;
        char buffer[256];
        const ssize_t got = read(from_child[0], buffer, sizeof buffer);
        if (got <= 0)
            break;
        output.append(buffer, static_cast<std::size_t>(got));
    }
    close(from_child[0]);
    std::smatch found;
    if (std::regex_search(output, found, std::regex(R"(listening on [^:\s]+:(\d+)\npin (\S+))"))) {
        m_port = std::stoi(found[1]);
        m_pin = found[2];
    } else {
        ADD_FAILURE() << "the server did not say where it listens: " << output;
    }
}

bool ServerProcess::running()
{
    int status = 0;
    return m_pid > 0 && waitpid(m_pid, &status, WNOHANG) == 0;
}

void ServerProcess::kill_now()
{
    if (m_pid <= 0)
        return;
    kill(m_pid, SIGKILL);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
}

void ServerProcess::advance_clock(std::chrono::milliseconds by)
{
    m_wall_offset += by;
    m_monotonic_offset += by;
    write_clock_offsets();
}

void ServerProcess::set_wall_clock(std::chrono::system_clock::time_point at)
{
    m_wall_offset = std::chrono::duration_cast<std::chrono::milliseconds>(at - std::chrono::system_clock::now());
    write_clock_offsets();
}

void ServerProcess::write_clock_offsets()
{
    // Written aside and renamed, so the server never reads half a number.
    const std::string written = m_clock_offset_file + ".new";
    {
        std::unique_ptr<FILE, decltype(&std::fclose)> file(std::fopen(written.c_str(), "w"), &std::fclose);
        ASSERT_TRUE(file) << written;
        std::fprintf(file.get(), "%lld %lld\n", static_cast<long long>(m_wall_offset.count()),
                     static_cast<long long>(m_monotonic_offset.count()));
    }
    ASSERT_EQ(std::rename(written.c_str(), m_clock_offset_file.c_str()), 0) << m_clock_offset_file;
}

ServerProcess::~ServerProcess() { stop(); }

std::chrono::milliseconds ServerProcess::stop()
{
    const auto started = std::chrono::steady_clock::now();
    const auto elapsed = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    };
    if (m_pid <= 0)
        return elapsed();
    const pid_t pid = m_pid;
    m_pid = -1;
    kill(pid, SIGTERM);
    int status = 0;
    for (int waited = 0; waited < 1000; ++waited) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            // A clean stop: also what shows a sanitizer's report in the server.
            EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
                << "the server did not stop cleanly: status " << status;
            return elapsed();
        }
        usleep(10'000);
    }
    ADD_FAILURE() << "the server did not stop within 10 s of SIGTERM";
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return elapsed();
}

std::string HttpAnswer::header(const std::string& name) const
{
    std::string value;
    std::size_t at = 0;
    while (at < headers.size()) {
        std::size_t end = headers.find('\n', at);
        if (end == std::string::npos)
            end = headers.size();
        const std::string line = headers.substr(at, end - at);
        at = end + 1;
        const auto colon = line.find(':');
        const auto same_letter = [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        };
        if (colon == std::string::npos || colon != name.size()
            || !std::equal(name.begin(), name.end(), line.begin(), same_letter))
            continue;
        value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        value.erase(value.find_last_not_of(" \r") + 1);
    }
    return value;
}

HttpAnswer send(const Request& request)
{
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    HttpAnswer answer;
    curl_slist* headers = nullptr;
    for (const std::string& header : request.headers)
        headers = curl_slist_append(headers, header.c_str());
    if (!request.token.empty())
        headers = curl_slist_append(headers, ("Authorization: Bearer " + request.token).c_str());
    headers = curl_slist_append(headers, "Content-Type: application/json");
    if (request.chunked)
        headers = curl_slist_append(headers, "Transfer-Encoding: chunked");
    curl_slist* resolve = request.resolve.empty() ? nullptr : curl_slist_append(nullptr, request.resolve.c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers, &curl_slist_free_all);
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> resolve_list(resolve, &curl_slist_free_all);

    curl_easy_setopt(curl.get(), CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, header_list.get());
    if (resolve_list)
        curl_easy_setopt(curl.get(), CURLOPT_RESOLVE, resolve_list.get());
    if (!request.ca.empty())
        curl_easy_setopt(curl.get(), CURLOPT_CAINFO, request.ca.c_str());
    if (!request.pin.empty())
        curl_easy_setopt(curl.get(), CURLOPT_PINNEDPUBLICKEY, request.pin.c_str());
    if (request.get) {
        curl_easy_setopt(curl.get(), CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(curl.get(), CURLOPT_POST, 1L);
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, request.body.c_str());
        if (!request.chunked)
            curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 20L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
        static_cast<std::string*>(out)->append(data, size * count);
        return size * count;
    });
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &answer.body);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
        static_cast<std::string*>(out)->append(data, size * count);
        return size * count;
    });
    curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &answer.headers);
    answer.transport = curl_easy_perform(curl.get());
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &answer.status);
    return answer;
}

} // namespace olohuone::testing
