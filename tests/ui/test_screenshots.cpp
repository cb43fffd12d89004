// Every screen at both reference resolutions and every text size, compared with the
// reference images in tests/ui/reference/ and checked for overflow, contrast and
// target sizes.
#include <gtest/gtest.h>

#include "frame_checks.h"
#include "offscreen_kiosk.h"
#include "reference_images.h"

namespace olohuone::testing {
namespace {

struct Resolution {
    const char* name;
    int width;
    int height;
    double diagonal_inches;
};

// A 7" landscape panel (the Raspberry Pi touch display) and a 15.6" portrait one.
constexpr Resolution resolutions[] = {{"800x480", 800, 480, 7.0}, {"1080x1920", 1080, 1920, 15.6}};
constexpr const char* text_sizes[] = {"normal", "large", "extra_large"};

enum class ScreenName { Today, EventDetail, Tomorrow };

struct Case {
    Resolution resolution;
    const char* text_size;
    ScreenName screen;
};

std::string case_name(const Case& c)
{
    const char* screen = c.screen == ScreenName::Today ? "today" : c.screen == ScreenName::EventDetail ? "event" : "tomorrow";
    return std::string(screen) + "_" + c.resolution.name + "_" + c.text_size;
}

void PrintTo(const Case& c, std::ostream* out) { *out << case_name(c); }

class ScreenshotTest : public ::testing::TestWithParam<Case> {};

TEST_P(ScreenshotTest, MatchesReferenceAndIsReadable)
{
    const Case c = GetParam();
    OffscreenKiosk kiosk({c.resolution.width, c.resolution.height, c.resolution.diagonal_inches});
    kiosk.tap(std::string("size/") + c.text_size);
    kiosk.advance_ms(1000);
    if (c.screen == ScreenName::EventDetail) {
        // The chair gymnastics on now, which has a picture.
        kiosk.tap(kiosk.target_showing("Tuolijumppa", event_rows));
        ASSERT_EQ(kiosk.ui().screen_name(), "event_detail");
        ASSERT_TRUE(kiosk.shows_text("Tuolijumppa"));
    } else if (c.screen == ScreenName::Tomorrow) {
        kiosk.tap("day/next");
        ASSERT_TRUE(kiosk.shows_text("Huomenna"));
    }

    for (const std::string& problem : frame_problems(kiosk))
        ADD_FAILURE() << problem;
    const ImageComparison comparison = compare_with_reference(kiosk.display().surface(), case_name(c));
    EXPECT_TRUE(comparison.matches) << comparison.message;
}

std::vector<Case> all_cases()
{
    std::vector<Case> cases;
    for (const Resolution& resolution : resolutions)
        for (const char* size : text_sizes)
            for (ScreenName screen : {ScreenName::Today, ScreenName::EventDetail, ScreenName::Tomorrow})
                cases.push_back({resolution, size, screen});
    return cases;
}

INSTANTIATE_TEST_SUITE_P(Screens, ScreenshotTest, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return case_name(info.param); });

} // namespace
} // namespace olohuone::testing
