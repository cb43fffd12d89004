// The staff PIN's rules and hash: only 4 to 8 digits are accepted, the hash is
// argon2id with a salt of its own, and only the right PIN matches it.
#include <gtest/gtest.h>

#include "app/staff_pin.h"

namespace olohuone::app {
namespace {

std::string hash_ok(std::string_view pin)
{
    auto hash = hash_staff_pin(pin);
    EXPECT_TRUE(hash.ok()) << (hash.ok() ? std::string() : hash.error().message);
    return hash.ok() ? hash.value() : std::string();
}

TEST(StaffPin, TheRightPinMatchesItsHashAndAWrongOneDoesNot)
{
    const std::string hash = hash_ok("2468");
    EXPECT_TRUE(staff_pin_matches(hash, "2468"));
    EXPECT_FALSE(staff_pin_matches(hash, "2469"));
    EXPECT_FALSE(staff_pin_matches(hash, "24680"));
    EXPECT_FALSE(staff_pin_matches(hash, ""));
}

TEST(StaffPin, TheHashIsArgon2idAndDoesNotHoldThePin)
{
    const std::string hash = hash_ok("13572468");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_EQ(hash.find("13572468"), std::string::npos);
}

TEST(StaffPin, TwoHashesOfOnePinDifferButBothMatch)
{
    const std::string first = hash_ok("4711");
    const std::string second = hash_ok("4711");
    EXPECT_NE(first, second) << "each hash has a salt of its own";
    EXPECT_TRUE(staff_pin_matches(first, "4711"));
    EXPECT_TRUE(staff_pin_matches(second, "4711"));
}

TEST(StaffPin, FourToEightDigitsAreAccepted)
{
    EXPECT_FALSE(staff_pin_problem("0000").has_value());
    EXPECT_FALSE(staff_pin_problem("12345678").has_value());
    EXPECT_TRUE(staff_pin_matches(hash_ok("0000"), "0000"));
    EXPECT_TRUE(staff_pin_matches(hash_ok("12345678"), "12345678"));
}

TEST(StaffPin, BadFormatsAreRefusedWithTheRule)
{
    for (const std::string_view pin : {"12a4", "abcd", "123", "123456789", "", "12 34", "１２３４", "-1234"}) {
        const auto problem = staff_pin_problem(pin);
        ASSERT_TRUE(problem.has_value()) << "'" << pin << "'";
        EXPECT_NE(problem->find("4 to 8 digits"), std::string::npos) << *problem;
        auto hash = hash_staff_pin(pin);
        ASSERT_FALSE(hash.ok()) << "'" << pin << "' was hashed";
        EXPECT_EQ(hash.error().message, *problem);
    }
}

TEST(StaffPin, TooShortAndTooLongSayHowManyDigitsWereGiven)
{
    EXPECT_NE(staff_pin_problem("123")->find("has 3"), std::string::npos);
    EXPECT_NE(staff_pin_problem("123456789")->find("has 9"), std::string::npos);
}

TEST(StaffPin, AMalformedHashMatchesNothing)
{
    EXPECT_FALSE(staff_pin_matches("", "1234"));
    EXPECT_FALSE(staff_pin_matches("not a hash", "1234"));
    const std::string hash = hash_ok("1234");
    EXPECT_FALSE(staff_pin_matches(hash.substr(0, hash.size() - 4), "1234"));
}

} // namespace
} // namespace olohuone::app
