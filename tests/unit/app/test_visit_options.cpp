// content/visitors.toml and the [visits] settings: the bundled file loads with every
// language; a mistake names the file, the entry and what is wrong.
#include <gtest/gtest.h>

#include "app/config.h"
#include "app/visit_options.h"
#include "app_test_support.h"
#include "support/test_paths.h"

namespace olohuone::app {
namespace {

using test::fails_naming;

const std::vector<std::string> languages = {"fi", "sv", "en"};

TEST(VisitOptions, TheBundledFileHasGroupsWhomChoicesAndMarkersInEveryLanguage)
{
    auto options = load_visit_options(std::string(olohuone::test::source_dir()) + "/content", languages);
    ASSERT_TRUE(options.ok()) << options.error().message;
    ASSERT_EQ(options->groups.size(), 5u);
    EXPECT_EQ(options->groups[0].label.in("fi"), "Asukas");
    EXPECT_EQ(options->group("relative")->label.in("sv"), "Anhörig eller vän");
    EXPECT_TRUE(options->group("relative")->asks_whom);
    EXPECT_FALSE(options->group("resident")->asks_whom);
    EXPECT_FALSE(options->whom.empty());
    EXPECT_EQ(options->marker("rose")->label.in("en"), "Rose");
}

TEST(VisitOptions, MistakesAreNamed)
{
    const auto parse = [](const std::string& text) { return parse_visit_options(text, "visitors.toml", languages); };
    EXPECT_TRUE(fails_naming(parse(""), "[[group]]"));
    EXPECT_TRUE(fails_naming(parse("[[group]]\nid = \"Asukas!\"\nname = { fi = \"Asukas\" }\n"), "group 1"));
    EXPECT_TRUE(fails_naming(parse("[[group]]\nid = \"a\"\nname = { sv = \"Boende\" }\n"), "needs a name in fi"));
    EXPECT_TRUE(fails_naming(parse("[[group]]\nid = \"a\"\nname = { fi = \"A\" }\n[[group]]\nid = \"a\"\n"
                                   "name = { fi = \"B\" }\n"),
                             "repeats the id"));
    EXPECT_TRUE(fails_naming(parse("[[group]]\nid = \"a\"\nname = { fi = \"A\" }\nasks_whom = true\n"),
                             "no [[whom]] choices"));
    EXPECT_TRUE(fails_naming(parse("[[group]]\nid = \"a\"\nname = { fi = \"A\" }\nasks_whom = \"yes\"\n"),
                             "asks_whom must be true or false"));
    EXPECT_TRUE(fails_naming(parse("[[group]]\nid = \"a\"\nname = { fi = \"A\" }\n[[visitor]]\nid = \"b\"\n"),
                             "visitor is not known"));
    EXPECT_TRUE(fails_naming(parse("[[group]]\nid = \"a\"\nname = { fi = \"" + std::string(200, 'x') + "\" }\n"),
                             "1 to 80 bytes"));
}

TEST(VisitSettings, ClosingTimeAndWaitsAreReadAndChecked)
{
    auto config = parse_config("[visits]\nclosing_time = \"19:30\"\nthank_you_seconds = 4\n"
                               "ask_to_continue_after_seconds = 60\nanswer_seconds = 25\n",
                               "kiosk.toml");
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config->closing_time, (CivilTime{19, 30, 0}));
    EXPECT_EQ(config->thank_you_seconds, 4);
    EXPECT_EQ(config->ask_to_continue_after_seconds, 60);
    EXPECT_EQ(config->answer_seconds, 25);

    EXPECT_TRUE(fails_naming(parse_config("[visits]\nclosing_time = \"25:00\"\n", "kiosk.toml"),
                             "visits.closing_time"));
    EXPECT_TRUE(fails_naming(parse_config("[visits]\nclosing_time = \"8pm\"\n", "kiosk.toml"), "HH:MM"));
    EXPECT_TRUE(fails_naming(parse_config("[visits]\nanswer_seconds = 10\n", "kiosk.toml"),
                             "visits.answer_seconds (10) must be a whole number from 20"))
        << "under 20 s is too little time for an old hand";
}

} // namespace
} // namespace olohuone::app
