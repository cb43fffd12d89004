#include "web/kiosk_edits_box.h"

#include "web/web_texts.h"

namespace olohuone::server::web {
namespace {

std::string clock_range(const Catalog& texts, const TimeZone& zone, UnixSeconds start, UnixSeconds end)
{
    return texts.short_date(zone.to_local(start).date) + " "
        + texts.time_range(zone.to_local(start).time, zone.to_local(end).time);
}

// What staff tried: "Yritti: perua tämän kerran.", "Yritti muuttaa: ke 25.11. 10.00–11.00, …".
std::string tried_text(const Catalog& texts, const TimeZone& zone, const ProgrammeEdit& edit)
{
    switch (edit.action) {
    case EditAction::Cancel:
        return texts.text("kiosk_edits.tried_cancel");
    case EditAction::Restore:
        return texts.text("kiosk_edits.tried_restore");
    case EditAction::Change:
    case EditAction::Add: {
        std::string values = clock_range(texts, zone, edit.start, edit.end);
        if (edit.location)
            values += ", " + texts.format("kiosk_edits.place", {{"place", *edit.location}});
        values += ", "
            + (edit.capacity ? texts.format("kiosk_edits.places", {{"count", std::to_string(*edit.capacity)}})
                             : texts.text("kiosk_edits.no_limit"));
        const char* key = edit.action == EditAction::Add ? "kiosk_edits.tried_add" : "kiosk_edits.tried_change";
        return texts.format(key, {{"title", edit.title.default_text()}, {"values", values}});
    }
    }
    return {};
}

std::string occurrence_text(const Catalog& texts, const TimeZone& zone, UnixSeconds now, const KioskEditLine& line)
{
    const std::string when = local_time_text(texts, zone, line.edit.edit.instance, now);
    if (line.edit.edit.action == EditAction::Add)
        return texts.format("kiosk_edits.new_event", {{"title", line.title}, {"when", when}});
    if (line.title.empty())
        return texts.format("kiosk_edits.unknown_event", {{"when", when}});
    return texts.format("kiosk_edits.occurrence", {{"title", line.title}, {"when", when}});
}

// When staff made it: by the kiosk's clock when it was right, else when it arrived.
std::string made_text(const Catalog& texts, const TimeZone& zone, UnixSeconds now, const KioskEditLine& line)
{
    if (line.edit.clock_synced)
        return texts.format("kiosk_edits.made", {{"when", local_time_text(texts, zone, line.edit.edit.made_at, now)}});
    return texts.format("kiosk_edits.arrived", {{"when", local_time_text(texts, zone, line.received_at, now)}});
}

const char* why_key(KioskEditOutcome outcome)
{
    switch (outcome) {
    case KioskEditOutcome::LaterPageEdit:
        return "kiosk_edits.why_later_page";
    case KioskEditOutcome::LaterKioskEdit:
        return "kiosk_edits.why_later_kiosk";
    case KioskEditOutcome::UnknownOccurrence:
        return "kiosk_edits.why_unknown";
    case KioskEditOutcome::Applied:
    case KioskEditOutcome::Unreadable:
        break;
    }
    return "kiosk_edits.why_unreadable";
}

} // namespace

void kiosk_edits_box(Html& html, const Catalog& texts, const TimeZone& zone, UnixSeconds now,
                     const KioskEditsBox& box)
{
    if (box.lines.empty())
        return;
    html.open("section", {{"class", "card warning"}, {"id", "kiosk-edits"}});
    html.element("h2", texts.text("kiosk_edits.title"));
    html.element("p", texts.text("kiosk_edits.help"));
    html.open("ul", {{"class", "kiosk-edits"}});
    for (const KioskEditLine& line : box.lines) {
        html.open("li");
        html.element("div", {{"class", "title"}}, occurrence_text(texts, zone, now, line));
        html.element("div", texts.format("kiosk_edits.kiosk",
                                         {{"kiosk", line.kiosk}, {"made", made_text(texts, zone, now, line)}}));
        html.element("div", tried_text(texts, zone, line.edit.edit));
        html.element("div", {{"class", "why"}}, texts.text(why_key(line.outcome)));
        html.close();
    }
    html.close();
    if (box.older > 0)
        html.element("p", {{"class", "muted"}},
                     texts.format("kiosk_edits.older", {{"count", std::to_string(box.older)}}));
    html.close();
}

std::string kiosk_mark(const Catalog& texts, const TimeZone& zone, UnixSeconds now, const EventEdit& edit,
                       const std::string& kiosk)
{
    if (!edit.kiosk_id)
        return {};
    const char* key = edit.kind == EditKind::NewEvent ? "kiosk_edits.mark_added"
        : edit.cancelled                               ? "kiosk_edits.mark_cancelled"
                                                       : "kiosk_edits.mark_changed";
    return texts.format(key, {{"kiosk", kiosk}, {"when", local_time_text(texts, zone, edit.updated_at, now)}});
}

} // namespace olohuone::server::web
