#include "ui/screens/staff/sync_status_screen.h"

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/message_screens.h"
#include "ui/screens/staff/staff_controls.h"

namespace olohuone::ui {
namespace {

// "tänään klo 10.02", or "ma 23.11. klo 18.40" for another day.
std::string when_phrase(const ScreenContext& context, UnixSeconds at)
{
    const LocalDateTime local = context.zone.to_local(at);
    const std::string day = local.date == context.local_now.date ? context.catalog.text("staff.today")
                                                                 : context.catalog.short_date(local.date);
    return day + " " + context.catalog.clock_phrase(local.time);
}

const char* trouble_key(SyncTrouble trouble)
{
    switch (trouble) {
    case SyncTrouble::None:
        return nullptr;
    case SyncTrouble::Unreachable:
        return "staff.trouble.unreachable";
    case SyncTrouble::Refused:
        return "staff.trouble.refused";
    case SyncTrouble::ServerFault:
        return "staff.trouble.server_fault";
    case SyncTrouble::BadAnswer:
        return "staff.trouble.bad_answer";
    case SyncTrouble::LocalStore:
        return "staff.trouble.local_store";
    }
    return nullptr;
}

} // namespace

void SyncStatusScreen::begin_frame(const ScreenContext& context)
{
    m_status = context.staff.sync_status();
    // "Synkronointia pyydetty" until the server has been heard from since, and for a
    // moment at least: a pass on a fast network is over before staff have seen the tap
    // do anything.
    if (m_requested && m_status.server_answers != m_answers_when_requested
        && context.now >= m_requested_at + min_request_notice_seconds)
        m_requested = false;
}

std::vector<ControlGroup> SyncStatusScreen::controls(const ScreenContext& context)
{
    std::vector<ControlGroup> groups = {back_group(context, "sync/back")};
    if (m_status.has_server) {
        ControlGroup now;
        now.buttons.push_back({"sync/now", context.catalog.text("staff.sync_now"), ButtonStyle::Primary,
                               sizes::button_pt * 1.1});
        now.min_button_mm = 40.0;
        groups.push_back(std::move(now));
    }
    groups.push_back(leave_staff_group(context));
    return groups;
}

void SyncStatusScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Catalog& catalog = context.catalog;
    const Metrics& metrics = context.metrics;
    TextMeasurer& measurer = context.measurer;
    const int gap = metrics.mm(sizes::gap_mm);
    const FontSpec title_font{FontWeight::Bold, metrics.damped_text_px(sizes::header_pt)};
    const FontSpec fact_font{FontWeight::Regular, metrics.damped_text_px(sizes::body_pt)};
    // The problem in a few words staff can act on (the details are in the log): smaller,
    // and at most a few lines, so it never pushes the figures off the screen.
    const FontSpec problem_font{FontWeight::Regular, metrics.damped_text_px(sizes::secondary_pt)};

    std::vector<std::string> facts;
    if (!m_status.has_server) {
        facts.push_back(catalog.text("staff.sync_no_server"));
    } else {
        facts.push_back(catalog.format("staff.sync_server", {{"server", m_status.server}}));
        facts.push_back(m_status.last_success_at
                            ? catalog.format("staff.sync_last_success",
                                             {{"when", when_phrase(context, *m_status.last_success_at)}})
                            : catalog.text("staff.sync_never"));
    }
    facts.push_back(catalog.format("staff.sync_queued", {{"count", std::to_string(m_status.queued)}}));
    if (m_status.set_aside > 0)
        facts.push_back(catalog.format("staff.sync_set_aside", {{"count", std::to_string(m_status.set_aside)}}));
    if (m_requested)
        facts.push_back(catalog.text("staff.sync_started"));

    int y = area.y;
    y += add_wrapped_text(&list, catalog.text("staff.sync"), area.x, y, area.w, title_font, theme::text,
                          theme::background, measurer);
    y += gap;
    for (const std::string& fact : facts)
        y += add_wrapped_text(&list, fact, area.x, y, area.w, fact_font, theme::text, theme::background, measurer);
    const char* trouble = trouble_key(m_status.trouble);
    if (trouble == nullptr)
        return;
    y += gap;
    const int line = line_spacing(problem_font, measurer);
    const std::size_t room = static_cast<std::size_t>(std::max(0, (area.bottom() - y) / std::max(1, line)));
    if (room == 0)
        return; // a 7" panel at the largest text: the figures matter more
    std::vector<std::string> lines = wrap_text(
        catalog.format("staff.sync_problem", {{"problem", catalog.text(trouble)}}), area.w, problem_font, measurer);
    limit_lines(lines, std::min<std::size_t>(room, 4), area.w, problem_font, measurer);
    add_text_lines(&list, lines, area.x, y, area.w, problem_font, theme::secondary_text, theme::background, measurer);
}

ScreenAction SyncStatusScreen::on_tap(const std::string& id, const ScreenContext& context)
{
    if (id == "sync/back")
        return ScreenAction::pop();
    if (id == leave_staff_id)
        return ScreenAction::home();
    if (id == "sync/now") {
        m_requested = context.staff.sync_now();
        m_answers_when_requested = m_status.server_answers;
        m_requested_at = context.now;
    }
    return {};
}

} // namespace olohuone::ui
