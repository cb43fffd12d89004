#include "ui/screens/staff/present_list_screen.h"

#include <algorithm>

#include "core/visitor_name.h"

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/message_screens.h"
#include "ui/screens/paging.h"
#include "ui/screens/staff/roll_call_screen.h"
#include "ui/screens/staff/staff_controls.h"

namespace olohuone::ui {
namespace {

PagingLabels paging_labels(const Catalog& catalog)
{
    return {"present/earlier", catalog.text("list.earlier"), "present/later", catalog.text("list.later")};
}

// `text` on one line within `box`, ending in "…" when it is longer.
void add_cell(DrawList& list, const std::string& text, Rect box, const FontSpec& font, Color foreground,
              Color background, TextMeasurer& measurer)
{
    std::vector<std::string> lines = wrap_text(text, box.w, font, measurer);
    limit_lines(lines, 1, box.w, font, measurer);
    if (!lines.empty())
        list.text({lines.front(), font, {box.x, box.y}, box, foreground, background});
}

} // namespace

void PresentListScreen::begin_frame(const ScreenContext& context)
{
    m_present = context.staff.present_now();
    // By the folded name, so case and accents do not scatter the list.
    std::stable_sort(m_present.begin(), m_present.end(), [](const PresentVisitor& a, const PresentVisitor& b) {
        return fold_name(a.name) < fold_name(b.name);
    });
    m_anonymous = context.staff.anonymous_visits_today();
    m_today = context.programme.occurrences_on(context.local_now.date);
}

std::string PresentListScreen::last_seen(const PresentVisitor& person, const ScreenContext& context) const
{
    const Catalog& catalog = context.catalog;
    std::string where = catalog.text("staff.seen_signed_in");
    if (person.seen_at_activity) {
        where = catalog.text("staff.seen_at_activity");
        for (const Occurrence& occurrence : m_today) {
            if (ActivityRef{occurrence.uid, occurrence.instance} != *person.seen_at_activity)
                continue;
            where = occurrence.title.in(catalog.language());
            if (const std::string& place = occurrence.location.in(catalog.language()); !place.empty())
                where += ", " + place;
        }
    }
    const VisitorGroup* group = context.visit_options.group(person.group_id);
    return where + " · " + (group != nullptr ? group->label.in(catalog.language()) : person.group_id);
}

std::vector<ControlGroup> PresentListScreen::controls(const ScreenContext& context)
{
    ControlGroup roll_call;
    roll_call.buttons.push_back({"present/roll_call", context.catalog.text("staff.roll_call"), ButtonStyle::Primary});
    roll_call.min_button_mm = 45.0; // the alarm's button, not squeezed between the other two
    return {back_group(context, "present/back"), roll_call, leave_staff_group(context)};
}

void PresentListScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Catalog& catalog = context.catalog;
    const Metrics& metrics = context.metrics;
    TextMeasurer& measurer = context.measurer;
    const int gap = metrics.mm(sizes::gap_mm);
    // Damped sizes: a list read at arm's length by staff, where every row a page holds
    // spares a tap in an emergency.
    const FontSpec title_font{FontWeight::Bold, metrics.damped_text_px(sizes::header_pt)};
    const FontSpec name_font{FontWeight::Bold, metrics.damped_text_px(sizes::body_pt)};
    const FontSpec detail_font{FontWeight::Regular, metrics.damped_text_px(sizes::secondary_pt)};
    const FontSpec note_font{FontWeight::Regular, metrics.damped_text_px(sizes::secondary_pt)};

    int y = area.y;
    y += add_wrapped_text(&list, catalog.format("staff.present_title", {{"count", std::to_string(m_present.size())}}),
                          area.x, y, area.w, title_font, theme::text, theme::background, measurer);
    y += gap;
    int bottom = area.bottom();
    if (m_anonymous > 0) {
        const std::string note = catalog.format("staff.anonymous_today", {{"count", std::to_string(m_anonymous)}});
        const int height =
            add_wrapped_text(nullptr, note, area.x, 0, area.w, note_font, theme::secondary_text, theme::background, measurer);
        bottom -= height;
        add_wrapped_text(&list, note, area.x, bottom, area.w, note_font, theme::secondary_text, theme::background,
                         measurer);
        bottom -= gap;
    }
    if (m_present.empty()) {
        add_wrapped_text(&list, catalog.text("staff.present_none"), area.x, y, area.w, detail_font,
                         theme::secondary_text, theme::background, measurer);
        return;
    }

    const int padding = metrics.mm(1.0);
    const int line = line_spacing(name_font, measurer);
    const int detail_line = line_spacing(detail_font, measurer);
    const int row_height = line + detail_line + 2 * padding;
    const int row_step = row_height + gap / 2;
    const auto per_page = [&](const Rect& space) {
        return static_cast<std::size_t>(std::max(1, (space.h + gap / 2) / row_step));
    };
    Rect rows{area.x, y, area.w, std::max(0, bottom - y)};
    ContentPaging paging;
    const bool paged = per_page(rows) < m_present.size();
    if (paged) {
        paging = place_content_paging(rows, paging_labels(catalog), context);
        rows = paging.content;
    }
    m_per_page = per_page(rows);
    m_first = std::min(m_first, m_present.size() - 1) / m_per_page * m_per_page;

    // Two lines a person: the name, and when they were last seen at the right; under
    // them where (the activity and its place, or the sign-in) and their group, shortened
    // with "…" when the row is narrow. In an alarm, where someone was is what staff ask.
    const int time_width = measurer.width(catalog.clock(CivilTime{20, 59, 0}), detail_font);
    const int column_gap = 2 * gap;
    const int end = static_cast<int>(std::min(m_present.size(), m_first + m_per_page));
    for (int i = static_cast<int>(m_first); i < end; ++i) {
        const PresentVisitor& person = m_present[static_cast<std::size_t>(i)];
        const Rect row{rows.x, rows.y + (i - static_cast<int>(m_first)) * row_step, rows.w, row_height};
        list.fill(row, theme::panel, metrics.mm(1.0));
        const int inner_x = row.x + padding;
        const int inner_w = row.w - 2 * padding;
        add_cell(list, person.name, {inner_x, row.y + padding, inner_w - time_width - column_gap, line}, name_font,
                 theme::text, theme::panel, measurer);
        add_cell(list, catalog.clock(context.zone.to_local(person.seen_at).time),
                 {row.right() - padding - time_width, row.y + padding, time_width, line}, detail_font,
                 theme::time_text, theme::panel, measurer);
        add_cell(list, last_seen(person, context), {inner_x, row.y + padding + line, inner_w, detail_line},
                 detail_font, theme::secondary_text, theme::panel, measurer);
    }
    const std::size_t shown_end = static_cast<std::size_t>(end);
    if (paged)
        add_content_paging(list, paging, paging_labels(catalog), m_first > 0, shown_end < m_present.size(), context);
}

ScreenAction PresentListScreen::on_tap(const std::string& id, const ScreenContext& context)
{
    if (id == "present/back")
        return ScreenAction::pop();
    if (id == "present/roll_call") {
        // Those in the building now; who leaves during the alarm stays on the roll call.
        std::vector<std::string> where;
        for (const PresentVisitor& person : m_present)
            where.push_back(last_seen(person, context));
        return ScreenAction::push(make_roll_call_screen(m_present, std::move(where), m_anonymous));
    }
    if (id == leave_staff_id)
        return ScreenAction::home();
    if (id == "present/later" && m_first + m_per_page < m_present.size())
        m_first += m_per_page;
    else if (id == "present/earlier")
        m_first = m_first >= m_per_page ? m_first - m_per_page : 0;
    return {};
}

} // namespace olohuone::ui
