#pragma once
// The checks in front of every page and form: a signed-in session, a form from one of
// our own pages with its session's CSRF token, and a site the coordinator may see. Each
// either returns what the handler needs or has already answered the request.
#include <httplib.h>

#include <optional>
#include <string>

#include "web/page_frame.h"
#include "web/web_request.h"
#include "web/web_routes.h"

namespace olohuone::server::web {

// The signed-in coordinator, or none after a redirect to the login page (or a 503 page
// when the database cannot answer).
std::optional<SignedIn> signed_in_or_answer(WebContext& web, const httplib::Request& request,
                                            httplib::Response& response);

// Whether the form's body is over its path's limit: then answered with a 413 page.
bool body_refused(WebContext& web, const httplib::Request& request, httplib::Response& response);

// For a POST (within its body limit): the form came from one of our pages (Origin, or else Referer), from a
// signed-in coordinator, with the session's CSRF token. Else none, answered with a 403
// page, or with the login page when the session has ended.
std::optional<SignedIn> form_sender_or_answer(WebContext& web, const httplib::Request& request,
                                              httplib::Response& response, const FormFields& fields);

// The site `id_text` names, if the coordinator may see it; else none, answered with a
// 404 page (a site one may not see is not said to exist).
std::optional<SiteInfo> visible_site_or_answer(WebContext& web, const SignedIn& signed_in, const std::string& id_text,
                                               httplib::Response& response);

// The database could not answer: logged, and a page that says to try again.
void answer_unavailable(WebContext& web, httplib::Response& response, const SignedIn* signed_in,
                        const std::string& what, const Error& error);
void answer_forbidden(WebContext& web, httplib::Response& response, const SignedIn* signed_in);
void answer_not_found(WebContext& web, httplib::Response& response, const SignedIn* signed_in);

// The notice the session holds for this page: shown once, then forgotten.
Notice take_notice(WebContext& web, const SignedIn& signed_in);
// Keeps `notice` for the page the browser is sent to next.
void keep_notice(WebContext& web, const SignedIn& signed_in, const Notice& notice);

} // namespace olohuone::server::web
