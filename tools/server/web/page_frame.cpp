#include "web/page_frame.h"

namespace olohuone::server::web {
namespace {

struct NavEntry {
    Section section;
    const char* text_key;
    const char* path;
};

// The top bar's sections, in order. Events are edited from the week page, under
// "Viikko-ohjelma".
constexpr NavEntry nav_entries[] = {
    {Section::Kiosks, "nav.kiosks", "/kiosks"},
    {Section::Present, "nav.present", "/present"},
    {Section::Programme, "nav.programme", "/programme"},
    {Section::Reports, "nav.reports", "/reports"},
};

const char* notice_class(NoticeKind kind) { return kind == NoticeKind::Problem ? "notice problem" : "notice done"; }

} // namespace

std::string notice_lines(const Notice& notice)
{
    std::string lines = notice.text;
    for (const std::string& item : notice.items)
        lines += "\n" + item;
    return lines;
}

Notice notice_of(const WebSession& session)
{
    Notice notice{session.notice_kind, {}, {}};
    std::size_t at = 0;
    bool first = true;
    while (at <= session.notice.size() && notice.kind != NoticeKind::None) {
        std::size_t end = session.notice.find('\n', at);
        if (end == std::string::npos)
            end = session.notice.size();
        (first ? notice.text : notice.items.emplace_back()) = session.notice.substr(at, end - at);
        first = false;
        at = end + 1;
    }
    return notice;
}

void csrf_field(Html& html, const std::string& token)
{
    html.single("input", {{"type", "hidden"}, {"name", "csrf"}, {"value", token}});
}

void write_notice(Html& html, const Notice& notice)
{
    if (notice.kind == NoticeKind::None)
        return;
    // role=status / alert: a screen reader reads the outcome of the form out at once.
    html.open(
        "div",
        {{"class", notice_class(notice.kind)}, {"role", notice.kind == NoticeKind::Problem ? "alert" : "status"}});
    html.element("p", notice.text);
    if (!notice.items.empty()) {
        html.open("ul");
        for (const std::string& item : notice.items)
            html.element("li", item);
        html.close();
    }
    html.close();
}

void open_page(Html& html, const Catalog& texts, const PageFrame& frame)
{
    html.open("html", {{"lang", texts.language()}});
    html.open("head");
    html.single("meta", {{"charset", "utf-8"}});
    html.single("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
    html.element("title", texts.format("page.title", {{"page", frame.title}}));
    html.single("link", {{"rel", "stylesheet"}, {"href", "/static/olohuone.css"}});
    html.close();
    html.open("body");
    html.open("header", {{"class", "top"}});
    html.element("span", {{"class", "brand"}}, texts.text("page.brand"));
    if (frame.signed_in) {
        html.open("nav", {{"aria-label", texts.text("nav.label")}});
        for (const NavEntry& entry : nav_entries) {
            if (entry.section == frame.section)
                html.element("a", {{"href", entry.path}, {"aria-current", "page"}}, texts.text(entry.text_key));
            else
                html.element("a", {{"href", entry.path}}, texts.text(entry.text_key));
        }
        html.close();
        html.element("span", {{"class", "who"}},
                     texts.format("nav.signed_in_as", {{"login", frame.signed_in->account.login}}));
        html.open("form", {{"method", "post"}, {"action", "/logout"}});
        csrf_field(html, frame.signed_in->session.csrf_token);
        html.element("button", {{"type", "submit"}}, texts.text("nav.logout"));
        html.close();
    }
    html.close();
    if (frame.main_class.empty())
        html.open("main");
    else
        html.open("main", {{"class", frame.main_class}});
    html.element("h1", frame.title);
    write_notice(html, frame.notice);
}

} // namespace olohuone::server::web
