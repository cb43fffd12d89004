#include "web/web_texts.h"

#include <cstdio>

#include "kiosk_list.h"
#include "web/embedded_files.h"

namespace olohuone::server::web {

Result<Catalog> load_web_texts() { return Catalog::parse(finnish_texts_toml(), "web/texts/fi.toml"); }

std::string local_time_text(const Catalog& texts, const TimeZone& zone, UnixSeconds at, UnixSeconds now)
{
    const LocalDateTime local = zone.to_local(at);
    const std::string clock = texts.clock(local.time);
    const std::string date = texts.short_date(local.date);
    if (local.date.year == zone.to_local(now).date.year)
        return texts.format("time.at", {{"date", date}, {"clock", clock}});
    const std::string year = std::to_string(local.date.year);
    return texts.format("time.at_year", {{"date", date}, {"year", year}, {"clock", clock}});
}

std::string ago_text(const Catalog& texts, std::int64_t seconds)
{
    const std::int64_t minutes = seconds / 60;
    if (minutes < 1)
        return texts.text("time.just_now");
    if (minutes < 60)
        return texts.format("time.minutes_ago", {{"minutes", std::to_string(minutes)}});
    if (minutes < 48 * 60 && minutes % 60 == 0)
        return texts.format("time.whole_hours_ago", {{"hours", std::to_string(minutes / 60)}});
    if (minutes < 48 * 60)
        return texts.format("time.hours_ago",
                            {{"hours", std::to_string(minutes / 60)}, {"minutes", std::to_string(minutes % 60)}});
    return texts.format("time.days_ago", {{"days", std::to_string(minutes / (24 * 60))}});
}

std::string duration_text(const Catalog& texts, std::int64_t seconds)
{
    const std::int64_t minutes = seconds / 60;
    if (minutes < 60)
        return texts.format("duration.minutes", {{"minutes", std::to_string(minutes)}});
    if (minutes < 48 * 60 && minutes % 60 == 0)
        return texts.format("duration.whole_hours", {{"hours", std::to_string(minutes / 60)}});
    if (minutes < 48 * 60)
        return texts.format("duration.hours",
                            {{"hours", std::to_string(minutes / 60)}, {"minutes", std::to_string(minutes % 60)}});
    return texts.format("duration.days",
                        {{"days", std::to_string(minutes / (24 * 60))}, {"hours", std::to_string(minutes / 60 % 24)}});
}

std::string size_words(const Catalog& texts, std::int64_t bytes)
{
    if (bytes < 1024)
        return std::to_string(bytes) + " B";
    const auto [value, unit] = in_binary_units(bytes);
    char text[32];
    if (value == static_cast<double>(static_cast<std::int64_t>(value)))
        std::snprintf(text, sizeof text, "%lld %s", static_cast<long long>(value), unit);
    else
        std::snprintf(text, sizeof text, "%.1f %s", value, unit);
    std::string words = text;
    if (const auto point = words.find('.'); point != std::string::npos)
        words.replace(point, 1, texts.text("number.decimal_mark"));
    return words;
}

} // namespace olohuone::server::web
