#include "sync/wakeup.h"

#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>

namespace olohuone::sync {

Wakeup::Wakeup()
{
    m_event_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    m_netlink_fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE);
    if (m_netlink_fd >= 0) {
        sockaddr_nl address{};
        address.nl_family = AF_NETLINK;
        address.nl_groups = RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR | RTMGRP_IPV4_ROUTE;
        if (bind(m_netlink_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            close(m_netlink_fd);
            m_netlink_fd = -1;
        }
    }
}

Wakeup::~Wakeup()
{
    if (m_event_fd >= 0)
        close(m_event_fd);
    if (m_netlink_fd >= 0)
        close(m_netlink_fd);
}

void Wakeup::nudge()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = write(m_event_fd, &one, sizeof one);
}

Wakeup::Reason Wakeup::wait(std::chrono::milliseconds timeout)
{
    pollfd fds[2] = {{m_event_fd, POLLIN, 0}, {m_netlink_fd, POLLIN, 0}};
    const int count = m_netlink_fd >= 0 ? 2 : 1;
    const int ready = poll(fds, count, static_cast<int>(timeout.count()));
    if (ready <= 0)
        return Reason::TimeUp;
    if (fds[0].revents & POLLIN) {
        std::uint64_t value = 0;
        [[maybe_unused]] const auto read_back = read(m_event_fd, &value, sizeof value);
        return Reason::Nudged;
    }
    // Drain the burst of messages one change brings; what they say does not matter.
    char buffer[8192];
    while (recv(m_netlink_fd, buffer, sizeof buffer, 0) > 0) {
    }
    return Reason::NetworkChanged;
}

} // namespace olohuone::sync
