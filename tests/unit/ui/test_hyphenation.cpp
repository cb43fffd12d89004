// Where long words break, from Debian's dictionaries: libvoikko with voikko-fi for
// Finnish, libhyphen's patterns for Swedish and English, and the wrap using them.
#include <gtest/gtest.h>

#include "core/text_limits.h"
#include "ui/hyphenation/dictionary_hyphenation.h"
#include "ui/layout/text_wrap.h"

namespace olohuone::ui {
namespace {

using Points = std::vector<std::size_t>;
using Lines = std::vector<std::string>;

// The word cut at `points`, to compare with how a dictionary spells the syllables.
std::string shown_with_hyphens(std::string_view word, const Points& points)
{
    std::string shown;
    std::size_t from = 0;
    for (std::size_t point : points) {
        shown += std::string(word.substr(from, point - from)) + "-";
        from = point;
    }
    return shown + std::string(word.substr(from));
}

TEST(Hyphenation, FinnishBreaksWhereVoikkoSaysIncludingBetweenTheVowelsOfACompound)
{
    DictionaryHyphenation hyphenation;
    EXPECT_EQ(shown_with_hyphens("kirjastoautossa", hyphenation.break_points("kirjastoautossa", "fi")),
              "kir-jas-to-au-tos-sa");
    EXPECT_EQ(shown_with_hyphens("Äänekoski", hyphenation.break_points("Äänekoski", "fi")), "Ää-ne-kos-ki");
}

TEST(Hyphenation, PunctuationAndAWordsOwnHyphenAreLeftOutOfTheQuestion)
{
    DictionaryHyphenation hyphenation;
    EXPECT_EQ(shown_with_hyphens("(Äänekoski),", hyphenation.break_points("(Äänekoski),", "fi")),
              "(Ää-ne-kos-ki),");
    // Each side of "-" on its own; a break never leaves one letter alone on a line.
    EXPECT_EQ(shown_with_hyphens("Anna-Liisa", hyphenation.break_points("Anna-Liisa", "fi")), "An-na-Lii-sa");
    EXPECT_EQ(shown_with_hyphens("Aino", hyphenation.break_points("Aino", "fi")), "Ai-no");
    EXPECT_EQ(hyphenation.break_points("Ari", "fi"), (Points{}));
    EXPECT_EQ(hyphenation.break_points("10.15–11.00", "fi"), (Points{}));
}

TEST(Hyphenation, SwedishAndEnglishBreakByTheirPatterns)
{
    DictionaryHyphenation hyphenation;
    EXPECT_EQ(shown_with_hyphens("Julförsäljningen", hyphenation.break_points("Julförsäljningen", "sv")),
              "Jul-försälj-ning-en");
    EXPECT_EQ(shown_with_hyphens("Neighbourhood", hyphenation.break_points("Neighbourhood", "en")),
              "Neigh-bour-hood");
}

TEST(Hyphenation, AMissingDictionaryMeansNoPointsNotAFailure)
{
    DictionaryHyphenation hyphenation(DictionaryPaths{{{"sv", "/nonexistent/hyph_sv.dic"}}});
    EXPECT_EQ(hyphenation.break_points("Julförsäljningen", "sv"), (Points{}));
    EXPECT_EQ(hyphenation.break_points("Julförsäljningen", "de"), (Points{}));
    // And the next answer is the same, without trying to open the file again.
    EXPECT_EQ(hyphenation.break_points("Julförsäljningen", "sv"), (Points{}));
}

// Every character 10 px wide; hyphenation from the dictionaries when asked to.
class DictionaryMeasurer final : public TextMeasurer {
public:
    explicit DictionaryMeasurer(bool with_dictionary, DictionaryPaths paths = {})
        : m_with_dictionary(with_dictionary), m_hyphenation(std::move(paths))
    {
    }
    int width(std::string_view text, const FontSpec&) override
    {
        return 10 * static_cast<int>(utf8_characters(text).size());
    }
    int line_height(const FontSpec&) override { return 12; }
    int cap_height(const FontSpec&) override { return 7; }
    void set_language(std::string_view language) override { m_language = language; }
    std::vector<std::size_t> hyphenation_points(std::string_view word) override
    {
        return m_with_dictionary ? m_hyphenation.break_points(word, m_language) : Points{};
    }

private:
    bool m_with_dictionary;
    std::string m_language = "fi";
    DictionaryHyphenation m_hyphenation;
};

TEST(Hyphenation, AWrappedWordBreaksAtTheDictionarysPointNotJustTheSyllableRule)
{
    // Nine characters and the hyphen fit. The rule alone finds "kirjas-" (it never
    // breaks between two vowels); the dictionary knows "kirjasto-auto".
    DictionaryMeasurer rule_only(false);
    EXPECT_EQ(wrap_text("kirjastoautossa", 100, {FontWeight::Bold, 10}, rule_only),
              (Lines{"kirjas-", "toautossa"}));
    DictionaryMeasurer with_dictionary(true);
    EXPECT_EQ(wrap_text("kirjastoautossa", 100, {FontWeight::Bold, 10}, with_dictionary),
              (Lines{"kirjasto-", "autossa"}));
    with_dictionary.set_language("sv");
    EXPECT_EQ(wrap_text("Julförsäljningen", 110, {FontWeight::Bold, 10}, with_dictionary),
              (Lines{"Julförsälj-", "ningen"}));

    // A kiosk without the Swedish patterns still breaks with a visible hyphen, where the
    // syllable rule allows: before a consonant that a vowel follows.
    DictionaryMeasurer without_patterns(true, DictionaryPaths{{{"sv", "/nonexistent/hyph_sv.dic"}}});
    without_patterns.set_language("sv");
    EXPECT_EQ(wrap_text("Julförsäljningen", 110, {FontWeight::Bold, 10}, without_patterns),
              (Lines{"Julförsälj-", "ningen"}));
}

} // namespace
} // namespace olohuone::ui
