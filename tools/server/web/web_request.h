#pragma once
// The small pieces every page's handler needs from a request and for its answer:
// cookies, form fields, the same-origin check, and the headers every page carries.
#include <httplib.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace olohuone::server::web {

using FormFields = std::multimap<std::string, std::string>;

// The value of the cookie `name` in the request's Cookie header, or "".
std::string cookie_value(const httplib::Request& request, std::string_view name);

// The fields of an application/x-www-form-urlencoded body, or none when it is not one
// (more than 50 fields, a broken %-escape). Only the body: fields in the address of a
// POST are never read as the form's.
std::optional<FormFields> urlencoded_fields(std::string_view body);
// The form's fields, urlencoded or multipart (a file field's content is its value).
FormFields form_fields(const httplib::Request& request);
// The first value of `name`, or "".
std::string field(const FormFields& fields, const std::string& name);

// Whether a POST comes from a page of this server: its Origin header (or, when a browser
// sends none, its Referer) names https://<the Host it was sent to>.
bool from_this_site(const httplib::Request& request);

// `text` for a log line: control characters (a newline could forge a line) as '?', and
// no longer than 200 bytes.
std::string printable(std::string_view text);

// Compares secrets in a time that does not depend on where they differ.
bool same_secret(std::string_view a, std::string_view b);

enum class Caching { Never, Stylesheet };
// Content-Security-Policy (no scripts; styles from our stylesheet only), no framing,
// no sniffing, no Referer to other sites, and no caching of pages.
void add_page_headers(httplib::Response& response, Caching caching);

void send_page(httplib::Response& response, int status, std::string html);
// 303 See Other: after a form, the browser asks for `location` with a GET.
void redirect(httplib::Response& response, const std::string& location);

} // namespace olohuone::server::web
