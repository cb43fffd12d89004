#include "web/two_digits.h"
#include "web/event_form.h"

#include <charconv>

#include "core/text_limits.h"

namespace olohuone::server::web {
namespace {

// The kiosk's importer keeps at most these many bytes of each text; a longer one is
// refused here rather than cut off on the kiosk.
constexpr std::size_t max_title_bytes = 200;
constexpr std::size_t max_short_text_bytes = 200;
constexpr std::size_t max_description_bytes = 4000;
constexpr int max_capacity = 999;
// A new event starts at most a year back or two years ahead; a weekly one repeats for
// at most three years.
constexpr int days_back = 365;
constexpr int days_ahead = 730;
constexpr int max_repeat_days = 3 * 366;

std::optional<int> whole_number(std::string_view text, int min, int max)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < min || value > max)
        return std::nullopt;
    return value;
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// 1.12.2026, 01.12.2026 or 2026-12-01.
std::optional<CivilDate> parse_date(const std::string& text)
{
    CivilDate date;
    std::optional<int> day, month, year;
    if (const auto dot = text.find('.'); dot != std::string::npos) {
        const auto second = text.find('.', dot + 1);
        if (second == std::string::npos)
            return std::nullopt;
        day = whole_number(std::string_view(text).substr(0, dot), 1, 31);
        month = whole_number(std::string_view(text).substr(dot + 1, second - dot - 1), 1, 12);
        year = whole_number(std::string_view(text).substr(second + 1), 2000, 2100);
    } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        year = whole_number(std::string_view(text).substr(0, 4), 2000, 2100);
        month = whole_number(std::string_view(text).substr(5, 2), 1, 12);
        day = whole_number(std::string_view(text).substr(8, 2), 1, 31);
    }
    if (!day || !month || !year)
        return std::nullopt;
    date = {*year, *month, *day};
    if (!date.valid())
        return std::nullopt;
    return date;
}

// 10.30, 10:30 or 9.05.
std::optional<CivilTime> parse_time(const std::string& text)
{
    const auto mark = text.find_first_of(".:");
    if (mark == std::string::npos || mark == 0 || mark > 2 || text.size() != mark + 3)
        return std::nullopt;
    const auto hour = whole_number(std::string_view(text).substr(0, mark), 0, 23);
    const auto minute = whole_number(std::string_view(text).substr(mark + 1), 0, 59);
    if (!hour || !minute)
        return std::nullopt;
    return CivilTime{*hour, *minute, 0};
}

// The text cleaned as the kiosk cleans it; a problem when it is longer than the kiosk keeps.
std::string checked_text(const Catalog& texts, const std::string& typed, std::size_t max_bytes, LineBreaks breaks,
                         const std::string& name, EventFormCheck& check)
{
    std::string text = clean_text(typed, breaks);
    if (text.size() > max_bytes) {
        check.problems.push_back(texts.format(
            "event.problem.too_long",
            {{"field", texts.text("event.field." + name)}, {"max", std::to_string(max_bytes)}}));
        check.values.invalid.insert(name);
    }
    return text;
}


void text_input(Html& html, const std::string& id, const std::string& name, const std::string& label,
                const EventFormValues& values, const std::string& value, std::size_t max_bytes, bool required,
                const std::string& hint = {}, const char* inputmode = nullptr)
{
    html.element("label", {{"for", id}}, label);
    if (!hint.empty())
        html.element("span", {{"class", "hint"}, {"id", id + "-hint"}}, hint);
    Html::AttributeList attributes{{"type", "text"}, {"id", id}, {"name", name}, {"value", value},
                                   {"maxlength", std::to_string(max_bytes)}};
    if (required)
        attributes.push_back({"required", ""});
    if (!hint.empty())
        attributes.push_back({"aria-describedby", id + "-hint"});
    if (inputmode != nullptr)
        attributes.push_back({"inputmode", inputmode});
    if (values.invalid.count(name))
        attributes.push_back({"aria-invalid", "true"});
    html.single("input", attributes);
}

} // namespace

std::string date_field_text(const CivilDate& date)
{
    return std::to_string(date.day) + "." + std::to_string(date.month) + "." + std::to_string(date.year);
}

std::string time_field_text(const CivilTime& time) { return std::to_string(time.hour) + "." + two_digits(time.minute); }

EventFormValues values_of(const EventTexts& texts)
{
    EventFormValues values;
    values.title = texts.title;
    values.location = texts.location;
    values.host = texts.host;
    values.description = texts.description;
    values.capacity = texts.capacity ? std::to_string(*texts.capacity) : std::string();
    return values;
}

EventFormCheck check_event_form(const Catalog& texts, const FormFields& fields, EventFormKind kind, CivilDate today)
{
    EventFormCheck check;
    EventFormValues& values = check.values;
    values.title = field(fields, "title");
    values.date = trimmed(field(fields, "date"));
    values.start = trimmed(field(fields, "start"));
    values.end = trimmed(field(fields, "end"));
    values.location = field(fields, "location");
    values.host = field(fields, "host");
    values.description = field(fields, "description");
    values.capacity = trimmed(field(fields, "capacity"));
    values.until = trimmed(field(fields, "until"));
    std::vector<std::string>& problems = check.problems;
    const auto problem = [&](const std::string& name, const std::string& key) {
        problems.push_back(texts.text(key));
        values.invalid.insert(name);
    };

    EventInput input;
    input.texts.title = checked_text(texts, values.title, max_title_bytes, LineBreaks::Remove,
                                     "title", check);
    if (input.texts.title.empty())
        problem("title", "event.problem.title_missing");

    if (kind != EventFormKind::CalendarEvent) {
        const auto date = parse_date(values.date);
        if (!date)
            problem("date", "event.problem.date");
        else if (*date < today.plus_days(-days_back) || *date > today.plus_days(days_ahead))
            problem("date", "event.problem.date_range");
        else
            input.date = *date;
    }

    const bool times_optional = kind == EventFormKind::CalendarEvent && values.start.empty() && values.end.empty();
    if (!times_optional) {
        input.start = parse_time(values.start);
        input.end = parse_time(values.end);
        if (!input.start)
            problem("start", "event.problem.start");
        if (!input.end)
            problem("end", "event.problem.end");
        if (input.start && input.end && *input.end <= *input.start)
            problem("end", "event.problem.end_before_start");
    }

    input.texts.location = checked_text(texts, values.location, max_short_text_bytes, LineBreaks::Remove,
                                        "location", check);
    input.texts.host = checked_text(texts, values.host, max_short_text_bytes, LineBreaks::Remove,
                                    "host", check);
    input.texts.description = checked_text(texts, values.description, max_description_bytes, LineBreaks::Keep,
                                           "description", check);
    if (!values.capacity.empty()) {
        input.texts.capacity = whole_number(values.capacity, 1, max_capacity);
        if (!input.texts.capacity)
            problem("capacity", "event.problem.capacity");
    }

    if (kind == EventFormKind::NewEvent) {
        bool weekdays_ok = true;
        const auto [first, last] = fields.equal_range("weekday");
        for (auto chosen = first; chosen != last; ++chosen) {
            const auto day = whole_number(chosen->second, 1, 7);
            if (day)
                values.weekdays |= 1 << (*day - 1);
            else
                weekdays_ok = false;
        }
        if (!weekdays_ok)
            problem("weekday", "event.problem.weekdays");
        input.weekdays = values.weekdays;
        if (!values.until.empty()) {
            input.until = parse_date(values.until);
            if (!input.until)
                problem("until", "event.problem.until");
            else if (input.weekdays == 0)
                problem("until", "event.problem.until_without_weekdays");
        }
        if (input.weekdays != 0 && problems.empty()) {
            // The first occurrence is the first chosen weekday on or after the date.
            while ((input.weekdays & (1 << static_cast<int>(input.date.weekday()))) == 0)
                input.date = input.date.plus_days(1);
            if (input.until && (*input.until < input.date || *input.until > input.date.plus_days(max_repeat_days)))
                problem("until", "event.problem.until_range");
        }
    }
    if (problems.empty())
        check.input = input;
    return check;
}

void write_event_fields(Html& html, const Catalog& texts, EventFormKind kind, const EventFormValues& values,
                        const std::string& id_prefix)
{
    const auto id = [&](const char* name) { return id_prefix + name; };
    text_input(html, id("title"), "title", texts.text("event.field.title"), values, values.title, max_title_bytes,
               true);
    if (kind != EventFormKind::CalendarEvent)
        text_input(html, id("date"), "date", texts.text("event.field.date"), values, values.date, 10, true,
                   texts.text("event.hint.date"), "decimal");
    html.open("div", {{"class", "times"}});
    html.open("div");
    text_input(html, id("start"), "start", texts.text("event.field.start"), values, values.start, 5,
               kind != EventFormKind::CalendarEvent, texts.text("event.hint.time"), "decimal");
    html.close();
    html.open("div");
    text_input(html, id("end"), "end", texts.text("event.field.end"), values, values.end, 5,
               kind != EventFormKind::CalendarEvent, texts.text("event.hint.end"), "decimal");
    html.close();
    html.close();
    if (kind == EventFormKind::CalendarEvent && values.start.empty() && values.end.empty())
        html.element("p", {{"class", "hint"}}, texts.text("event.hint.calendar_times"));
    text_input(html, id("location"), "location", texts.text("event.field.location"), values, values.location,
               max_short_text_bytes, false);
    text_input(html, id("host"), "host", texts.text("event.field.host"), values, values.host, max_short_text_bytes,
               false);
    html.element("label", {{"for", id("description")}}, texts.text("event.field.description"));
    html.element("textarea",
                 {{"id", id("description")},
                  {"name", "description"},
                  {"rows", "3"},
                  {"maxlength", std::to_string(max_description_bytes)},
                  {"aria-invalid", values.invalid.count("description") ? "true" : "false"}},
                 values.description);
    text_input(html, id("capacity"), "capacity", texts.text("event.field.capacity"), values, values.capacity, 3, false,
               texts.text("event.hint.capacity"), "numeric");
    if (kind != EventFormKind::NewEvent)
        return;
    html.open("fieldset", {{"class", values.invalid.count("weekday") ? "weekdays invalid" : "weekdays"}});
    html.element("legend", texts.text("event.field.weekdays"));
    html.element("span", {{"class", "hint"}}, texts.text("event.hint.weekdays"));
    html.open("div", {{"class", "daychoices"}});
    for (int day = 0; day < 7; ++day) {
        const std::string day_id = id("weekday-") + std::to_string(day + 1);
        html.open("label", {{"for", day_id}});
        Html::AttributeList attributes{
            {"type", "checkbox"}, {"id", day_id}, {"name", "weekday"}, {"value", std::to_string(day + 1)}};
        if (values.weekdays & (1 << day))
            attributes.push_back({"checked", ""});
        html.single("input", attributes);
        html.text(texts.text("event.weekday." + std::to_string(day + 1)));
        html.close();
    }
    html.close();
    html.close();
    text_input(html, id("until"), "until", texts.text("event.field.until"), values, values.until, 10, false,
               texts.text("event.hint.until"), "decimal");
}

} // namespace olohuone::server::web
