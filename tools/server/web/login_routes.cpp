// GET and POST /login, POST /logout (docs/web.md): the login form with its own CSRF
// token (a cookie and the same value in the form), a generic answer to every failure,
// the throttle, and a new session at each login.
#include "core/log.h"
#include "passwords.h"
#include "tokens.h"
#include "web/simple_pages.h"
#include "web/web_guard.h"
#include "web/web_route_parts.h"

namespace olohuone::server::web {
namespace {

constexpr std::size_t max_login_field_bytes = 256;
constexpr std::size_t max_password_field_bytes = 1024;

// The name failures are counted under: the login as stored, or what was typed (cut
// short and lower-cased) when it cannot be a login at all.
std::string throttle_key(const std::string& typed)
{
    if (auto login = normalised_login(typed))
        return login.value();
    std::string key = typed.substr(0, max_login_characters);
    for (char& c : key)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return key;
}

// How the log names a login: typed text that cannot be a login may be a password typed
// in the wrong field, and is never written down.
std::string logged_login(const std::string& typed)
{
    auto login = normalised_login(typed);
    return login ? "\"" + login.value() + "\"" : "(not a login name)";
}

void show_login(WebContext& web, httplib::Response& response, int status, const std::string& login, Notice notice)
{
    const std::string token = new_token();
    response.set_header("Set-Cookie", Sessions::login_form_cookie(token));
    send_page(response, status, login_page(web.texts, {token, login, std::move(notice)}));
}

void get_login(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    auto found = web.sessions.find(cookie_value(request, session_cookie));
    if (found && found->first == SessionState::Active) {
        redirect(response, "/kiosks");
        return;
    }
    Notice notice;
    if (request.has_param("out"))
        notice = {NoticeKind::Done, web.texts.text("login.logged_out"), {}};
    else if (request.has_param("ended"))
        notice = {NoticeKind::Problem, web.texts.text("login.expired"), {}};
    show_login(web, response, 200, {}, std::move(notice));
}

// One of the few password checks that may run at a time, held while it lives.
class PasswordCheckPermit {
public:
    explicit PasswordCheckPermit(WebContext& web) : m_web(web) { m_web.password_checks.acquire(); }
    PasswordCheckPermit(const PasswordCheckPermit&) = delete;
    PasswordCheckPermit& operator=(const PasswordCheckPermit&) = delete;
    ~PasswordCheckPermit() { m_web.password_checks.release(); }

private:
    WebContext& m_web;
};

// Whether the password is the account's.
bool password_is_right(WebContext& web, const std::optional<CoordinatorAccount>& account, const std::string& password)
{
    const PasswordCheckPermit permit(web);
    if (account && !account->disabled)
        return password_matches(account->password_hash, password);
    spend_password_check_time(password); // as long as a real check: no hint that the name is unknown
    return false;
}

void post_login(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    if (body_refused(web, request, response))
        return;
    const FormFields fields = form_fields(request);
    if (!from_this_site(request) || !same_secret(field(fields, "csrf"), cookie_value(request, login_cookie))) {
        log::warning("refused a login form without its CSRF token or from another origin");
        answer_forbidden(web, response, nullptr);
        return;
    }
    const std::string typed = field(fields, "login").substr(0, max_login_field_bytes);
    const std::string password = field(fields, "password");
    const std::string key = throttle_key(typed);
    const std::string& address = request.remote_addr;
    const auto decision = web.throttle.check(key, address, web.clock.monotonic_ms());
    if (decision.verdict == LoginThrottle::Verdict::Locked) {
        log::warning("login for " + logged_login(typed) + " from " + address + " refused: locked");
        const std::int64_t minutes = (decision.seconds + 59) / 60;
        show_login(web, response, 429, typed,
                   {NoticeKind::Problem, web.texts.format("login.locked", {{"minutes", std::to_string(minutes)}}), {}});
        return;
    }
    if (decision.verdict == LoginThrottle::Verdict::Wait) {
        show_login(
            web, response, 429, typed,
            {NoticeKind::Problem, web.texts.format("login.wait", {{"seconds", std::to_string(decision.seconds)}}), {}});
        return;
    }

    std::optional<CoordinatorAccount> account;
    if (auto login = normalised_login(typed); login && password.size() <= max_password_field_bytes) {
        auto found = web.store.coordinator_by_login(login.value());
        if (!found) {
            answer_unavailable(web, response, nullptr, "reading a coordinator", found.error());
            return;
        }
        account = std::move(found.value());
    }
    if (!password_is_right(web, account, password.substr(0, max_password_field_bytes))) {
        // Counted from the end of the check: the wait starts when the answer goes out.
        const auto lockouts = web.throttle.note_failure(key, address, web.clock.monotonic_ms());
        log::warning("failed login for " + logged_login(typed) + " from " + address + " ("
                     + std::to_string(lockouts.failures) + " in a row)");
        if (lockouts.login)
            log::warning("login " + logged_login(typed) + " locked for "
                         + std::to_string(web.config.login_lockout_minutes) + " minutes after "
                         + std::to_string(lockouts.failures) + " failed logins");
        if (lockouts.address)
            log::warning("logins from " + address + " locked for " + std::to_string(web.config.login_lockout_minutes)
                         + " minutes after repeated failures");
        show_login(web, response, 401, typed, {NoticeKind::Problem, web.texts.text("login.wrong"), {}});
        return;
    }
    web.throttle.note_success(key);
    auto cookie = web.sessions.start(*account, cookie_value(request, session_cookie));
    if (!cookie) {
        answer_unavailable(web, response, nullptr, "starting a session", cookie.error());
        return;
    }
    log::info("coordinator \"" + account->login + "\" logged in from " + address);
    response.set_header("Set-Cookie", cookie.value());
    response.set_header("Set-Cookie", Sessions::removed_cookie(login_cookie));
    redirect(response, "/kiosks");
}

void post_logout(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    const FormFields fields = form_fields(request);
    const auto signed_in = form_sender_or_answer(web, request, response, fields);
    if (!signed_in)
        return;
    if (auto ended = web.sessions.end(cookie_value(request, session_cookie)); !ended) {
        answer_unavailable(web, response, &*signed_in, "ending a session", ended.error());
        return;
    }
    response.set_header("Set-Cookie", Sessions::removed_cookie(session_cookie));
    redirect(response, "/login?out=1");
}

} // namespace

void add_login_routes(httplib::Server& server, WebContext& web)
{
    server.Get("/login", [&web](const httplib::Request& request, httplib::Response& response) {
        get_login(web, request, response);
    });
    server.Post("/login", [&web](const httplib::Request& request, httplib::Response& response) {
        post_login(web, request, response);
    });
    server.Post("/logout", [&web](const httplib::Request& request, httplib::Response& response) {
        post_logout(web, request, response);
    });
}

} // namespace olohuone::server::web
