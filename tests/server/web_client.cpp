#include "web_client.h"

#include <curl/curl.h>

#include <memory>
#include <regex>

namespace olohuone::testing {
namespace {

using Easy = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using List = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;
using Mime = std::unique_ptr<curl_mime, decltype(&curl_mime_free)>;

std::string url_encoded(CURL* curl, const std::vector<std::pair<std::string, std::string>>& fields)
{
    std::string body;
    for (const auto& [name, value] : fields) {
        char* encoded_name = curl_easy_escape(curl, name.c_str(), static_cast<int>(name.size()));
        char* encoded_value = curl_easy_escape(curl, value.c_str(), static_cast<int>(value.size()));
        body += (body.empty() ? "" : "&") + std::string(encoded_name) + "=" + encoded_value;
        curl_free(encoded_name);
        curl_free(encoded_value);
    }
    return body;
}

} // namespace

WebClient::WebClient(int port, std::string ca)
    : m_base("https://127.0.0.1:" + std::to_string(port)), m_ca(std::move(ca))
{
}

HttpAnswer WebClient::get(const std::string& path) { return perform(path, {}, nullptr, nullptr, FormOrigin::ThisSite); }

HttpAnswer WebClient::post_form(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                                FormOrigin origin)
{
    return perform(path, {"Content-Type: application/x-www-form-urlencoded"}, &fields, nullptr, origin);
}

HttpAnswer WebClient::post_files(const std::string& path,
                                 const std::vector<std::pair<std::string, std::string>>& fields,
                                 const std::vector<FormFile>& files, FormOrigin origin)
{
    return perform(path, {}, &fields, &files, origin);
}

HttpAnswer WebClient::log_in(const std::string& login, const std::string& password)
{
    const HttpAnswer form = get("/login");
    return post_form("/login", {{"login", login}, {"password", password}, {"csrf", csrf_of(form.body)}});
}

std::string WebClient::cookie(const std::string& name) const
{
    const auto found = m_cookies.find(name);
    return found == m_cookies.end() ? std::string() : found->second;
}

std::string WebClient::csrf_of(const std::string& page)
{
    std::smatch found;
    if (std::regex_search(page, found, std::regex(R"(<input type="hidden" name="csrf" value="([^"]*)\")")))
        return found[1];
    return {};
}

std::vector<SetCookie> WebClient::set_cookies(const HttpAnswer& answer)
{
    std::vector<SetCookie> cookies;
    std::regex line(R"((?:^|\n)[Ss]et-[Cc]ookie: *([^=\r\n]+)=([^;\r\n]*)([^\r\n]*))");
    for (auto it = std::sregex_iterator(answer.headers.begin(), answer.headers.end(), line);
         it != std::sregex_iterator(); ++it)
        cookies.push_back({(*it)[1], (*it)[2], (*it)[3]});
    return cookies;
}

HttpAnswer WebClient::perform(const std::string& path, const std::vector<std::string>& headers,
                              const std::vector<std::pair<std::string, std::string>>* fields,
                              const std::vector<FormFile>* files, FormOrigin origin)
{
    Easy curl(curl_easy_init(), &curl_easy_cleanup);
    HttpAnswer answer;
    curl_slist* list = nullptr;
    for (const std::string& header : headers)
        list = curl_slist_append(list, header.c_str());
    std::string cookies;
    for (const auto& [name, value] : m_cookies)
        cookies += (cookies.empty() ? "" : "; ") + name + "=" + value;
    if (!cookies.empty())
        list = curl_slist_append(list, ("Cookie: " + cookies).c_str());
    const bool posting = fields != nullptr;
    if (posting) {
        if (origin == FormOrigin::ThisSite)
            list = curl_slist_append(list, ("Origin: " + m_base).c_str());
        else if (origin == FormOrigin::OtherSite)
            list = curl_slist_append(list, "Origin: https://attacker.example");
        else if (origin == FormOrigin::RefererOnly)
            list = curl_slist_append(list, ("Referer: " + m_base + "/kiosks").c_str());
    }
    List header_list(list, &curl_slist_free_all);
    Mime mime(nullptr, &curl_mime_free);
    std::string form_body;

    const std::string url = m_base + path;
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(curl.get(), CURLOPT_CAINFO, m_ca.c_str());
    if (files != nullptr) {
        mime.reset(curl_mime_init(curl.get()));
        for (const auto& [name, value] : *fields) {
            curl_mimepart* part = curl_mime_addpart(mime.get());
            curl_mime_name(part, name.c_str());
            curl_mime_data(part, value.data(), value.size());
        }
        for (const FormFile& file : *files) {
            curl_mimepart* part = curl_mime_addpart(mime.get());
            curl_mime_name(part, file.field.c_str());
            curl_mime_filename(part, file.filename.c_str());
            curl_mime_type(part, "text/calendar");
            curl_mime_data(part, file.content.data(), file.content.size());
        }
        curl_easy_setopt(curl.get(), CURLOPT_MIMEPOST, mime.get());
        // A browser sends a form in one go, never asking "100-continue" first.
        header_list.reset(curl_slist_append(header_list.release(), "Expect:"));
        curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, header_list.get());
    } else if (fields != nullptr) {
        form_body = url_encoded(curl.get(), *fields);
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, form_body.c_str());
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(form_body.size()));
    } else {
        curl_easy_setopt(curl.get(), CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(
        curl.get(), CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
            static_cast<std::string*>(out)->append(data, size * count);
            return size * count;
        });
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &answer.body);
    curl_easy_setopt(
        curl.get(), CURLOPT_HEADERFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
            static_cast<std::string*>(out)->append(data, size * count);
            return size * count;
        });
    curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &answer.headers);
    answer.transport = curl_easy_perform(curl.get());
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &answer.status);

    for (const SetCookie& set : set_cookies(answer)) {
        if (set.attributes.find("Max-Age=0") != std::string::npos)
            m_cookies.erase(set.name);
        else
            m_cookies[set.name] = set.value;
    }
    return answer;
}

} // namespace olohuone::testing
