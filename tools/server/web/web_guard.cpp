#include "web/web_guard.h"

#include "core/log.h"
#include "programme_api.h"
#include "web/simple_pages.h"

namespace olohuone::server::web {

void answer_unavailable(WebContext& web, httplib::Response& response, const SignedIn* signed_in,
                        const std::string& what, const Error& error)
{
    log::error(what + " failed: " + error.message);
    send_page(response, 503, error_page(web.texts, "unavailable", signed_in));
    response.set_header("Retry-After", "30");
}

void answer_forbidden(WebContext& web, httplib::Response& response, const SignedIn* signed_in)
{
    send_page(response, 403, error_page(web.texts, "forbidden", signed_in));
}

void answer_not_found(WebContext& web, httplib::Response& response, const SignedIn* signed_in)
{
    send_page(response, 404, error_page(web.texts, "not_found", signed_in));
}

std::optional<SignedIn> signed_in_or_answer(WebContext& web, const httplib::Request& request,
                                            httplib::Response& response)
{
    auto found = web.sessions.find(cookie_value(request, session_cookie));
    if (!found) {
        answer_unavailable(web, response, nullptr, "reading a session", found.error());
        return std::nullopt;
    }
    if (found->first == SessionState::Active)
        return std::move(found->second);
    // An ended session's cookie goes too, so the login page starts clean.
    if (found->first == SessionState::Ended)
        response.set_header("Set-Cookie", Sessions::removed_cookie(session_cookie));
    redirect(response, found->first == SessionState::Ended ? "/login?ended=1" : "/login");
    return std::nullopt;
}

bool body_refused(WebContext& web, const httplib::Request& request, httplib::Response& response)
{
    if (!body_too_large(web.config, request))
        return false;
    response.status = 413;
    answer_web_error(web, request, response);
    return true;
}

std::optional<SignedIn> form_sender_or_answer(WebContext& web, const httplib::Request& request,
                                              httplib::Response& response, const FormFields& fields)
{
    if (body_refused(web, request, response))
        return std::nullopt;
    if (!from_this_site(request)) {
        log::warning("refused a form to " + printable(request.path) + " from another origin ("
                     + (request.has_header("Origin") ? "Origin" : "no Origin or Referer of this site") + ")");
        answer_forbidden(web, response, nullptr);
        return std::nullopt;
    }
    auto signed_in = signed_in_or_answer(web, request, response);
    if (!signed_in)
        return std::nullopt;
    if (!same_secret(field(fields, "csrf"), signed_in->session.csrf_token)) {
        log::warning("refused a form to " + printable(request.path) + " without its CSRF token (coordinator "
                     + signed_in->account.login + ")");
        answer_forbidden(web, response, &*signed_in);
        return std::nullopt;
    }
    return signed_in;
}

std::optional<SiteInfo> visible_site_or_answer(WebContext& web, const SignedIn& signed_in, const std::string& id_text,
                                               httplib::Response& response)
{
    if (const auto id = site_id_from_path(id_text))
        for (const SiteInfo& site : signed_in.sites)
            if (site.id == *id)
                return site;
    answer_not_found(web, response, &signed_in);
    return std::nullopt;
}

Notice take_notice(WebContext& web, const SignedIn& signed_in)
{
    Notice notice = notice_of(signed_in.session);
    if (notice.kind != NoticeKind::None)
        if (auto cleared = web.store.set_session_notice(signed_in.session.token_hash, NoticeKind::None, {}); !cleared)
            log::error("clearing a page's notice failed: " + cleared.error().message);
    return notice;
}

void keep_notice(WebContext& web, const SignedIn& signed_in, const Notice& notice)
{
    if (auto kept = web.store.set_session_notice(signed_in.session.token_hash, notice.kind, notice_lines(notice));
        !kept)
        log::error("keeping a page's notice failed: " + kept.error().message);
}

} // namespace olohuone::server::web
