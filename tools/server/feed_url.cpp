#include "feed_url.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>

namespace olohuone::server {
namespace {

struct UrlDeleter {
    void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
using Url = std::unique_ptr<CURLU, UrlDeleter>;

// A part of a parsed URL, or "" when it has none.
std::string part_of(CURLU* url, CURLUPart part)
{
    char* text = nullptr;
    if (curl_url_get(url, part, &text, 0) != CURLUE_OK || text == nullptr)
        return {};
    std::string copy = text;
    curl_free(text);
    return copy;
}

Url parsed(const std::string& text)
{
    Url url(curl_url());
    if (url && curl_url_set(url.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK)
        url.reset();
    return url;
}

} // namespace

Result<void> check_feed_url(const std::string& url)
{
    if (url.size() > max_feed_url_bytes)
        return make_error("the feed URL is longer than " + std::to_string(max_feed_url_bytes) + " bytes");
    if (std::any_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; }))
        return make_error("the feed URL must not contain spaces or control characters");
    if (!url.starts_with("https://") && !url.starts_with("http://"))
        return make_error("the feed URL must start with https:// or http://");
    const Url parts = parsed(url);
    if (!parts || part_of(parts.get(), CURLUPART_HOST).empty())
        return make_error("the feed URL is not a URL with a host");
    return {};
}

std::string url_for_log(const std::string& url)
{
    const Url parts = parsed(url);
    if (!parts)
        return "(an unreadable URL)";
    const std::string port = part_of(parts.get(), CURLUPART_PORT);
    return part_of(parts.get(), CURLUPART_SCHEME) + "://" + part_of(parts.get(), CURLUPART_HOST)
        + (port.empty() ? "" : ":" + port) + part_of(parts.get(), CURLUPART_PATH);
}

} // namespace olohuone::server
