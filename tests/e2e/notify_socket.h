#pragma once
// The socket systemd gives a Type=notify service (NOTIFY_SOCKET), made by the test: a
// program started while it is announced sends its READY=1, WATCHDOG=1 and STOPPING=1
// here, as it would to systemd.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace olohuone::testing {

class NotifySocket {
public:
    // Announced in the environment (inherited by programs started from now on) with a
    // watchdog of `watchdog_ms`, or none.
    explicit NotifySocket(long watchdog_ms = 0)
    {
        std::random_device random;
        // Short: a socket's path must fit in 108 bytes.
        m_path = "/tmp/olohuone-notify-" + std::to_string(::getpid()) + "-" + std::to_string(random()) + ".sock";
        m_socket = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        m_path.copy(address.sun_path, sizeof(address.sun_path) - 1);
        if (m_socket < 0 || ::bind(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0)
            ADD_FAILURE() << "cannot make the notify socket " << m_path;
        ::setenv("NOTIFY_SOCKET", m_path.c_str(), 1);
        if (watchdog_ms > 0)
            ::setenv("WATCHDOG_USEC", std::to_string(watchdog_ms * 1000).c_str(), 1);
    }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;
    ~NotifySocket()
    {
        ::unsetenv("NOTIFY_SOCKET");
        ::unsetenv("WATCHDOG_USEC");
        if (m_socket >= 0)
            ::close(m_socket);
        ::unlink(m_path.c_str());
    }

    // Every message received within `wait`, in order.
    std::vector<std::string> receive_for(std::chrono::milliseconds wait)
    {
        std::vector<std::string> messages;
        const auto until = std::chrono::steady_clock::now() + wait;
        for (auto now = std::chrono::steady_clock::now(); now < until; now = std::chrono::steady_clock::now()) {
            pollfd ready{m_socket, POLLIN, 0};
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count();
            if (::poll(&ready, 1, static_cast<int>(left)) <= 0)
                continue;
            char buffer[512];
            const ssize_t got = ::recv(m_socket, buffer, sizeof buffer, 0);
            if (got > 0)
                messages.emplace_back(buffer, static_cast<std::size_t>(got));
        }
        return messages;
    }

private:
    std::string m_path;
    int m_socket = -1;
};

inline int count_of(const std::vector<std::string>& messages, const std::string& message)
{
    int count = 0;
    for (const std::string& received : messages)
        count += received == message ? 1 : 0;
    return count;
}

} // namespace olohuone::testing
