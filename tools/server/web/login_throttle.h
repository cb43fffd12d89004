#pragma once
// Slows password guessing down (docs/web.md): after a failed login, the next try for the
// same login name must wait 1 s, then 2, 4, 8 … up to 30 s; after
// `failures_before_lockout` failures in a row the name is locked for `lockout_minutes`,
// and an address that fails four times as often is locked as long, whatever names it
// tries. Kept in memory: a restart is no help to someone guessing, who cannot cause one.
// Times are the monotonic clock's milliseconds: a wall clock set back unlocks nothing.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.h"

namespace olohuone::server::web {

class LoginThrottle {
public:
    LoginThrottle(int failures_before_lockout, int lockout_minutes);

    enum class Verdict { Try, Wait, Locked };
    struct Decision {
        Verdict verdict = Verdict::Try;
        std::int64_t seconds = 0; // how long to wait, or how long the lock still holds (rounded up)
    };
    // Whether a login attempt may check its password now.
    Decision check(const std::string& login, const std::string& address, MonotonicMs now);

    struct Lockouts {
        bool login = false; // this failure locked the login name
        bool address = false; // … or the address
        int failures = 0; // failures in a row for the name, this one included
    };
    Lockouts note_failure(const std::string& login, const std::string& address, MonotonicMs now);
    // The name's failures are forgotten; the address's are not (it may be guessing others).
    void note_success(const std::string& login);

private:
    struct Failures {
        int count = 0;
        MonotonicMs last = 0;
        MonotonicMs locked_until = 0; // 0: not locked
    };
    using Table = std::unordered_map<std::string, Failures>;

    // The entry's failures, forgotten once the lockout period has passed since the last one.
    Failures current(const Table& table, const std::string& key, MonotonicMs now) const;
    void forget_old(Table& table, MonotonicMs now);

    int m_failures_before_lockout;
    std::int64_t m_lockout_ms;
    std::mutex m_mutex;
    Table m_logins;
    Table m_addresses;
};

} // namespace olohuone::server::web
