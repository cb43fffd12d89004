// Names as the on-screen keyboard delivers them: normalised before storing, refused
// gently when they cannot be a name, folded for search, shortened for the public screen.
#include <gtest/gtest.h>

#include "core/visitor_name.h"

namespace olohuone {
namespace {

// "a" followed by U+0308 COMBINING DIAERESIS: how some keyboards and copy-paste deliver ä.
const std::string decomposed_a_umlaut = "a\xCC\x88";

TEST(VisitorName, SpacesAreTrimmedAndCollapsed)
{
    EXPECT_EQ(normalize_name("  Aino   Korhonen  "), "Aino Korhonen");
    EXPECT_EQ(normalize_name("Aino\t Korhonen\n"), "Aino Korhonen");
}

TEST(VisitorName, DecomposedLettersAreComposed)
{
    const std::string typed = "P" + decomposed_a_umlaut + "ivi";
    EXPECT_EQ(normalize_name(typed), "Päivi");
    EXPECT_EQ(character_count(normalize_name(typed)), 5u);
}

TEST(VisitorName, ControlCharactersAreDropped)
{
    EXPECT_EQ(normalize_name(std::string("Ai\x07no\x1B K") + "\xC2\x9F" + "orhonen"), "Aino Korhonen");
}

TEST(VisitorName, RealNamesAreAccepted)
{
    for (const char* name : {"Aino Korhonen", "Anna-Liisa Virtanen", "Åsa Öhman", "Seán O'Brien", "Li Na",
                             "Jean-Luc St. John", "Ülle Tamm"})
        EXPECT_EQ(validate_name(normalize_name(name)), std::nullopt) << name;
}

TEST(VisitorName, NothingOrNonsenseIsRefusedWithTheReason)
{
    EXPECT_EQ(validate_name(normalize_name("   ")), NameProblem::Empty);
    EXPECT_EQ(validate_name(normalize_name("-")), NameProblem::NoLetters);
    EXPECT_EQ(validate_name(normalize_name("x")), NameProblem::NoLetters);
    EXPECT_EQ(validate_name(normalize_name("- - -")), NameProblem::NoLetters);
    EXPECT_EQ(validate_name(normalize_name("Aino 123")), NameProblem::BadCharacter);
    EXPECT_EQ(validate_name(normalize_name("<script>")), NameProblem::BadCharacter);
    EXPECT_EQ(validate_name(normalize_name("Ai\xFFno")), NameProblem::BadCharacter) << "invalid UTF-8";
}

TEST(VisitorName, LengthIsCountedInCharactersNotBytes)
{
    const std::string sixty_a_umlauts = [] {
        std::string text;
        for (int i = 0; i < 60; ++i)
            text += "ä";
        return text;
    }();
    EXPECT_EQ(validate_name(sixty_a_umlauts), std::nullopt) << "60 characters, 120 bytes";
    EXPECT_EQ(validate_name(sixty_a_umlauts + "a"), NameProblem::TooLong);
}

TEST(VisitorName, FoldingIgnoresCaseIncludingScandinavianLetters)
{
    EXPECT_EQ(fold_name("ÅSA ÖHMAN"), fold_name("åsa öhman"));
    EXPECT_EQ(fold_name("Äijälä"), "äijälä");
    EXPECT_EQ(fold_name(normalize_name("P" + decomposed_a_umlaut + "ivi")), fold_name("PÄIVI"));
    EXPECT_NE(fold_name("Aino"), fold_name("Äino")) << "ä is its own letter in Finnish, not an a";
}

TEST(VisitorName, ThePublicScreenShowsFirstNameAndInitialOnly)
{
    EXPECT_EQ(public_name("Aino Korhonen"), "Aino K.");
    EXPECT_EQ(public_name("Anna-Liisa Virtanen"), "Anna-Liisa V.");
    EXPECT_EQ(public_name("Maija Liisa Ek"), "Maija E.");
    EXPECT_EQ(public_name("Lars åberg"), "Lars Å.");
    EXPECT_EQ(public_name("Ülle"), "Ülle");
    EXPECT_EQ(first_name("Anna-Liisa Virtanen"), "Anna-Liisa");
}

TEST(VisitorName, BackspaceRemovesOneWholeCharacter)
{
    EXPECT_EQ(drop_last_character("Päivä"), "Päiv");
    EXPECT_EQ(drop_last_character("Pä"), "P");
    EXPECT_EQ(drop_last_character(""), "");
}

} // namespace
} // namespace olohuone
