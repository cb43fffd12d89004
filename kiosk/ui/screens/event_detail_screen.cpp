#include "ui/screens/event_detail_screen.h"

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/activity_flow.h"
#include "ui/screens/event_row.h"
#include "ui/screens/paging.h"

namespace olohuone::ui {
namespace {

// "Yksi. Kaksi! Kolme?" → "Yksi.", "Kaksi!", "Kolme?"; a line break ends one too.
std::vector<std::string> sentences_of(const std::string& text)
{
    std::vector<std::string> sentences;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            if (!current.empty())
                sentences.push_back(std::move(current));
            current.clear();
            continue;
        }
        current += c;
        const bool ends = (c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ');
        if (ends) {
            sentences.push_back(std::move(current));
            current.clear();
            while (i + 1 < text.size() && text[i + 1] == ' ')
                ++i;
        }
    }
    if (!current.empty())
        sentences.push_back(std::move(current));
    return sentences;
}

} // namespace

PagingLabels EventDetailScreen::paging_labels(const Catalog& catalog) const
{
    return {"detail/less", catalog.text("detail.less"), "detail/more", catalog.text("detail.more")};
}

void EventDetailScreen::begin_frame(const ScreenContext& context)
{
    m_status = context.activities.status(m_entry.occurrence);
}

std::vector<ControlGroup> EventDetailScreen::controls(const ScreenContext& context)
{
    ControlGroup back;
    back.buttons.push_back({"detail/back", context.catalog.text("detail.back"), ButtonStyle::Primary,
                            sizes::button_pt * 1.2});
    back.min_button_mm = 44.0; // the way out is the biggest thing on the panel
    std::vector<ControlGroup> groups = {back};

    // The activity's own step is as big as the way back, beside it; cancelling is a
    // quieter button on a row of its own.
    const auto action = [&](const char* id, const char* label_key, ButtonStyle style, bool main) {
        ControlGroup group;
        group.buttons.push_back({id, context.catalog.text(label_key), style, sizes::button_pt * (main ? 1.2 : 1.0)});
        group.min_button_mm = main ? 44.0 : 40.0;
        group.starts_row = !main;
        groups.push_back(std::move(group));
    };
    if (m_status.attendance_open)
        action("activity/here", "activity.here", ButtonStyle::Primary, true);
    if (m_status.takes_registrations && m_status.can_register())
        action("activity/register", "activity.register", ButtonStyle::Primary, true);
    if (m_status.takes_registrations && m_status.can_cancel())
        action("activity/cancel", "activity.cancel", ButtonStyle::Unselected, false);
    if (context.paging_in_panel)
        groups.push_back(paging_group(paging_labels(context.catalog), m_first_block > 0, m_has_more));
    return groups;
}

std::vector<EventDetailScreen::Block> EventDetailScreen::make_blocks(const ScreenContext& context, int width,
                                                                     int area_height, bool picture_block) const
{
    const Metrics& metrics = context.metrics;
    const Catalog& catalog = context.catalog;
    const Occurrence& occurrence = m_entry.occurrence;
    const std::string& language = catalog.language();
    const FontSpec title_font{FontWeight::Bold, metrics.text_px(sizes::detail_title_pt)};
    const FontSpec body_font{FontWeight::Regular, metrics.text_px(sizes::body_pt)};
    const FontSpec badge_font{FontWeight::Bold, metrics.text_px(sizes::secondary_pt)};

    std::vector<Block> blocks;
    const auto add_text = [&](const std::string& text, const FontSpec& font, Color color, int space_before,
                              bool strike = false) {
        bool first = true;
        for (std::string& line : wrap_text(text, width, font, context.measurer)) {
            blocks.push_back({Block::Kind::Text, std::move(line), font, color, theme::background, strike,
                              context.measurer.line_height(font), first ? space_before : 0, false});
            first = false;
        }
        // A page ends after a whole fact or sentence, never inside one.
        if (!first)
            blocks.back().page_may_end = true;
    };
    const auto add_badge_block = [&](const std::string& text, Color foreground, Color fill) {
        const Rect size = add_badge(nullptr, text, 0, 0, width, badge_font, foreground, fill, context.measurer);
        blocks.push_back({Block::Kind::Badge, text, badge_font, foreground, fill, false, size.h, metrics.mm(1.0)});
    };

    add_text(occurrence.title.in(language), title_font, theme::text, 0, m_entry.cancelled());
    if (m_entry.cancelled())
        add_badge_block(catalog.text("event.cancelled"), theme::on_cancelled_badge, theme::cancelled_badge);
    else if (m_entry.state == TimeState::Now)
        add_badge_block(catalog.text("event.now"), theme::on_accent, theme::accent);
    if (occurrence.moved_from && !m_entry.cancelled()) {
        add_badge_block(moved_text(occurrence, catalog, context.zone), theme::on_accent, theme::accent);
    }

    const std::string when = when_label(occurrence, context);
    int space = metrics.mm(1.5);
    const auto fact = [&](const std::string& label_key, const std::string& value) {
        if (value.empty())
            return;
        add_text(catalog.text(label_key) + ": " + value, body_font, theme::text, space);
        space = 0;
    };
    fact("event.time", when);
    // Right under the time: on a 7" panel the first page has room for little more.
    if (m_status.takes_registrations)
        add_places_blocks(context, [&](const std::string& text, const FontSpec& font, Color color) {
            add_text(text, font, color, 0);
        });
    fact("event.place", occurrence.location.in(language));
    fact("event.host", occurrence.host.in(language));
    if (!m_status.takes_registrations && occurrence.capacity)
        add_text(catalog.format("event.capacity", {{"count", std::to_string(*occurrence.capacity)}}), body_font,
                 theme::secondary_text, 0);
    if (picture_block)
        blocks.push_back({Block::Kind::Picture, {}, {}, {}, {}, false, std::min(area_height / 2, width * 2 / 3),
                          metrics.mm(2.0)});
    // A description longer than a page begins each sentence on a line of its own, so that
    // pages end where sentences do: nobody carries half a sentence to the next page.
    const std::string& description = occurrence.description.in(language);
    const int description_height = add_wrapped_text(nullptr, description, 0, 0, width, body_font, theme::text,
                                                    theme::background, context.measurer);
    if (description_height <= area_height / 2) {
        add_text(description, body_font, theme::text, metrics.mm(2.0));
        return blocks;
    }
    int before = metrics.mm(2.0);
    for (const std::string& sentence : sentences_of(description)) {
        add_text(sentence, body_font, theme::text, before);
        before = 0;
    }
    return blocks;
}

void EventDetailScreen::add_places_blocks(
    const ScreenContext& context,
    const std::function<void(const std::string&, const FontSpec&, Color)>& add_text) const
{
    const Catalog& catalog = context.catalog;
    const FontSpec strong{FontWeight::Bold, context.metrics.text_px(sizes::body_pt)};
    const FontSpec body{FontWeight::Regular, context.metrics.text_px(sizes::body_pt)};
    if (m_status.registration == RegistrationState::Cancelled) {
        // The registrations stay stored; they are shown as what they now are.
        if (!m_status.places.standings.empty())
            add_text(catalog.format("activity.cancelled_registrations",
                                    {{"count", std::to_string(m_status.places.standings.size())}}),
                     body, theme::secondary_text);
        return;
    }
    const std::string places = places_text(m_status, catalog);
    if (!places.empty())
        add_text(places, strong, theme::time_text);
    if (m_status.waits_for_clock) {
        // Said in plain words, not left as buttons that are simply missing.
        add_text(catalog.text("activity.waits_for_clock"), body, theme::text);
        return;
    }
    if (m_status.registration == RegistrationState::ClosedSoon)
        add_text(catalog.text("activity.closed"), body, theme::secondary_text);
    if (m_status.attendance_open)
        add_text(catalog.format("activity.here_count", {{"named", std::to_string(m_status.here_named)},
                                                        {"anonymous", std::to_string(m_status.here_anonymous)}}),
                 body, theme::text);
}

bool EventDetailScreen::shows_shared_controls(const ScreenContext& context) const
{
    // A 7" panel gives the activity's buttons the row the text size and language had:
    // the visitor chose those on the programme screen.
    if (!context.small_screen)
        return true;
    return !m_status.takes_registrations
        || !(m_status.attendance_open || m_status.can_register() || m_status.can_cancel());
}

void EventDetailScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Metrics& metrics = context.metrics;
    const Occurrence& occurrence = m_entry.occurrence;
    const int gap = metrics.mm(sizes::gap_mm);

    // A wide, roomy area puts the picture beside the text on the first page; otherwise
    // (a 7" panel, a portrait screen) it is a block of its own below the facts.
    const bool has_picture = !occurrence.picture.empty();
    const bool picture_beside = has_picture && area.w >= area.h * 14 / 10 && area.h >= metrics.mm(70);
    const int picture_width = area.w * 2 / 5;
    Rect text_area = area;
    if (picture_beside)
        text_area.w -= picture_width + gap;
    std::vector<Block> blocks = make_blocks(context, text_area.w, area.h, has_picture && !picture_beside);

    // Pages: as many blocks as fit, beside or above the paging buttons when there is
    // more than one page and they are not in the panel.
    int total = 0;
    for (const Block& block : blocks)
        total += block.space_before + block.height;
    const bool paged = m_first_block > 0 || total > area.h;
    const ContentPaging paging = place_content_paging(area, paging_labels(context.catalog), context);
    Rect content = area;
    if (paged && !context.paging_in_panel) {
        content = paging.content;
        if (content.w < text_area.w) {
            text_area.w = content.w;
            blocks = make_blocks(context, text_area.w, area.h, has_picture && !picture_beside);
        }
    }
    m_first_block = std::min(m_first_block, blocks.empty() ? 0 : blocks.size() - 1);

    if (picture_beside && m_first_block == 0)
        list.image(context.content_dir + "/" + occurrence.picture,
                   {text_area.right() + gap, area.y, content.right() - text_area.right() - gap,
                    std::min(area.h, picture_width * 2 / 3)});
    // The blocks this page holds, ending after a sentence where one ends on it.
    std::size_t end = m_first_block;
    for (int used = 0; end < blocks.size(); ++end) {
        const int before = end == m_first_block ? 0 : blocks[end].space_before;
        if (area.y + used + before + blocks[end].height > content.bottom() && end > m_first_block)
            break;
        used += before + blocks[end].height;
    }
    if (end < blocks.size()) {
        std::size_t sentence_end = end;
        while (sentence_end > m_first_block + 1 && !blocks[sentence_end - 1].page_may_end)
            --sentence_end;
        if (blocks[sentence_end - 1].page_may_end)
            end = sentence_end;
    }
    int y = area.y;
    std::size_t index = m_first_block;
    for (; index < end; ++index) {
        const Block& block = blocks[index];
        const int before = index == m_first_block ? 0 : block.space_before;
        y += before;
        switch (block.kind) {
        case Block::Kind::Text:
            add_text_lines(&list, {block.text}, text_area.x, y, text_area.w, block.font, block.foreground,
                           theme::background, context.measurer, block.strike);
            break;
        case Block::Kind::Badge:
            add_badge(&list, block.text, text_area.x, y, text_area.w, block.font, block.foreground, block.fill,
                      context.measurer);
            break;
        case Block::Kind::Picture:
            list.image(context.content_dir + "/" + occurrence.picture, {text_area.x, y, text_area.w, block.height});
            break;
        }
        y += block.height;
    }
    m_next_page_block = index;
    m_has_more = index < blocks.size();
    if (paged && !context.paging_in_panel)
        add_content_paging(list, paging, paging_labels(context.catalog), m_first_block > 0, m_has_more, context);
}

ScreenAction EventDetailScreen::on_tap(const std::string& id, const ScreenContext& context)
{
    if (id == "detail/back")
        return ScreenAction::pop();
    // The buttons were drawn from the status of the last frame; a minute may have passed.
    m_status = context.activities.status(m_entry.occurrence);
    if (id == "activity/register" && m_status.can_register())
        return ScreenAction::push(make_register_screen(m_entry.occurrence, context));
    if (id == "activity/cancel" && m_status.can_cancel())
        return ScreenAction::push(make_cancel_screen(m_entry.occurrence, context));
    if (id == "activity/here" && m_status.attendance_open)
        return ScreenAction::push(make_attendance_screen(m_entry.occurrence, context));
    if (id == "detail/more" && m_has_more)
        m_first_block = m_next_page_block;
    else if (id == "detail/less")
        m_first_block = 0;
    return {};
}

} // namespace olohuone::ui
