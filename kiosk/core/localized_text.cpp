#include "core/localized_text.h"

namespace olohuone {

const std::string& LocalizedText::in(const std::string& language) const
{
    const auto found = m_translations.find(language);
    if (found != m_translations.end() && !found->second.empty())
        return found->second;
    return m_default;
}

} // namespace olohuone
