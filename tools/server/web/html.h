#pragma once
// Builds an HTML document: every text and attribute value is escaped as it goes in, and
// elements close in the order they opened. Tag and attribute names come from code only.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace olohuone::server::web {

// "<", "&" and quotes as character references: safe in text and in quoted attributes.
std::string escape_html(std::string_view text);

class Html {
public:
    using Attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;
    // For attributes that depend on the page: built up first, then written.
    using AttributeList = std::vector<std::pair<std::string, std::string>>;

    // <tag attributes...>; closed by close() or finish().
    Html& open(std::string_view tag, Attributes attributes = {});
    Html& close();
    Html& text(std::string_view text);
    // <tag attributes...>text</tag>
    Html& element(std::string_view tag, Attributes attributes, std::string_view text);
    Html& element(std::string_view tag, std::string_view text) { return element(tag, {}, text); }
    // An element without content or end tag: <input>, <meta>, <link>.
    Html& single(std::string_view tag, Attributes attributes);
    Html& single(std::string_view tag, const AttributeList& attributes);

    // The document, with "<!DOCTYPE html>" and every element still open closed.
    std::string finish();

private:
    template <typename List>
    void start_tag(std::string_view tag, const List& attributes);

    std::string m_out = "<!DOCTYPE html>\n";
    std::vector<std::string> m_open;
};

} // namespace olohuone::server::web
