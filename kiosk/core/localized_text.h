#pragma once
// A text in several languages with the default language (Finnish) as the fallback.
#include <map>
#include <string>

namespace olohuone {

class LocalizedText {
public:
    LocalizedText() = default;
    explicit LocalizedText(std::string default_text) : m_default(std::move(default_text)) {}

    void set_default(std::string text) { m_default = std::move(text); }
    void set(const std::string& language, std::string text) { m_translations[language] = std::move(text); }

    // The text in `language`, or the default if there is no translation, or failing
    // both any translation there is.
    const std::string& in(const std::string& language) const;
    const std::string& default_text() const { return m_default; }
    const std::map<std::string, std::string>& translations() const { return m_translations; }
    bool empty() const { return m_default.empty() && m_translations.empty(); }

    bool operator==(const LocalizedText&) const = default;

private:
    std::string m_default;
    std::map<std::string, std::string> m_translations;
};

} // namespace olohuone
