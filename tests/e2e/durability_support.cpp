#include "durability_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace olohuone::testing {

using namespace std::chrono_literals;

bool type_and_confirm(KioskProcess& kiosk, const std::string& name, KillAt kill_at,
                      const std::string& confirm_screen, std::mt19937& random)
{
    for (std::size_t i = 0; i < name.size(); ++i) {
        kiosk.send(name[i] == ' ' ? "tap key/space" : std::string("tap key/") + name[i]);
        if (kill_at == KillAt::WhileTyping && i == random() % name.size())
            break;
    }
    if (kill_at == KillAt::WhileTyping)
        return false;
    kiosk.send("tap name/done");
    if (!kiosk.wait_for_screen(confirm_screen, 5s)) {
        ADD_FAILURE() << "no " << confirm_screen << " after typing " << name;
        return false;
    }
    kiosk.send("tap confirm/yes");
    if (kill_at == KillAt::JustAfterConfirm)
        std::this_thread::sleep_for(std::chrono::microseconds(random() % 30'000));
    else
        std::this_thread::sleep_for(std::chrono::microseconds(30'000 + random() % 100'000));
    return true;
}

StoredPerName stored_per_name(sql::Database& database, std::string_view query)
{
    StoredPerName stored;
    auto select = database.prepare(query);
    EXPECT_TRUE(select.ok());
    if (!select)
        return stored;
    while (select->step().value())
        stored[select->column_text(0)] = {select->column_int(1), select->column_int(2)};
    return stored;
}

void expect_thanked_stored_once(const std::map<std::string, int>& thanked, const StoredPerName& stored,
                                const std::string& records, int total, int confirm_rounds)
{
    for (const auto& [name, times] : thanked) {
        ASSERT_EQ(times, 1) << name << " was thanked in two rounds: the test's names must differ";
        const auto found = stored.find(name);
        ASSERT_NE(found, stored.end()) << name << " was thanked but is not in the database";
        EXPECT_EQ(found->second.first, 1) << name << " has " << found->second.first << " " << records;
        EXPECT_EQ(found->second.second, 1) << name << " has " << found->second.second << " outbox rows";
    }
    EXPECT_GT(thanked.size(), static_cast<std::size_t>(total / 10)) << "too few rounds reached the thank-you";
    EXPECT_LT(thanked.size(), static_cast<std::size_t>(confirm_rounds))
        << "no round was killed between confirming and thanking";
}

} // namespace olohuone::testing
