#include "local_server.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/sqlite.h"

extern char** environ;

namespace olohuone::bench {
namespace {

// Starts `arguments` with its standard output on a pipe (returned) and its standard
// error to `error_file` (appended), or to the pipe as well when that is empty.
pid_t spawn(const std::vector<std::string>& arguments, const std::string& error_file, int& output)
{
    int pipe_ends[2];
    if (pipe(pipe_ends) != 0)
        fail("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
    if (error_file.empty())
        posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDERR_FILENO);
    else
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, error_file.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                         0644);
    posix_spawn_file_actions_addclose(&actions, pipe_ends[0]);
    std::vector<std::string> copies = arguments;
    std::vector<char*> argv;
    for (std::string& argument : copies)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_ends[1]);
    if (spawned != 0) {
        close(pipe_ends[0]);
        fail(std::string("cannot start ") + argv[0]);
    }
    output = pipe_ends[0];
    return pid;
}

// The server binary: the one built beside the benchmark, or OLOHUONE_BENCH_SERVER (to
// compare another build of the server with the same benchmark).
std::string server_binary()
{
    const char* other = std::getenv("OLOHUONE_BENCH_SERVER");
    return other != nullptr && *other != '\0' ? other : OLOHUONE_SERVER_BINARY;
}

} // namespace

LocalServer::LocalServer(const std::string& dir, const Certificates& certificates, const ServerOptions& options)
    : m_dir(dir), m_config(dir + "/server.toml")
{
    std::ofstream config(m_config);
    config << "[server]\nlisten_address = \"127.0.0.1\"\nport = 0\nstate_dir = \"" << state_dir() << "\"\n"
           << "[tls]\ncertificate = \"" << certificates.certificate << "\"\nprivate_key = \""
           << certificates.private_key << "\"\n";
    if (options.threads)
        config << "[limits]\nthreads = " << *options.threads << "\n";
    if (!config)
        fail("cannot write " + m_config);
}

LocalServer::~LocalServer() { stop(); }

std::string LocalServer::admin(const std::vector<std::string>& arguments) const
{
    std::vector<std::string> command = {OLOHUONE_CTL_BINARY, "server", "-c", m_config};
    command.insert(command.end(), arguments.begin(), arguments.end());
    int from_child = -1;
    const pid_t pid = spawn(command, {}, from_child);
    std::string output;
    char buffer[512];
    ssize_t got = 0;
    while ((got = read(from_child, buffer, sizeof buffer)) > 0 || (got < 0 && errno == EINTR))
        if (got > 0)
            output.append(buffer, static_cast<std::size_t>(got));
    close(from_child);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail("olohuonectl server " + (arguments.empty() ? std::string() : arguments.front()) + " failed: " + output);
    return output;
}

void LocalServer::copy_state_from(const LocalServer& other)
{
    if (m_pid > 0 || other.m_pid > 0)
        fail("a server's state is copied only while neither server runs");
    std::error_code error;
    std::filesystem::remove_all(state_dir(), error);
    std::filesystem::copy(other.state_dir(), state_dir(), std::filesystem::copy_options::recursive, error);
    if (error)
        fail("cannot copy " + other.state_dir() + ": " + error.message());
}

void LocalServer::start()
{
    if (m_pid > 0)
        return;
    int from_child = -1;
    m_pid = spawn({server_binary(), "-c", m_config}, m_dir + "/server.log", from_child);
    stop_on_failure(m_pid);
    // "listening on 127.0.0.1:PORT" and "pin sha256//…", within 10 s.
    std::string output;
    pollfd readable{from_child, POLLIN, 0};
    for (int waited = 0; waited < 100 && output.find("\npin ") == std::string::npos; ++waited) {
        if (poll(&readable, 1, 100) <= 0)
            continue;
        char buffer[256];
        const ssize_t got = read(from_child, buffer, sizeof buffer);
        if (got <= 0)
            break;
        output.append(buffer, static_cast<std::size_t>(got));
    }
    close(from_child);
    std::smatch found;
    if (!std::regex_search(output, found, std::regex(R"(listening on [^:\s]+:(\d+)\npin \S+)")))
        fail("the server did not say where it listens: " + output + log_tail());
    m_port = std::stoi(found[1]);
}

void LocalServer::stop()
{
    if (m_pid <= 0)
        return;
    const pid_t pid = m_pid;
    m_pid = -1;
    forget_on_failure(pid);
    kill(pid, SIGTERM);
    int status = 0;
    for (int waited = 0; waited < 3000; ++waited) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
                fail("the server did not stop cleanly" + log_tail());
            return;
        }
        usleep(10'000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    fail("the server did not stop within 30 s of SIGTERM" + log_tail());
}

std::int64_t LocalServer::query(const std::string& sql) const
{
    auto database = sql::Database::open(state_dir() + "/olohuone-server.sqlite3", sql::OpenMode::ReadOnly);
    if (!database)
        fail("cannot open the server's database: " + database.error().message);
    (void)database->execute_script("PRAGMA busy_timeout = 5000");
    auto value = database->query_int(sql);
    if (!value)
        fail(sql + ": " + value.error().message);
    return value.value();
}

std::string LocalServer::log_tail() const
{
    std::ifstream in(m_dir + "/server.log");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    std::ostringstream tail;
    tail << "\n-- the end of " << m_dir << "/server.log:\n";
    for (std::size_t i = lines.size() > 20 ? lines.size() - 20 : 0; i < lines.size(); ++i)
        tail << lines[i] << "\n";
    return tail.str();
}

} // namespace olohuone::bench
