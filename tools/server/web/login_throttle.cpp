#include "web/login_throttle.h"

#include <algorithm>

namespace olohuone::server::web {
namespace {

constexpr std::int64_t max_wait_ms = 30'000;
constexpr int address_failures_per_login_failure = 4;
// Enough for every name a real office types wrong; a flood of made-up names is cut
// down to the entries still counting.
constexpr std::size_t entries_kept = 100000;

std::int64_t wait_ms_after(int failures)
{
    return failures < 1 ? 0 : std::min<std::int64_t>(std::int64_t{1000} << std::min(failures - 1, 10), max_wait_ms);
}

std::int64_t seconds_rounded_up(std::int64_t ms) { return (ms + 999) / 1000; }

} // namespace

LoginThrottle::LoginThrottle(int failures_before_lockout, int lockout_minutes)
    : m_failures_before_lockout(failures_before_lockout), m_lockout_ms(std::int64_t{lockout_minutes} * 60'000)
{
}

LoginThrottle::Failures LoginThrottle::current(const Table& table, const std::string& key, MonotonicMs now) const
{
    const auto found = table.find(key);
    if (found == table.end())
        return {};
    const Failures& failures = found->second;
    if (failures.locked_until > now)
        return failures;
    if (failures.locked_until != 0 || now - failures.last >= m_lockout_ms)
        return {}; // a lock that ran out, or failures long ago: a fresh start
    return failures;
}

LoginThrottle::Decision LoginThrottle::check(const std::string& login, const std::string& address, MonotonicMs now)
{
    const std::lock_guard lock(m_mutex);
    const Failures by_address = current(m_addresses, address, now);
    const Failures by_login = current(m_logins, login, now);
    const MonotonicMs locked_until = std::max(by_address.locked_until, by_login.locked_until);
    if (locked_until > now)
        return {Verdict::Locked, seconds_rounded_up(locked_until - now)};
    const MonotonicMs next_try = by_login.count > 0 ? by_login.last + wait_ms_after(by_login.count) : 0;
    if (next_try > now)
        return {Verdict::Wait, seconds_rounded_up(next_try - now)};
    return {};
}

LoginThrottle::Lockouts LoginThrottle::note_failure(const std::string& login, const std::string& address,
                                                    MonotonicMs now)
{
    const std::lock_guard lock(m_mutex);
    Lockouts news;
    const auto count = [&](Table& table, const std::string& key, int limit) {
        if (table.size() >= entries_kept)
            forget_old(table, now);
        Failures failures = current(table, key, now);
        ++failures.count;
        failures.last = now;
        const bool locks = failures.count >= limit && failures.locked_until <= now;
        if (locks)
            failures.locked_until = now + m_lockout_ms;
        table[key] = failures;
        return std::pair{locks, failures.count};
    };
    const auto [login_locked, login_failures] = count(m_logins, login, m_failures_before_lockout);
    news.login = login_locked;
    news.failures = login_failures;
    news.address = count(m_addresses, address, m_failures_before_lockout * address_failures_per_login_failure).first;
    return news;
}

void LoginThrottle::note_success(const std::string& login)
{
    const std::lock_guard lock(m_mutex);
    m_logins.erase(login);
}

void LoginThrottle::forget_old(Table& table, MonotonicMs now)
{
    std::erase_if(table, [&](const auto& entry) {
        return entry.second.locked_until <= now && now - entry.second.last >= m_lockout_ms;
    });
    if (table.size() >= entries_kept) // still full of fresh failures: keep only the locks
        std::erase_if(table, [&](const auto& entry) { return entry.second.locked_until <= now; });
}

} // namespace olohuone::server::web
