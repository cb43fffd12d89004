#pragma once
// HTTPS to the central server with libcurl: TLS verification always on (the system's
// authorities, or a configured CA file, optionally a pinned public key), connect and
// overall timeouts, a size limit on every answer, and a token that is never logged.
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

typedef void CURL;

namespace olohuone::sync {

struct TlsTrust {
    std::string ca_file;           // empty: the system's certificate authorities
    std::string pinned_public_key; // "sha256//<base64>", empty: none
};

struct HttpLimits {
    int connect_timeout_seconds = 10;
    int request_timeout_seconds = 30;
    std::size_t max_answer_bytes = 32 * 1024 * 1024;
};

struct HttpRequest {
    enum class Method { Get, Post } method = Method::Get;
    std::string url;
    std::string body; // a POST's JSON
    std::string if_none_match;
};

struct HttpResponse {
    long status = 0;
    std::string body;
    std::string etag;
    std::string retry_after;
};

// Call once at start, before any other thread runs: libcurl's global set-up.
void start_http();

class HttpClient {
public:
    // `stopping` aborts a transfer under way when it becomes true (the kiosk is closing).
    HttpClient(TlsTrust trust, HttpLimits limits, std::string token, const std::atomic<bool>& stopping);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Any HTTP answer is a response (its status says what it was); an error is no answer
    // at all: no connection, TLS refused, a timeout, an answer cut off or too large.
    Result<HttpResponse> send(const HttpRequest& request);

private:
    struct CurlCleanup {
        void operator()(CURL* handle) const;
    };
    std::unique_ptr<CURL, CurlCleanup> m_handle; // kept, so the connection is reused
    TlsTrust m_trust;
    HttpLimits m_limits;
    std::string m_authorization;
    const std::atomic<bool>& m_stopping;
};

} // namespace olohuone::sync
