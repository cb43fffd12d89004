#include "visit_labels.h"

#include <cstdio>

#include "app/visit_options.h"

namespace olohuone::ctl {

VisitLabels::VisitLabels(const app::KioskConfig& config) : m_language(config.language)
{
    auto options = app::load_visit_options(config.content_dir, config.languages);
    if (options)
        m_options = std::move(options.value());
    else
        std::fprintf(stderr, "olohuonectl: warning: the groups are shown by their ids: %s\n",
                     options.error().message.c_str());
}

std::string VisitLabels::group(const std::string& id) const
{
    const VisitorGroup* found = m_options ? m_options->group(id) : nullptr;
    return found ? found->label.in(m_language) : id;
}

std::string VisitLabels::whom(const std::string& id) const
{
    if (m_options)
        for (const WhomChoice& choice : m_options->whom)
            if (choice.id == id)
                return choice.label.in(m_language);
    return id;
}

std::string VisitLabels::marker(const std::string& id) const
{
    const NameMarker* found = m_options ? m_options->marker(id) : nullptr;
    return found ? found->label.in(m_language) : id;
}

} // namespace olohuone::ctl
