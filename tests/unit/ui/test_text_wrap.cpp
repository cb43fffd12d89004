// How text breaks into lines: at spaces, and inside a word only when the word is wider
// than the line, then with a visible hyphen and where a syllable ends if it can.
#include <gtest/gtest.h>

#include "core/text_limits.h"
#include "ui/layout/text_wrap.h"

namespace olohuone::ui {
namespace {

// Every character 10 px wide, so that widths are easy to reason about.
class FixedWidthMeasurer final : public TextMeasurer {
public:
    int width(std::string_view text, const FontSpec&) override
    {
        return 10 * static_cast<int>(utf8_characters(text).size());
    }
    int line_height(const FontSpec&) override { return 12; }
    int cap_height(const FontSpec&) override { return 7; }
};

std::vector<std::string> wrapped(std::string_view text, int width)
{
    FixedWidthMeasurer measurer;
    return wrap_text(text, width, {FontWeight::Bold, 10}, measurer);
}

using Lines = std::vector<std::string>;

TEST(TextWrap, BreaksAtSpacesWhenTheWordsFit)
{
    EXPECT_EQ(wrapped("Omainen tai ystävä", 110), (Lines{"Omainen tai", "ystävä"}));
}

TEST(TextWrap, ALongFinnishWordBreaksWithAHyphenWhereASyllableEnds)
{
    // va-paa-eh-toi-nen: eight characters fit with the hyphen, and "Vapaaeh" ends a syllable.
    EXPECT_EQ(wrapped("Vapaaehtoinen", 80), (Lines{"Vapaaeh-", "toinen"}));
    // yh-teis-työ-kump-pa-ni
    EXPECT_EQ(wrapped("Yhteistyökumppani", 100), (Lines{"Yhteistyö-", "kumppani"}));
}

TEST(TextWrap, AWordsOwnHyphenIsWhereItBreaks)
{
    EXPECT_EQ(wrapped("Anna-Liisa", 60), (Lines{"Anna-", "Liisa"}));
}

TEST(TextWrap, AWordWithNoSyllableInReachStillBreaksWithAHyphen)
{
    for (const std::string& line : wrapped("Xxxxxxxxxxxx", 50))
        EXPECT_LE(utf8_characters(line).size(), 5u) << line;
    EXPECT_EQ(wrapped("Xxxxxxxxxxxx", 50).front(), "Xxxx-");
}

} // namespace
} // namespace olohuone::ui
