#include "feed_poller.h"

#include <chrono>

#include "background_thread.h"
#include "core/log.h"
#include "feed_fetch.h"
#include "feed_url.h"
#include "site_programme.h"

namespace olohuone::server {

FeedPoller::FeedPoller(ServerStore& store, const ServerConfig& config, const Clock& clock, const TimeZone& zone)
    : m_store(store), m_config(config), m_clock(clock), m_zone(zone)
{
}

FeedPoller::~FeedPoller() { stop(); }

void FeedPoller::start()
{
    if (m_thread.joinable())
        return;
    m_thread = start_background_thread([this] { run(); });
}

void FeedPoller::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void FeedPoller::run()
{
    const auto interval = std::chrono::minutes(m_config.feed_refresh_minutes);
    for (;;) {
        poll_all();
        std::unique_lock lock(m_mutex);
        if (m_wake.wait_for(lock, interval, [this] { return m_stopping.load(); }))
            return;
    }
}

void FeedPoller::poll_all()
{
    auto feeds = m_store.feeds();
    if (!feeds) {
        log::error("feeds not read: " + feeds.error().message);
        return;
    }
    for (const SiteFeed& feed : feeds.value()) {
        if (m_stopping)
            return;
        poll(feed);
    }
}

void FeedPoller::poll(const SiteFeed& feed)
{
    const std::string where = "feed of site " + std::to_string(feed.site_id) + " (" + url_for_log(feed.url) + ")";
    const auto kept = [&](const std::string& why) {
        log::warning(where + ": " + why + "; the programme stays as it was");
    };

    auto fetched = fetch_feed({feed.url, feed.etag, feed.last_modified, m_config.feed_ca_file}, m_stopping);
    if (!fetched) {
        if (!m_stopping)
            kept("not read: " + fetched.error().message);
        return;
    }
    if (fetched->answer == FeedAnswer::NotModified)
        return;

    const UnixSeconds now = m_clock.now();
    // Named for the importer's messages; the log line names the URL already.
    auto imported = read_calendars({{feed_calendar_name, fetched->body}}, m_zone, now);
    if (!imported) {
        kept("not used: " + imported.error().message);
        return;
    }
    SiteCalendar calendar = make_site_calendar(feed_calendar_name, std::move(fetched->body), CalendarSource::Feed);

    auto programme = m_store.site_programme(feed.site_id, CalendarTexts::Include);
    if (!programme) {
        log::error(where + ": the site's programme could not be read: " + programme.error().message);
        return;
    }
    bool changed = true;
    std::vector<SiteCalendar> after;
    for (SiteCalendar& other : programme->calendars) {
        if (other.name == feed_calendar_name)
            changed = other.ics_hash != calendar.ics_hash;
        else
            after.push_back(std::move(other));
    }
    after.push_back(calendar);
    if (auto fits = check_programme_size(after); !fits) {
        kept("not used: " + fits.error().message);
        return;
    }

    const SiteFeed answered{feed.site_id, feed.url, fetched->etag, fetched->last_modified};
    auto stored = m_store.store_feed_calendar(answered, calendar, now);
    if (!stored)
        log::error(where + ": the calendar could not be stored: " + stored.error().message);
    else if (!stored.value())
        log::info(where + ": changed while it was read; the new setting is read next time");
    else if (changed)
        log::info(where + ": new programme, " + std::to_string(imported->occurrences.size()) + " occurrences");
}

} // namespace olohuone::server
