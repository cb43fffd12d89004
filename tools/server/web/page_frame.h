#pragma once
// What every page has around its content: the document's head (viewport for phones, the
// one stylesheet), the top bar with the sections and the logout button, the heading, and
// the notice of what the last form did.
#include <string>
#include <vector>

#include "core/catalog.h"
#include "server_store.h"
#include "web/html.h"
#include "web/sessions.h"

namespace olohuone::server::web {

enum class Section { None, Kiosks, Present, Programme, Reports };

struct Notice {
    NoticeKind kind = NoticeKind::None;
    std::string text;
    std::vector<std::string> items; // details under the text (events the importer skipped …)
};

// A notice kept in a session between a form and the page it leads to: its text and
// items on lines of their own.
std::string notice_lines(const Notice& notice);
Notice notice_of(const WebSession& session);

struct PageFrame {
    std::string title;
    Section section = Section::None;
    const SignedIn* signed_in = nullptr; // none: no sections, no logout
    Notice notice;
    std::string main_class; // a narrower <main> for the login form
};

// Writes everything up to the page's own content, inside <main> after the heading.
void open_page(Html& html, const Catalog& texts, const PageFrame& frame);

void write_notice(Html& html, const Notice& notice);

// <input type="hidden" name="csrf" value="…">: in every form of a signed-in page.
void csrf_field(Html& html, const std::string& token);

} // namespace olohuone::server::web
