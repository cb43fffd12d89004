// The staff PIN as the kiosk's desk checks it, on a real database file: the lockout holds
// whatever the screen does, survives a restart, and never gives a free guess.
#include <gtest/gtest.h>

#include <memory>

#include "app/staff_desk_service.h"
#include "app/staff_pin.h"
#include "app_test_support.h"
#include "support/instants.h"
#include "store/staff_access.h"
#include "store/store.h"

namespace olohuone::app {
namespace {

const UnixSeconds monday_10am = test::utc(2026, 11, 23, 8); // 10.00 in Helsinki

class StaffDeskTest : public ::testing::Test {
protected:
    StaffDeskTest() { reopen(); }

    // As a restarted kiosk opens it.
    void reopen()
    {
        m_desk.reset();
        m_activities.reset();
        m_visits.reset();
        m_store.reset();
        auto store = store::Store::open(m_dir.file("olohuone.sqlite3"));
        ASSERT_TRUE(store.ok()) << store.error().message;
        m_store = std::make_unique<store::Store>(std::move(store.value()));
        m_visits = std::make_unique<store::VisitLog>(m_store->database());
        m_activities = std::make_unique<store::ActivityLog>(m_store->database());
        m_desk = std::make_unique<StaffDeskService>(m_store->database(), *m_visits, *m_activities, RegistrationRules{},
                                                    m_connection, m_clock, m_zone);
    }

    void set_pin(const std::string& pin)
    {
        ASSERT_TRUE(store::set_staff_pin(m_store->database(), hash_staff_pin(pin).value(), m_clock.now()).ok());
    }

    int wrong_tries() { return store::staff_pin_failures(m_store->database()).value().count; }

    test::TempDir m_dir;
    ManualClock m_clock{monday_10am};
    TimeZone m_zone = TimeZone::named("Europe/Helsinki").value();
    SyncConnection m_connection{m_clock, 15};
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<store::VisitLog> m_visits;
    std::unique_ptr<store::ActivityLog> m_activities;
    std::unique_ptr<StaffDeskService> m_desk;
};

using Outcome = ui::PinAttempt::Outcome;

TEST_F(StaffDeskTest, TheRightPinWhileShutIsNotEvenChecked)
{
    set_pin("2468");
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(m_desk->try_pin("1111").outcome, Outcome::Wrong);
    const ui::PinAttempt attempt = m_desk->try_pin("2468");
    EXPECT_EQ(attempt.outcome, Outcome::Locked);
    EXPECT_EQ(attempt.wait_seconds, 30);
    EXPECT_EQ(wrong_tries(), 3) << "a try on a shut pad is not counted either way";
    m_clock.advance_ms(30'000);
    EXPECT_EQ(m_desk->try_pin("2468").outcome, Outcome::Accepted);
    EXPECT_EQ(wrong_tries(), 0);
}

TEST_F(StaffDeskTest, ARestartDoesNotOpenAShutPad)
{
    set_pin("2468");
    for (int i = 0; i < 3; ++i)
        (void)m_desk->try_pin("0000");
    m_clock.advance_ms(10'000);
    reopen();
    EXPECT_EQ(m_desk->pin_wait_seconds(), 20);
    EXPECT_EQ(m_desk->try_pin("2468").outcome, Outcome::Locked);
}

TEST_F(StaffDeskTest, AStoreThatCannotCountATryChecksNoPin)
{
    set_pin("2468");
    ASSERT_TRUE(m_store->database().execute_script("PRAGMA query_only = ON").ok());
    // Not even the right PIN: whoever can make writes fail must not get uncounted guesses.
    EXPECT_EQ(m_desk->try_pin("2468").outcome, Outcome::Failed);
    EXPECT_EQ(m_desk->try_pin("1111").outcome, Outcome::Failed);
    ASSERT_TRUE(m_store->database().execute_script("PRAGMA query_only = OFF").ok());
    EXPECT_EQ(wrong_tries(), 0);
    EXPECT_EQ(m_desk->try_pin("2468").outcome, Outcome::Accepted);
}

TEST_F(StaffDeskTest, AClockThatWentBackShutsThePadForTheRulesWaitNotUntilItCatchesUp)
{
    set_pin("2468");
    m_clock.set(monday_10am + 365LL * 86400); // a clock a year ahead, later corrected
    for (int i = 0; i < 3; ++i)
        (void)m_desk->try_pin("0000");
    m_clock.set(monday_10am);
    EXPECT_EQ(m_desk->pin_wait_seconds(), 30);
    m_clock.advance_ms(30'000);
    EXPECT_EQ(m_desk->pin_wait_seconds(), 0);
    EXPECT_EQ(m_desk->try_pin("2468").outcome, Outcome::Accepted);
}

TEST_F(StaffDeskTest, WrongPinsAnHourOldAreForgottenAndANewRunStartsAtOne)
{
    set_pin("2468");
    for (int i = 0; i < 8; ++i) {
        (void)m_desk->try_pin("0000");
        m_clock.advance_ms(m_desk->pin_wait_seconds() * 1000);
    }
    EXPECT_EQ(wrong_tries(), 8);
    m_clock.advance_ms(3600'000);
    EXPECT_EQ(m_desk->pin_wait_seconds(), 0);
    EXPECT_EQ(m_desk->try_pin("0000").outcome, Outcome::Wrong);
    EXPECT_EQ(wrong_tries(), 1);
    EXPECT_EQ(m_desk->pin_wait_seconds(), 0) << "one slip after a quiet hour costs nothing";
}

TEST_F(StaffDeskTest, WithoutAPinNothingIsCounted)
{
    EXPECT_EQ(m_desk->try_pin("1234").outcome, Outcome::NoPinSet);
    EXPECT_EQ(wrong_tries(), 0);
}

} // namespace
} // namespace olohuone::app
