#include "secret_input.h"

#include <csignal>
#include <cstdio>
#include <optional>

#include <termios.h>
#include <unistd.h>

namespace olohuone::ctl {
namespace {

// The terminal's settings while echo is off, for the signal handler to put back: a
// Ctrl+C at the prompt must not leave the terminal without echo.
termios saved_terminal{};
volatile std::sig_atomic_t echo_is_off = 0;

void restore_and_stop(int signal_number)
{
    if (echo_is_off)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_terminal);
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

// The terminal's echo off for as long as it lives.
class NoEcho {
public:
    NoEcho()
    {
        if (::tcgetattr(STDIN_FILENO, &saved_terminal) != 0)
            return;
        termios quiet = saved_terminal;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        quiet.c_lflag |= ECHONL;
        for (const int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
            std::signal(signal_number, restore_and_stop);
        echo_is_off = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;
    ~NoEcho()
    {
        if (echo_is_off)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_terminal);
        echo_is_off = 0;
        for (const int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
            std::signal(signal_number, SIG_DFL);
    }
};

Result<std::string> read_line(const SecretQuestion& question, const char* prompt)
{
    if (prompt != nullptr) {
        std::fputs(prompt, stderr);
        std::fflush(stderr);
    }
    std::string line;
    for (;;) {
        const int c = std::getchar();
        if (c == EOF && line.empty())
            return make_error(std::string("no ") + question.what
                              + " was given on standard input (type it when asked, or pipe one line)");
        if (c == EOF || c == '\n')
            break;
        if (line.size() >= question.max_bytes)
            return make_error(std::string("the ") + question.what + " line is longer than "
                              + std::to_string(question.max_bytes) + " bytes");
        line += static_cast<char>(c);
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace

Result<std::string> read_new_secret(const SecretQuestion& question)
{
    if (!::isatty(STDIN_FILENO))
        return read_line(question, nullptr);
    const NoEcho quiet;
    auto first = read_line(question, question.prompt);
    if (!first)
        return first;
    auto second = read_line(question, question.again);
    if (!second)
        return second;
    if (first.value() != second.value())
        return make_error(std::string("the two ") + question.what + "s typed differ; nothing was changed");
    return first;
}

} // namespace olohuone::ctl
