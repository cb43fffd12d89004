#include "webdriver_session.h"

#include <curl/curl.h>
#include <sodium.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <thread>

namespace olohuone::testing {
namespace {

// The key W3C WebDriver names an element reference by.
constexpr const char* element_key = "element-6066-11e4-a52e-4f735466cecf";

struct Answer {
    long status = 0;
    nlohmann::json body;
};

Answer http(const std::string& method, const std::string& url, const nlohmann::json& body)
{
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(
        curl_slist_append(nullptr, "Content-Type: application/json; charset=utf-8"), &curl_slist_free_all);
    std::string received;
    const std::string sent = body.is_null() ? std::string() : body.dump();
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    if (method == "POST") {
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, sent.c_str());
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(sent.size()));
    }
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(
        curl.get(), CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
            static_cast<std::string*>(out)->append(data, size * count);
            return size * count;
        });
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &received);
    Answer answer;
    if (curl_easy_perform(curl.get()) != CURLE_OK)
        return answer;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &answer.status);
    answer.body = nlohmann::json::parse(received, nullptr, false);
    return answer;
}

// Chromium takes the key's pin without the "sha256//" libcurl writes before it.
std::string spki_list(const std::string& pin)
{
    const std::string prefix = "sha256//";
    return pin.starts_with(prefix) ? pin.substr(prefix.size()) : pin;
}

} // namespace

WebDriverSession::WebDriverSession(std::string driver_url, const BrowserOptions& options)
    : m_driver(std::move(driver_url))
{
    nlohmann::json arguments = {
        "--headless=new",
        // Its own profile: required for the pin below to be honoured, and nothing is
        // shared with any other browser on the machine.
        "--user-data-dir=" + options.user_data_dir,
        // Trusts the test server's own key only; every other certificate is checked as
        // always (this is no blanket "ignore certificate errors").
        "--ignore-certificate-errors-spki-list=" + spki_list(options.trusted_spki_pin),
        "--lang=fi",
        "--no-first-run",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
    };
    // Chromium's sandbox refuses to start as root (a container, a CI runner): only
    // there is it switched off; as any other user the browser runs sandboxed.
    if (geteuid() == 0)
        arguments.push_back("--no-sandbox");
    const nlohmann::json capabilities = {
        {"capabilities",
         {{"alwaysMatch",
           {{"browserName", "chrome"},
            {"acceptInsecureCerts", false},
            {"goog:chromeOptions", {{"binary", "/usr/bin/chromium"}, {"args", arguments}}}}}}}};
    const Answer answer = http("POST", m_driver + "/session", capabilities);
    if (answer.status == 200 && answer.body.contains("value") && answer.body["value"].contains("sessionId"))
        m_session = answer.body["value"]["sessionId"].get<std::string>();
    else
        m_error = answer.body.is_discarded() ? "no answer from chromedriver" : answer.body.dump();
    if (!m_session.empty())
        command("POST", "/timeouts", {{"implicit", 5000}, {"pageLoad", 60000}});
}

WebDriverSession::~WebDriverSession()
{
    if (!m_session.empty())
        http("DELETE", m_driver + "/session/" + m_session, nullptr);
}

nlohmann::json WebDriverSession::command(const std::string& method, const std::string& path, const nlohmann::json& body)
{
    m_error.clear();
    if (m_session.empty())
        return nullptr;
    const Answer answer = http(method, m_driver + "/session/" + m_session + path,
                               method == "POST" && body.is_null() ? nlohmann::json::object() : body);
    if (answer.status != 200) {
        m_error = method + " " + path + ": " + (answer.body.is_discarded() ? "no answer" : answer.body.dump());
        return nullptr;
    }
    return answer.body.value("value", nlohmann::json());
}

nlohmann::json WebDriverSession::devtools(const std::string& cmd, const nlohmann::json& params)
{
    return command("POST", "/goog/cdp/execute", {{"cmd", cmd}, {"params", params}});
}

void WebDriverSession::go_to(const std::string& url) { command("POST", "/url", {{"url", url}}); }

std::string WebDriverSession::current_url()
{
    const auto url = command("GET", "/url");
    return url.is_string() ? url.get<std::string>() : std::string();
}

std::string WebDriverSession::find(const std::string& css_selector)
{
    const auto found = command("POST", "/element", {{"using", "css selector"}, {"value", css_selector}});
    return found.is_object() && found.contains(element_key) ? found[element_key].get<std::string>() : std::string();
}

std::vector<std::string> WebDriverSession::find_all(const std::string& css_selector)
{
    std::vector<std::string> elements;
    const auto found = command("POST", "/elements", {{"using", "css selector"}, {"value", css_selector}});
    if (found.is_array())
        for (const auto& element : found)
            if (element.contains(element_key))
                elements.push_back(element[element_key].get<std::string>());
    return elements;
}

bool WebDriverSession::click(const std::string& element)
{
    return !element.empty() && !command("POST", "/element/" + element + "/click").is_discarded() && m_error.empty();
}

bool WebDriverSession::click_to_new_page(const std::string& element)
{
    const std::string before = find("html");
    if (!click(element))
        return false;
    // The old document's element goes stale once the next one is there.
    for (int waited = 0; waited < 200; ++waited) {
        const std::string now = find("html");
        if (!now.empty() && now != before && !page_text().empty())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    m_error = "no new page within 20 s of the click";
    return false;
}

bool WebDriverSession::type(const std::string& element, const std::string& text)
{
    return !element.empty() && (command("POST", "/element/" + element + "/value", {{"text", text}}), m_error.empty());
}

bool WebDriverSession::clear(const std::string& element)
{
    return !element.empty()
        && (command("POST", "/element/" + element + "/clear", nlohmann::json::object()), m_error.empty());
}

std::string WebDriverSession::text(const std::string& element)
{
    const auto text = command("GET", "/element/" + element + "/text");
    return text.is_string() ? text.get<std::string>() : std::string();
}

std::string WebDriverSession::page_text()
{
    const std::string body = find("body");
    return body.empty() ? std::string() : text(body);
}

bool WebDriverSession::allow_downloads(const std::string& directory)
{
    devtools("Browser.setDownloadBehavior", {{"behavior", "allow"}, {"downloadPath", directory}});
    return m_error.empty();
}

void WebDriverSession::emulate_screen(int width, int height, bool mobile)
{
    devtools("Emulation.setDeviceMetricsOverride",
             {{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", mobile}});
}

int WebDriverSession::content_width()
{
    const auto metrics = devtools("Page.getLayoutMetrics", nlohmann::json::object());
    if (!metrics.is_object() || !metrics.contains("cssContentSize"))
        return -1;
    return static_cast<int>(metrics["cssContentSize"].value("width", -1.0));
}

bool WebDriverSession::save_screenshot(const std::string& path)
{
    const auto metrics = devtools("Page.getLayoutMetrics", nlohmann::json::object());
    if (!metrics.is_object() || !metrics.contains("cssContentSize") || !metrics.contains("cssLayoutViewport"))
        return false;
    const double width = metrics["cssLayoutViewport"].value("clientWidth", 0.0);
    const double height = metrics["cssContentSize"].value("height", 0.0);
    const auto shot = devtools("Page.captureScreenshot",
                               {{"format", "png"},
                                {"captureBeyondViewport", true},
                                {"clip", {{"x", 0}, {"y", 0}, {"width", width}, {"height", height}, {"scale", 1}}}});
    if (!shot.is_object() || !shot.contains("data"))
        return false;
    const std::string base64 = shot["data"].get<std::string>();
    std::string png(base64.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(png.data()), png.size(), base64.data(), base64.size(),
                          nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL)
        != 0)
        return false;
    png.resize(length);
    std::ofstream(path, std::ios::binary) << png;
    return true;
}

} // namespace olohuone::testing
