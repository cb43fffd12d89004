#pragma once
// A site's calendar feed address: checked when an admin sets it, and shortened for the
// log, where tokens must never appear.
#include <string>

#include "core/result.h"

namespace olohuone::server {

inline constexpr std::size_t max_feed_url_bytes = 2048;

// Nothing if `url` is an http:// or https:// URL with a host, of at most 2048 bytes and
// without spaces or control characters; else why not.
Result<void> check_feed_url(const std::string& url);

// The URL as logs and messages show it: scheme, host, port and path. The query (where
// calendar services put their access tokens), the fragment and any user:password are left
// out.
std::string url_for_log(const std::string& url);

} // namespace olohuone::server
