// CSV for spreadsheets: the byte order mark, CRLF, RFC 4180 quoting with either
// separator, and texts that a spreadsheet would run as formulas kept as texts while
// numbers (negative ones too) stay numbers.
#include <gtest/gtest.h>

#include "core/csv.h"

namespace olohuone::csv {
namespace {

const std::string bom = "\xEF\xBB\xBF";

std::string written(Separator separator, const std::vector<Row>& rows)
{
    Writer writer(separator);
    for (const Row& row : rows)
        writer.add_row(row);
    return writer.text();
}

TEST(Csv, AnEmptyFileIsTheByteOrderMarkAlone)
{
    EXPECT_EQ(Writer(Separator::Comma).text(), bom);
}

TEST(Csv, RowsEndInCrLfAndFinnishLettersStayAsTheyAre)
{
    EXPECT_EQ(written(Separator::Comma, {{text("name"), text("group")}, {text("Åsa Öhman"), text("Omainen tai ystävä")}}),
              bom + "name,group\r\nÅsa Öhman,Omainen tai ystävä\r\n");
}

TEST(Csv, TheSemicolonSeparatorLeavesCommasUnquoted)
{
    EXPECT_EQ(written(Separator::Semicolon, {{text("Korhonen, Aino"), number(3), text("a;b")}}),
              bom + "Korhonen, Aino;3;\"a;b\"\r\n");
    EXPECT_EQ(written(Separator::Comma, {{text("Korhonen, Aino"), number(3), text("a;b")}}),
              bom + "\"Korhonen, Aino\",3,a;b\r\n");
}

TEST(Csv, QuotesAreDoubledAndLineBreaksQuoted)
{
    EXPECT_EQ(written(Separator::Comma, {{text("Laulu \"Kesäpäivä\""), text("rivi 1\nrivi 2"), text("a\rb")}}),
              bom + "\"Laulu \"\"Kesäpäivä\"\"\",\"rivi 1\nrivi 2\",\"a\rb\"\r\n");
}

TEST(Csv, TextsThatLookLikeFormulasGetAnApostrophe)
{
    EXPECT_EQ(written(Separator::Semicolon, {{text("=HYPERLINK(\"http://x\")"), text("+358 40 123"), text("-Aino"),
                                              text("@SUM(A1)"), text("\tTab")}}),
              bom + "\"'=HYPERLINK(\"\"http://x\"\")\";'+358 40 123;'-Aino;'@SUM(A1);'\tTab\r\n");
    // In the middle of a text they are harmless.
    EXPECT_EQ(written(Separator::Comma, {{text("Anna-Liisa"), text("a=b")}}), bom + "Anna-Liisa,a=b\r\n");
}

TEST(Csv, NumbersAreWrittenAsNumbersNegativeOnesToo)
{
    EXPECT_EQ(written(Separator::Semicolon, {{number(-3), number(0), number(1'795'500'000)}}),
              bom + "-3;0;1795500000\r\n");
    EXPECT_EQ(written(Separator::Semicolon, {{text("-3")}}), bom + "'-3\r\n") << "a text is guarded even if numeric";
}

TEST(Csv, EmptyCellsKeepTheirPlaces)
{
    EXPECT_EQ(written(Separator::Comma, {{text(""), text("x"), text("")}, {}}), bom + ",x,\r\n\r\n");
}

} // namespace
} // namespace olohuone::csv
