#include "ui/screens/event_row.h"

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/activity_flow.h"

namespace olohuone::ui {
namespace {

struct RowFonts {
    FontSpec time;
    FontSpec badge;
    FontSpec title;
    FontSpec secondary;
};

RowFonts row_fonts(const Metrics& metrics)
{
    return {{FontWeight::Bold, metrics.text_px(sizes::body_pt)},
            {FontWeight::Bold, metrics.text_px(sizes::secondary_pt)},
            {FontWeight::Bold, metrics.text_px(sizes::body_pt)},
            {FontWeight::Regular, metrics.text_px(sizes::secondary_pt)}};
}

struct Badge {
    std::string text;
    Color foreground;
    Color fill;
};

// The badge that says where the event stands: cancelled, on now, next, over.
std::optional<Badge> state_badge(const PlanEntry& entry, const Catalog& catalog)
{
    if (entry.cancelled())
        return Badge{catalog.text("event.cancelled"), theme::on_cancelled_badge, theme::cancelled_badge};
    switch (entry.state) {
    case TimeState::Now:
        return Badge{catalog.text("event.now"), theme::on_accent, theme::accent};
    case TimeState::Next:
        return Badge{catalog.text("event.next"), theme::text, theme::background};
    case TimeState::Past:
        return Badge{catalog.text("event.ended"), theme::past_text, theme::background};
    case TimeState::AllDay:
    case TimeState::Later:
        break;
    }
    return std::nullopt;
}

std::optional<Badge> moved_badge(const PlanEntry& entry, const ScreenContext& context)
{
    const Occurrence& occurrence = entry.occurrence;
    if (!occurrence.moved_from || entry.cancelled())
        return std::nullopt;
    return Badge{moved_text(occurrence, context.catalog, context.zone), theme::on_accent, theme::accent};
}

// Places badges left to right from (x, y), wrapping inside `width`; returns the height.
int add_badges(DrawList* list, const std::vector<Badge>& badges, int x, int y, int width, int first_line_x,
               int first_line_height, const FontSpec& font, const ScreenContext& context)
{
    const int gap = context.metrics.mm(2.0); // spacing only: the same at every text size
    int line_x = first_line_x;
    int line_y = y;
    int line_height = first_line_height;
    for (const Badge& badge : badges) {
        const int badge_width = context.measurer.width(badge.text, font) + font.px;
        if (line_x > x && line_x + badge_width > x + width) {
            line_y += line_height + context.metrics.mm(1.0);
            line_x = x;
            line_height = 0;
        }
        const Rect placed = add_badge(list, badge.text, line_x, line_y, x + width - line_x, font, badge.foreground,
                                      badge.fill, context.measurer);
        line_x += placed.w + gap;
        line_height = std::max(line_height, placed.h);
    }
    return line_y + line_height - y;
}

} // namespace

namespace {

// A timed event that goes on past the midnight after its start (an evening that ends
// at midnight is still one day's).
bool spans_days(const LocalDateTime& start, const LocalDateTime& end)
{
    const bool ends_at_midnight = end.time.hour == 0 && end.time.minute == 0 && end.date == start.date.plus_days(1);
    return start.date < end.date && !ends_at_midnight;
}

} // namespace

std::string time_label_on(const Occurrence& occurrence, const CivilDate& day, const Catalog& catalog,
                          const TimeZone& zone)
{
    if (occurrence.span == EventSpan::AllDay)
        return catalog.text("event.all_day");
    const LocalDateTime start = zone.to_local(occurrence.start);
    const LocalDateTime end = zone.to_local(occurrence.end);
    if (!spans_days(start, end))
        return catalog.time_range(start.time, end.time);
    if (!(start.date < day))
        return catalog.format("event.time_to_day", {{"start", catalog.clock(start.time)},
                                                    {"weekday", catalog.weekday_short(end.date)},
                                                    {"end", catalog.clock(end.time)}});
    if (!(day < end.date))
        return catalog.format("event.time_from_day", {{"weekday", catalog.weekday_short(start.date)},
                                                      {"start", catalog.clock(start.time)},
                                                      {"end", catalog.clock(end.time)}});
    return catalog.text("event.continues_all_day");
}

std::string moved_text(const Occurrence& occurrence, const Catalog& catalog, const TimeZone& zone)
{
    if (!occurrence.moved_from)
        return {};
    const LocalDateTime was = zone.to_local(*occurrence.moved_from);
    if (occurrence.span == EventSpan::AllDay)
        return catalog.format("event.moved_all_day", {{"day", catalog.short_date(was.date)}});
    if (was.date == zone.to_local(occurrence.start).date)
        return catalog.format("event.moved", {{"time", catalog.clock_phrase(was.time)}});
    return catalog.format("event.moved_day", {{"day", catalog.short_date(was.date)}, {"time", catalog.clock_phrase(was.time)}});
}

std::string time_label(const Occurrence& occurrence, const ScreenContext& context)
{
    return time_label_on(occurrence, context.zone.to_local(occurrence.start).date, context.catalog, context.zone);
}

std::string when_label(const Occurrence& occurrence, const ScreenContext& context)
{
    const Catalog& catalog = context.catalog;
    const LocalDateTime start = context.zone.to_local(occurrence.start);
    const LocalDateTime end = context.zone.to_local(occurrence.end);
    if (occurrence.span == EventSpan::AllDay) {
        // The end is exclusive: the event's last day is the one before it.
        const CivilDate last = end.date.plus_days(-1);
        if (!(start.date < last))
            return catalog.format("event.when_all_day", {{"day", catalog.day_in_text(start.date)}});
        return catalog.format("event.when_days",
                              {{"first", catalog.day_in_text(start.date)}, {"last", catalog.day_in_text(last)}});
    }
    // An evening that ends at midnight is still one day's event.
    const bool ends_at_midnight = end.time.hour == 0 && end.time.minute == 0 && end.date == start.date.plus_days(1);
    if (end.date == start.date || ends_at_midnight)
        return catalog.format("event.when", {{"day", catalog.day_in_text(start.date)},
                                             {"time", time_label(occurrence, context)}});
    return catalog.format("event.when_across_days", {{"first", catalog.day_in_text(start.date)},
                                                     {"start", catalog.clock_phrase(start.time)},
                                                     {"last", catalog.day_in_text(end.date)},
                                                     {"end", catalog.clock_phrase(end.time)}});
}

std::string place_and_host(const Occurrence& occurrence, const std::string& language)
{
    std::string text = occurrence.location.in(language);
    const std::string& host = occurrence.host.in(language);
    if (!host.empty())
        text += (text.empty() ? "" : " · ") + host;
    return text;
}

int time_column_width(const ScreenContext& context, const Metrics& metrics, int row_width)
{
    if (row_width < metrics.mm(100))
        return 0;
    const RowFonts fonts = row_fonts(metrics);
    const Catalog& catalog = context.catalog;
    int widest = std::max(context.measurer.width(catalog.time_range({23, 59}, {23, 59}), fonts.time),
                          context.measurer.width(catalog.text("event.all_day"), fonts.time));
    for (const char* key : {"event.cancelled", "event.now", "event.next", "event.ended"})
        widest = std::max(widest, context.measurer.width(catalog.text(key), fonts.badge) + fonts.badge.px);
    // A time column that would squeeze the title is worse than stacking.
    const int column = widest + metrics.mm(2.0);
    return column <= row_width * 45 / 100 ? column : 0;
}

std::string row_places(const PlanEntry& entry, const ScreenContext& context)
{
    if (entry.state == TimeState::Past || entry.cancelled() || !takes_registrations(entry.occurrence))
        return {};
    return places_text(context.activities.status(entry.occurrence), context.catalog, PlacesDetail::Short);
}

int build_event_row(const PlanEntry& entry, const std::string& places, const std::string& id,
                    const ScreenContext& context, int x, int y, int width, DrawList* list, RowDetail detail,
                    int max_height)
{
    const Metrics& metrics = context.metrics;
    const Occurrence& occurrence = entry.occurrence;
    const std::string& language = context.catalog.language();
    const bool past = entry.state == TimeState::Past;
    const RowFonts fonts = row_fonts(metrics);
    const int padding = metrics.mm(context.small_screen ? 1.0 : 2.5);
    const int inner_x = x + padding;
    const int inner_width = width - 2 * padding;
    const int top = y + padding;
    const Color surface = theme::panel;
    const std::size_t background_position = list ? list->order().size() : 0;

    const std::optional<Badge> state = state_badge(entry, context.catalog);
    const std::optional<Badge> moved = moved_badge(entry, context);
    const std::string time_text = entry.day.year != 0 ? time_label_on(occurrence, entry.day, context.catalog, context.zone)
                                                      : time_label(occurrence, context);
    const Color time_color = past ? theme::past_text : theme::time_text;

    // Wide rows keep the time and state in a column of their own; narrow ones stack it
    // all: time and badges, then title, then place.
    const int time_column = time_column_width(context, metrics, inner_width);
    int left_height = 0;
    int text_x = inner_x;
    int text_width = inner_width;
    int cursor_y = top;
    if (time_column > 0) {
        left_height = add_wrapped_text(list, time_text, inner_x, top, time_column, fonts.time, time_color, surface,
                                       context.measurer);
        if (state)
            left_height += metrics.mm(1.0)
                + add_badges(list, {*state}, inner_x, top + left_height + metrics.mm(1.0), time_column, inner_x, 0,
                             fonts.badge, context);
        text_x = inner_x + time_column + metrics.mm(2.0);
        text_width = inner_width - time_column - metrics.mm(2.0);
        if (moved)
            cursor_y += add_badges(list, {*moved}, text_x, cursor_y, text_width, text_x, 0, fonts.badge, context)
                + metrics.mm(1.0);
    } else {
        const int time_height = add_wrapped_text(list, time_text, inner_x, top, inner_width, fonts.time, time_color,
                                                 surface, context.measurer);
        const int time_width = std::min(inner_width, context.measurer.width(time_text, fonts.time));
        std::vector<Badge> badges;
        if (state)
            badges.push_back(*state);
        if (moved)
            badges.push_back(*moved);
        // Badges continue on the time's last line when they fit there.
        const int last_line_y = top + time_height - context.measurer.line_height(fonts.time);
        const int badges_height = add_badges(list, badges, inner_x, last_line_y, inner_width,
                                             inner_x + time_width + metrics.mm(2.0),
                                             context.measurer.line_height(fonts.time), fonts.badge, context);
        cursor_y = last_line_y + std::max(badges_height, context.measurer.line_height(fonts.time)) + metrics.mm(1.0);
    }


    std::vector<std::string> title = wrap_text(occurrence.title.in(language), text_width, fonts.title, context.measurer);
    if (detail == RowDetail::Smaller) {
        // Two lines at most, fewer if even they do not fit: the list keeps its rows.
        const int room = max_height > 0 ? y + max_height - padding - cursor_y : 0;
        const int lines = max_height > 0 ? std::clamp(room / context.measurer.line_height(fonts.title), 1, 2) : 2;
        limit_lines(title, static_cast<std::size_t>(lines), text_width, fonts.title, context.measurer);
    }
    cursor_y += add_text_lines(list, title, text_x, cursor_y, text_width, fonts.title,
                               past ? theme::past_text : theme::text, surface, context.measurer, entry.cancelled());
    const std::string secondary = detail == RowDetail::Full ? place_and_host(occurrence, language) : std::string{};
    if (!secondary.empty())
        cursor_y += add_wrapped_text(list, secondary, text_x, cursor_y, text_width, fonts.secondary,
                                     past ? theme::past_text : theme::secondary_text, surface, context.measurer);
    // How many are coming and whether there is room: worth a line of its own until the
    // title itself needs the room.
    const bool shows_places = detail == RowDetail::Full || detail == RowDetail::Compact;
    if (shows_places && !places.empty())
        cursor_y += add_wrapped_text(list, places, text_x, cursor_y, text_width, {FontWeight::Bold, fonts.secondary.px},
                                     theme::time_text, surface, context.measurer);

    const int content_bottom = std::max(cursor_y, top + left_height);
    const int height = std::max(content_bottom + padding - y, metrics.mm(sizes::min_target_mm));
    if (list != nullptr) {
        const Rect rect{x, y, width, height};
        const int radius = metrics.mm(2.0);
        list->fill_behind(background_position, rect, surface, radius);
        if (id == context.pressed)
            list->outline(rect, theme::accent_pressed, std::max(4, metrics.mm(1.5)), radius);
        else if (entry.state == TimeState::Now && !entry.cancelled())
            list->outline(rect, theme::accent, std::max(3, metrics.mm(1.0)), radius);
        list->target(id, rect, metrics.mm(sizes::hit_margin_mm));
    }
    return height;
}

} // namespace olohuone::ui
