#include "ui/screens/header.h"

#include "ui/layout/text_wrap.h"
#include "ui/layout/theme.h"

namespace olohuone::ui {

int build_header(const ScreenContext& context, Rect area, DrawList* list, HeaderSpace space)
{
    const Catalog& catalog = context.catalog;
    const std::string date = catalog.long_date(context.local_now.date);
    // Before NTP has set the clock, the date is the last one the device knew (it keeps
    // it over a restart) and says so in the place of the time; a time of day would be a
    // guess.
    const std::string time = context.clock_known
        ? catalog.clock_phrase(context.local_now.time) + " · "
            + catalog.part_of_day_name(part_of_day(context.local_now.time))
        : catalog.text("status.clock_unknown");
    const FontSpec date_font{FontWeight::Bold, context.metrics.damped_text_px(sizes::header_pt)};
    const FontSpec time_font{FontWeight::Regular, context.metrics.damped_text_px(sizes::header_pt)};

    const auto single_line = [&](const std::string& text, const FontSpec& font) {
        const int height = context.measurer.line_height(font);
        if (list != nullptr)
            list->text({text, font, {area.x, area.y}, {area.x, area.y, area.w, height}, theme::text,
                        theme::background});
        return height;
    };

    // One line when it fits, as on a wide screen; else the date above the time, each a
    // little smaller if that keeps it on one line.
    const std::string one_line = date + " · " + time;
    if (context.measurer.width(one_line, date_font) <= area.w)
        return single_line(one_line, date_font);
    if (space == HeaderSpace::OneLine) {
        // A short screen keeps the weekday, the date, the time and the part of the day,
        // on one line, with the month as a number.
        const std::string short_line = catalog.day_heading(context.local_now.date) + " · " + time;
        FontSpec fitted = date_font;
        fitted.px = fitting_font_px(short_line, area.w, date_font, std::max(context.metrics.min_text_px(), date_font.px * 3 / 4), context.measurer);
        if (context.measurer.width(short_line, fitted) <= area.w)
            return single_line(short_line, fitted);
    }
    // Two lines; on a small screen the month as a number rather than a date that wraps.
    std::string date_line = date;
    FontSpec fitted_date = date_font;
    fitted_date.px = fitting_font_px(date, area.w, date_font, std::max(context.metrics.min_text_px(), date_font.px * 3 / 4), context.measurer);
    if (space == HeaderSpace::OneLine && context.measurer.width(date, fitted_date) > area.w) {
        date_line = catalog.day_heading(context.local_now.date);
        fitted_date.px = fitting_font_px(date_line, area.w, date_font, std::max(context.metrics.min_text_px(), date_font.px * 3 / 4), context.measurer);
    }
    FontSpec fitted_time = time_font;
    fitted_time.px = fitting_font_px(time, area.w, time_font, std::max(context.metrics.min_text_px(), time_font.px * 3 / 4), context.measurer);
    int used = add_wrapped_text(list, date_line, area.x, area.y, area.w, fitted_date, theme::text, theme::background,
                                context.measurer);
    used += add_wrapped_text(list, time, area.x, area.y + used, area.w, fitted_time, theme::time_text,
                             theme::background, context.measurer);
    return used;
}

} // namespace olohuone::ui
