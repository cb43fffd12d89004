// content/event-templates.toml: the bundled templates load in every language, the file
// may be left out, and a mistake names the file, the entry and what is wrong.
#include <gtest/gtest.h>

#include "app/event_templates.h"
#include "app_test_support.h"
#include "support/test_paths.h"

namespace olohuone::app {
namespace {

using test::fails_naming;

const std::vector<std::string> languages = {"fi", "sv", "en"};

TEST(EventTemplates, TheBundledFileHasTheUsualActivitiesInEveryLanguage)
{
    auto templates = load_event_templates(std::string(olohuone::test::source_dir()) + "/content", languages);
    ASSERT_TRUE(templates.ok()) << templates.error().message;
    ASSERT_GE(templates->size(), 3u);
    const EventTemplate& bingo = templates->at(1);
    EXPECT_EQ(bingo.title.in("fi"), "Bingo");
    EXPECT_EQ(bingo.minutes, 60);
    EXPECT_EQ(bingo.place, "Olohuone");
    EXPECT_EQ(bingo.capacity, 20);
    EXPECT_EQ(templates->at(0).capacity, std::nullopt) << "coffee has no limit";
    EXPECT_EQ(templates->at(3).title.in("sv"), "Stolgymnastik");
}

TEST(EventTemplates, WithoutTheFileThereAreNone)
{
    const test::TempDir dir;
    auto templates = load_event_templates(dir.path(), languages);
    ASSERT_TRUE(templates.ok()) << templates.error().message;
    EXPECT_TRUE(templates->empty());
}

TEST(EventTemplates, MistakesAreNamed)
{
    const auto parse = [](const std::string& text) {
        return parse_event_templates(text, "event-templates.toml", languages);
    };
    const std::string entry = "[[template]]\nid = \"bingo\"\nname = { fi = \"Bingo\" }\n";
    EXPECT_TRUE(parse(entry).ok());
    EXPECT_TRUE(fails_naming(parse(entry + "minutes = 5\n"), "template 1 minutes must be"));
    EXPECT_TRUE(fails_naming(parse(entry + "minutes = \"tunti\"\n"), "minutes must be"));
    EXPECT_TRUE(fails_naming(parse(entry + "capacity = 0\n"), "capacity must be"));
    EXPECT_TRUE(fails_naming(parse(entry + "place = 3\n"), "place must be"));
    EXPECT_TRUE(fails_naming(parse(entry + "colour = \"red\"\n"), "colour is not known"));
    EXPECT_TRUE(fails_naming(parse("[[event]]\n"), "event is not known"));
    EXPECT_TRUE(fails_naming(parse("[[template]]\nid = \"b\"\nname = { sv = \"Bingo\" }\n"), "needs a name in fi"));
    EXPECT_TRUE(fails_naming(parse("[[template]\n"), "event-templates.toml"));
}

} // namespace
} // namespace olohuone::app
