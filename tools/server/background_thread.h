#pragma once
// A thread of the server's own (the feed poller, the name retention) that never takes
// SIGINT or SIGTERM: those are for the server's waiting thread, and a thread started with
// them unblocked could take one and end the process on the spot.
#include <csignal>
#include <functional>
#include <thread>

#include <pthread.h>

namespace olohuone::server {

// Starts `body` on a new thread with the stop signals blocked; a new thread inherits the
// mask of the one that starts it, so they are blocked just for the start.
inline std::thread start_background_thread(std::function<void()> body)
{
    sigset_t stop_signals;
    sigset_t previous;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
    std::thread thread(std::move(body));
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return thread;
}

} // namespace olohuone::server
