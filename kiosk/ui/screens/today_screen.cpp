#include "ui/screens/today_screen.h"

#include <algorithm>
#include <array>

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/event_detail_screen.h"
#include "ui/screens/storage_full_screen.h"
#include "ui/screens/visit_flow.h"
#include "ui/screens/event_row.h"

namespace olohuone::ui {
namespace {

constexpr std::string_view event_prefix = "today/event/";
constexpr std::string_view next_day_prefix = "today/next_day/";

// How many rows from `first` fit in `space`.
std::size_t rows_fitting(const std::vector<int>& heights, std::size_t first, int space, int gap)
{
    std::size_t end = first;
    int used = 0;
    while (end < heights.size()) {
        const int next = used + (end > first ? gap : 0) + heights[end];
        if (next > space && end > first)
            break;
        used = next;
        ++end;
    }
    return end;
}

// Between rows: on a 7" panel a little less, for a third row.
int row_gap(const ScreenContext& context) { return context.metrics.mm(context.small_screen ? 1.5 : sizes::gap_mm); }

} // namespace

PagingLabels TodayScreen::paging_labels(const Catalog& catalog) const
{
    return {"list/earlier", catalog.text("list.earlier"), "list/later", catalog.text("list.later")};
}

std::string TodayScreen::day_name(int offset, const ScreenContext& context) const
{
    if (offset == 0)
        return context.catalog.text("day.today");
    if (offset == 1)
        return context.catalog.text("day.tomorrow");
    // The whole weekday: "to 26.11." is an abbreviation not everyone reads.
    return context.catalog.day_heading(context.local_now.date.plus_days(offset));
}

void TodayScreen::show_day(int offset)
{
    m_day_offset = offset;
    m_first.reset();
}

std::vector<ControlGroup> TodayScreen::controls(const ScreenContext& context)
{
    ControlGroup days;
    if (m_day_offset > 0)
        days.buttons.push_back({"day/previous",
                                context.catalog.format("nav.previous_day", {{"day", day_name(m_day_offset - 1, context)}}),
                                ButtonStyle::Primary});
    if (m_day_offset > 0)
        days.buttons.back().short_label = "◀";
    if (m_day_offset < context.days_ahead)
        days.buttons.push_back({"day/next",
                                context.catalog.format("nav.next_day", {{"day", day_name(m_day_offset + 1, context)}}),
                                ButtonStyle::Primary});
    if (m_day_offset < context.days_ahead)
        days.buttons.back().short_label = "▶";
    // One day button gets room for "Huomenna ▶"; two share it, so that on a 7" panel
    // the whole control bar still fits one row.
    days.min_button_mm = days.buttons.size() > 1 || context.small_screen ? 20.0 : 34.0;

    // Signing in and out comes first: it is what a visitor walking in looks for.
    // On a full disk they stay where visitors look for them, outlined instead of yellow,
    // with a line saying they are out of use for now: nobody types a name in vain, and a
    // tap on them says why in a sentence instead of a greyed button that does nothing.
    ControlGroup visit;
    const ButtonStyle visit_style = context.storage_full ? ButtonStyle::Unselected : ButtonStyle::Primary;
    visit.buttons.push_back({"visit/sign_in", context.catalog.text("visit.sign_in"), visit_style});
    visit.buttons.push_back({"visit/sign_out", context.catalog.text("visit.sign_out"), visit_style});
    visit.min_button_mm = context.small_screen ? 20.0 : 30.0;
    if (context.storage_full)
        visit.caption = context.catalog.text("storage.sign_in_unavailable");
    std::vector<ControlGroup> groups = {visit, days};
    if (context.paging_in_panel)
        groups.push_back(paging_group(paging_labels(context.catalog), m_has_earlier, m_has_later));
    return groups;
}

void TodayScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Metrics& metrics = context.metrics;
    const CivilDate date = shown_date(context);
    // "Nyt", "Seuraavaksi" and "Päättynyt" say what time it is: not on a clock not yet set.
    const bool shows_now = m_day_offset == 0 && context.clock_known;
    if (m_plan.date != date || m_plan_shows_now != shows_now)
        m_first.reset();
    m_plan_shows_now = shows_now;
    m_plan = plan_day(date, context.programme.occurrences_on(date),
                      shows_now ? std::optional<UnixSeconds>(context.now) : std::nullopt);

    // Today needs no heading: the header above says the date. Other days say which.
    int y = area.y;
    if (m_day_offset > 0)
        y += add_day_heading(m_day_offset, context, area.x, y, area.w, &list) + metrics.mm(1.5);
    m_next_plan = {};

    if (m_plan.entries.empty()) {
        const FontSpec font{FontWeight::Regular, metrics.text_px(sizes::body_pt)};
        y += add_wrapped_text(&list, context.catalog.text("day.empty"), area.x, y, area.w, font,
                              theme::secondary_text, theme::background, context.measurer);
        add_next_day(context, {area.x, y + row_gap(context), area.w, area.bottom() - y - row_gap(context)}, list);
        m_shown_end = 0;
        m_has_earlier = m_has_later = false;
        return;
    }

    // The list starts at what is on now or next: what is over is a page back, under
    // "Aiemmat". It shows at least `wanted` rows (now and next together, and one more at
    // the smaller sizes), leaving out a row's details before leaving out a row.
    const int gap = row_gap(context);
    const std::size_t count = m_plan.entries.size();
    const std::size_t current = m_day_offset == 0 ? m_plan.first_current_index() : 0;
    std::size_t not_over = 0;
    while (not_over < current && m_plan.entries[not_over].state == TimeState::Past)
        ++not_over;
    std::vector<std::string> places;
    for (const PlanEntry& entry : m_plan.entries)
        places.push_back(row_places(entry, context));
    const std::size_t wanted = metrics.text_size() == TextSize::Normal ? 3 : 2;

    // Rows at the most detail that lets `wanted` of them fit from any first row from
    // `from` on; each row also gives up details until it fits the space on its own.
    const auto lay_out_rows = [&](Rect rows, std::size_t from) {
        m_rows_space = rows.h;
        // Each row measured once per level it is tried at.
        std::vector<std::array<int, 4>> measured(count, {-1, -1, -1, -1});
        const auto height_of = [&](std::size_t i, RowDetail detail) {
            int& height = measured[i][static_cast<std::size_t>(detail)];
            if (height < 0)
                height = build_event_row(m_plan.entries[i], places[i], {}, context, rows.x, 0, rows.w, nullptr,
                                         detail, m_rows_space);
            return height;
        };
        for (RowDetail level : {RowDetail::Full, RowDetail::Compact, RowDetail::Plain, RowDetail::Smaller}) {
            m_row_heights.clear();
            m_row_detail.clear();
            for (std::size_t i = 0; i < count; ++i) {
                RowDetail detail = level;
                int height = height_of(i, detail);
                for (RowDetail less : {RowDetail::Compact, RowDetail::Plain, RowDetail::Smaller}) {
                    if (height <= m_rows_space || less <= detail)
                        continue;
                    detail = less;
                    height = height_of(i, detail);
                }
                m_row_heights.push_back(height);
                m_row_detail.push_back(detail);
            }
            // From every first row, so that paging back and forth shows the same pages.
            bool enough = true;
            for (std::size_t first = from; first < count && enough; ++first)
                enough = rows_fitting(m_row_heights, first, m_rows_space, gap) - first >= std::min(wanted, count - first);
            if (enough)
                return;
        }
    };

    const Rect full{area.x, y, area.w, area.bottom() - y};
    const std::size_t start = m_first.value_or(not_over);
    // A list that starts past its first row has pages; else it has them if it does not fit.
    bool paged = start > 0;
    if (!paged) {
        lay_out_rows(full, not_over);
        paged = rows_fitting(m_row_heights, start, full.h, gap) < count;
    }
    // The widest position there can be, so the paging column does not change width.
    const std::string widest_position = context.catalog.format(
        "list.position", {{"first", std::to_string(count)}, {"last", std::to_string(count)},
                          {"count", std::to_string(count)}});
    PagingLabels labels = paging_labels(context.catalog);
    labels.position = widest_position;
    const ContentPaging paging = place_content_paging(full, labels, context);
    Rect rows = full;
    // With the page buttons in the panel, the position is a line under the list.
    const FontSpec position_font{FontWeight::Bold, metrics.damped_text_px(sizes::secondary_pt)};
    const int position_height = context.measurer.line_height(position_font);
    if (paged && !context.paging_in_panel) {
        rows = paging.content;
        lay_out_rows(rows, not_over);
    } else if (paged) {
        rows.h -= position_height + gap;
        lay_out_rows(rows, not_over);
    }

    if (!m_first) {
        // As early as possible while still showing what is on now or next.
        std::size_t first = not_over;
        while (first < current && rows_fitting(m_row_heights, first, m_rows_space, gap) <= current)
            ++first;
        // Not at the cost of an ended event above it (one after an all-day event that
        // is still on): then the page begins with what is on now.
        if (first < current && m_plan.entries[first].state == TimeState::Past)
            first = current;
        m_first = first;
    }
    m_first = std::min(*m_first, count - 1);
    m_shown_end = rows_fitting(m_row_heights, *m_first, m_rows_space, gap);
    for (std::size_t i = *m_first; i < m_shown_end; ++i) {
        const std::string id = std::string(event_prefix) + m_plan.entries[i].occurrence.key();
        y += build_event_row(m_plan.entries[i], places[i], id, context, rows.x, y, rows.w, &list, m_row_detail[i],
                             m_rows_space);
        y += gap;
    }

    m_has_earlier = *m_first > 0;
    m_has_later = m_shown_end < count;
    // "6 / 6" for a page of one row, not "6–6 / 6".
    const bool one_row = m_shown_end == *m_first + 1;
    m_position = context.catalog.format(one_row ? "list.position_one" : "list.position",
                                        {{"first", std::to_string(*m_first + 1)},
                                         {"last", std::to_string(m_shown_end)},
                                         {"count", std::to_string(count)}});
    if (!m_has_later)
        add_next_day(context, {rows.x, y, rows.w, rows.bottom() - y}, list);
    if (!m_has_earlier && !m_has_later)
        return;
    if (context.paging_in_panel) {
        const int width = context.measurer.width(m_position, position_font);
        list.text({m_position, position_font, {rows.right() - width, rows.bottom() + gap},
                   {rows.x, rows.bottom() + gap, rows.w, position_height}, theme::text, theme::background});
        return;
    }
    labels.position = m_position;
    add_content_paging(list, paging, labels, m_has_earlier, m_has_later, context);
}

int TodayScreen::add_day_heading(int offset, const ScreenContext& context, int x, int y, int width,
                                 DrawList* list) const
{
    const CivilDate date = context.local_now.date.plus_days(offset);
    FontSpec font{FontWeight::Bold, context.metrics.text_px(sizes::body_pt * 1.15)};
    // "Huomenna · keskiviikko 25.11.", or just "Huomenna" where that does not fit.
    std::vector<std::string> candidates = {context.catalog.day_heading(date)};
    if (offset == 1)
        candidates = {day_name(1, context) + " · " + context.catalog.day_in_text(date), day_name(1, context)};
    std::string heading = candidates.back();
    for (const std::string& candidate : candidates) {
        const int px = fitting_font_px(candidate, width, font,
                                       std::max(context.metrics.min_text_px(), font.px * 7 / 10), context.measurer);
        if (context.measurer.width(candidate, {font.weight, px}) <= width) {
            heading = candidate;
            font.px = px;
            break;
        }
    }
    return add_wrapped_text(list, heading, x, y, width, font, theme::time_text, theme::background, context.measurer);
}

void TodayScreen::add_next_day(const ScreenContext& context, Rect room, DrawList& list)
{
    // A half-empty screen at the end of the day says nothing; what is on tomorrow is what
    // an afternoon visitor asks next. Only whole rows, and only where one fits.
    const int next_offset = m_day_offset + 1;
    if (next_offset > context.days_ahead)
        return;
    const CivilDate date = context.local_now.date.plus_days(next_offset);
    m_next_plan = plan_day(date, context.programme.occurrences_on(date), std::nullopt);
    // An event on both days (a week-long fair) is in the list above already.
    std::erase_if(m_next_plan.entries, [this](const PlanEntry& next) {
        return std::any_of(m_plan.entries.begin(), m_plan.entries.end(), [&](const PlanEntry& shown) {
            return shown.occurrence.key() == next.occurrence.key();
        });
    });
    const int gap = row_gap(context);
    const int top_gap = context.metrics.mm(sizes::gap_mm * 2);
    const int heading_height = add_day_heading(next_offset, context, room.x, 0, room.w, nullptr);
    int y = room.y + top_gap + heading_height + context.metrics.mm(1.5);
    std::vector<std::pair<std::size_t, RowDetail>> shown;
    std::vector<std::string> places;
    for (std::size_t i = 0; i < m_next_plan.entries.size(); ++i) {
        const PlanEntry& entry = m_next_plan.entries[i];
        places.push_back(row_places(entry, context));
        std::optional<RowDetail> fitting;
        int height = 0;
        for (RowDetail detail : {RowDetail::Full, RowDetail::Compact, RowDetail::Plain}) {
            height = build_event_row(entry, places.back(), {}, context, room.x, 0, room.w, nullptr, detail);
            if (y + height <= room.bottom()) {
                fitting = detail;
                break;
            }
        }
        if (!fitting)
            break;
        shown.emplace_back(i, *fitting);
        y += height + gap;
    }
    if (shown.empty())
        return;
    y = room.y + top_gap;
    y += add_day_heading(next_offset, context, room.x, y, room.w, &list) + context.metrics.mm(1.5);
    for (const auto& [i, detail] : shown) {
        const std::string id = std::string(next_day_prefix) + m_next_plan.entries[i].occurrence.key();
        y += build_event_row(m_next_plan.entries[i], places[i], id, context, room.x, y, room.w, &list, detail) + gap;
    }
}

ScreenAction TodayScreen::on_tap(const std::string& id, const ScreenContext& context)
{
    if (id == "day/next" && m_day_offset < context.days_ahead) {
        show_day(m_day_offset + 1);
    } else if (id == "day/previous" && m_day_offset > 0) {
        show_day(m_day_offset - 1);
    } else if (id == "list/later" && m_shown_end < m_plan.entries.size()) {
        m_first = m_shown_end;
    } else if (id == "list/earlier" && m_first && *m_first > 0) {
        // Step back a page: the rows just before the first one, as many as fit.
        const int gap = row_gap(context);
        std::size_t first = *m_first;
        while (first > 0 && rows_fitting(m_row_heights, first - 1, m_rows_space, gap) >= *m_first)
            --first;
        m_first = first == *m_first ? *m_first - 1 : first;
    } else if ((id == "visit/sign_in" || id == "visit/sign_out") && context.storage_full) {
        return ScreenAction::push(make_storage_full_screen(context));
    } else if (id == "visit/sign_in") {
        return ScreenAction::push(make_sign_in_screen(context));
    } else if (id == "visit/sign_out") {
        return ScreenAction::push(make_sign_out_screen(context));
    } else if (id.starts_with(event_prefix) || id.starts_with(next_day_prefix)) {
        // By the occurrence's key, not its place in the list: the list may have changed
        // (a new import) between the finger going down and coming up.
        const bool next_day = id.starts_with(next_day_prefix);
        const std::string_view key = std::string_view(id).substr((next_day ? next_day_prefix : event_prefix).size());
        for (const PlanEntry& entry : (next_day ? m_next_plan : m_plan).entries)
            if (entry.occurrence.key() == key)
                return ScreenAction::push(std::make_unique<EventDetailScreen>(entry));
    }
    return {};
}

} // namespace olohuone::ui
