// The shipped translation catalogs (content/i18n/*.toml): dates, clock times and parts of
// the day as a Finnish, Swedish or English reader expects them, completeness, and the
// errors a broken catalog gives.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "core/catalog.h"
#include "test_support.h"
#include "support/test_paths.h"

namespace olohuone {
namespace {

std::string catalog_path(const std::string& language)
{
    return std::string(olohuone::test::source_dir()) + "/content/i18n/" + language + ".toml";
}

const Catalog& shipped(const std::string& language)
{
    static std::map<std::string, Catalog> catalogs;
    auto found = catalogs.find(language);
    if (found == catalogs.end()) {
        const std::string path = catalog_path(language);
        auto parsed = Catalog::parse(test::read_file(path), path);
        if (!parsed.ok()) {
            ADD_FAILURE() << parsed.error().message;
            found = catalogs.emplace(language, Catalog{}).first;
        } else {
            found = catalogs.emplace(language, std::move(parsed).value()).first;
        }
    }
    return found->second;
}

class ShippedCatalog : public testing::TestWithParam<std::string> {};

TEST_P(ShippedCatalog, ParsesAndNamesItsLanguage)
{
    const std::string path = catalog_path(GetParam());
    const auto catalog = Catalog::parse(test::read_file(path), path);
    ASSERT_TRUE(catalog.ok()) << catalog.error().message;
    EXPECT_EQ(catalog->language(), GetParam());
    EXPECT_FALSE(catalog->native_name().empty());
}

INSTANTIATE_TEST_SUITE_P(Languages, ShippedCatalog, testing::Values("fi", "sv", "en"));

TEST(Catalog, NativeNames)
{
    EXPECT_EQ(shipped("fi").native_name(), "Suomi");
    EXPECT_EQ(shipped("sv").native_name(), "Svenska");
    EXPECT_EQ(shipped("en").native_name(), "English");
}

TEST(Catalog, LongDateInEachLanguage)
{
    const CivilDate date{2026, 11, 24};
    EXPECT_EQ(shipped("fi").long_date(date), "Tiistai 24. marraskuuta 2026");
    EXPECT_EQ(shipped("sv").long_date(date), "Tisdag 24 november 2026");
    EXPECT_EQ(shipped("en").long_date(date), "Tuesday 24 November 2026");
}

TEST(Catalog, LongDateOnOtherWeekdaysAndMonths)
{
    EXPECT_EQ(shipped("fi").long_date({2026, 12, 6}), "Sunnuntai 6. joulukuuta 2026");
    EXPECT_EQ(shipped("sv").long_date({2027, 1, 1}), "Fredag 1 januari 2027");
    EXPECT_EQ(shipped("en").long_date({2028, 2, 29}), "Tuesday 29 February 2028");
    EXPECT_EQ(shipped("fi").long_date({2026, 6, 19}), "Perjantai 19. kesäkuuta 2026");
}

TEST(Catalog, ShortDateAndDayHeadingAsDocumented)
{
    EXPECT_EQ(shipped("fi").short_date({2026, 11, 25}), "ke 25.11.");
    EXPECT_EQ(shipped("fi").day_heading({2026, 11, 26}), "Torstai 26.11.");
}

TEST(Catalog, ClockInEachLanguage)
{
    const CivilTime quarter_past_ten{10, 15, 0};
    EXPECT_EQ(shipped("fi").clock(quarter_past_ten), "10.15");
    EXPECT_EQ(shipped("sv").clock(quarter_past_ten), "10.15");
    EXPECT_EQ(shipped("en").clock(quarter_past_ten), "10:15");
    EXPECT_EQ(shipped("fi").clock_phrase(quarter_past_ten), "klo 10.15");
    EXPECT_EQ(shipped("sv").clock_phrase(quarter_past_ten), "kl. 10.15");
    EXPECT_EQ(shipped("en").clock_phrase(quarter_past_ten), "10:15");
}

TEST(Catalog, SingleDigitHourAndMinute)
{
    const CivilTime five_past_nine{9, 5, 0};
    EXPECT_EQ(shipped("fi").clock(five_past_nine), "9.05");
    EXPECT_EQ(shipped("sv").clock(five_past_nine), "9.05");
    EXPECT_EQ(shipped("en").clock(five_past_nine), "09:05");
    EXPECT_EQ(shipped("fi").clock_phrase(five_past_nine), "klo 9.05");
    EXPECT_EQ(shipped("fi").clock({0, 0, 0}), "0.00");
    EXPECT_EQ(shipped("en").clock({23, 59, 0}), "23:59");
}

TEST(Catalog, TimeRange)
{
    EXPECT_EQ(shipped("fi").time_range({10, 0, 0}, {11, 0, 0}), "10.00–11.00");
    EXPECT_EQ(shipped("en").time_range({9, 30, 0}, {11, 0, 0}), "09:30–11:00");
}

TEST(PartOfDay, BoundariesInFinnishSwedishAndEnglish)
{
    struct Case {
        CivilTime time;
        const char* fi;
        const char* sv;
        const char* en;
    };
    const Case cases[] = {
        {{0, 0, 0}, "yö", "natt", "night"},
        {{4, 59, 59}, "yö", "natt", "night"},
        {{5, 0, 0}, "aamu", "morgon", "early morning"},
        {{8, 59, 59}, "aamu", "morgon", "early morning"},
        {{9, 0, 0}, "aamupäivä", "förmiddag", "morning"},
        {{11, 59, 59}, "aamupäivä", "förmiddag", "morning"},
        {{12, 0, 0}, "iltapäivä", "eftermiddag", "afternoon"},
        {{16, 59, 59}, "iltapäivä", "eftermiddag", "afternoon"},
        {{17, 0, 0}, "ilta", "kväll", "evening"},
        {{21, 59, 59}, "ilta", "kväll", "evening"},
        {{22, 0, 0}, "yö", "natt", "night"},
        {{23, 59, 59}, "yö", "natt", "night"},
    };
    for (const Case& c : cases) {
        const PartOfDay part = part_of_day(c.time);
        const std::string at = std::to_string(c.time.hour) + ":" + std::to_string(c.time.minute);
        EXPECT_EQ(shipped("fi").part_of_day_name(part), c.fi) << at;
        EXPECT_EQ(shipped("sv").part_of_day_name(part), c.sv) << at;
        EXPECT_EQ(shipped("en").part_of_day_name(part), c.en) << at;
    }
}

TEST(Catalog, TextsAndFormats)
{
    EXPECT_EQ(shipped("fi").format("event.capacity", {{"count", "12"}}), "12 paikkaa");
    EXPECT_EQ(shipped("sv").format("event.capacity", {{"count", "12"}}), "12 platser");
    EXPECT_EQ(shipped("en").format("event.capacity", {{"count", "12"}}), "12 places");
    EXPECT_EQ(shipped("fi").text("event.cancelled"), "Peruttu");
    EXPECT_EQ(shipped("sv").text("event.cancelled"), "Inställt");
    EXPECT_EQ(shipped("en").text("event.cancelled"), "Cancelled");
}

TEST(Catalog, MissingKeyShowsTheKeyItself)
{
    EXPECT_FALSE(shipped("fi").has("no.such.key"));
    EXPECT_EQ(shipped("fi").text("no.such.key"), "no.such.key");
}

std::set<std::string> placeholders(const std::string& text)
{
    std::set<std::string> names;
    static const std::regex placeholder(R"(\{([A-Za-z_0-9]+)\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), placeholder); it != std::sregex_iterator(); ++it)
        names.insert((*it)[1]);
    return names;
}

TEST(CatalogCompleteness, EveryFinnishKeyIsTranslatedIntoSwedishAndEnglish)
{
    const Catalog& fi = shipped("fi");
    ASSERT_FALSE(fi.keys().empty());
    for (const char* language : {"sv", "en"}) {
        const Catalog& other = shipped(language);
        for (const std::string& key : fi.keys()) {
            EXPECT_TRUE(other.has(key)) << language << ".toml lacks '" << key << "'";
            if (other.has(key)) {
                EXPECT_FALSE(other.text(key).empty()) << language << ".toml: '" << key << "' is empty";
            }
        }
    }
}

TEST(CatalogCompleteness, NoTranslationHasAKeyThatFinnishLacks)
{
    for (const char* language : {"sv", "en"})
        for (const std::string& key : shipped(language).keys())
            EXPECT_TRUE(shipped("fi").has(key)) << language << ".toml has '" << key << "', fi.toml does not";
}

TEST(CatalogCompleteness, TranslationsUseTheSamePlaceholdersAsFinnish)
{
    for (const char* language : {"sv", "en"})
        for (const std::string& key : shipped("fi").keys())
            if (shipped(language).has(key)) {
                EXPECT_EQ(placeholders(shipped(language).text(key)), placeholders(shipped("fi").text(key)))
                    << language << ".toml: '" << key << "'";
            }
}

TEST(Catalogs, UnknownLanguageFallsBackToTheDefault)
{
    Catalogs catalogs;
    catalogs.add(shipped("fi"));
    catalogs.add(shipped("sv"));
    catalogs.add(shipped("en"));
    EXPECT_EQ(catalogs.get("sv").language(), "sv");
    EXPECT_EQ(catalogs.get("de").language(), "fi");
    EXPECT_TRUE(catalogs.has("en"));
    EXPECT_FALSE(catalogs.has("de"));
}

// Broken catalogs, made from the shipped Finnish one with one change each.
std::string fi_text() { return test::read_file(catalog_path("fi")); }

std::string replace_line_starting(std::string text, const std::string& start, const std::string& replacement)
{
    const auto at = text.find("\n" + start);
    EXPECT_NE(at, std::string::npos) << start;
    if (at == std::string::npos)
        return text;
    const auto end = text.find('\n', at + 1);
    return text.replace(at + 1, end - at - 1, replacement);
}

void expect_parse_error(const std::string& text, const std::vector<std::string>& parts)
{
    const auto catalog = Catalog::parse(text, "rikki.toml");
    ASSERT_FALSE(catalog.ok());
    EXPECT_NE(catalog.error().message.find("rikki.toml"), std::string::npos) << catalog.error().message;
    for (const std::string& part : parts)
        EXPECT_NE(catalog.error().message.find(part), std::string::npos)
            << "'" << part << "' not in: " << catalog.error().message;
}

TEST(BrokenCatalog, TheUnchangedFinnishCatalogParses)
{
    ASSERT_TRUE(Catalog::parse(fi_text(), "fi.toml").ok());
}

TEST(BrokenCatalog, MissingWeekdaysNamesTheFileAndKey)
{
    expect_parse_error(replace_line_starting(fi_text(), "weekdays =", ""), {"date.weekdays"});
}

TEST(BrokenCatalog, WrongNumberOfWeekdaysNamesTheFileKeyAndCount)
{
    expect_parse_error(replace_line_starting(fi_text(), "weekdays =",
                                             R"(weekdays = ["ma", "ti", "ke", "to", "pe", "la"])"),
                       {"date.weekdays", "7"});
}

TEST(BrokenCatalog, WrongNumberOfMonthsNamesTheKey)
{
    std::string text = fi_text();
    const auto at = text.find("\"joulukuuta\"");
    ASSERT_NE(at, std::string::npos);
    text.replace(at - 2, std::string(", \"joulukuuta\"").size(), ""); // 11 months
    expect_parse_error(text, {"date.months", "12"});
}

TEST(BrokenCatalog, EmptyWeekdayNameNamesTheKeyAndItem)
{
    expect_parse_error(replace_line_starting(fi_text(), "weekdays_short =",
                                             R"(weekdays_short = ["ma", "ti", "", "to", "pe", "la", "su"])"),
                       {"date.weekdays_short", "3"});
}

TEST(BrokenCatalog, MissingPatternNamesTheKey)
{
    expect_parse_error(replace_line_starting(fi_text(), "clock_phrase =", ""), {"date.clock_phrase"});
}

TEST(BrokenCatalog, SyntaxErrorNamesTheFileAndLine)
{
    std::string text = fi_text();
    const auto at = text.find("\"event.now\"");
    ASSERT_NE(at, std::string::npos);
    const auto line_end = text.find('\n', at);
    text.replace(at, line_end - at, "\"event.now\" = \"Nyt"); // unterminated string
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    expect_parse_error(text, {"rikki.toml:" + std::to_string(line)});
}

TEST(BrokenCatalog, TextThatIsNotATextNamesTheKey)
{
    expect_parse_error(replace_line_starting(fi_text(), "\"event.capacity\" =", "\"event.capacity\" = 12"),
                       {"event.capacity"});
}

TEST(BrokenCatalog, MissingLanguageOrNameOrTextTable)
{
    expect_parse_error(replace_line_starting(fi_text(), "language =", ""), {"language"});
    expect_parse_error(replace_line_starting(fi_text(), "name =", ""), {"name"});
    expect_parse_error(replace_line_starting(fi_text(), "[text]", "[tekstit]"), {"[text]"});
}

TEST(Substitute, KnownPlaceholdersAreReplacedUnknownOnesLeftAsTheyAre)
{
    EXPECT_EQ(substitute("{count} paikkaa", {{"count", "12"}}), "12 paikkaa");
    EXPECT_EQ(substitute("{count} paikkaa, {unknown}", {{"count", "12"}}), "12 paikkaa, {unknown}");
    EXPECT_EQ(substitute("{a} ja {a}", {{"a", "x"}}), "x ja x");
    EXPECT_EQ(substitute("Avoin {sulku", {{"sulku", "x"}}), "Avoin {sulku");
    EXPECT_EQ(substitute("Ei paikkamerkkejä", {{"count", "12"}}), "Ei paikkamerkkejä");
    EXPECT_EQ(substitute("", {{"count", "12"}}), "");
}

TEST(Substitute, ReplacedTextIsNotSubstitutedAgain)
{
    // An event title that happens to contain braces is shown as written.
    EXPECT_EQ(substitute("Siirretty, oli {time}", {{"time", "{day}"}, {"day", "ma"}}), "Siirretty, oli {day}");
}

} // namespace
} // namespace olohuone
