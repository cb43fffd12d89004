#include "ui/hyphenation/dictionary_hyphenation.h"

#include <hyphen.h>
#include <libvoikko/voikko.h>

#include <cstdlib>

#include "core/log.h"

namespace olohuone::ui {
namespace {

constexpr std::size_t answers_kept = 256;
constexpr std::size_t shortest_broken_run = 4; // characters
constexpr std::size_t fewest_characters_on_a_side = 2;

bool is_letter_byte(unsigned char byte)
{
    return byte >= 0x80 || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
}

bool starts_character(unsigned char byte)
{
    return (byte & 0xC0) != 0x80;
}

// Lower case for the Latin letters the patterns are written in (ASCII and U+00C0-U+00DE,
// which keep their byte length); libhyphen's patterns are all lower case.
std::string lower_latin(std::string_view text)
{
    std::string lower(text);
    for (std::size_t i = 0; i < lower.size(); ++i) {
        auto& byte = reinterpret_cast<unsigned char&>(lower[i]);
        if (byte >= 'A' && byte <= 'Z')
            byte = static_cast<unsigned char>(byte + 32);
        else if (byte == 0xC3 && i + 1 < lower.size()) {
            auto& next = reinterpret_cast<unsigned char&>(lower[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97)
                next = static_cast<unsigned char>(next + 32);
        }
    }
    return lower;
}

// Keeps the points that leave at least two characters on each side of the break.
std::vector<std::size_t> with_room_on_both_sides(std::string_view letters, std::vector<std::size_t> points)
{
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < letters.size(); ++i)
        if (starts_character(static_cast<unsigned char>(letters[i])))
            starts.push_back(i);
    if (starts.size() < 2 * fewest_characters_on_a_side)
        return {};
    const std::size_t first = starts[fewest_characters_on_a_side];
    const std::size_t last = starts[starts.size() - fewest_characters_on_a_side];
    std::erase_if(points, [&](std::size_t point) { return point < first || point > last; });
    return points;
}

} // namespace

// A library's handle, closed by `close` when its owner goes: made once, never copied.
template <typename Handle, void (*close)(Handle*)>
struct Owned {
    explicit Owned(Handle* opened) : handle(opened) {}
    Owned(const Owned&) = delete;
    Owned& operator=(const Owned&) = delete;
    ~Owned() { close(handle); }
    Handle* handle;
};

struct DictionaryHyphenation::Voikko : Owned<VoikkoHandle, voikkoTerminate> {
    using Owned::Owned;
};

struct DictionaryHyphenation::Patterns : Owned<HyphenDict, hnj_hyphen_free> {
    using Owned::Owned;
};

DictionaryHyphenation::DictionaryHyphenation(DictionaryPaths paths) : m_paths(std::move(paths)) {}

DictionaryHyphenation::~DictionaryHyphenation() = default;

bool DictionaryHyphenation::open(const std::string& language)
{
    if (const auto known = m_opened.find(language); known != m_opened.end())
        return known->second;
    bool found = false;
    if (language == "fi") {
        const char* error = nullptr;
        if (VoikkoHandle* handle = voikkoInit(&error, "fi", nullptr)) {
            // No break that leaves a lone vowel or a hard-to-read piece ("ae-", "-a").
            voikkoSetBooleanOption(handle, VOIKKO_OPT_NO_UGLY_HYPHENATION, 1);
            voikkoSetIntegerOption(handle, VOIKKO_MIN_HYPHENATED_WORD_LENGTH, 4);
            m_voikko = std::make_unique<Voikko>(handle);
            found = true;
        } else {
            log::warning(std::string("Finnish hyphenation is not available (libvoikko: ")
                         + (error ? error : "no dictionary") + "); long words break at syllables by rule");
        }
    } else if (const auto path = m_paths.patterns.find(language); path != m_paths.patterns.end()) {
        if (HyphenDict* dictionary = hnj_hyphen_load(path->second.c_str())) {
            m_patterns[language] = std::make_unique<Patterns>(dictionary);
            found = true;
        } else {
            log::warning("Hyphenation patterns for '" + language + "' could not be read from " + path->second
                         + "; long words break at syllables by rule");
        }
    }
    m_opened[language] = found;
    return found;
}

std::vector<std::size_t> DictionaryHyphenation::ask(std::string_view letters, const std::string& language)
{
    std::vector<std::size_t> points;
    const std::string word(letters);
    if (language == "fi") {
        char* pattern = voikkoHyphenateCstr(m_voikko->handle, word.c_str());
        if (pattern == nullptr)
            return {};
        // One pattern character per character of the word: '-' breaks before it.
        std::size_t character = 0;
        for (std::size_t i = 0; i < word.size() && pattern[character] != '\0'; ++i) {
            if (!starts_character(static_cast<unsigned char>(word[i])))
                continue;
            if (pattern[character] == '-' && i > 0)
                points.push_back(i);
            ++character;
        }
        voikkoFreeCstr(pattern);
        return points;
    }
    const std::string lower = lower_latin(word);
    std::vector<char> hyphens(lower.size() + 5, '0');
    char** replacements = nullptr;
    int* positions = nullptr;
    int* cuts = nullptr;
    HyphenDict* dictionary = m_patterns.at(language)->handle;
    const int failed = hnj_hyphen_hyphenate2(dictionary, lower.c_str(), static_cast<int>(lower.size()), hyphens.data(),
                                             nullptr, &replacements, &positions, &cuts);
    // An odd digit after byte i allows a break after it; a break that changes letters
    // (a Swedish "tillåta"-like replacement) is left out: the line would misspell.
    for (std::size_t i = 0; failed == 0 && i + 1 < lower.size(); ++i)
        if ((hyphens[i] - '0') % 2 == 1 && (replacements == nullptr || replacements[i] == nullptr)
            && starts_character(static_cast<unsigned char>(lower[i + 1])))
            points.push_back(i + 1);
    if (replacements != nullptr) {
        for (std::size_t i = 0; i < lower.size(); ++i)
            std::free(replacements[i]);
        std::free(replacements);
    }
    std::free(positions);
    std::free(cuts);
    return points;
}

std::vector<std::size_t> DictionaryHyphenation::break_points(std::string_view word, std::string_view language)
{
    const std::string language_code(language);
    if (!open(language_code))
        return {};
    std::string key = language_code + ':';
    key += word;
    if (const auto known = m_answers.find(key); known != m_answers.end())
        return known->second;

    // Each run of letters on its own: punctuation around a word and a word's own
    // hyphens are not the dictionary's business.
    std::vector<std::size_t> points;
    for (std::size_t start = 0; start < word.size();) {
        if (!is_letter_byte(static_cast<unsigned char>(word[start]))) {
            ++start;
            continue;
        }
        std::size_t end = start;
        std::size_t characters = 0;
        while (end < word.size() && is_letter_byte(static_cast<unsigned char>(word[end]))) {
            characters += starts_character(static_cast<unsigned char>(word[end])) ? 1 : 0;
            ++end;
        }
        if (characters >= shortest_broken_run) {
            const std::string_view run = word.substr(start, end - start);
            for (std::size_t point : with_room_on_both_sides(run, ask(run, language_code)))
                points.push_back(start + point);
        }
        start = end;
    }
    if (m_answers.size() >= answers_kept)
        m_answers.clear();
    m_answers.emplace(std::move(key), points);
    return points;
}

} // namespace olohuone::ui
