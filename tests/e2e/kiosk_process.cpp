#include "kiosk_process.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/test_paths.h"

extern char** environ;

namespace olohuone::testing {

KioskProcess::KioskProcess(const std::string& state_dir, const std::string& config_path,
                           std::vector<std::string> extra_arguments)
{
    int to_child[2];
    int from_child[2];
    if (pipe2(to_child, O_CLOEXEC) != 0 || pipe2(from_child, O_CLOEXEC) != 0) {
        ADD_FAILURE() << "pipe: " << std::strerror(errno);
        return;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

    std::vector<std::string> environment = {"SDL_VIDEODRIVER=offscreen", "SDL_AUDIODRIVER=dummy"};
    for (char** variable = environ; *variable != nullptr; ++variable)
        if (std::strncmp(*variable, "SDL_", 4) != 0)
            environment.emplace_back(*variable);
    std::vector<char*> envp;
    for (std::string& variable : environment)
        envp.push_back(variable.data());
    envp.push_back(nullptr);

    std::string program = olohuone::test::kiosk_program();
    std::vector<std::string> arguments = {program, "--config", config_path, "--state-dir", state_dir, "--automation"};
    arguments.insert(arguments.end(), extra_arguments.begin(), extra_arguments.end());
    std::vector<char*> argv;
    for (std::string& argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    const int spawned = posix_spawn(&m_pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(to_child[0]);
    close(from_child[1]);
    m_stdin = to_child[1];
    m_stdout = from_child[0];
    if (spawned != 0) {
        ADD_FAILURE() << "cannot start " << program << ": " << std::strerror(spawned);
        m_pid = -1;
    }
}

KioskProcess::~KioskProcess()
{
    if (m_pid > 0 && !m_reaped) {
        ::kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
    if (m_stdin >= 0)
        close(m_stdin);
    if (m_stdout >= 0)
        close(m_stdout);
}

void KioskProcess::send(const std::string& command)
{
    const std::string line = command + "\n";
    // A kiosk that died already makes this fail with EPIPE; the test notices by the
    // screens that never come.
    ssize_t written = ::write(m_stdin, line.data(), line.size());
    (void)written;
}

void KioskProcess::take_lines()
{
    std::size_t end;
    while ((end = m_pending.find('\n')) != std::string::npos) {
        const std::string line = m_pending.substr(0, end);
        m_pending.erase(0, end + 1);
        constexpr std::string_view prefix = "screen ";
        constexpr std::string_view says = "says ";
        if (line.starts_with(prefix))
            m_screens.push_back(line.substr(prefix.size()));
        else if (line.starts_with(says))
            m_said.push_back(line.substr(says.size()));
        else if (line.starts_with("error "))
            m_errors.push_back(line);
    }
}

std::optional<std::string> KioskProcess::say(std::chrono::milliseconds timeout)
{
    const std::size_t before = m_said.size();
    send("say");
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_said.size() == before) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !read_some(left))
            return std::nullopt;
    }
    return m_said[before];
}

bool KioskProcess::read_some(std::chrono::milliseconds timeout)
{
    pollfd poll_fd{m_stdout, POLLIN, 0};
    if (poll(&poll_fd, 1, static_cast<int>(timeout.count())) <= 0)
        return true;
    char buffer[4096];
    const ssize_t got = ::read(m_stdout, buffer, sizeof buffer);
    if (got <= 0)
        return false;
    m_pending.append(buffer, static_cast<std::size_t>(got));
    take_lines();
    return true;
}

bool KioskProcess::wait_for_screen(const std::string& screen, std::chrono::milliseconds timeout, std::size_t from)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t seen = from;
    for (;;) {
        for (; seen < m_screens.size(); ++seen)
            if (m_screens[seen] == screen)
                return true;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !read_some(left))
            return false;
    }
}

int KioskProcess::stop(std::chrono::milliseconds patience)
{
    if (m_pid <= 0 || m_reaped)
        return -1;
    ::kill(m_pid, SIGTERM);
    const auto until = std::chrono::steady_clock::now() + patience;
    while (std::chrono::steady_clock::now() < until) {
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_reaped = true;
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill_now();
    return -1;
}

void KioskProcess::kill_now()
{
    if (m_pid <= 0 || m_reaped)
        return;
    ::kill(m_pid, SIGKILL);
    waitpid(m_pid, nullptr, 0);
    m_reaped = true;
    // Whatever is still in the pipe was written before the process died; the write end
    // is closed now, so this reads to the end.
    char buffer[4096];
    ssize_t got;
    while ((got = ::read(m_stdout, buffer, sizeof buffer)) > 0)
        m_pending.append(buffer, static_cast<std::size_t>(got));
    take_lines();
}

bool KioskProcess::saw_screen(const std::string& screen) const
{
    return std::find(m_screens.begin(), m_screens.end(), screen) != m_screens.end();
}

} // namespace olohuone::testing
