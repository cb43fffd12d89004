#include "ctl_process.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fstream>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/file_text.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

extern char** environ;

namespace olohuone::testing {
namespace {

std::vector<char*> argv_of(std::vector<std::string>& words)
{
    std::vector<char*> argv;
    for (std::string& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    return argv;
}

int exit_code_of(pid_t pid)
{
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs argv[0] with `environment` in `folder` (empty: this one) to completion,
// standard input from `input`, output and error kept apart.
CtlRun run_to_completion(std::vector<std::string> words, const std::string& input, const std::string& folder,
                         char* const* environment)
{
    const test::TempDir files;
    const std::string in_path = files.file("stdin");
    const std::string out_path = files.file("stdout");
    const std::string err_path = files.file("stderr");
    std::ofstream(in_path, std::ios::binary) << input;

    std::vector<char*> argv = argv_of(words);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, in_path.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (!folder.empty())
        posix_spawn_file_actions_addchdir_np(&actions, folder.c_str());
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environment);
    posix_spawn_file_actions_destroy(&actions);
    CtlRun run;
    if (spawned != 0) {
        ADD_FAILURE() << "cannot start " << argv[0];
        return run;
    }
    run.exit_code = exit_code_of(pid);
    run.out = olohuone::test::file_text(out_path);
    run.err = olohuone::test::file_text(err_path);
    return run;
}

} // namespace

CtlRun run_ctl(const std::vector<std::string>& arguments, const std::string& input)
{
    std::vector<std::string> words = {olohuone::test::ctl_program()};
    words.insert(words.end(), arguments.begin(), arguments.end());
    return run_to_completion(std::move(words), input, {}, environ);
}

CtlRun run_shell(const std::string& line, const std::string& folder, const std::vector<std::string>& environment,
                 const std::string& input)
{
    std::vector<std::string> variables = environment;
    std::vector<char*> envp = argv_of(variables);
    return run_to_completion({"/bin/sh", "-c", line}, input, folder, envp.data());
}

TerminalRun run_ctl_on_terminal(const std::vector<std::string>& arguments, const std::vector<std::string>& answers)
{
    TerminalRun run;
    const int terminal = posix_openpt(O_RDWR | O_NOCTTY);
    if (terminal < 0 || grantpt(terminal) != 0 || unlockpt(terminal) != 0) {
        ADD_FAILURE() << "no pseudo-terminal";
        return run;
    }
    const std::string device = ptsname(terminal);
    std::vector<std::string> words = {olohuone::test::ctl_program()};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv = argv_of(words);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO})
        posix_spawn_file_actions_addopen(&actions, fd, device.c_str(), O_RDWR | O_NOCTTY, 0);
    posix_spawn_file_actions_addclose(&actions, terminal);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        close(terminal);
        ADD_FAILURE() << "cannot start " << argv[0];
        return run;
    }
    // Answer each prompt as it appears; give up after 20 s.
    std::size_t answered = 0;
    std::size_t prompts_seen = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd readable{terminal, POLLIN, 0};
        if (poll(&readable, 1, 100) > 0) {
            char buffer[256];
            const ssize_t got = read(terminal, buffer, sizeof buffer);
            if (got <= 0) {
                // The child closed the terminal: it has ended, or is about to.
                run.exit_code = exit_code_of(pid);
                pid = -1;
                break;
            }
            run.screen.append(buffer, static_cast<std::size_t>(got));
        }
        std::size_t prompts = 0;
        for (std::size_t at = run.screen.find(": "); at != std::string::npos; at = run.screen.find(": ", at + 2))
            ++prompts;
        if (prompts > prompts_seen && answered < answers.size() && run.screen.ends_with(": ")) {
            prompts_seen = prompts;
            const std::string typed = answers[answered++] + "\n";
            EXPECT_EQ(write(terminal, typed.data(), typed.size()), static_cast<ssize_t>(typed.size()));
        }
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            pid = -1;
            // Whatever it wrote last is still in the terminal.
            char buffer[256];
            ssize_t got = 0;
            while (poll(&readable, 1, 50) > 0 && (got = read(terminal, buffer, sizeof buffer)) > 0)
                run.screen.append(buffer, static_cast<std::size_t>(got));
            break;
        }
    }
    close(terminal);
    if (pid > 0) {
        ADD_FAILURE() << "olohuonectl did not finish on the terminal: " << run.screen;
        kill(pid, SIGKILL);
        run.exit_code = exit_code_of(pid);
    }
    return run;
}

} // namespace olohuone::testing
