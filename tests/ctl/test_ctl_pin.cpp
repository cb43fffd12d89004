// set-pin: the staff PIN from standard input (never the command line), checked, stored
// only as an argon2id hash, and a new PIN ending a lockout.
#include <gtest/gtest.h>

#include "app/staff_pin.h"
#include "kiosk_fixture.h"
#include "store/staff_access.h"

namespace olohuone::testing {
namespace {

class SetPinTest : public KioskFixture {
protected:
    std::optional<store::StaffPin> stored_pin() { return store::staff_pin(store().database()).value(); }
};

TEST_F(SetPinTest, APipedPinIsStoredAsAHashThatOnlyItMatches)
{
    const CtlRun run = kiosk({"set-pin"}, "2468\n");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "staff PIN set\n");
    const auto pin = stored_pin();
    ASSERT_TRUE(pin.has_value());
    EXPECT_EQ(pin->hash.rfind("$argon2id$", 0), 0u) << pin->hash;
    EXPECT_EQ(pin->hash.find("2468"), std::string::npos);
    EXPECT_TRUE(app::staff_pin_matches(pin->hash, "2468"));
    EXPECT_FALSE(app::staff_pin_matches(pin->hash, "1357"));
}

TEST_F(SetPinTest, ANewPinReplacesTheOldAndEndsALockout)
{
    ASSERT_EQ(kiosk({"set-pin"}, "2468\n").exit_code, 0);
    ASSERT_TRUE(store::note_staff_pin_failure(store().database(), 100).ok());
    ASSERT_TRUE(store::note_staff_pin_failure(store().database(), 110).ok());

    const CtlRun run = kiosk({"set-pin"}, "13579\r\n"); // a line from a Windows editor
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "staff PIN changed\n");
    EXPECT_TRUE(app::staff_pin_matches(stored_pin()->hash, "13579"));
    EXPECT_FALSE(app::staff_pin_matches(stored_pin()->hash, "2468"));
    EXPECT_EQ(store::staff_pin_failures(store().database()).value().count, 0);
}

TEST_F(SetPinTest, APinTooShortTooLongOrWithLettersIsRefusedAndNothingStored)
{
    for (const std::string bad : {"123", "123456789", "12a4", "12 34", ""}) {
        const CtlRun run = kiosk({"set-pin"}, bad + "\n");
        EXPECT_EQ(run.exit_code, 64) << "'" << bad << "'";
        EXPECT_NE(run.err.find("a PIN is 4 to 8 digits"), std::string::npos) << run.err;
        if (!bad.empty()) {
            EXPECT_EQ(run.err.find(bad), std::string::npos) << "the PIN is echoed: " << run.err;
        }
    }
    const CtlRun nothing = kiosk({"set-pin"}, "");
    EXPECT_EQ(nothing.exit_code, 64);
    EXPECT_NE(nothing.err.find("no PIN was given on standard input"), std::string::npos) << nothing.err;
    EXPECT_FALSE(stored_pin().has_value());
}

TEST_F(SetPinTest, APinOnTheCommandLineIsNotAccepted)
{
    const CtlRun run = kiosk({"set-pin", "2468"}, "1357\n");
    EXPECT_EQ(run.exit_code, 64);
    EXPECT_NE(run.err.find("2468"), std::string::npos) << "names what was not expected: " << run.err;
    EXPECT_FALSE(stored_pin().has_value());
}

TEST_F(SetPinTest, OnATerminalThePinIsAskedTwiceWithoutEcho)
{
    const TerminalRun run = run_ctl_on_terminal({"kiosk", "-c", config_path, "set-pin"}, {"8642", "8642"});
    ASSERT_EQ(run.exit_code, 0) << run.screen;
    EXPECT_NE(run.screen.find("New staff PIN (4 to 8 digits): "), std::string::npos) << run.screen;
    EXPECT_NE(run.screen.find("The same PIN again: "), std::string::npos) << run.screen;
    EXPECT_EQ(run.screen.find("8642"), std::string::npos) << "the PIN was shown: " << run.screen;
    EXPECT_NE(run.screen.find("staff PIN set"), std::string::npos) << run.screen;
    EXPECT_TRUE(app::staff_pin_matches(stored_pin()->hash, "8642"));
}

TEST_F(SetPinTest, TwoDifferentPinsOnATerminalChangeNothing)
{
    const TerminalRun run = run_ctl_on_terminal({"kiosk", "-c", config_path, "set-pin"}, {"8642", "8643"});
    EXPECT_EQ(run.exit_code, 64) << run.screen;
    EXPECT_NE(run.screen.find("the two PINs typed differ"), std::string::npos) << run.screen;
    EXPECT_FALSE(stored_pin().has_value());
}

} // namespace
} // namespace olohuone::testing
