#include "core/calendar_structure.h"

#include <algorithm>
#include <cctype>

namespace olohuone {
namespace {

struct Open {
    std::string name;          // VEVENT, VALARM, …
    int line = 0;              // where its BEGIN is
    std::size_t output_at = 0; // where it begins in the text kept
    std::string uid;           // an event's, once read
    std::string summary;
};

std::string upper(std::string_view text)
{
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(), [](unsigned char c) { return std::toupper(c); });
    return result;
}

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.pop_back();
    const std::size_t first = text.find_first_not_of(" \t");
    return first == std::string::npos ? std::string() : text.substr(first);
}

// The components that stand only directly under VCALENDAR: one of them beginning inside
// another means the other was never closed.
bool is_top_level(const std::string& name)
{
    return name == "VEVENT" || name == "VTODO" || name == "VJOURNAL" || name == "VFREEBUSY" || name == "VTIMEZONE";
}

// "the VEVENT on line 12 (UID kahvi@test)", or "(Kahvihetki)" without a UID.
std::string described(const Open& open)
{
    std::string text = "the " + open.name + " on line " + std::to_string(open.line);
    if (!open.uid.empty())
        text += " (UID " + open.uid + ")";
    else if (!open.summary.empty())
        text += " (\"" + open.summary + "\")";
    return text;
}

} // namespace

CheckedStructure leave_out_broken_components(const std::string& file, std::string_view text)
{
    CheckedStructure checked;
    std::vector<Open> stack;
    std::string kept;
    kept.reserve(text.size());
    int line_number = 0;
    std::string skipping; // the component being left out to its END, if any
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        end = end == std::string_view::npos ? text.size() : end + 1;
        const std::string_view line = text.substr(at, end - at);
        at = end;
        ++line_number;
        // A folded line goes on the one before it; it can be neither a BEGIN nor an END.
        const bool continues = !line.empty() && (line.front() == ' ' || line.front() == '\t');
        std::string_view content = line;
        while (!content.empty() && (content.back() == '\n' || content.back() == '\r'))
            content.remove_suffix(1);
        if (line_number == 1 && content.starts_with("\xEF\xBB\xBF"))
            content.remove_prefix(3); // a byte order mark before BEGIN:VCALENDAR (Notepad)
        const std::size_t colon = content.find(':');
        const std::string name = continues || colon == std::string_view::npos
            ? std::string()
            : upper(content.substr(0, std::min(colon, content.find(';'))));
        std::string value = colon == std::string_view::npos ? std::string() : std::string(content.substr(colon + 1));
        if (name == "BEGIN" || name == "END")
            value = trimmed(value);

        if (!skipping.empty()) {
            // The rest of an event left out at a mismatch deep inside it.
            if (name == "END" && upper(value) == skipping)
                skipping.clear();
            continue;
        }
        if (name == "BEGIN") {
            const std::string begins = upper(value);
            if (stack.size() > 1 && is_top_level(begins)) {
                // An event never closed: the next one begins. The open one goes; the
                // rest of the file is read.
                const Open broken = stack[1];
                checked.warnings.push_back(file + ", line " + std::to_string(line_number) + ": " + described(broken)
                                           + " is never closed before this BEGIN:" + begins + "; the " + broken.name
                                           + " is left out");
                kept.resize(broken.output_at);
                stack.resize(1);
            }
            stack.push_back({begins, line_number, kept.size(), {}, {}});
        } else if (name == "END") {
            const std::string closes = upper(value);
            const auto open = std::find_if(stack.rbegin(), stack.rend(),
                                           [&](const Open& each) { return each.name == closes; });
            if (open == stack.rend()) {
                if (stack.size() > 1) {
                    // A misspelt END inside a component closes it, as libical reads it.
                    checked.warnings.push_back(file + ", line " + std::to_string(line_number) + ": END:" + closes
                                               + " is read as the END:" + stack.back().name + " of line "
                                               + std::to_string(stack.back().line));
                    stack.pop_back();
                    kept.append(line);
                    continue;
                }
                checked.warnings.push_back(file + ", line " + std::to_string(line_number) + ": END:" + closes
                                           + " without its BEGIN is ignored");
                continue;
            }
            if (open != stack.rbegin()) {
                // Something inside is not closed: the component under the calendar that
                // holds it (the event) goes, the rest of the file stays.
                const std::size_t depth = static_cast<std::size_t>(stack.rend() - open) - 1;
                if (stack.size() > 1) {
                    const Open broken = stack[1];
                    checked.warnings.push_back(file + ", line " + std::to_string(line_number) + ": "
                                               + described(broken) + " has a BEGIN:" + stack.back().name + " on line "
                                               + std::to_string(stack.back().line)
                                               + " that is never closed; the " + broken.name + " is left out");
                    kept.resize(broken.output_at);
                    stack.resize(1);
                    if (depth >= 2)
                        skipping = broken.name; // its own END is still to come
                }
                if (depth >= 1)
                    continue; // this END belonged to what was left out
            }
            stack.pop_back();
        } else if (stack.size() == 2 && (name == "UID" || name == "SUMMARY")) {
            (name == "UID" ? stack.back().uid : stack.back().summary) = value.substr(0, 200);
        }
        kept.append(line);
    }
    if (!stack.empty() || !skipping.empty()) // cut short: refused whole by the importer, as it is
        return {std::string(text), {}};
    checked.text = std::move(kept);
    return checked;
}

} // namespace olohuone
