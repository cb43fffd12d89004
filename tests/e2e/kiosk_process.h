#pragma once
// The real olohuone-kiosk program as a child process: SDL's offscreen video driver, a
// state folder of the test's own, commands written to its standard input (--automation)
// and the screens it announces read from its standard output.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace olohuone::testing {

class KioskProcess {
public:
    // `extra_arguments` follow the usual ones (e.g. "--at", "2026-11-24T10:15").
    KioskProcess(const std::string& state_dir, const std::string& config_path,
                 std::vector<std::string> extra_arguments = {});
    KioskProcess(const KioskProcess&) = delete;
    KioskProcess& operator=(const KioskProcess&) = delete;
    ~KioskProcess();

    // Sends one automation command ("tap visit/sign_in").
    void send(const std::string& command);
    // Reads announcements until `screen` is shown (among those announced from the
    // `from`th on); false on a timeout or the end of output.
    bool wait_for_screen(const std::string& screen, std::chrono::milliseconds timeout, std::size_t from = 0);
    // The texts on screen now, " | " between them; none on a timeout.
    std::optional<std::string> say(std::chrono::milliseconds timeout);
    // Kills the process at once (SIGKILL), then reads what it had written before it died.
    void kill_now();
    // Asks it to stop (SIGTERM, as systemd does) and waits up to `patience`; its exit
    // status, or -1 when it had to be killed.
    int stop(std::chrono::milliseconds patience);
    // Every screen announced so far, in order.
    const std::vector<std::string>& screens() const { return m_screens; }
    bool saw_screen(const std::string& screen) const;
    // The automation's complaints ("error no target …"), in order.
    const std::vector<std::string>& errors() const { return m_errors; }

private:
    // Reads what is available within `timeout`; false at the end of output.
    bool read_some(std::chrono::milliseconds timeout);
    void take_lines();

    pid_t m_pid = -1;
    int m_stdin = -1;
    int m_stdout = -1;
    std::string m_pending;
    std::vector<std::string> m_screens;
    std::vector<std::string> m_said;
    std::vector<std::string> m_errors;
    bool m_reaped = false;
};

} // namespace olohuone::testing
