#include "web/sessions.h"

#include "coordinator_accounts.h"
#include "tokens.h"

namespace olohuone::server::web {
namespace {

constexpr const char* cookie_attributes = "; Path=/; Secure; HttpOnly; SameSite=Strict";
constexpr int login_form_seconds = 3600;

} // namespace

Result<std::string> Sessions::start(const CoordinatorAccount& account, const std::string& old_token)
{
    const UnixSeconds now = m_clock.now();
    if (const auto old_hash = token_hash(old_token))
        if (auto ended = m_store.remove_session(*old_hash); !ended)
            return ended.error();
    // Housekeeping at each login keeps the table to the sessions that can still be used.
    if (auto cleaned = m_store.remove_stale_sessions(now - std::int64_t{m_config.session_idle_minutes} * 60,
                                                     now - std::int64_t{m_config.session_max_hours} * 3600);
        !cleaned)
        return cleaned.error();
    const std::string token = new_token();
    WebSession session;
    session.token_hash = token_hash(token).value();
    session.coordinator_id = account.id;
    session.csrf_token = new_token();
    session.created_at = now;
    session.last_used_at = now;
    if (auto added = m_store.add_session(session); !added)
        return added.error();
    return cookie(token);
}

bool Sessions::expired(const WebSession& session, UnixSeconds now) const
{
    return now - session.last_used_at >= std::int64_t{m_config.session_idle_minutes} * 60
        || now - session.created_at >= std::int64_t{m_config.session_max_hours} * 3600;
}

Result<std::pair<SessionState, std::optional<SignedIn>>> Sessions::find(const std::string& token)
{
    using Found = std::pair<SessionState, std::optional<SignedIn>>;
    if (token.empty())
        return Found{SessionState::None, std::nullopt};
    // A cookie that cannot be a token is a session that is no more, without a lookup.
    const auto hash = token_hash(token);
    if (!hash)
        return Found{SessionState::Ended, std::nullopt};
    auto session = m_store.session(*hash);
    if (!session)
        return session.error();
    if (!session.value())
        return Found{SessionState::Ended, std::nullopt};
    const UnixSeconds now = m_clock.now();
    if (expired(*session.value(), now)) {
        if (auto removed = m_store.remove_session(*hash); !removed)
            return removed.error();
        return Found{SessionState::Ended, std::nullopt};
    }
    auto account = m_store.coordinator(session.value()->coordinator_id);
    if (!account)
        return account.error();
    if (!account.value() || account.value()->disabled)
        return Found{SessionState::Ended, std::nullopt};
    auto sites = m_store.sites();
    if (!sites)
        return sites.error();
    if (auto touched = m_store.touch_session(*hash, now); !touched)
        return touched.error();
    SignedIn signed_in{std::move(*session.value()), std::move(*account.value()), {}};
    signed_in.sites = sites_visible_to(signed_in.account, sites.value());
    return Found{SessionState::Active, std::move(signed_in)};
}

Result<void> Sessions::end(const std::string& token)
{
    const auto hash = token_hash(token);
    return hash ? m_store.remove_session(*hash) : Result<void>();
}

std::string Sessions::cookie(const std::string& token) const
{
    // Kept by the browser no longer than the session can last.
    return std::string(session_cookie) + "=" + token + cookie_attributes
        + "; Max-Age=" + std::to_string(std::int64_t{m_config.session_max_hours} * 3600);
}

std::string Sessions::removed_cookie(const char* name)
{
    return std::string(name) + "=" + cookie_attributes + "; Max-Age=0";
}

std::string Sessions::login_form_cookie(const std::string& token)
{
    return std::string(login_cookie) + "=" + token + cookie_attributes
        + "; Max-Age=" + std::to_string(login_form_seconds);
}

} // namespace olohuone::server::web
