#include "ui/screens/today_screen.h"

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/event_detail_screen.h"
#include "ui/screens/storage_full_screen.h"
#include "ui/screens/visit_flow.h"
#include "ui/screens/event_row.h"

namespace olohuone::ui {
namespace {

constexpr std::string_view event_prefix = "today/event/";

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
    return context.catalog.short_date(context.local_now.date.plus_days(offset));
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
    if (m_day_offset < context.days_ahead)
        days.buttons.push_back({"day/next",
                                context.catalog.format("nav.next_day", {{"day", day_name(m_day_offset + 1, context)}}),
                                ButtonStyle::Primary});
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
    if (m_day_offset > 0) {
        FontSpec heading_font{FontWeight::Bold, metrics.text_px(sizes::body_pt * 1.15)};
        // "Huomenna · Keskiviikko 25.11.", or just "Huomenna" where that does not fit.
        std::vector<std::string> candidates = {context.catalog.day_heading(date)};
        if (m_day_offset == 1)
            candidates = {day_name(1, context) + " · " + context.catalog.day_heading(date), day_name(1, context)};
        std::string heading = candidates.back();
        for (const std::string& candidate : candidates) {
            const int px = fitting_font_px(candidate, area.w, heading_font, heading_font.px * 7 / 10, context.measurer);
            if (context.measurer.width(candidate, {heading_font.weight, px}) <= area.w) {
                heading = candidate;
                heading_font.px = px;
                break;
            }
        }
        y += add_wrapped_text(&list, heading, area.x, y, area.w, heading_font, theme::time_text, theme::background,
                              context.measurer);
        y += metrics.mm(1.5);
    }

    if (m_plan.entries.empty()) {
        const FontSpec font{FontWeight::Regular, metrics.text_px(sizes::body_pt)};
        add_wrapped_text(&list, context.catalog.text("day.empty"), area.x, y, area.w, font, theme::secondary_text,
                         theme::background, context.measurer);
        m_shown_end = 0;
        m_has_earlier = m_has_later = false;
        return;
    }

    // Paging buttons take space only when the day does not fit.
    const int gap = metrics.mm(sizes::gap_mm);
    const Rect full{area.x, y, area.w, area.bottom() - y};
    const ContentPaging paging = place_content_paging(full, metrics);
    const std::size_t count = m_plan.entries.size();
    std::vector<std::string> places;
    for (const PlanEntry& entry : m_plan.entries)
        places.push_back(row_places(entry, context));
    const auto measure_rows = [&](int width) {
        m_row_heights.clear();
        for (std::size_t i = 0; i < count; ++i)
            m_row_heights.push_back(
                build_event_row(m_plan.entries[i], places[i], {}, context, area.x, 0, width, nullptr, RowDetail::Full));
    };
    measure_rows(full.w);
    const bool all_fit = rows_fitting(m_row_heights, 0, full.h, gap) == count;
    if (all_fit)
        m_first = 0;
    Rect rows = full;
    if (!context.paging_in_panel && !all_fit) {
        rows = paging.content;
        if (rows.w != full.w)
            measure_rows(rows.w);
    }
    m_rows_space = rows.h;
    m_row_detail.assign(count, RowDetail::Full);
    for (std::size_t i = 0; i < count; ++i) {
        for (RowDetail less : {RowDetail::Compact, RowDetail::Plain, RowDetail::Smaller}) {
            if (m_row_heights[i] <= m_rows_space)
                break;
            m_row_detail[i] = less;
            m_row_heights[i] =
                build_event_row(m_plan.entries[i], places[i], {}, context, rows.x, 0, rows.w, nullptr, less,
                                m_rows_space);
        }
    }

    if (!m_first) {
        // Start as early as possible while still showing what is on now or next.
        const std::size_t current = m_day_offset == 0 ? m_plan.first_current_index() : 0;
        std::size_t first = 0;
        while (first < current && rows_fitting(m_row_heights, first, m_rows_space, gap) <= current)
            ++first;
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
    if (context.paging_in_panel || (!m_has_earlier && !m_has_later))
        return;
    add_content_paging(list, paging, paging_labels(context.catalog), m_has_earlier, m_has_later, context);
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
        const int gap = context.metrics.mm(sizes::gap_mm);
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
    } else if (id.starts_with(event_prefix)) {
        // By the occurrence's key, not its place in the list: the list may have changed
        // (a new import) between the finger going down and coming up.
        const std::string_view key = std::string_view(id).substr(event_prefix.size());
        for (const PlanEntry& entry : m_plan.entries)
            if (entry.occurrence.key() == key)
                return ScreenAction::push(std::make_unique<EventDetailScreen>(entry));
    }
    return {};
}

} // namespace olohuone::ui
