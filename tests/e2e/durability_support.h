#pragma once
// What the kill-and-restart tests share: a name per round and how many rounds to run.
#include <algorithm>
#include <cstdlib>
#include <string>

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

} // namespace olohuone::testing
