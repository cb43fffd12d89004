#include "feed_fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "core/programme_import.h"

namespace olohuone::server {
namespace {

constexpr long connect_timeout_seconds = 10;
constexpr long total_timeout_seconds = 60;
constexpr long max_redirects = 5;
// A validator longer than this, or with bytes a header cannot carry back, is not kept.
constexpr std::size_t max_validator_bytes = 1024;

struct CurlDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Curl = std::unique_ptr<CURL, CurlDeleter>;
using HeaderList = std::unique_ptr<curl_slist, CurlDeleter>;

struct Transfer {
    FeedResponse response;
    bool too_large = false;
    const std::atomic<bool>* stopping = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user)
{
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    // A feed without Content-Length is cut here, before it can grow past the limit.
    if (transfer.response.body.size() + bytes > max_calendar_file_bytes) {
        transfer.too_large = true;
        return 0; // libcurl aborts the transfer
    }
    transfer.response.body.append(data, bytes);
    return bytes;
}

// The header's value if `line` is header `name` (case-insensitive), trimmed.
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
    while (!rest.empty() && (rest.back() == '\r' || rest.back() == '\n' || rest.back() == ' ' || rest.back() == '\t'))
        rest.remove_suffix(1);
    const bool usable = !rest.empty() && rest.size() <= max_validator_bytes
        && std::all_of(rest.begin(), rest.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
    value = usable ? std::string(rest) : std::string();
    return true;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user)
{
    auto& response = static_cast<Transfer*>(user)->response;
    const std::string_view line(data, size * count);
    // Each response of a redirect chain starts with its status line: only the last
    // response's validators count.
    if (line.starts_with("HTTP/")) {
        response.etag.clear();
        response.last_modified.clear();
    }
    header_value(line, "etag", response.etag) || header_value(line, "last-modified", response.last_modified);
    return size * count;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    // Non-zero aborts the transfer: the server is stopping.
    return static_cast<Transfer*>(user)->stopping->load() ? 1 : 0;
}

} // namespace

bool start_feed_client() { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }

Result<FeedResponse> fetch_feed(const FeedRequest& request, const std::atomic<bool>& stopping)
{
    const Curl curl(curl_easy_init());
    if (!curl)
        return make_error("cannot start an HTTP client");
    Transfer transfer;
    transfer.stopping = &stopping;

    curl_slist* headers = curl_slist_append(nullptr, "Accept: text/calendar, */*;q=0.5");
    if (!request.etag.empty())
        headers = curl_slist_append(headers, ("If-None-Match: " + request.etag).c_str());
    if (!request.last_modified.empty())
        headers = curl_slist_append(headers, ("If-Modified-Since: " + request.last_modified).c_str());
    const HeaderList header_list(headers);

    CURL* handle = curl.get();
    char error_text[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_text);
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(handle, CURLOPT_USERAGENT, "olohuone-server");
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    // An https feed is never followed to plain http.
    curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, request.url.starts_with("https:") ? "https" : "http,https");
    curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(handle, CURLOPT_MAXREDIRS, max_redirects);
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!request.ca_file.empty()) {
        // The configured authorities replace the system's, not add to them.
        curl_easy_setopt(handle, CURLOPT_CAINFO, request.ca_file.c_str());
        curl_easy_setopt(handle, CURLOPT_CAPATH, nullptr);
    }
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, connect_timeout_seconds);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT, total_timeout_seconds);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L); // a thread of a multi-threaded server
    curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(max_calendar_file_bytes));
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(handle, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(handle, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);

    const CURLcode done = curl_easy_perform(handle);
    const std::string limit = std::to_string(max_calendar_file_bytes / 1024 / 1024) + " MiB";
    if (transfer.too_large || done == CURLE_FILESIZE_EXCEEDED)
        return make_error("the calendar is larger than " + limit);
    if (stopping)
        return make_error("stopped: the server is stopping");
    if (done != CURLE_OK)
        return make_error(std::string(curl_easy_strerror(done))
                          + (error_text[0] ? std::string(": ") + error_text : std::string()));
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    if (status == 304) {
        transfer.response.answer = FeedAnswer::NotModified;
        return std::move(transfer.response);
    }
    if (status != 200)
        return make_error("the feed answered HTTP " + std::to_string(status));
    transfer.response.answer = FeedAnswer::NewText;
    return std::move(transfer.response);
}

} // namespace olohuone::server
