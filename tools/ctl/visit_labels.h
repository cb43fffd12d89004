#pragma once
// The names of visitor groups, "whom" choices and markers as the kiosk shows them in its
// default language (content/visitors.toml), for reports a person reads. An id the
// content no longer has is shown as the id itself.
#include <optional>
#include <string>

#include "app/config.h"
#include "core/visits.h"

namespace olohuone::ctl {

class VisitLabels {
public:
    // Reads the content's visitors.toml; when it cannot, warns once on standard error and
    // shows ids.
    explicit VisitLabels(const app::KioskConfig& config);

    std::string group(const std::string& id) const;
    std::string whom(const std::string& id) const;
    std::string marker(const std::string& id) const;

private:
    std::string m_language;
    std::optional<VisitOptions> m_options;
};

} // namespace olohuone::ctl
