#pragma once
// A browser session through the W3C WebDriver HTTP API (libcurl, JSON): a headless
// Chromium that trusts one server certificate, found by its public key's pin, and
// nothing else it would not trust anyway. The session ends with the object.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace olohuone::testing {

struct BrowserOptions {
    std::string user_data_dir; // a directory of the test's own
    std::string trusted_spki_pin; // "sha256//<base64>": the test server's key
};

class WebDriverSession {
public:
    WebDriverSession(std::string driver_url, const BrowserOptions& options);
    WebDriverSession(const WebDriverSession&) = delete;
    WebDriverSession& operator=(const WebDriverSession&) = delete;
    ~WebDriverSession();

    bool started() const { return !m_session.empty(); }
    // Why the session could not start, or why the last command failed ("" if it did not).
    const std::string& last_error() const { return m_error; }

    void go_to(const std::string& url);
    std::string current_url();
    // The element's id, or "" when there is none (within the driver's implicit wait).
    std::string find(const std::string& css_selector);
    std::vector<std::string> find_all(const std::string& css_selector);
    // Whether the driver did it (last_error() says why not).
    bool click(const std::string& element);
    // Clicks something that loads another page (a link, a form's button) and waits, up to
    // 20 s, until the browser shows a new document.
    bool click_to_new_page(const std::string& element);
    bool type(const std::string& element, const std::string& text);
    // Empties a text field, as selecting its text and deleting it would.
    bool clear(const std::string& element);
    std::string text(const std::string& element);
    // The visible text of the whole page.
    std::string page_text();

    // Lets downloads (a link to a CSV file) land in `directory` under the name the
    // server gives them; headless Chromium refuses them otherwise.
    bool allow_downloads(const std::string& directory);

    // The viewport as a phone or a desktop screen: width and height in CSS pixels.
    void emulate_screen(int width, int height, bool mobile);
    // How wide the page's content is, in CSS pixels: wider than the screen means the
    // page scrolls sideways.
    int content_width();
    // The whole page, not just what the viewport shows, as a PNG file.
    bool save_screenshot(const std::string& path);

private:
    nlohmann::json command(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr);
    nlohmann::json devtools(const std::string& cmd, const nlohmann::json& params);

    std::string m_driver;
    std::string m_session;
    std::string m_error;
};

} // namespace olohuone::testing
