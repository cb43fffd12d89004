#include "sync/retry_timing.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>

namespace olohuone::sync {
namespace {

constexpr int max_retry_after_seconds = 3600;

std::optional<UnixSeconds> parse_http_date(std::string_view value)
{
    // IMF-fixdate, the only form a server may send: "Sun, 06 Nov 1994 08:49:37 GMT".
    constexpr std::array<const char*, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string text(value.substr(0, 40));
    char weekday[4] = {};
    char month[4] = {};
    char zone[4] = {};
    int day = 0;
    int year = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (std::sscanf(text.c_str(), "%3s, %d %3s %d %d:%d:%d %3s", weekday, &day, month, &year, &hour, &minute, &second,
                    zone)
            != 8
        || std::strcmp(zone, "GMT") != 0)
        return std::nullopt;
    const auto found = std::find_if(months.begin(), months.end(),
                                    [&](const char* name) { return std::strcmp(name, month) == 0; });
    const CivilDate date{year, static_cast<int>(found - months.begin()) + 1, day};
    if (found == months.end() || !date.valid() || hour > 23 || minute > 59 || second > 60 || hour < 0 || minute < 0
        || second < 0)
        return std::nullopt;
    return date.days_since_epoch() * 86400 + hour * 3600 + minute * 60 + second;
}

} // namespace

int retry_delay_seconds(const RetryPolicy& policy, int failures, double unit_random)
{
    const int first = std::max(1, policy.first_delay_seconds);
    const int bound = std::max(first, policy.max_delay_seconds);
    long long delay = first;
    for (int i = 1; i < failures && delay < bound; ++i)
        delay *= 2;
    delay = std::min<long long>(delay, bound);
    const double jitter = 0.5 + 0.5 * std::clamp(unit_random, 0.0, 1.0);
    return std::max(1, static_cast<int>(static_cast<double>(delay) * jitter));
}

std::optional<int> parse_retry_after(std::string_view value, UnixSeconds now)
{
    while (!value.empty() && value.front() == ' ')
        value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ')
        value.remove_suffix(1);
    if (value.empty())
        return std::nullopt;
    long long seconds = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (error == std::errc() && end == value.data() + value.size())
        return seconds < 0 ? std::nullopt : std::optional<int>(std::min<long long>(seconds, max_retry_after_seconds));
    if (error == std::errc::result_out_of_range)
        return max_retry_after_seconds;
    const auto date = parse_http_date(value);
    if (!date)
        return std::nullopt;
    return static_cast<int>(std::clamp<long long>(*date - now, 0, max_retry_after_seconds));
}

} // namespace olohuone::sync
