#pragma once
// One read of a calendar feed over HTTP(S) with libcurl: certificates always verified,
// bounded in time and size, conditional on what the feed sent last, and abandoned at
// once when the server stops.
#include <atomic>
#include <string>

#include "core/result.h"

namespace olohuone::server {

// libcurl's global initialisation: once, before any thread starts.
bool start_feed_client();

struct FeedRequest {
    std::string url;
    std::string etag;          // sent as If-None-Match when not empty
    std::string last_modified; // sent as If-Modified-Since when not empty
    std::string ca_file;       // the only authorities trusted; empty: the system's
};

enum class FeedAnswer { NewText, NotModified };

struct FeedResponse {
    FeedAnswer answer = FeedAnswer::NotModified;
    std::string body;          // the calendar text, for NewText
    std::string etag;          // the validators sent with it, if usable
    std::string last_modified;
};

// An error says what went wrong in words for the log; it never holds the URL.
Result<FeedResponse> fetch_feed(const FeedRequest& request, const std::atomic<bool>& stopping);

} // namespace olohuone::server
