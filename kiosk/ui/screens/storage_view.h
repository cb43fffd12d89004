#pragma once
// Whether the kiosk can store records at all: on a full disk it cannot, and the public
// screens say so before a visitor types a name in vain. Reading (the programme) goes on.
#include <optional>

#include "core/clock.h"

namespace olohuone::ui {

class StorageView {
public:
    virtual ~StorageView() = default;
    virtual bool full() const = 0;
    // While full: tries again whether a record could be stored, when it is time to; true
    // when the answer changed (the screen needs drawing again).
    virtual bool check_again_if_due() = 0;
    // When check_again_if_due() has something to do next, while full.
    virtual std::optional<MonotonicMs> next_check_ms() const = 0;
};

} // namespace olohuone::ui
