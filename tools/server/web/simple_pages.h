#pragma once
// The pages without much to them: the login form, the list of sites to choose a
// programme from, and the page that says why a request was refused.
#include <string>

#include "core/catalog.h"
#include "web/page_frame.h"
#include "web/sessions.h"

namespace olohuone::server::web {

struct LoginView {
    std::string csrf_token; // also in the login form's cookie
    std::string login; // typed before, shown again after a failure
    Notice notice;
};
std::string login_page(const Catalog& texts, const LoginView& view);

std::string programme_sites_page(const Catalog& texts, const SignedIn& signed_in);

// `key` names the texts "error.<key>.title" and "error.<key>.text"; `size` fills {size}.
std::string error_page(const Catalog& texts, const std::string& key, const SignedIn* signed_in,
                       const std::string& size = {});

// /sites/{id}/week, with ?week=2026-W48 when given.
std::string week_path(std::int64_t site_id, const std::string& week = {});

} // namespace olohuone::server::web
