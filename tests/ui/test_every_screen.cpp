// Walks every screen a visitor can reach in the coming days, in every language and text
// size, on small and large displays in both orientations, and checks each frame for
// overflowing or clipped text, low contrast and small touch targets.
#include <gtest/gtest.h>

#include "frame_checks.h"
#include "offscreen_kiosk.h"

#include <filesystem>

namespace olohuone::testing {
namespace {

struct Display {
    int width;
    int height;
    double diagonal_inches;
};

void PrintTo(const Display& d, std::ostream* out) { *out << d.width << "x" << d.height << " " << d.diagonal_inches << "\""; }

class EveryScreenTest : public ::testing::TestWithParam<Display> {};

// Failing frames are saved next to the test binary for a look.
void expect_readable(OffscreenKiosk& kiosk, const std::string& context)
{
    static int saved = 0;
    const std::vector<std::string> problems = frame_problems(kiosk);
    for (const std::string& problem : problems)
        ADD_FAILURE() << context << ": " << problem;
    if (!problems.empty() && saved < 20) {
        std::filesystem::create_directories("screenshots");
        const std::string path = "screenshots/problem_" + std::to_string(saved++) + ".png";
        (void)kiosk.display().save_png(path);
        ADD_FAILURE() << context << ": frame saved as " << path;
    }
}

TEST_P(EveryScreenTest, EveryDayEveryEventEveryLanguageAndSize)
{
    const Display display = GetParam();
    OffscreenKiosk kiosk({display.width, display.height, display.diagonal_inches});
    const int days = kiosk.services().config().days_ahead;
    for (const char* language : {"fi", "sv", "en"}) {
        for (const char* size : {"normal", "large", "extra_large"}) {
            // The idle reset brings back Finnish and normal text at the start of each round.
            kiosk.advance_ms(kiosk.services().config().idle_timeout_seconds * 1000LL + 1000);
            if (std::string(language) != "fi")
                kiosk.tap(std::string("language/") + language);
            kiosk.tap(std::string("size/") + size);
            ASSERT_EQ(kiosk.ui().language(), language);
            for (int day = 0; day <= days; ++day) {
                const std::string where = std::string(language) + "/" + size + "/day+" + std::to_string(day);
                // Every page of the day's list, and every event's detail.
                for (int page = 0; page < 20; ++page) {
                    expect_readable(kiosk, where);
                    const std::vector<std::string> events = kiosk.targets_starting(event_rows);
                    for (const std::string& event : events) {
                        kiosk.advance_ms(500);
                        kiosk.tap(event);
                        EXPECT_EQ(kiosk.ui().screen_name(), "event_detail") << where << " " << event;
                        expect_readable(kiosk, where + " " + event);
                        for (int more = 0; more < 10 && kiosk.has_target("detail/more"); ++more) {
                            kiosk.advance_ms(500);
                            kiosk.tap("detail/more");
                            expect_readable(kiosk, where + " " + event + " more");
                        }
                        kiosk.advance_ms(500);
                        kiosk.tap("detail/back");
                    }
                    if (!kiosk.has_target("list/later"))
                        break;
                    kiosk.advance_ms(500);
                    kiosk.tap("list/later");
                }
                if (day < days) {
                    kiosk.advance_ms(500);
                    kiosk.tap("day/next");
                }
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Displays, EveryScreenTest,
                         ::testing::Values(Display{800, 480, 7.0}, Display{480, 800, 7.0},
                                           Display{1080, 1920, 15.6}, Display{1920, 1080, 15.6},
                                           Display{1280, 800, 10.1}),
                         [](const ::testing::TestParamInfo<Display>& info) {
                             return std::to_string(info.param.width) + "x" + std::to_string(info.param.height);
                         });

} // namespace
} // namespace olohuone::testing
