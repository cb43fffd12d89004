#pragma once
// Steps the flow tests share: a tap followed by the pause a person leaves before the
// next one, and a figure read from the kiosk's database.
#include <gtest/gtest.h>

#include <string>

#include "offscreen_kiosk.h"

namespace olohuone::testing {

inline void tap(OffscreenKiosk& kiosk, const std::string& id)
{
    kiosk.tap(id);
    kiosk.advance_ms(600);
}

inline std::int64_t count(OffscreenKiosk& kiosk, const std::string& sql)
{
    auto value = kiosk.services().store().database().query_int(sql);
    EXPECT_TRUE(value.ok()) << sql;
    return value.ok() ? value.value() : -1;
}

} // namespace olohuone::testing
