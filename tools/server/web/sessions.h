#pragma once
// Coordinators' sessions (docs/web.md). The cookie holds 32 random bytes; the server
// keeps only their hash, so neither a copy of the database nor its log can sign anyone
// in. A session ends when it has not been used for `session_idle_minutes`, or
// `session_max_hours` after its login, or at logout; a login always starts a new one.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "server_config.h"
#include "server_store.h"

namespace olohuone::server::web {

// "__Host-": the browser keeps it only for this host, over HTTPS, for every path.
inline constexpr const char* session_cookie = "__Host-olohuone_session";
// Before a login: the login form's CSRF token, sent back in the form (double submit).
inline constexpr const char* login_cookie = "__Host-olohuone_login";

struct SignedIn {
    WebSession session;
    CoordinatorAccount account;
    std::vector<SiteInfo> sites; // the sites the account may see
};

enum class SessionState { None, Ended, Active };

class Sessions {
public:
    Sessions(ServerStore& store, const ServerConfig& config, const Clock& clock)
        : m_store(store), m_config(config), m_clock(clock)
    {
    }

    // A new session for `account`; the old one (by its cookie's token, if any) ends. The
    // cookie's Set-Cookie value.
    Result<std::string> start(const CoordinatorAccount& account, const std::string& old_token);
    // The coordinator behind the cookie's token: Ended when there was a session that has
    // expired, or whose account is disabled.
    Result<std::pair<SessionState, std::optional<SignedIn>>> find(const std::string& token);
    Result<void> end(const std::string& token);

    std::string cookie(const std::string& token) const;
    static std::string removed_cookie(const char* name);
    static std::string login_form_cookie(const std::string& token);

private:
    bool expired(const WebSession& session, UnixSeconds now) const;

    ServerStore& m_store;
    const ServerConfig& m_config;
    const Clock& m_clock;
};

} // namespace olohuone::server::web
