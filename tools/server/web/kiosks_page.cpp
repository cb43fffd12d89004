#include "web/kiosks_page.h"

#include <algorithm>

#include "kiosk_list.h"
#include "web/simple_pages.h"
#include "web/web_texts.h"

namespace olohuone::server::web {
namespace {

// "ti 24.11. klo 10.15 (12 min sitten)"
std::string heard_text(const Catalog& texts, const TimeZone& zone, UnixSeconds at, UnixSeconds now)
{
    return local_time_text(texts, zone, at, now) + " (" + ago_text(texts, std::max<std::int64_t>(0, now - at)) + ")";
}

void fact(Html& html, const std::string& name, const std::string& value)
{
    html.element("dt", name);
    html.element("dd", value);
}

void kiosk_card(Html& html, const Catalog& texts, const TimeZone& zone, const KiosksView& view,
                const KioskStatus& kiosk)
{
    const auto heard = last_heard(kiosk);
    const bool silent = kiosk_is_silent(kiosk, view.now, view.silent_warning_minutes);
    html.open("section", {{"class", kiosk.revoked ? "card revoked" : silent ? "card warning" : "card"}});
    html.element("h3", kiosk.name);
    if (kiosk.revoked)
        html.element("p", {{"class", "badge quiet"}}, texts.text("kiosks.revoked_badge"));
    else if (silent && heard)
        html.element("p", {{"class", "badge warning"}},
                     texts.format("kiosks.silent_badge", {{"duration", duration_text(texts, view.now - *heard)}}));
    else if (silent)
        html.element("p", {{"class", "badge warning"}}, texts.text("kiosks.never_badge"));

    html.open("dl", {{"class", "facts"}});
    fact(html, texts.text("kiosks.last_heard"),
         heard ? heard_text(texts, zone, *heard, view.now) : texts.text("kiosks.never"));
    if (kiosk.heartbeat) {
        const Heartbeat& beat = *kiosk.heartbeat;
        fact(html, texts.text("kiosks.version"), beat.version);
        fact(html, texts.text("kiosks.queue"), std::to_string(beat.queue_length));
        fact(html, texts.text("kiosks.last_sync"),
             beat.last_sync_at ? heard_text(texts, zone, *beat.last_sync_at, view.now) : texts.text("kiosks.never"));
        fact(html, texts.text("kiosks.uptime"), duration_text(texts, beat.uptime_seconds));
        fact(html, texts.text("kiosks.free_disk"), size_words(texts, beat.free_disk_bytes));
    }
    html.close();
    if (kiosk.heartbeat && kiosk.heartbeat_at)
        html.element(
            "p", {{"class", "muted"}},
            texts.format("kiosks.status_at", {{"when", local_time_text(texts, zone, *kiosk.heartbeat_at, view.now)}}));
    else if (!kiosk.revoked)
        html.element("p", {{"class", "muted"}}, texts.text("kiosks.no_status"));
    html.close();
}

} // namespace

bool kiosk_is_silent(const KioskStatus& kiosk, UnixSeconds now, int silent_warning_minutes)
{
    const auto heard = last_heard(kiosk);
    return !kiosk.revoked && (!heard || now - *heard > std::int64_t{silent_warning_minutes} * 60);
}

std::string kiosks_page(const Catalog& texts, const TimeZone& zone, const KiosksView& view)
{
    Html html;
    open_page(html, texts, {texts.text("kiosks.title"), Section::Kiosks, &view.signed_in, view.notice, {}});
    const auto silent = std::count_if(view.kiosks.begin(), view.kiosks.end(), [&](const KioskStatus& kiosk) {
        return kiosk_is_silent(kiosk, view.now, view.silent_warning_minutes);
    });
    if (silent > 0) {
        const std::string limit = duration_text(texts, std::int64_t{view.silent_warning_minutes} * 60);
        const std::string summary = silent == 1
            ? texts.format("kiosks.silent_one", {{"limit", limit}})
            : texts.format("kiosks.silent_many", {{"count", std::to_string(silent)}, {"limit", limit}});
        html.open("div", {{"class", "notice warning"}, {"role", "alert"}});
        html.element("p", summary);
        html.close();
    }
    if (view.kiosks.empty())
        html.element("p", texts.text("kiosks.none"));
    for (const SiteInfo& site : view.signed_in.sites) {
        std::vector<const KioskStatus*> at_site;
        for (const KioskStatus& kiosk : view.kiosks)
            if (kiosk.site_id == site.id)
                at_site.push_back(&kiosk);
        if (at_site.empty())
            continue;
        // Silent kiosks first, then by name: what needs a look is on top.
        std::stable_sort(at_site.begin(), at_site.end(), [&](const KioskStatus* a, const KioskStatus* b) {
            const bool a_silent = kiosk_is_silent(*a, view.now, view.silent_warning_minutes);
            const bool b_silent = kiosk_is_silent(*b, view.now, view.silent_warning_minutes);
            return a_silent != b_silent ? a_silent : a->name < b->name;
        });
        html.open("section");
        html.element("h2", site.name);
        html.open("p");
        html.element("a", {{"href", week_path(site.id)}}, texts.format("kiosks.programme_link", {{"site", site.name}}));
        html.close();
        html.open("div", {{"class", "cards"}});
        for (const KioskStatus* kiosk : at_site)
            kiosk_card(html, texts, zone, view, *kiosk);
        html.close();
        html.close();
    }
    return html.finish();
}

} // namespace olohuone::server::web
