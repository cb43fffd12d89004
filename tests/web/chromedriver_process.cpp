#include "chromedriver_process.h"

#include <curl/curl.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <memory>
#include <thread>

#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace olohuone::testing {
namespace {

// A port no one listens on right now (the kernel's choice for a socket bound to 0).
int free_port()
{
    const int probe = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0
        && getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    close(probe);
    return port;
}

bool answers_ready(const std::string& url)
{
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    std::string body;
    const std::string status = url + "/status";
    curl_easy_setopt(curl.get(), CURLOPT_URL, status.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 2L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(
        curl.get(), CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
            static_cast<std::string*>(out)->append(data, size * count);
            return size * count;
        });
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
    return curl_easy_perform(curl.get()) == CURLE_OK && body.find("\"ready\":true") != std::string::npos;
}

} // namespace

bool chromedriver_installed() { return std::system("command -v chromedriver >/dev/null 2>&1") == 0; }

ChromeDriverProcess::ChromeDriverProcess()
{
    const int port = free_port();
    if (port == 0)
        return;
    m_url = "http://127.0.0.1:" + std::to_string(port);
    std::string program = "chromedriver";
    std::string port_flag = "--port=" + std::to_string(port);
    std::string quiet = "--log-level=WARNING";
    char* argv[] = {program.data(), port_flag.data(), quiet.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    const int spawned = posix_spawnp(&m_pid, program.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        m_pid = -1;
        return;
    }
    for (int waited = 0; waited < 200 && !m_ready; ++waited) {
        m_ready = answers_ready(m_url);
        if (!m_ready)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

ChromeDriverProcess::~ChromeDriverProcess()
{
    if (m_pid <= 0)
        return;
    kill(m_pid, SIGTERM);
    int status = 0;
    for (int waited = 0; waited < 500; ++waited) {
        if (waitpid(m_pid, &status, WNOHANG) == m_pid)
            return;
        usleep(10'000);
    }
    kill(m_pid, SIGKILL);
    waitpid(m_pid, &status, 0);
}

} // namespace olohuone::testing
