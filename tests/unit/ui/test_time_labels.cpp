// How a row and the detail screen say when an event is, with the kiosk's own catalogs:
// a timed event across days on each of its days, and a moved event naming the day it
// was moved from when that was another day.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/catalog.h"
#include "core/time_zone.h"
#include "support/test_paths.h"
#include "ui/screens/event_row.h"

namespace olohuone::ui {
namespace {

Catalog catalog_of(const std::string& language)
{
    std::ifstream file(std::string(olohuone::test::source_dir()) + "/content/i18n/" + language + ".toml");
    std::stringstream text;
    text << file.rdbuf();
    return Catalog::parse(text.str(), language + ".toml").value();
}

const TimeZone helsinki = TimeZone::named("Europe/Helsinki").value();

UnixSeconds local(int day, int hour, int minute = 0)
{
    return helsinki.to_instant({{2026, 11, day}, {hour, minute, 0}});
}

Occurrence timed(UnixSeconds start, UnixSeconds end)
{
    Occurrence occurrence;
    occurrence.uid = "leiri@test";
    occurrence.instance = start;
    occurrence.start = start;
    occurrence.end = end;
    return occurrence;
}

TEST(TimeLabels, AnEventAcrossDaysSaysOnEachDayWhenItBeginsAndEnds)
{
    const Catalog finnish = catalog_of("fi");
    const Occurrence camp = timed(local(26, 18), local(28, 12)); // Thursday 18.00 – Saturday 12.00
    EXPECT_EQ(time_label_on(camp, {2026, 11, 26}, finnish, helsinki), "18.00–la 12.00");
    EXPECT_EQ(time_label_on(camp, {2026, 11, 27}, finnish, helsinki), "Jatkuu koko päivän");
    EXPECT_EQ(time_label_on(camp, {2026, 11, 28}, finnish, helsinki), "to 18.00–12.00");
    EXPECT_EQ(time_label_on(camp, {2026, 11, 26}, catalog_of("sv"), helsinki), "18.00–lör 12.00");
    // One day's event, and an evening that ends at midnight, keep the plain range.
    EXPECT_EQ(time_label_on(timed(local(26, 10), local(26, 11)), {2026, 11, 26}, finnish, helsinki), "10.00–11.00");
    EXPECT_EQ(time_label_on(timed(local(26, 20), local(27, 0)), {2026, 11, 26}, finnish, helsinki), "20.00–0.00");
}

TEST(TimeLabels, AMoveFromAnotherDayNamesThatDay)
{
    const Catalog finnish = catalog_of("fi");
    Occurrence moved = timed(local(25, 15), local(25, 16)); // now Wednesday 15.00
    moved.moved_from = local(24, 15);                      // was Tuesday 15.00
    EXPECT_EQ(moved_text(moved, finnish, helsinki), "Siirretty, oli ti 24.11. klo 15.00");
    moved.moved_from = local(25, 13); // earlier the same day
    EXPECT_EQ(moved_text(moved, finnish, helsinki), "Siirretty, oli klo 13.00");
    Occurrence all_day = timed(helsinki.start_of_day({2026, 11, 25}), helsinki.start_of_day({2026, 11, 26}));
    all_day.span = EventSpan::AllDay;
    all_day.moved_from = helsinki.start_of_day({2026, 11, 24});
    EXPECT_EQ(moved_text(all_day, finnish, helsinki), "Siirretty, oli ti 24.11.");
    EXPECT_EQ(moved_text(all_day, catalog_of("en"), helsinki), "Moved, was Tue 24/11");
    EXPECT_EQ(moved_text(timed(local(25, 15), local(25, 16)), finnish, helsinki), "");
}

} // namespace
} // namespace olohuone::ui
