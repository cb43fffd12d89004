#pragma once
// Debian's chromedriver in a child process on a free port of 127.0.0.1: started by the
// constructor (which waits until it says it is ready), stopped by the destructor.
#include <string>

#include <sys/types.h>

namespace olohuone::testing {

class ChromeDriverProcess {
public:
    ChromeDriverProcess();
    ChromeDriverProcess(const ChromeDriverProcess&) = delete;
    ChromeDriverProcess& operator=(const ChromeDriverProcess&) = delete;
    ~ChromeDriverProcess();

    bool ready() const { return m_ready; }
    // http://127.0.0.1:PORT
    const std::string& url() const { return m_url; }

private:
    pid_t m_pid = -1;
    std::string m_url;
    bool m_ready = false;
};

// Whether the WebDriver program is installed (tools/dev/install-deps test).
bool chromedriver_installed();

} // namespace olohuone::testing
