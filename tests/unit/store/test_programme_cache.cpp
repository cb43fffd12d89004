// The cached programme: what goes in comes out, field for field; a day's query finds
// what overlaps it; a failed replace leaves the old programme on screen.
#include <gtest/gtest.h>

#include "store/programme_cache.h"
#include "store/store.h"
#include "store_test_support.h"

namespace olohuone::store {
namespace {

using test::full_occurrence;
using test::keys_of;
using test::TempDir;

class StoreProgrammeCache : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = Store::open(dir.file("olohuone.db"));
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        store.emplace(std::move(opened).value());
        cache.emplace(store->database());
    }

    std::vector<Occurrence> all() { return cache->between(0, 100'000'000).value(); }

    TempDir dir;
    std::optional<Store> store;
    std::optional<ProgrammeCache> cache;
};

const ProgrammeSource some_source{"weekly.ics:2048:1700000000;Europe/Helsinki", 1000, 9'000'000, 1200};

TEST_F(StoreProgrammeCache, ReplaceThenBetweenGivesBackEveryField)
{
    Occurrence timed = full_occurrence("lauluhetki", 1'000'000, 1'003'600);

    Occurrence all_day = full_occurrence("taidenayttely", 1'000'000, 1'086'400);
    all_day.span = EventSpan::AllDay;
    all_day.capacity.reset();
    all_day.picture.clear();

    Occurrence cancelled_moved = full_occurrence("bingo", 1'007'200, 1'010'800);
    cancelled_moved.instance = 999'000; // the recurrence's original start
    cancelled_moved.status = EventStatus::Cancelled;
    cancelled_moved.moved_from = 999'000;
    cancelled_moved.capacity = 1;
    cancelled_moved.description = LocalizedText(); // no description at all
    cancelled_moved.host = LocalizedText();
    cancelled_moved.host.set("en", "Only in English"); // a translation with no Finnish text
    cancelled_moved.location.set("se", "Olbmožat"); // a further language
    cancelled_moved.title.set("en", "");             // an empty translation stays empty

    Occurrence negative = full_occurrence("vanha", -3600, -1800); // before 1970 still works
    negative.instance = -3600;

    // In the order between() gives: by start, then UID.
    const std::vector<Occurrence> programme = {negative, timed, all_day, cancelled_moved};
    ASSERT_TRUE(cache->replace(programme, some_source).ok());

    auto stored = cache->between(-100'000, 100'000'000);
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    ASSERT_EQ(stored->size(), programme.size());
    for (std::size_t i = 0; i < programme.size(); ++i)
        EXPECT_EQ(stored.value()[i], programme[i]) << "occurrence " << programme[i].key();
    EXPECT_EQ(stored.value()[3].title.in("sv"), "Sångstund bingo");
}

TEST_F(StoreProgrammeCache, OccurrencesWithTheSameStartComeInUidOrder)
{
    ASSERT_TRUE(cache
                    ->replace({full_occurrence("c", 5000, 6000), full_occurrence("a", 5000, 6000),
                               full_occurrence("b", 4000, 6000)},
                              some_source)
                    .ok());
    EXPECT_EQ(keys_of(all()), (std::vector<std::string>{"b@4000", "a@5000", "c@5000"}));
}

TEST_F(StoreProgrammeCache, BetweenSelectsWhatOverlapsTheRange)
{
    ASSERT_TRUE(cache
                    ->replace({full_occurrence("ends-at-from", 1000, 2000), full_occurrence("inside", 2100, 2500),
                               full_occurrence("starts-at-to", 3000, 3500),
                               full_occurrence("spans-all", 500, 5000), full_occurrence("ends-inside", 1500, 2001),
                               full_occurrence("starts-inside", 2999, 4000), full_occurrence("later", 6000, 7000)},
                              some_source)
                    .ok());
    auto found = cache->between(2000, 3000);
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_EQ(keys_of(found.value()),
              (std::vector<std::string>{"spans-all@500", "ends-inside@1500", "inside@2100", "starts-inside@2999"}));
    EXPECT_TRUE(cache->between(7000, 8000).value().empty());
}

TEST_F(StoreProgrammeCache, ReplaceRemovesTheOldProgramme)
{
    ASSERT_TRUE(cache->replace({full_occurrence("old", 1000, 2000)}, some_source).ok());
    ASSERT_TRUE(cache->replace({full_occurrence("new", 1500, 2500)}, some_source).ok());
    EXPECT_EQ(keys_of(all()), std::vector<std::string>{"new@1500"});
    // No texts of the old occurrence are left behind either.
    EXPECT_EQ(store->database().query_int("SELECT count(*) FROM programme_text WHERE text LIKE '%old%'").value(), 0);
}

TEST_F(StoreProgrammeCache, FailedReplaceKeepsTheOldProgrammeAndSource)
{
    const std::vector<Occurrence> good = {full_occurrence("aamukahvi", 1000, 2000),
                                          full_occurrence("bingo", 3000, 4000)};
    ASSERT_TRUE(cache->replace(good, some_source).ok());

    Occurrence bad = full_occurrence("kuntosali", 5000, 6000);
    bad.capacity = 0; // refused by the table's CHECK constraint
    const ProgrammeSource newer{"other-signature", 0, 1, 2};
    auto replaced = cache->replace({full_occurrence("uusi", 500, 900), bad}, newer);
    ASSERT_FALSE(replaced.ok());
    EXPECT_NE(replaced.error().message.find("kuntosali@5000"), std::string::npos) << replaced.error().message;

    EXPECT_EQ(all(), good);
    auto source = cache->source();
    ASSERT_TRUE(source.ok() && source->has_value());
    EXPECT_EQ((*source)->signature, some_source.signature);

    // The failed attempt left no transaction open: the next good import goes through.
    ASSERT_TRUE(cache->replace({full_occurrence("uusi", 500, 900)}, newer).ok());
    EXPECT_EQ(keys_of(all()), std::vector<std::string>{"uusi@500"});
}

TEST_F(StoreProgrammeCache, DuplicateOccurrenceFailsTheWholeReplace)
{
    ASSERT_TRUE(cache->replace({full_occurrence("aamukahvi", 1000, 2000)}, some_source).ok());
    auto replaced = cache->replace({full_occurrence("bingo", 3000, 4000), full_occurrence("bingo", 3000, 4000)},
                                   {"other", 0, 1, 2});
    EXPECT_FALSE(replaced.ok());
    EXPECT_EQ(keys_of(all()), std::vector<std::string>{"aamukahvi@1000"});
}

TEST_F(StoreProgrammeCache, SourceRoundTrip)
{
    auto none = cache->source();
    ASSERT_TRUE(none.ok()) << none.error().message;
    EXPECT_FALSE(none->has_value()) << "a new database has no imported programme";

    ASSERT_TRUE(cache->replace({}, some_source).ok());
    auto first = cache->source();
    ASSERT_TRUE(first.ok() && first->has_value());
    EXPECT_EQ((*first)->signature, some_source.signature);
    EXPECT_EQ((*first)->window_from, some_source.window_from);
    EXPECT_EQ((*first)->window_to, some_source.window_to);
    EXPECT_EQ((*first)->imported_at, some_source.imported_at);

    const ProgrammeSource second{"partners.ics:10:20;weekly.ics:30:40;Europe/Helsinki", 1'800'000'000,
                                 1'802'000'000, 1'800'000'123};
    ASSERT_TRUE(cache->replace({}, second).ok());
    auto updated = cache->source();
    ASSERT_TRUE(updated.ok() && updated->has_value());
    EXPECT_EQ((*updated)->signature, second.signature);
    EXPECT_EQ((*updated)->window_from, second.window_from);
    EXPECT_EQ((*updated)->window_to, second.window_to);
    EXPECT_EQ((*updated)->imported_at, second.imported_at);
    EXPECT_EQ(store->database().query_int("SELECT count(*) FROM programme_source").value(), 1);
}

} // namespace
} // namespace olohuone::store
