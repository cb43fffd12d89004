#pragma once
// A browser's part in the tests of the coordinators' pages, over real HTTPS with libcurl:
// it keeps the cookies the server sets (as a browser would: by name, removed at
// Max-Age=0), sends forms (urlencoded or multipart, with an Origin header like a browser
// or without), never follows redirects by itself, and finds the hidden CSRF field in a
// page.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "server_process.h"

namespace olohuone::testing {

// Where a form says it comes from.
enum class FormOrigin {
    ThisSite, // Origin: https://127.0.0.1:PORT, as a browser sends it
    RefererOnly, // no Origin, a Referer of one of the server's pages
    OtherSite, // Origin: https://attacker.example
    NoneAtAll, // neither header
};

struct FormFile {
    std::string field;
    std::string filename;
    std::string content;
};

struct SetCookie {
    std::string name;
    std::string value;
    std::string attributes; // everything after the value, as sent
};

class WebClient {
public:
    WebClient(int port, std::string ca);

    HttpAnswer get(const std::string& path);
    HttpAnswer post_form(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                         FormOrigin origin = FormOrigin::ThisSite);
    HttpAnswer post_files(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::vector<FormFile>& files, FormOrigin origin = FormOrigin::ThisSite);

    // GET /login, then POST the form with these; the answer to the POST.
    HttpAnswer log_in(const std::string& login, const std::string& password);

    std::string cookie(const std::string& name) const;
    // Sets a cookie as if the server had (none, when `value` is empty).
    void set_cookie(const std::string& name, const std::string& value)
    {
        if (value.empty())
            m_cookies.erase(name);
        else
            m_cookies[name] = value;
    }
    // The value of the hidden "csrf" field in `page`, or "".
    static std::string csrf_of(const std::string& page);
    // Every Set-Cookie of an answer.
    static std::vector<SetCookie> set_cookies(const HttpAnswer& answer);

    std::string base() const { return m_base; }

private:
    HttpAnswer perform(const std::string& path, const std::vector<std::string>& headers,
                       const std::vector<std::pair<std::string, std::string>>* fields,
                       const std::vector<FormFile>* files, FormOrigin origin);

    std::string m_base;
    std::string m_ca;
    std::map<std::string, std::string> m_cookies;
};

} // namespace olohuone::testing
