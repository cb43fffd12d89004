// The attendance report's figures on their own (docs/web.md, "Reports"): the store's
// hourly counts put into Helsinki days (across the autumn clock change), ISO weeks and
// months; activities joined with the programme; the most and least attended of those
// held; and the period the page's query asks for.
#include <gtest/gtest.h>

#include "web/attendance_report.h"
#include "web/report_request.h"

namespace olohuone::server::web {
namespace {

const TimeZone helsinki = TimeZone::named("Europe/Helsinki").value();

UnixSeconds local(int year, int month, int day, int hour, int minute = 0)
{
    return helsinki.to_instant({{year, month, day}, {hour, minute, 0}});
}

// The hour a store would count a visit at `at` in.
VisitHour hour_of(UnixSeconds at, std::int64_t named, std::int64_t anonymous)
{
    return {at / 3600 * 3600, named, anonymous};
}

Occurrence occurrence(const std::string& uid, UnixSeconds start, const std::string& title, bool cancelled = false)
{
    Occurrence made;
    made.uid = uid;
    made.instance = start;
    made.start = start;
    made.end = start + 3600;
    made.title.set_default(title);
    made.status = cancelled ? EventStatus::Cancelled : EventStatus::Scheduled;
    return made;
}

TEST(AttendanceReport, VisitsFallOnHelsinkiDaysWeeksAndMonthsAcrossTheClockChange)
{
    // Summer time ends on Sunday 25 October 2026 at 04.00 (to 03.00).
    const ReportPeriod period{{2026, 10, 24}, {2026, 11, 2}};
    AttendanceFigures figures;
    figures.visit_hours = {
        hour_of(local(2026, 10, 24, 0, 5), 1, 0),   // Sat 24.10. just after midnight (UTC+3)
        hour_of(local(2026, 10, 25, 23, 30), 2, 1), // Sun 25.10. late evening (UTC+2)
        hour_of(local(2026, 10, 26, 0, 10), 0, 4),  // Mon 26.10. just after midnight
        hour_of(local(2026, 11, 1, 12), 3, 0),      // Sun 1.11.: still week 44, but November
        hour_of(local(2026, 11, 2, 9), 1, 1),       // Mon 2.11.: week 45
        hour_of(local(2026, 11, 3, 0, 30), 5, 5),   // after the period: not counted
    };
    const AttendanceReport report = build_report(period, helsinki, figures, {}, local(2026, 11, 27, 12), "fi");

    ASSERT_EQ(report.days.size(), 10u);
    EXPECT_EQ(report.days[0].date, (CivilDate{2026, 10, 24}));
    EXPECT_EQ(report.days[0].visits.named, 1);
    EXPECT_EQ(report.days[1].visits.total(), 3); // 25.10.
    EXPECT_EQ(report.days[2].visits.anonymous, 4); // 26.10.
    EXPECT_EQ(report.days[8].visits.named, 3); // 1.11.
    EXPECT_EQ(report.days[9].visits.total(), 2); // 2.11.
    // 1 + 3 + 4 + 3 + 2; the visits after the period are not counted.
    EXPECT_EQ(report.visits.total(), 13);
    EXPECT_EQ(report.visits.anonymous, 6);

    // Week 43 (24.–25.10.), 44 (26.10.–1.11.), 45 (2.11.).
    ASSERT_EQ(report.weeks.size(), 3u);
    EXPECT_EQ(report.weeks[0].week, (IsoWeek{2026, 43}));
    EXPECT_EQ(report.weeks[0].visits.total(), 4);
    EXPECT_EQ(report.weeks[1].first, (CivilDate{2026, 10, 26}));
    EXPECT_EQ(report.weeks[1].last, (CivilDate{2026, 11, 1}));
    EXPECT_EQ(report.weeks[1].visits.total(), 7);
    EXPECT_EQ(report.weeks[2].visits.total(), 2);
    // October 1 + 3 + 4, November 3 + 2.
    ASSERT_EQ(report.months.size(), 2u);
    EXPECT_EQ(report.months[0].visits.total(), 8);
    EXPECT_EQ(report.months[1].month, 11);
    EXPECT_EQ(report.months[1].visits.total(), 5);
}

TEST(AttendanceReport, ActivitiesJoinTheProgrammeAndOnlyHeldOnesAreRanked)
{
    const ReportPeriod period{{2026, 11, 2}, {2026, 11, 8}};
    const UnixSeconds now = local(2026, 11, 6, 12);
    const SiteOccurrences programme{
        1,
        {occurrence("jumppa", local(2026, 11, 3, 10), "Tuolijumppa"), occurrence("kuoro", local(2026, 11, 5, 14), "Kuoro", true),
         occurrence("kahvi", local(2026, 11, 4, 10), "Kahviaamu"), occurrence("bingo", local(2026, 11, 2, 13), "Bingo"),
         occurrence("tanssi", local(2026, 11, 7, 13), "Tanssi"), // after "now": ahead
         occurrence("vanha", local(2026, 10, 27, 10), "Viime viikko")}}; // before the period
    AttendanceFigures figures;
    figures.activities = {
        {1, "jumppa", local(2026, 11, 3, 10), local(2026, 11, 3, 10), 4, 3, 1},
        {1, "kuoro", local(2026, 11, 5, 14), local(2026, 11, 5, 14), 2, 0, 9}, // cancelled: never ranked
        {1, "kahvi", local(2026, 11, 4, 10), local(2026, 11, 4, 10), 0, 0, 2},
        {1, "poistettu", local(2026, 11, 6, 9), local(2026, 11, 6, 9), 1, 1, 0}, // no longer in the programme
    };
    const AttendanceReport report = build_report(period, helsinki, figures, {programme}, now, "fi");

    ASSERT_EQ(report.activities.size(), 6u);
    EXPECT_EQ(report.activities[0].title, "Bingo");
    EXPECT_TRUE(report.activities[0].took_place);
    EXPECT_EQ(report.activities[0].present(), 0);
    EXPECT_EQ(report.activities[1].title, "Tuolijumppa");
    EXPECT_EQ(report.activities[1].registered, 4);
    EXPECT_EQ(report.activities[1].present(), 4);
    EXPECT_TRUE(report.activities[3].cancelled);
    EXPECT_FALSE(report.activities[3].took_place);
    EXPECT_EQ(report.activities[4].uid, "poistettu");
    EXPECT_EQ(report.activities[4].title, "");
    EXPECT_TRUE(report.activities[4].took_place); // someone was there
    EXPECT_EQ(report.activities[5].title, "Tanssi");
    EXPECT_FALSE(report.activities[5].took_place);

    // Held: Bingo 0, Tuolijumppa 4, Kahviaamu 2, poistettu 1. The better half most first,
    // the rest least first; the cancelled choir with its 9 and the dance ahead are in neither.
    const auto titles = [&](const std::vector<std::size_t>& indexes) {
        std::vector<std::string> found;
        for (const std::size_t index : indexes)
            found.push_back(report.activities[index].uid);
        return found;
    };
    EXPECT_EQ(titles(report.most_attended), (std::vector<std::string>{"jumppa", "kahvi"}));
    EXPECT_EQ(titles(report.least_attended), (std::vector<std::string>{"bingo", "poistettu"}));
}

TEST(ReportRequest, DatesAreReadInFinnishOrIsoFormAndThePeriodIsChecked)
{
    EXPECT_EQ(parse_report_date("2026-10-01"), (CivilDate{2026, 10, 1}));
    EXPECT_EQ(parse_report_date("1.10.2026"), (CivilDate{2026, 10, 1}));
    EXPECT_EQ(parse_report_date(" 01.10.2026 "), (CivilDate{2026, 10, 1}));
    for (const char* bad : {"", "31.2.2026", "2026-02-30", "1.10.26", "1.10.2019", "2101-01-01", "1/10/2026",
                            "2026-10-1", "1.10.2026.", "+1.10.2026", "yksi.10.2026"})
        EXPECT_FALSE(parse_report_date(bad).has_value()) << bad;

    const std::vector<SiteInfo> visible = {{1, "Leppävaara", 1, "Espoo"}, {2, "Tapiola", 1, "Espoo"}};
    const CivilDate today{2026, 11, 27};
    const auto read = [&](std::vector<std::pair<std::string, std::string>> query) {
        return read_report_request(query, visible, today);
    };
    // Nothing asked: the month so far, on every site.
    const ReportRequest fresh = read({});
    EXPECT_EQ(fresh.problem, ReportProblem::None);
    EXPECT_EQ(fresh.period.from, (CivilDate{2026, 11, 1}));
    EXPECT_EQ(fresh.period.to, today);
    EXPECT_EQ(fresh.site_ids, (std::vector<std::int64_t>{1, 2}));

    const ReportRequest asked = read({{"from", "1.1.2026"}, {"to", "2026-12-31"}, {"site", "2"}, {"sep", "comma"}});
    EXPECT_EQ(asked.problem, ReportProblem::None);
    EXPECT_EQ(asked.period.days(), 365);
    EXPECT_EQ(asked.site_ids, (std::vector<std::int64_t>{2}));
    EXPECT_EQ(asked.separator, csv::Separator::Comma);
    EXPECT_EQ(report_query(asked), "from=2026-01-01&to=2026-12-31&site=2&sep=comma");
    // A leap year's 366 days fit, and so do 1.1.2026–1.1.2027; one day more does not.
    EXPECT_EQ(read({{"from", "1.1.2028"}, {"to", "31.12.2028"}, {"site", "1"}}).problem, ReportProblem::None);
    EXPECT_EQ(read({{"from", "1.1.2026"}, {"to", "1.1.2027"}, {"site", "1"}}).problem, ReportProblem::None);
    EXPECT_EQ(read({{"from", "1.1.2026"}, {"to", "2.1.2027"}, {"site", "1"}}).problem, ReportProblem::TooLong);
    EXPECT_EQ(read({{"from", "2.1.2026"}, {"to", "1.1.2026"}, {"site", "1"}}).problem, ReportProblem::EndBeforeStart);
    EXPECT_EQ(read({{"from", "x"}, {"to", "1.1.2026"}, {"site", "1"}}).problem, ReportProblem::BadDate);
    EXPECT_EQ(read({{"from", std::string(41, '1')}, {"to", "1.1.2026"}, {"site", "1"}}).problem,
              ReportProblem::BadDate);
    EXPECT_EQ(read({{"from", "1.1.2026"}, {"to", "2.1.2026"}}).problem, ReportProblem::NoSite);
    EXPECT_EQ(read({{"from", "1.1.2026"}, {"to", "2.1.2026"}, {"site", "1"}, {"sep", "tab"}}).problem,
              ReportProblem::BadSeparator);
    // A site the account may not see, or no site at all, is not just a problem to fix.
    EXPECT_TRUE(read({{"from", "1.1.2026"}, {"to", "2.1.2026"}, {"site", "3"}}).unknown_site);
    EXPECT_TRUE(read({{"site", "1x"}}).unknown_site);
    EXPECT_FALSE(read({{"site", "2"}, {"site", "2"}}).unknown_site);
}

} // namespace
} // namespace olohuone::server::web
