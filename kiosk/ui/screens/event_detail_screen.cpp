#include "ui/screens/event_detail_screen.h"

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"
#include "ui/screens/event_row.h"

namespace olohuone::ui {

std::vector<ControlGroup> EventDetailScreen::controls(const ScreenContext& context)
{
    ControlGroup back;
    back.buttons.push_back({"detail/back", context.catalog.text("detail.back"), ButtonStyle::Primary,
                            sizes::button_pt * 1.2});
    back.min_button_mm = 40.0;
    return {back};
}

void EventDetailScreen::build(const ScreenContext& context, Rect area, DrawList& list)
{
    const Metrics& metrics = context.metrics;
    const Catalog& catalog = context.catalog;
    const Occurrence& occurrence = m_entry.occurrence;
    const std::string& language = catalog.language();
    const int gap = metrics.mm(sizes::gap_mm);

    // A wide area puts the picture beside the text; a tall one above the description.
    Rect text_area = area;
    std::optional<Rect> picture_rect;
    const bool has_picture = !occurrence.picture.empty();
    if (has_picture && area.w >= area.h * 14 / 10) {
        const int picture_width = area.w * 2 / 5;
        picture_rect = Rect{area.right() - picture_width, area.y, picture_width, std::min(area.h, picture_width * 2 / 3)};
        text_area.w -= picture_width + gap;
    }

    const FontSpec title_font{FontWeight::Bold, metrics.text_px(sizes::detail_title_pt)};
    const FontSpec body_font{FontWeight::Regular, metrics.text_px(sizes::body_pt)};
    const FontSpec label_font{FontWeight::Bold, metrics.text_px(sizes::body_pt)};
    const FontSpec badge_font{FontWeight::Bold, metrics.text_px(sizes::secondary_pt)};
    int y = area.y;
    const auto write = [&](const std::string& text, const FontSpec& font, Color color, bool strike = false) {
        y += add_wrapped_text(&list, text, text_area.x, y, text_area.w, font, color, theme::background,
                              context.measurer, strike);
    };

    write(occurrence.title.in(language), title_font, theme::text, m_entry.cancelled());
    y += metrics.mm(1.0);

    // State badges: cancelled, on now, moved.
    int badge_x = text_area.x;
    int badge_height = 0;
    const auto badge = [&](const std::string& text, Color foreground, Color fill) {
        if (badge_x > text_area.x && badge_x + context.measurer.width(text, badge_font) + badge_font.px > text_area.right()) {
            y += badge_height + metrics.mm(1.0);
            badge_x = text_area.x;
            badge_height = 0;
        }
        const Rect placed = add_badge(&list, text, badge_x, y, text_area.right() - badge_x, badge_font, foreground,
                                      fill, context.measurer);
        badge_x += placed.w + gap;
        badge_height = std::max(badge_height, placed.h);
    };
    if (m_entry.cancelled())
        badge(catalog.text("event.cancelled"), theme::on_cancelled_badge, theme::cancelled_badge);
    else if (m_entry.state == TimeState::Now)
        badge(catalog.text("event.now"), theme::on_accent, theme::accent);
    if (occurrence.moved_from && !m_entry.cancelled())
        badge(catalog.format("event.moved", {{"time", catalog.clock_phrase(context.zone.to_local(*occurrence.moved_from).time)}}),
              theme::on_accent, theme::accent);
    if (badge_height > 0)
        y += badge_height + metrics.mm(1.0);

    const std::string when = catalog.long_date(context.zone.to_local(occurrence.start).date) + " · "
        + time_label(occurrence, context);
    const auto fact = [&](const std::string& label_key, const std::string& value) {
        if (value.empty())
            return;
        write(catalog.text(label_key) + ": " + value, body_font, theme::text);
    };
    fact("event.time", when);
    fact("event.place", occurrence.location.in(language));
    fact("event.host", occurrence.host.in(language));
    if (occurrence.capacity)
        write(catalog.format("event.capacity", {{"count", std::to_string(*occurrence.capacity)}}), body_font,
              theme::secondary_text);
    (void)label_font;
    y += metrics.mm(2.0);

    if (has_picture && !picture_rect) {
        const int height = std::min(area.bottom() - y, area.h / 3);
        if (height > metrics.mm(20)) {
            picture_rect = Rect{text_area.x, y, text_area.w, height};
            y += height + gap;
        }
    }
    if (picture_rect)
        list.image(context.content_dir + "/" + occurrence.picture, *picture_rect);

    // The description, a page at a time when it does not fit.
    const std::vector<std::string> lines =
        wrap_text(occurrence.description.in(language), text_area.w, body_font, context.measurer);
    const int line_height = context.measurer.line_height(body_font);
    const int footer_height = metrics.mm(sizes::min_target_mm + 1.0);
    int space = area.bottom() - y;
    const bool paged = m_first_line > 0 || static_cast<int>(lines.size()) * line_height > space;
    if (paged)
        space -= footer_height + gap;
    std::size_t line = std::min(m_first_line, lines.size());
    for (; line < lines.size() && y + line_height <= area.y + (area.h - (paged ? footer_height + gap : 0)); ++line) {
        list.text({lines[line], body_font, {text_area.x, y}, {text_area.x, y, text_area.w, line_height},
                   theme::text, theme::background});
        y += line_height;
    }
    m_next_page_line = line;
    if (!paged)
        return;
    const Rect footer{area.x, area.bottom() - footer_height, area.w, footer_height};
    const int half = (footer.w - gap) / 2;
    if (m_first_line > 0)
        add_button(list, {"detail/less", catalog.text("detail.less"), ButtonStyle::Primary, sizes::button_pt,
                          context.pressed == "detail/less"},
                   {footer.x, footer.y, half, footer.h}, context.tools());
    if (line < lines.size())
        add_button(list, {"detail/more", catalog.text("detail.more"), ButtonStyle::Primary, sizes::button_pt,
                          context.pressed == "detail/more"},
                   {footer.right() - half, footer.y, half, footer.h}, context.tools());
}

ScreenAction EventDetailScreen::on_tap(const std::string& id, const ScreenContext&)
{
    if (id == "detail/back")
        return {ScreenAction::Kind::Pop, nullptr};
    if (id == "detail/more")
        m_first_line = m_next_page_line;
    else if (id == "detail/less")
        m_first_line = 0;
    return {};
}

} // namespace olohuone::ui
