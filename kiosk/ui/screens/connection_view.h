#pragma once
// Whether the kiosk has lost touch with its server, for the public screens' small
// offline note. Staff see the details elsewhere; visitors only need to know that what
// they do is still kept.
#include "core/civil_time.h"

namespace olohuone::ui {

class ConnectionView {
public:
    virtual ~ConnectionView() = default;
    virtual bool offline(UnixSeconds now) const = 0;
};

} // namespace olohuone::ui
