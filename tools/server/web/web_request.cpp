#include "web/web_request.h"

#include <sodium.h>

namespace olohuone::server::web {
namespace {

constexpr std::size_t max_form_fields = 50;

std::optional<std::string> percent_decoded(std::string_view text)
{
    std::string decoded;
    decoded.reserve(text.size());
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            decoded += ' ';
        } else if (text[i] == '%') {
            if (i + 2 >= text.size() || hex(text[i + 1]) < 0 || hex(text[i + 2]) < 0)
                return std::nullopt;
            decoded += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
            i += 2;
        } else {
            decoded += text[i];
        }
    }
    return decoded;
}

} // namespace

std::string cookie_value(const httplib::Request& request, std::string_view name)
{
    const std::string header = request.get_header_value("Cookie");
    std::string_view rest = header;
    while (!rest.empty()) {
        const std::size_t end = std::min(rest.find(';'), rest.size());
        std::string_view pair = rest.substr(0, end);
        rest.remove_prefix(std::min(end + 1, rest.size()));
        while (!pair.empty() && pair.front() == ' ')
            pair.remove_prefix(1);
        const std::size_t equals = pair.find('=');
        if (equals != std::string_view::npos && pair.substr(0, equals) == name)
            return std::string(pair.substr(equals + 1));
    }
    return {};
}

std::optional<FormFields> urlencoded_fields(std::string_view body)
{
    FormFields fields;
    while (!body.empty()) {
        const std::size_t end = std::min(body.find('&'), body.size());
        const std::string_view pair = body.substr(0, end);
        body.remove_prefix(std::min(end + 1, body.size()));
        if (pair.empty())
            continue;
        if (fields.size() == max_form_fields)
            return std::nullopt;
        const std::size_t equals = std::min(pair.find('='), pair.size());
        auto name = percent_decoded(pair.substr(0, equals));
        auto value = percent_decoded(equals < pair.size() ? pair.substr(equals + 1) : std::string_view());
        if (!name || !value)
            return std::nullopt;
        fields.emplace(std::move(*name), std::move(*value));
    }
    return fields;
}

FormFields form_fields(const httplib::Request& request)
{
    if (request.is_multipart_form_data()) {
        FormFields fields;
        for (const auto& [name, part] : request.files)
            if (part.filename.empty())
                fields.emplace(name, part.content);
        return fields;
    }
    if (request.get_header_value("Content-Type").starts_with("application/x-www-form-urlencoded"))
        return urlencoded_fields(request.body).value_or(FormFields{});
    return {};
}

std::string field(const FormFields& fields, const std::string& name)
{
    const auto found = fields.find(name);
    return found == fields.end() ? std::string() : found->second;
}

bool from_this_site(const httplib::Request& request)
{
    const std::string host = request.get_header_value("Host");
    if (host.empty())
        return false;
    const std::string origin = "https://" + host;
    if (request.has_header("Origin"))
        return request.get_header_value("Origin") == origin;
    return request.get_header_value("Referer").starts_with(origin + "/");
}

std::string printable(std::string_view text)
{
    std::string shown(text.substr(0, 200));
    for (char& c : shown)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            c = '?';
    return shown;
}

bool same_secret(std::string_view a, std::string_view b)
{
    return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void add_page_headers(httplib::Response& response, Caching caching)
{
    response.set_header("Content-Security-Policy",
                        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                        "frame-ancestors 'none'; base-uri 'none'");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "same-origin");
    // The server speaks only HTTPS: a browser that has seen it never tries plain HTTP.
    response.set_header("Strict-Transport-Security", "max-age=31536000");
    response.set_header("Cache-Control", caching == Caching::Never ? "no-store" : "max-age=3600");
}

void send_page(httplib::Response& response, int status, std::string html)
{
    response.status = status;
    add_page_headers(response, Caching::Never);
    response.set_content(std::move(html), "text/html; charset=utf-8");
}

void redirect(httplib::Response& response, const std::string& location)
{
    response.status = 303;
    add_page_headers(response, Caching::Never);
    response.set_header("Location", location);
}

} // namespace olohuone::server::web
