// Text from outside: shortened without breaking a character, control characters and
// broken UTF-8 removed, line breaks kept only where asked; and the language fallback.
#include <gtest/gtest.h>

#include "core/localized_text.h"
#include "core/text_limits.h"

namespace olohuone {
namespace {

const std::string replacement = "\xEF\xBF\xBD"; // U+FFFD

// "Åsa – 🎵 ä": 1-, 2-, 3- and 4-byte characters.
const std::string mixed = "\xC3\x85sa \xE2\x80\x93 \xF0\x9F\x8E\xB5 \xC3\xA4";
// Byte offsets where a character starts, plus the end.
const std::vector<std::size_t> boundaries{0, 2, 3, 4, 5, 8, 9, 13, 14, 16};

TEST(TruncateUtf8, NeverSplitsACharacterAndKeepsAsMuchAsFits)
{
    ASSERT_EQ(mixed.size(), 16u);
    for (std::size_t max = 0; max <= mixed.size() + 2; ++max) {
        const std::string cut = truncate_utf8(mixed, max);
        // The longest whole-character prefix that fits.
        std::size_t expected = 0;
        for (std::size_t boundary : boundaries)
            if (boundary <= max)
                expected = boundary;
        EXPECT_EQ(cut, mixed.substr(0, expected)) << "max " << max;
    }
}

TEST(TruncateUtf8, ShortTextIsUnchanged)
{
    EXPECT_EQ(truncate_utf8("Kahvi", 5), "Kahvi");
    EXPECT_EQ(truncate_utf8("Kahvi", 200), "Kahvi");
    EXPECT_EQ(truncate_utf8("", 0), "");
    EXPECT_EQ(truncate_utf8("Kahvi", 4), "Kahv");
}

TEST(CleanText, RemovesControlCharactersAndKeepsLettersAndEmoji)
{
    EXPECT_EQ(clean_text("Ty\x07hj\x1B\xC3\xA4 \x7Fp\xC3\xA4iv\xC3\xA4", LineBreaks::Keep), "Tyhjä päivä");
    EXPECT_EQ(clean_text(mixed, LineBreaks::Remove), mixed);
    // C1 controls (U+0080–U+009F) go too; U+00A0 and above stay.
    EXPECT_EQ(clean_text("a\xC2\x85" "b\xC2\x9F" "c\xC2\xA0" "d", LineBreaks::Keep), "abc\xC2\xA0" "d");
    // A carriage return is dropped, its line feed decides.
    EXPECT_EQ(clean_text("rivi 1\r\nrivi 2", LineBreaks::Keep), "rivi 1\nrivi 2");
}

TEST(CleanText, KeepsLineBreaksOnlyWhenAsked)
{
    EXPECT_EQ(clean_text("Rivi 1\nRivi 2", LineBreaks::Keep), "Rivi 1\nRivi 2");
    EXPECT_EQ(clean_text("Rivi 1\nRivi 2", LineBreaks::Remove), "Rivi 1 Rivi 2");
    EXPECT_EQ(clean_text("Sarake\tsarake", LineBreaks::Keep), "Sarake sarake");
}

TEST(CleanText, TrimsSpacesAndLineBreaksAtBothEnds)
{
    EXPECT_EQ(clean_text("  \n Kahvi \n ", LineBreaks::Keep), "Kahvi");
    EXPECT_EQ(clean_text(" \n\n ", LineBreaks::Keep), "");
    EXPECT_EQ(clean_text("", LineBreaks::Remove), "");
}

TEST(CleanText, ReplacesInvalidUtf8WithTheReplacementCharacter)
{
    EXPECT_EQ(clean_text("Kahvi\xFFhetki", LineBreaks::Remove), "Kahvi" + replacement + "hetki");
    EXPECT_EQ(clean_text("lone \x80 byte", LineBreaks::Remove), "lone " + replacement + " byte");
    // A 2-byte character cut off at the end of the text.
    EXPECT_EQ(clean_text("p\xC3", LineBreaks::Remove), "p" + replacement);
    // Overlong "/" (C0 AF) and a UTF-16 surrogate (ED A0 80) are not valid UTF-8.
    const std::string overlong = clean_text("a\xC0\xAF" "b", LineBreaks::Remove);
    EXPECT_EQ(overlong.find('/'), std::string::npos);
    EXPECT_NE(overlong.find(replacement), std::string::npos);
    const std::string surrogate = clean_text("a\xED\xA0\x80" "b", LineBreaks::Remove);
    EXPECT_EQ(surrogate.find("\xED\xA0\x80"), std::string::npos);
    EXPECT_EQ(surrogate.front(), 'a');
    EXPECT_EQ(surrogate.back(), 'b');
}

TEST(CleanText, NulBytesInsideTheTextAreRemoved)
{
    EXPECT_EQ(clean_text(std::string_view("Kah\0vi", 6), LineBreaks::Remove), "Kahvi");
}

TEST(LocalizedText, TranslationOrFinnishFallback)
{
    LocalizedText title("Tuolijumppa");
    title.set("sv", "Stolgymnastik");
    title.set("en", "");
    EXPECT_EQ(title.in("sv"), "Stolgymnastik");
    EXPECT_EQ(title.in("fi"), "Tuolijumppa");
    EXPECT_EQ(title.in("en"), "Tuolijumppa") << "an empty translation falls back";
    EXPECT_EQ(title.in("de"), "Tuolijumppa");
    EXPECT_FALSE(title.empty());
    EXPECT_TRUE(LocalizedText().empty());
}

} // namespace
} // namespace olohuone
