#include "documented_commands.h"

#include <fstream>
#include <map>

namespace olohuone::testing {
namespace {

struct ShownLine {
    int number = 0;
    std::string text;
};

std::vector<ShownLine> lines_of(const std::string& path)
{
    std::ifstream in(path);
    std::vector<ShownLine> lines;
    std::string text;
    for (int number = 1; std::getline(in, text); ++number)
        lines.push_back({number, text});
    return lines;
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// "tools/dev/run-kiosk   # installs ..." -> "tools/dev/run-kiosk": a comment starts at a
// '#' after a blank, outside quotes.
std::string without_comment(const std::string& line)
{
    bool quoted = false;
    for (std::size_t at = 0; at < line.size(); ++at) {
        if (line[at] == '"' || line[at] == '\'')
            quoted = !quoted;
        else if (line[at] == '#' && !quoted && (at == 0 || line[at - 1] == ' '))
            return trimmed(line.substr(0, at));
    }
    return trimmed(line);
}

// Every command line in the ```sh blocks; comment lines (a shown prompt or answer) are
// not commands.
std::vector<ShownLine> shell_block_lines(const std::vector<ShownLine>& lines)
{
    std::vector<ShownLine> commands;
    bool in_shell_block = false;
    for (const ShownLine& line : lines) {
        const std::string text = trimmed(line.text);
        if (text.starts_with("```")) {
            in_shell_block = !in_shell_block && text == "```sh";
            continue;
        }
        if (in_shell_block && !without_comment(text).empty())
            commands.push_back({line.number, without_comment(text)});
    }
    return commands;
}

std::vector<std::string> code_spans(const std::string& text)
{
    std::vector<std::string> spans;
    for (auto open = text.find('`'); open != std::string::npos;) {
        const auto close = text.find('`', open + 1);
        if (close == std::string::npos)
            break;
        spans.push_back(text.substr(open + 1, close - open - 1));
        open = text.find('`', close + 1);
    }
    return spans;
}

// Inline `olohuone-kiosk ...` / `olohuonectl ...` spans that are whole commands, not a
// grammar such as `olohuonectl kiosk ...`.
std::vector<ShownLine> inline_commands(const std::vector<ShownLine>& lines)
{
    std::vector<ShownLine> commands;
    bool in_block = false;
    for (const ShownLine& line : lines) {
        if (trimmed(line.text).starts_with("```")) {
            in_block = !in_block;
            continue;
        }
        if (in_block)
            continue;
        for (const std::string& span : code_spans(line.text)) {
            const bool names_a_program = span.starts_with("olohuone-kiosk ") || span.starts_with("olohuonectl ");
            if (names_a_program && span.find("...") == std::string::npos && span.find('<') == std::string::npos)
                commands.push_back({line.number, span});
        }
    }
    return commands;
}

// The options a table row's first cell shows: the code spans it starts with, e.g.
// "`--content DIR`, `--state-dir DIR`"; "`-c, --config FILE`" is two spellings of one.
std::vector<std::string> leading_spans(std::string cell)
{
    std::vector<std::string> spans;
    cell = trimmed(cell);
    while (cell.starts_with('`')) {
        const auto close = cell.find('`', 1);
        if (close == std::string::npos)
            break;
        const std::string span = cell.substr(1, close - 1);
        const auto comma = span.find(", -");
        if (span.starts_with('-') && comma != std::string::npos) {
            const std::string long_form = span.substr(comma + 2);
            const auto value = long_form.find(' ');
            spans.push_back(span.substr(0, comma) + (value == std::string::npos ? "" : long_form.substr(value)));
            spans.push_back(long_form);
        } else {
            spans.push_back(span);
        }
        cell = trimmed(cell.substr(close + 1));
        if (!cell.starts_with(", `"))
            break;
        cell = cell.substr(2);
    }
    return spans;
}

// The rows of the table whose header row is `header`: what each shows in its first cell.
std::vector<ShownLine> table_commands(const std::vector<ShownLine>& lines, const std::string& header)
{
    std::vector<ShownLine> commands;
    for (std::size_t at = 0; at < lines.size(); ++at) {
        if (trimmed(lines[at].text) != header)
            continue;
        for (std::size_t row = at + 2; row < lines.size() && trimmed(lines[row].text).starts_with('|'); ++row) {
            const std::string& text = lines[row].text;
            const auto first = text.find('|');
            const auto second = text.find('|', first + 1);
            for (const std::string& span : leading_spans(text.substr(first + 1, second - first - 1)))
                commands.push_back({lines[row].number, span});
        }
    }
    return commands;
}

// Words as a shell splits them, a quoted string being one word (quotes kept).
std::vector<std::string> words_of(const std::string& line)
{
    std::vector<std::string> words;
    std::string word;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"')
            quoted = !quoted;
        if (c == ' ' && !quoted) {
            if (!word.empty())
                words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty())
        words.push_back(word);
    return words;
}

bool is_placeholder(const std::string& word)
{
    if (word == "WxH")
        return true;
    const std::string name = word.substr(0, word.find('.'));
    if (name.empty())
        return false;
    for (const char c : name)
        if ((c < 'A' || c > 'Z') && c != '_')
            return false;
    return true;
}

// What a reader types for each placeholder, by the option before it where that matters.
// The sandbox of test_documented_commands.cpp holds each file and folder named here.
const std::map<std::string, std::string>& placeholder_values()
{
    static const std::map<std::string, std::string> values = {
        {"-c FILE", "kiosk.toml"},
        {"--config FILE", "kiosk.toml"},
        {"--screenshot FILE", "out.png"},
        {"--content DIR", "content"},
        {"--state-dir DIR", "state"},
        {"--size WxH", "800x480"},
        {"--at TIME", "2026-11-24T10:15"},
        {"--text-size S", "large"},
        {"--language L", "sv"},
        {"--limit N", "5"},
        {"--organisation O", "\"Espoon kaupunki\""},
        {"--site S", "\"Olohuone Tapiola\""},
        {"--site ID", "1"},
        {"--kiosk ID", "1"},
        {"--name NAME", "\"Aino Korhonen\""},
        {"--url URL", "https://kalenteri.example.fi/olohuone.ics"},
        {"FILE.ics", "viikko.ics"},
    };
    return values;
}

DocumentedCommand filled_in(const std::string& where, const std::string& shown, const std::string& chosen)
{
    DocumentedCommand command{where, shown, {}, {}};
    std::string previous;
    for (const std::string& word : words_of(chosen)) {
        std::string typed = word;
        if (word == "...") {
            continue; // "FILE.ics ...": one file is enough
        }
        if (is_placeholder(word)) {
            const auto& values = placeholder_values();
            auto value = values.find(previous + " " + word);
            if (value == values.end())
                value = values.find(word);
            if (value != values.end())
                typed = value->second;
            else if (command.missing.empty())
                command.missing = word;
        }
        command.line += (command.line.empty() ? "" : " ") + typed;
        previous = word;
    }
    return command;
}

std::string without_brackets(const std::string& text, bool keep_inside)
{
    std::string result;
    int depth = 0;
    for (const char c : text) {
        if (c == '[' || c == ']') {
            depth += c == '[' ? 1 : -1;
            continue;
        }
        if (depth == 0 || keep_inside)
            result += c;
    }
    return result;
}

std::vector<DocumentedCommand> kiosk_option_commands(const std::string& where_prefix,
                                                     const std::vector<ShownLine>& rows)
{
    std::vector<DocumentedCommand> commands;
    for (const ShownLine& row : rows) {
        // An option that would start the kiosk for good is checked as the kiosk reads it:
        // with --check-config after it, which validates everything and exits.
        std::string line = "olohuone-kiosk " + row.text;
        if (row.text.find("--check-config") == std::string::npos && row.text.find("--screenshot") == std::string::npos)
            line += " --check-config";
        for (DocumentedCommand& command : variants_of(where_prefix + std::to_string(row.number), line))
            commands.push_back(std::move(command));
    }
    return commands;
}

void add_variants(std::vector<DocumentedCommand>& commands, const std::string& where_prefix,
                  const std::vector<ShownLine>& lines, const std::string& program_prefix = {})
{
    for (const ShownLine& line : lines)
        for (DocumentedCommand& command :
             variants_of(where_prefix + std::to_string(line.number), program_prefix + line.text))
            commands.push_back(std::move(command));
}

} // namespace

std::vector<DocumentedCommand> variants_of(const std::string& where, const std::string& shown)
{
    std::vector<DocumentedCommand> variants = {filled_in(where, shown, without_brackets(shown, false))};
    if (shown.find('[') != std::string::npos)
        variants.push_back(filled_in(where, shown, without_brackets(shown, true)));
    return variants;
}

std::vector<DocumentedCommand> documented_commands(const std::string& source_dir)
{
    std::vector<DocumentedCommand> commands;
    const auto readme = lines_of(source_dir + "/README.md");
    add_variants(commands, "README.md:", shell_block_lines(readme));
    add_variants(commands, "README.md:", inline_commands(readme));

    const auto configuration = lines_of(source_dir + "/docs/configuration.md");
    for (DocumentedCommand& command :
         kiosk_option_commands("docs/configuration.md:", table_commands(configuration, "| option | meaning |")))
        commands.push_back(std::move(command));

    const auto ctl = lines_of(source_dir + "/docs/olohuonectl.md");
    add_variants(commands, "docs/olohuonectl.md:", table_commands(ctl, "| command | what |"), "olohuonectl server ");
    add_variants(commands, "docs/olohuonectl.md:", shell_block_lines(ctl));
    return commands;
}

} // namespace olohuone::testing
