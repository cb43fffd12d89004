#include "web/simple_pages.h"

#include "web/html.h"

namespace olohuone::server::web {

std::string login_page(const Catalog& texts, const LoginView& view)
{
    Html html;
    open_page(html, texts, {texts.text("login.title"), Section::None, nullptr, view.notice, "login"});
    html.element("p", texts.text("login.intro"));
    html.open("form", {{"class", "stacked"}, {"method", "post"}, {"action", "/login"}});
    html.element("label", {{"for", "login"}}, texts.text("login.login"));
    Html::AttributeList login{{"type", "text"},
                              {"id", "login"},
                              {"name", "login"},
                              {"value", view.login},
                              {"autocomplete", "username"},
                              {"autocapitalize", "none"},
                              {"spellcheck", "false"},
                              {"maxlength", "64"},
                              {"required", ""}};
    Html::AttributeList password{{"type", "password"}, {"id", "password"},
                                 {"name", "password"}, {"autocomplete", "current-password"},
                                 {"maxlength", "512"}, {"required", ""}};
    // The cursor waits where the typing goes: the name, or after a failure the password.
    (view.login.empty() ? login : password).emplace_back("autofocus", "");
    html.single("input", login);
    html.element("label", {{"for", "password"}}, texts.text("login.password"));
    html.single("input", password);
    csrf_field(html, view.csrf_token);
    html.element("button", {{"type", "submit"}, {"class", "primary"}}, texts.text("login.submit"));
    return html.finish();
}

std::string programme_sites_page(const Catalog& texts, const SignedIn& signed_in)
{
    Html html;
    open_page(html, texts, {texts.text("programme.title"), Section::Programme, &signed_in, {}, {}});
    if (signed_in.sites.empty()) {
        html.element("p", texts.text("programme.none"));
        return html.finish();
    }
    html.element("p", texts.text("programme.choose"));
    html.open("ul", {{"class", "sites"}});
    for (const SiteInfo& site : signed_in.sites) {
        html.open("li");
        html.element("a", {{"href", week_path(site.id)}}, site.name);
        html.close();
    }
    return html.finish();
}

std::string error_page(const Catalog& texts, const std::string& key, const SignedIn* signed_in, const std::string& size)
{
    Html html;
    open_page(html, texts, {texts.text("error." + key + ".title"), Section::None, signed_in, {}, {}});
    html.element("p", texts.format("error." + key + ".text", {{"size", size}}));
    html.element("a", {{"class", "button"}, {"href", "/"}}, texts.text("error.home"));
    return html.finish();
}

std::string week_path(std::int64_t site_id, const std::string& week)
{
    return "/sites/" + std::to_string(site_id) + "/week" + (week.empty() ? "" : "?week=" + week);
}

} // namespace olohuone::server::web
