#include "sync/http_client.h"

#include <curl/curl.h>

#include <cctype>

namespace olohuone::sync {
namespace {

struct Transfer {
    HttpResponse response;
    std::size_t max_bytes = 0;
    bool too_large = false;
    const std::atomic<bool>* stopping = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user)
{
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (transfer.response.body.size() + bytes > transfer.max_bytes) {
        transfer.too_large = true;
        return 0; // aborts the transfer
    }
    transfer.response.body.append(data, bytes);
    return bytes;
}

// The value of header `name` in `line` ("Name: value\r\n"), compared without case.
bool header_value(std::string_view line, std::string_view name, std::string& value)
{
    if (line.size() <= name.size() || line[name.size()] != ':')
        return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(line[i])) != name[i])
            return false;
    std::string_view rest = line.substr(name.size() + 1);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t'))
        rest.remove_prefix(1);
    while (!rest.empty() && (rest.back() == '\r' || rest.back() == '\n' || rest.back() == ' '))
        rest.remove_suffix(1);
    value.assign(rest.substr(0, 200));
    return true;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user)
{
    auto& response = static_cast<Transfer*>(user)->response;
    const std::string_view line(data, size * count);
    // A new status line (after a redirect or "100 Continue") starts a new set of headers.
    if (line.starts_with("HTTP/")) {
        response.etag.clear();
        response.retry_after.clear();
    }
    header_value(line, "etag", response.etag) || header_value(line, "retry-after", response.retry_after);
    return size * count;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<Transfer*>(user)->stopping->load() ? 1 : 0;
}

} // namespace

void start_http() { curl_global_init(CURL_GLOBAL_DEFAULT); }

void HttpClient::CurlCleanup::operator()(CURL* handle) const { curl_easy_cleanup(handle); }

HttpClient::HttpClient(TlsTrust trust, HttpLimits limits, std::string token, const std::atomic<bool>& stopping)
    : m_handle(curl_easy_init()), m_trust(std::move(trust)), m_limits(limits),
      m_authorization("Authorization: Bearer " + std::move(token)), m_stopping(stopping)
{
}

HttpClient::~HttpClient() = default;

Result<HttpResponse> HttpClient::send(const HttpRequest& request)
{
    CURL* curl = m_handle.get();
    if (curl == nullptr)
        return make_error("cannot start libcurl");
    curl_easy_reset(curl); // keeps the connection; forgets the previous request's options

    Transfer transfer;
    transfer.max_bytes = m_limits.max_answer_bytes;
    transfer.stopping = &m_stopping;
    char error_text[CURL_ERROR_SIZE] = {};

    struct HeaderList {
        curl_slist* list = nullptr;
        ~HeaderList() { curl_slist_free_all(list); }
        void add(const std::string& header) { list = curl_slist_append(list, header.c_str()); }
    } headers;
    headers.add(m_authorization);
    headers.add("Accept: application/json");
    if (request.method == HttpRequest::Method::Post)
        headers.add("Content-Type: application/json");
    if (!request.if_none_match.empty())
        headers.add("If-None-Match: " + request.if_none_match);

    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.list);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    // Verification stays on: only whom to trust is configurable.
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!m_trust.ca_file.empty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, m_trust.ca_file.c_str());
    if (!m_trust.pinned_public_key.empty())
        curl_easy_setopt(curl, CURLOPT_PINNEDPUBLICKEY, m_trust.pinned_public_key.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(m_limits.connect_timeout_seconds));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(m_limits.request_timeout_seconds));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    if (request.method == HttpRequest::Method::Post) {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }

    const CURLcode code = curl_easy_perform(curl);
    if (transfer.too_large)
        return make_error("the server's answer is larger than " + std::to_string(m_limits.max_answer_bytes)
                          + " bytes");
    if (code != CURLE_OK)
        return make_error(std::string(error_text[0] != '\0' ? error_text : curl_easy_strerror(code)));
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &transfer.response.status);
    return std::move(transfer.response);
}

} // namespace olohuone::sync
