#pragma once
// What the kill-and-restart tests share: a name per round and how many rounds to run.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <utility>

#include "kiosk_process.h"
#include "store/sqlite.h"

namespace olohuone::testing {

// A different one-word name each round (so no two share a short name and need a marker),
// typed key by key; consonants and vowels alternate, so no key is pressed twice in a
// row (the tremor guard would rightly ignore the second).
inline std::string name_for(int round)
{
    static const std::string consonants = "bdfghjklmnprstv";
    std::string word;
    int n = round;
    do {
        word += consonants[static_cast<std::size_t>(n % 15)];
        word += 'a';
        n /= 15;
    } while (n > 0);
    return word;
}

inline int rounds()
{
    const char* configured = std::getenv("OLOHUONE_DURABILITY_ROUNDS");
    return configured ? std::max(1, std::atoi(configured)) : 300;
}

// The rounds one shard of a kill test does: `shards` tests, each on a database of its
// own, that together do all `total` rounds (with different names), so ctest runs them
// side by side.
struct RoundRange {
    int first = 0;
    int end = 0;
};
inline RoundRange shard_of(int shard, int shards, int total)
{
    return {total * shard / shards, total * (shard + 1) / shards};
}
// Shards of at least 150 rounds: about one confirmed round in ten is killed before its
// thank-you, and a shard in which none was would prove nothing (so the sanitizer pass's
// 100 and 50 rounds stay one shard each).
inline int shard_count(int total) { return std::max(1, total / 150); }

// When in the round the kiosk dies.
enum class KillAt { WhileTyping, JustAfterConfirm, AroundThanks };

// On the name screen: types `name` key by key, to a random key only when the kiosk is to
// die while typing; otherwise taps "Valmis", waits for `confirm_screen`, taps "Kyllä" and
// lets a random moment pass before the kill: less than storing the record takes, or
// around the thank-you. Returns whether "Kyllä" was tapped.
bool type_and_confirm(KioskProcess& kiosk, const std::string& name, KillAt kill_at,
                      const std::string& confirm_screen, std::mt19937& random);

// Folded name → (records, outbox rows), from a query that returns those three columns.
using StoredPerName = std::map<std::string, std::pair<std::int64_t, std::int64_t>>;
StoredPerName stored_per_name(sql::Database& database, std::string_view query);

// Every name thanked (in one round only) is stored once with its one outbox row, and the
// run reached both sides of the race, or it proved nothing. `records` names them in
// messages ("visits").
void expect_thanked_stored_once(const std::map<std::string, int>& thanked, const StoredPerName& stored,
                                const std::string& records, int total, int confirm_rounds);

} // namespace olohuone::testing
