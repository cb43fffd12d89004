#include "core/localized_text.h"

namespace olohuone {

const std::string& LocalizedText::in(const std::string& language) const
{
    const auto found = m_translations.find(language);
    if (found != m_translations.end() && !found->second.empty())
        return found->second;
    if (!m_default.empty())
        return m_default;
    // Only translations (an X-OLOHUONE-SUMMARY;LANGUAGE=sv without a SUMMARY): a text
    // in another language reads better than none.
    for (const auto& [other, text] : m_translations)
        if (!text.empty())
            return text;
    return m_default;
}

} // namespace olohuone
