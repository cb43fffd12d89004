#include "web/html.h"

namespace olohuone::server::web {

std::string escape_html(std::string_view text)
{
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            escaped += "&amp;";
            break;
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '"':
            escaped += "&quot;";
            break;
        case '\'':
            escaped += "&#39;";
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

template <typename List>
void Html::start_tag(std::string_view tag, const List& attributes)
{
    m_out += '<';
    m_out += tag;
    for (const auto& [name, value] : attributes) {
        m_out += ' ';
        m_out += name;
        m_out += "=\"";
        m_out += escape_html(value);
        m_out += '"';
    }
    m_out += '>';
}

Html& Html::open(std::string_view tag, Attributes attributes)
{
    start_tag(tag, attributes);
    m_open.emplace_back(tag);
    return *this;
}

Html& Html::close()
{
    if (m_open.empty())
        return *this;
    m_out += "</" + m_open.back() + ">";
    m_open.pop_back();
    return *this;
}

Html& Html::text(std::string_view text)
{
    m_out += escape_html(text);
    return *this;
}

Html& Html::element(std::string_view tag, Attributes attributes, std::string_view text)
{
    open(tag, attributes);
    this->text(text);
    return close();
}

Html& Html::single(std::string_view tag, Attributes attributes)
{
    start_tag(tag, attributes);
    return *this;
}

Html& Html::single(std::string_view tag, const AttributeList& attributes)
{
    start_tag(tag, attributes);
    return *this;
}

std::string Html::finish()
{
    while (!m_open.empty())
        close();
    return std::move(m_out);
}

} // namespace olohuone::server::web
